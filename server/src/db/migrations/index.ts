import { Initial1764230400000 } from "./1764230400000-Initial";

/** In order; every schema change adds a migration here. */
export const migrations = [Initial1764230400000];
