import { Role, type User } from "./user.entity";

/** Who is asking. Anonymous clients and API keys have no user and see published content only. */
export interface Viewer {
  user: User | null;
  sessionId: string | null;
  apiKeyId: string | null;
  /** Set when the request carried a session or key that is not (or no longer) valid. */
  credentialError: string | null;
}

export const ANONYMOUS: Viewer = { user: null, sessionId: null, apiKeyId: null, credentialError: null };

/** Staff see every status; everyone else sees published content only. */
export const isStaff = (viewer: Viewer): boolean => viewer.user !== null;

/** The one rule of roles: a user holds their own role, and an admin holds every role. */
export const holdsRole = (user: Pick<User, "role">, role: Role): boolean => user.role === Role.ADMIN || user.role === role;
