import type { User } from "../modules/user/user.entity";
import type { Loaders } from "./loaders";
import type { Services } from "./services";

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

/** How resolvers set or clear the session cookie without knowing the HTTP framework. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  viewer: Viewer;
  /** The client's address (from X-Forwarded-For only when TRUST_PROXY is set). */
  clientIp: string;
  services: Services;
  loaders: Loaders;
  sessionCookie: SessionCookie;
}
