import path from "node:path";
import { Worker } from "node:worker_threads";
import { lockDataDir } from "./data-dir-lock";
import type { FromWorker, ToWorker, WorkerOptions } from "./messages";

export interface EmbeddedDatabase {
  url: string;
  /**
   * A gzipped tar of the data directory, loadable with PGlite's `loadDataDir`. Call it while
   * holding the app's only pool connection, so that no transaction is open in PGlite's one session.
   */
  dump(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Where PGlite keeps its files: a folder of `DATA_DIR`, next to the lock file. */
export const pgdataOf = (dataDir: string): string => path.join(dataDir, "pgdata");

function nextMessage(worker: Worker): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker): void => {
      worker.off("error", onError);
      resolve(message);
    };
    const onError = (error: Error): void => {
      worker.off("message", onMessage);
      reject(error);
    };
    worker.once("message", onMessage);
    worker.once("error", onError);
  });
}

function expectReply<T extends FromWorker["type"]>(message: FromWorker, type: T): Extract<FromWorker, { type: T }> {
  if (message.type === type) return message as Extract<FromWorker, { type: T }>;
  throw new Error(message.type === "failed" ? message.message : `the database worker answered "${message.type}" instead of "${type}"`);
}

/** Starts PGlite on `dataDir` in a worker thread and returns a connection URL for `pg`. */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const unlock = lockDataDir(dataDir);
  const options: WorkerOptions = { dataDir: pgdataOf(dataDir) };
  const worker = new Worker(path.join(__dirname, "pglite-worker.js"), { workerData: options });
  try {
    const { port } = expectReply(await nextMessage(worker), "ready");
    // Replies carry no id, so requests go one at a time and each takes the next message.
    let queue: Promise<unknown> = Promise.resolve();
    const request = (message: ToWorker): Promise<FromWorker> => {
      const reply = queue.then(() => {
        const next = nextMessage(worker);
        worker.postMessage(message);
        return next;
      });
      queue = reply.catch(() => undefined);
      return reply;
    };
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async dump() {
        return Buffer.from(expectReply(await request({ type: "dump" }), "dumped").archive);
      },
      async close() {
        try {
          expectReply(await request({ type: "close" }), "closed");
        } finally {
          await worker.terminate();
          unlock();
        }
      },
    };
  } catch (error) {
    await worker.terminate();
    unlock();
    throw error;
  }
}
