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
