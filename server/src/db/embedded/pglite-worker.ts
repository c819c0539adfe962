// Runs PGlite in its own thread, so that a slow query never blocks the HTTP event loop, and serves
// it over the PostgreSQL wire protocol on a private loopback port for the ordinary `pg` driver.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import type { FromWorker, ToWorker, WorkerOptions } from "./messages";

const port = parentPort!;
const send = (message: FromWorker): void => port.postMessage(message);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * PGlite is one session shared by every socket client, so the caller must hold the app's only
 * connection while this runs: otherwise a transaction could be half done in the archive.
 */
async function dump(db: PGlite): Promise<void> {
  if (db.isInTransaction()) throw new Error("cannot back up while a transaction is open");
  // Writes every dirty page to the data files, so that the archive opens without WAL replay.
  await db.exec("CHECKPOINT");
  const archive = await (await db.dumpDataDir("gzip")).arrayBuffer();
  port.postMessage({ type: "dumped", archive } satisfies FromWorker, [archive]);
}

async function main({ dataDir }: WorkerOptions): Promise<void> {
  const db = await PGlite.create({ dataDir });
  // Two slots: the app keeps one connection, and a reconnect must not be refused while the old
  // socket is still being torn down.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 2 });
  await server.start();

  port.on("message", (message: ToWorker) => {
    if (message.type === "dump") {
      dump(db).catch((error: unknown) => send({ type: "failed", message: messageOf(error) }));
      return;
    }
    void (async () => {
      await server.stop();
      await db.close();
      send({ type: "closed" });
    })();
  });
  send({ type: "ready", port: Number(server.getServerConn().split(":").pop()) });
}

main(workerData as WorkerOptions).catch((error: unknown) => {
  send({ type: "failed", message: messageOf(error) });
});
