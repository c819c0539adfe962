/** Messages between the main thread and the PGlite worker. */
export type ToWorker = { type: "close" };

export type FromWorker =
  | { type: "ready"; port: number }
  | { type: "failed"; message: string }
  | { type: "closed" };

export interface WorkerOptions {
  dataDir: string;
}
