import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, MODE, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { openStream } from "./helpers/event-stream";
import { createApproved, createFirm, PUBLISH, RETRACT, run } from "./helpers/workflow";

const BY_SLUG = `query($slug: String) { report(slug: $slug) { title status } }`;

/** An anonymous read and the SQL statements it ran (0 when the response cache answered). */
async function read(server: RunningServer, slug: string): Promise<{ status: string | null; statements: number }> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: BY_SLUG, variables: { slug } }),
  });
  const body = (await response.json()) as { data: { report: { status: string } | null } };
  return { status: body.data.report?.status ?? null, statements: Number(response.headers.get("x-sql-statements")) };
}

/** Milliseconds until `check` holds, polling every 20 ms; fails after `limitMs`. */
async function msUntil(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

// Two instances on one PostgreSQL: the one that changes what is live, and one whose response cache
// holds the old answer for up to 45 s unless the outbox's NOTIFY reaches it.
describe.runIf(MODE === "server")("report events across instances (server)", () => {
  let db: TestDatabase;
  let writer: RunningServer;
  let reader: RunningServer;
  let editor: StaffMember;
  let reviewer: StaffMember;

  beforeAll(async () => {
    db = await createTestDatabase();
    writer = await startServer(db, { ...STAFF_ENV, SEED_DEMO: "false" });
    reader = await startServer(db, { ...STAFF_ENV, SEED_DEMO: "false", RESPONSE_CACHE: "on", CACHE_MAX_AGE: "45", SQL_STATS: "true" });
    const admin = (await signIn(writer, ADMIN.email, ADMIN.password)).client;
    editor = await createStaff(writer, admin, "EDITOR");
    reviewer = await createStaff(writer, admin, "REVIEWER");
  });

  afterAll(async () => {
    await Promise.all([writer?.stop(), reader?.stop()]);
    await db?.drop();
  });

  async function liveAndCached(title: string): Promise<{ id: string; slug: string }> {
    const report = await createApproved(editor.client, reviewer.client, await createFirm(editor.client), title);
    await run(editor.client, PUBLISH, { id: report.id });
    expect((await read(reader, report.slug)).status).toBe("PUBLISHED");
    expect(await read(reader, report.slug)).toEqual({ status: "PUBLISHED", statements: 0 });
    return report;
  }

  it("a retraction on one instance clears the other's response cache within a second", async () => {
    const report = await liveAndCached("[이벤트랩] 다른 인스턴스");
    await run(editor.client, RETRACT, { id: report.id, reason: "수치 오류" });
    const ms = await msUntil(async () => (await read(reader, report.slug)).status === "RETRACTED", 1_000);
    expect(ms).toBeLessThan(1_000);
  });

  it("an event committed on one instance reaches the other's stream clients within a second", async () => {
    const firm = await createFirm(editor.client);
    const stream = await openStream(reader, `?firmIds=${firm.id}&types=REPORT_PUBLISHED`);
    try {
      const report = await createApproved(editor.client, reviewer.client, firm, "[이벤트랩] 다른 인스턴스의 스트림");
      await run(editor.client, PUBLISH, { id: report.id });
      const committed = Date.now();
      await stream.next(1_000);
      expect(Date.now() - committed).toBeLessThan(1_000);
    } finally {
      stream.close();
    }
  });

  it("listens again after losing its connection, and clears the cache then, since it may have missed events", async () => {
    const report = await liveAndCached("[이벤트랩] 끊긴 연결");
    const [{ n }] = await db.sql(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN research_desk_report_events'`);
    expect(n).toBe(2); // one per instance
    await msUntil(async () => (await read(reader, report.slug)).statements > 0, 5_000);
    await run(editor.client, RETRACT, { id: report.id, reason: "재연결 시험" });
    await msUntil(async () => (await read(reader, report.slug)).status === "RETRACTED", 1_000);
  });
});
