import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pgdataOf } from "../server/src/db/embedded/embedded-database";
import { createTestDatabase, MODE, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV } from "./helpers/staff";
import { demoFirm, eventually } from "./helpers/workflow";
import { agreeingFacts, reportFactsSql, streamWrites } from "./helpers/write-stream";

if (MODE !== "embedded") console.log("Crash test skipped: it kills the embedded database's process; a server PostgreSQL recovers on its own.");

const PREFIX = "[크래시랩]";

/** pg_control's cluster state (a 32-bit field at byte 16): 1 shut down cleanly, 6 in production. */
const clusterState = (db: TestDatabase): number => fs.readFileSync(path.join(pgdataOf(db.env.DATA_DIR), "global/pg_control")).readInt32LE(16);

async function timedStart(db: TestDatabase, seedDemo = false): Promise<{ server: RunningServer; ms: number }> {
  const started = Date.now();
  const server = await startServer(db, { ...STAFF_ENV, SEED_DEMO: String(seedDemo) });
  return { server, ms: Date.now() - started };
}

describe.runIf(MODE === "embedded")("the embedded database", () => {
  it("keeps every acknowledged write through a SIGKILL mid-write, and closes cleanly on SIGTERM", async () => {
    const db = await createTestDatabase();
    const lockFile = path.join(db.env.DATA_DIR, "research-desk.lock");
    try {
      const first = await timedStart(db, true);
      const admin = await signIn(first.server, ADMIN.email, ADMIN.password);
      const editor = await createStaff(first.server, admin.client, "EDITOR");
      const stream = streamWrites(editor.client, await demoFirm(editor.client), PREFIX);
      await eventually(async () => stream.writes(), (n) => n >= 120, 120_000);
      const exited = once(first.server.process, "exit");
      const stopped = stream.stop();
      const inFlightAtKill = stream.inFlight();
      first.server.process.kill("SIGKILL");
      await Promise.all([stopped, exited]);
      expect(inFlightAtKill).toBeGreaterThan(0);

      // The killed process left its lock and a database that was never shut down.
      expect(fs.readFileSync(lockFile, "utf8")).toBe(String(first.server.process.pid));
      expect(clusterState(db)).toBe(6);

      const second = await timedStart(db); // takes the stale lock over
      try {
        const staff = (await signIn(second.server, ADMIN.email, ADMIN.password)).client;
        for (const [id, acked] of stream.acknowledged) {
          const { report } = await staff.request<{ report: { title: string; version: number } | null }>(`query($id: ID) { report(id: $id) { title version } }`, { id });
          // The answered write is there; at most the one write that was in flight for it went further.
          expect(report, `report ${acked.title}`).not.toBeNull();
          expect(report!.version - acked.version).toBeGreaterThanOrEqual(0);
          expect(report!.version - acked.version).toBeLessThanOrEqual(1);
          if (report!.version === acked.version) expect(report!.title).toBe(acked.title);
        }
      } finally {
        expect(await second.server.stop()).toBe(0);
      }

      // SIGTERM closed the database: the lock is released, pg_control says "shut down", and PGlite
      // opened by the test sees every write, each with its revision and audit events.
      expect(fs.existsSync(lockFile)).toBe(false);
      expect(clusterState(db)).toBe(1);
      const reports = await db.sql(reportFactsSql(PREFIX));
      expect(reports.map((r) => r.id)).toEqual(expect.arrayContaining([...stream.acknowledged.keys()]));
      for (const r of reports) expect(r, `report ${r.title}`).toMatchObject(agreeingFacts(r));

      const third = await timedStart(db);
      expect(await third.server.stop()).toBe(0);
      console.log(
        `crash: ${stream.writes()} acknowledged writes (${stream.acknowledged.size} reports) checked, ${inFlightAtKill} in flight at SIGKILL, ` +
          `${reports.length} reports after restart; start ${first.ms} ms, restart after SIGKILL ${second.ms} ms, after SIGTERM ${third.ms} ms`,
      );
    } finally {
      await db.drop();
    }
  }, 240_000);
});
