import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "../server/src/db/data-source";
import type { EmbeddedDatabase } from "../server/src/db/embedded/embedded-database";
import { afterCommit, transaction } from "../server/src/kernel/transaction";
import { MODE, SERVER_ENTRY, SERVER_POSTGRES_URL } from "./helpers/server";

// The services' transaction boundary, on the database of this mode: PGlite through its pool of one
// connection, or the server PostgreSQL.
describe(`kernel/transaction (${MODE})`, () => {
  let embedded: EmbeddedDatabase | null = null;
  let dataSource: DataSource;

  beforeAll(async () => {
    if (!SERVER_POSTGRES_URL) {
      // From the build: the embedded database runs PGlite in a worker thread started from a .js file.
      const built = path.join(path.dirname(SERVER_ENTRY), "db/embedded/embedded-database.js");
      const { startEmbeddedDatabase } = (await import(built)) as typeof import("../server/src/db/embedded/embedded-database");
      embedded = await startEmbeddedDatabase(fs.mkdtempSync(path.join(os.tmpdir(), "rd-tx-")));
    }
    dataSource = createDataSource({
      url: SERVER_POSTGRES_URL ?? embedded!.url,
      entities: [],
      poolSize: embedded ? 1 : 2,
      connectTimeoutMs: 5_000,
      serverSession: null,
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await embedded?.close();
  });

  const backendTransaction = async (manager: { query(sql: string): Promise<{ id: string }[]> }): Promise<string> =>
    (await manager.query("SELECT txid_current()::text AS id"))[0].id;

  it("joins the caller's transaction instead of opening a second one (which a pool of one could not)", async () => {
    const ids = await transaction(dataSource, async (outer) => {
      const inner = await transaction(dataSource, (manager) => backendTransaction(manager));
      return [await backendTransaction(outer), inner];
    });
    expect(ids[0]).toBe(ids[1]);
  });

  it("runs afterCommit callbacks once the outermost transaction has committed, in order", async () => {
    const events: string[] = [];
    await transaction(dataSource, async () => {
      afterCommit(() => events.push("outer"));
      await transaction(dataSource, async () => {
        afterCommit(() => events.push("inner"));
        events.push("inner done");
      });
      events.push("outer done");
    });
    expect(events).toEqual(["inner done", "outer done", "outer", "inner"]);
  });

  it("never runs them when the transaction rolls back, even if an inner one finished", async () => {
    const events: string[] = [];
    const failed = transaction(dataSource, async () => {
      await transaction(dataSource, async () => afterCommit(() => events.push("inner")));
      throw new Error("the outer work fails");
    });
    await expect(failed).rejects.toThrow("the outer work fails");
    expect(events).toEqual([]);
  });

  it("runs a callback at once outside a transaction", () => {
    const events: string[] = [];
    afterCommit(() => events.push("now"));
    expect(events).toEqual(["now"]);
  });
});
