import path from "node:path";
import { Worker } from "node:worker_threads";
import { lockDataDir } from "./data-dir-lock";
import type { FromWorker, ToWorker, WorkerOptions } from "./messages";

export interface EmbeddedDatabase {
  url: string;
  close(): Promise<void>;
}

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

/** Starts PGlite on `dataDir` in a worker thread and returns a connection URL for `pg`. */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const unlock = lockDataDir(dataDir);
  const options: WorkerOptions = { dataDir: path.join(dataDir, "pgdata") };
  const worker = new Worker(path.join(__dirname, "pglite-worker.js"), { workerData: options });
  try {
    const started = await nextMessage(worker);
    if (started.type !== "ready") {
      throw new Error(started.type === "failed" ? started.message : "the database worker did not start");
    }
    return {
      url: `postgres://postgres@127.0.0.1:${started.port}/postgres`,
      async close() {
        const closed = nextMessage(worker);
        worker.postMessage({ type: "close" } satisfies ToWorker);
        await closed;
        await worker.terminate();
        unlock();
      },
    };
  } catch (error) {
    await worker.terminate();
    unlock();
    throw error;
  }
}
