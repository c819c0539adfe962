import pg from "pg";
import { describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { createPrivatePostgres, privatePostgresAvailable } from "./helpers/private-postgres";
import { MODE, startServer } from "./helpers/server";

// On the server-PostgreSQL pass only (the embedded mode cannot lose its database this way).
const enabled = MODE === "server" && privatePostgresAvailable();

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - started };
}

describe.runIf(enabled)("a PostgreSQL that stops and comes back", () => {
  it("fails requests fast and clearly, stays up, and recovers by itself", async () => {
    const pg = await createPrivatePostgres();
    const server = await startServer({ env: { DATABASE_URL: pg.url }, sql: async () => [], drop: async () => undefined });
    const healthz = server.url.replace("/graphql", "/healthz");
    const query = `{ reports { totalCount } }`;
    try {
      expect((await fetch(healthz)).status).toBe(200);
      const before = (await server.client.request<{ reports: { totalCount: number } }>(query)).reports.totalCount;

      pg.stop();
      const down = await timed(() => errorsOf(server.client, query));
      expect(codesOf(down.value)).toEqual(["INTERNAL_SERVER_ERROR"]);
      expect(down.value[0].message).toMatch(/database is unavailable/);
      expect(down.ms).toBeLessThan(5_000);
      const health = await timed(() => fetch(healthz));
      expect(health.value.status).toBe(503);
      expect(server.process.exitCode).toBeNull();

      pg.start();
      const started = Date.now();
      let recovered = false;
      while (!recovered && Date.now() - started < 15_000) {
        recovered = (await fetch(healthz)).status === 200;
        if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const recoveryMs = Date.now() - started;
      expect(recovered).toBe(true);
      expect((await server.client.request<{ reports: { totalCount: number } }>(query)).reports.totalCount).toBe(before);
      console.log(`database down: request failed in ${down.ms} ms, /healthz 503 in ${health.ms} ms; back: healthy after ${recoveryMs} ms`);
    } finally {
      await server.stop();
      pg.destroy();
    }
  });
});

describe.runIf(enabled)("a database that stops answering", () => {
  it("bounds every request: statement timeout and pool wait, then clear errors, then normal service", async () => {
    const pgServer = await createPrivatePostgres();
    const server = await startServer(
      { env: { DATABASE_URL: pgServer.url }, sql: async () => [], drop: async () => undefined },
      { DATABASE_POOL_SIZE: "2", DATABASE_STATEMENT_TIMEOUT_MS: "1500", DATABASE_CONNECTION_TIMEOUT_MS: "1000", SCHEDULER_INTERVAL_MS: "3600000" },
    );
    const blocker = new pg.Client({ connectionString: pgServer.url });
    await blocker.connect();
    const query = `{ reports { totalCount } }`;
    try {
      // Another session holds the reports table: every read of it waits.
      await blocker.query("BEGIN");
      await blocker.query("LOCK TABLE reports IN ACCESS EXCLUSIVE MODE");
      const started = Date.now();
      const outcomes = await Promise.all(Array.from({ length: 6 }, () => errorsOf(server.client, query)));
      const slowest = Date.now() - started;
      const messages = outcomes.map((errors) => errors[0].message);
      expect(outcomes.every((errors) => codesOf(errors)[0] === "INTERNAL_SERVER_ERROR")).toBe(true);
      expect(messages.every((m) => /did not answer in time|database is unavailable/.test(m))).toBe(true);
      expect(slowest).toBeLessThan(8_000);
      await blocker.query("ROLLBACK");
      const { reports } = await server.client.request<{ reports: { totalCount: number } }>(query);
      expect(reports.totalCount).toBeGreaterThan(0);
      console.log(`blocked database: 6 requests all answered within ${slowest} ms (${[...new Set(messages)].join(" / ")})`);
    } finally {
      await blocker.end();
      await server.stop();
      pgServer.destroy();
    }
  });
});
