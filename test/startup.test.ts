import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createDataSource } from "../server/src/db/data-source";
import { entities } from "../server/src/modules/entities";
import { createTestDatabase, MODE, runUntilExit, serverForThisFile, startServer } from "./helpers/server";

const running = serverForThisFile();

/** One line of output, without the frames of a stack trace. */
function expectOneReadableLine(output: string, pattern: RegExp): void {
  const lines = output.trim().split("\n");
  expect(lines, output).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(output).not.toMatch(/^\s+at /m);
}

describe("start-up and health", () => {
  it("answers /healthz while the database is reachable", async () => {
    const response = await fetch(running.server().url.replace("/graphql", "/healthz"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("exits non-zero with one readable line when the database cannot be reached", async () => {
    const { code, output } = await runUntilExit({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/nowhere" });
    expect(code).not.toBe(0);
    expectOneReadableLine(output, /^research-desk: cannot reach the database/);
  });

  it("exits non-zero with one readable line on a bad setting", async () => {
    const { code, output } = await runUntilExit({ ...running.db().env, PORT: "eighty" });
    expect(code).not.toBe(0);
    expectOneReadableLine(output, /^research-desk: PORT must be an integer/);
  });

  it.runIf(MODE === "embedded")("refuses a second process on the same DATA_DIR with one clear line", async () => {
    const { code, output } = await runUntilExit(running.db().env);
    expect(code).not.toBe(0);
    expectOneReadableLine(output, /^research-desk: .* is in use by another Research Desk process \(pid \d+\)$/);
    const response = await fetch(running.server().url.replace("/graphql", "/healthz"));
    expect(response.status).toBe(200);
  });

  it.runIf(MODE === "embedded")("takes over a lock left behind by a process that was killed", async () => {
    const own = await createTestDatabase();
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!; // has exited: its pid runs nothing now
    fs.mkdirSync(own.env.DATA_DIR, { recursive: true });
    fs.writeFileSync(path.join(own.env.DATA_DIR, "research-desk.lock"), String(gone));
    const restarted = await startServer(own, { SEED_DEMO: "false" });
    try {
      expect((await fetch(restarted.url.replace("/graphql", "/healthz"))).status).toBe(200);
    } finally {
      expect(await restarted.stop()).toBe(0);
      await own.drop();
    }
  });

  it.runIf(MODE === "server")("answers 503 on /healthz while the database is unreachable", async () => {
    const own = await createTestDatabase();
    const doomed = await startServer(own, { SEED_DEMO: "false" });
    try {
      const healthz = doomed.url.replace("/graphql", "/healthz");
      expect((await fetch(healthz)).status).toBe(200);
      await own.drop(); // terminates its connections; new ones find no database
      const response = await fetch(healthz);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", database: "unreachable" });
    } finally {
      await doomed.stop();
    }
  });

  it.runIf(MODE === "server")("runs each session with the statement timeouts and without parallel workers", async () => {
    const dataSource = createDataSource({
      url: running.db().env.DATABASE_URL,
      entities,
      poolSize: 2,
      connectTimeoutMs: 1_000,
      serverSession: { statementMs: 1_500, idleInTransactionMs: 2_500 },
    });
    await dataSource.initialize();
    try {
      const [settings] = await dataSource.query(
        `SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle,
                current_setting('max_parallel_workers_per_gather') AS workers`,
      );
      expect(settings).toEqual({ statement: "1500ms", idle: "2500ms", workers: "0" });
    } finally {
      await dataSource.destroy();
    }
  });

  it.runIf(MODE === "server")("waits for another instance's migrations longer than the statement timeout", async () => {
    const own = await createTestDatabase();
    const url = own.env.DATABASE_URL;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      // Another instance is migrating: it holds the lock for 2 s, four times the statement timeout.
      await holder.query("SELECT pg_advisory_lock(hashtext('research-desk:migrations'))");
      const release = setTimeout(() => void holder.query("SELECT pg_advisory_unlock(hashtext('research-desk:migrations'))"), 2_000);
      const started = Date.now();
      const waiting = await startServer(own, { SEED_DEMO: "false", DATABASE_STATEMENT_TIMEOUT_MS: "500" });
      clearTimeout(release);
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
      const { me } = await waiting.client.request<{ me: null }>(`{ me { id } }`);
      expect(me).toBeNull();
      await waiting.stop();
    } finally {
      await holder.end();
      await own.drop();
    }
  });
});
