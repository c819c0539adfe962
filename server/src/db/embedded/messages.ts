/** Messages between the main thread and the PGlite worker. */
export type ToWorker = { type: "close" } | { type: "dump" };

export type FromWorker =
  | { type: "ready"; port: number }
  | { type: "failed"; message: string }
  | { type: "closed" }
  /** A gzipped tar of the data directory (PGlite's `dumpDataDir`). */
  | { type: "dumped"; archive: ArrayBuffer };

export interface WorkerOptions {
  dataDir: string;
}
