import type { User } from "../modules/user/user.entity";
import type { Loaders } from "./loaders";
import type { Services } from "./services";

/** Who is asking. Anonymous clients (and, later, API keys) have no user. */
export interface Viewer {
  user: User | null;
}

/** Staff see every status; everyone else sees published content only. */
export const isStaff = (viewer: Viewer): boolean => viewer.user !== null;

export interface Context {
  viewer: Viewer;
  services: Services;
  loaders: Loaders;
}
