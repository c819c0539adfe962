import type { Services } from "../modules/services";
import type { Viewer } from "../modules/user/viewer";
import type { Loaders } from "./loaders";

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
