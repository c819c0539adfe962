import type { GraphQLClient } from "graphql-request";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { MODE, runtimeSql, serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, createApproved, createFirm, eventually, PUBLISH, RETRACT, run, SUBMIT, UNSCHEDULE, UPDATE, type ReportState } from "./helpers/workflow";

const running = serverForThisFile({ ...STAFF_ENV, SEED_DEMO: "false", SCHEDULER_INTERVAL_MS: "200" });

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;

interface FeedEvent {
  id: string;
  position: string;
  type: string;
  at: string;
  reportId: string | null;
  slug: string | null;
  firmId: string;
  version: number | null;
  contentChecksum: string | null;
  disclaimerChecksum: string | null;
  templateId: string | null;
}

interface FeedPage {
  nodes: FeedEvent[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const FEED = `query($after: String, $first: Int, $filter: ReportEventFilterInput) {
  reportEvents(after: $after, first: $first, filter: $filter) {
    nodes { id position type at reportId slug firmId version contentChecksum disclaimerChecksum templateId }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Every event the client may see for these firms, paged through from the start. */
async function feed(client: GraphQLClient, firmIds: string[], first = 100): Promise<FeedEvent[]> {
  const events: FeedEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const { reportEvents }: { reportEvents: FeedPage } = await client.request(FEED, { after, first, filter: { firmIds } });
    events.push(...reportEvents.nodes);
    if (!reportEvents.pageInfo.hasNextPage) return events;
    after = reportEvents.pageInfo.endCursor;
  }
}

const anonymous = (): GraphQLClient => running.server().client;
const typesOf = (events: FeedEvent[], reportId?: string): string[] => events.filter((e) => !reportId || e.reportId === reportId).map((e) => e.type);
const inFuture = (ms: number): string => new Date(Date.now() + ms).toISOString();
const newTemplate = (firmId: string, body: string) =>
  editor.client.request(`mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { version } }`, { firmId, body });

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

describe(`the outbox and the change feed (${MODE})`, () => {
  it("writes one event per committed transition, in order, with the publication log's checksums", async () => {
    const firm = await createFirm(editor.client);
    const report = await createApproved(editor.client, reviewer.client, firm, "[이벤트랩] 게시와 정정");
    await run(editor.client, PUBLISH, { id: report.id, at: inFuture(3_600_000) });
    await run(editor.client, UNSCHEDULE, { id: report.id });
    const live = await run(editor.client, PUBLISH, { id: report.id });
    await run(editor.client, UPDATE, { id: report.id, input: { title: "[이벤트랩] 게시와 정정, 고친 제목" }, v: live.version });
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "제목의 오자를 고쳤습니다." });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    await run(editor.client, PUBLISH, { id: report.id });
    const retracted = await run(editor.client, RETRACT, { id: report.id, reason: "수치 오류" });

    const events = await feed(admin, [firm.id]);
    expect(typesOf(events)).toEqual([
      "DISCLAIMER_TEMPLATE_CREATED",
      "REPORT_SCHEDULED",
      "REPORT_UNSCHEDULED",
      "REPORT_PUBLISHED",
      "REPORT_CORRECTED",
      "REPORT_RETRACTED",
    ]);
    const positions = events.map((e) => BigInt(e.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    const last = events.at(-1)!;
    expect(last).toMatchObject({ reportId: report.id, slug: retracted.slug, firmId: firm.id, version: retracted.version });

    const { report: history } = await admin.request<{ report: { publicationPeriods: { contentChecksum: string; disclaimerChecksum: string }[] } }>(
      `query($id: ID) { report(id: $id) { publicationPeriods { contentChecksum disclaimerChecksum } } }`,
      { id: report.id },
    );
    const [first, corrected] = history.publicationPeriods;
    const checksums = events.slice(3).map((e) => ({ contentChecksum: e.contentChecksum, disclaimerChecksum: e.disclaimerChecksum }));
    // Retraction logs the content that stopped being readable: the corrected one.
    expect(checksums).toEqual([first, corrected, corrected]);
    expect(events[0]).toMatchObject({ reportId: null, slug: null, version: null });
    expect(events[0].templateId).not.toBeNull();
  });

  it("shows anonymous clients only what they may read: public types of published reports", async () => {
    const firm = await createFirm(editor.client);
    const scheduled = await createApproved(editor.client, reviewer.client, firm, "[이벤트랩] 예약만");
    await run(editor.client, PUBLISH, { id: scheduled.id, at: inFuture(3_600_000) });
    const published = await run(editor.client, PUBLISH, { id: (await createApproved(editor.client, reviewer.client, firm, "[이벤트랩] 공개")).id });

    expect(typesOf(await feed(admin, [firm.id]))).toEqual(["DISCLAIMER_TEMPLATE_CREATED", "REPORT_SCHEDULED", "REPORT_PUBLISHED"]);
    const seen = await feed(anonymous(), [firm.id]);
    expect(seen.map((e) => [e.type, e.reportId])).toEqual([["REPORT_PUBLISHED", published.id]]);
    // Staff-only types asked for by name are still not shown.
    const { reportEvents } = await anonymous().request<{ reportEvents: { nodes: FeedEvent[] } }>(FEED, {
      filter: { firmIds: [firm.id], types: ["REPORT_SCHEDULED", "DISCLAIMER_TEMPLATE_CREATED"] },
    });
    expect(reportEvents.nodes).toEqual([]);
  });

  it("pages in position order from a cursor, and refuses forged cursors and bad filters", async () => {
    const firm = await createFirm(editor.client);
    for (const title of ["[이벤트랩] 하나", "[이벤트랩] 둘", "[이벤트랩] 셋"]) {
      await run(editor.client, PUBLISH, { id: (await createApproved(editor.client, reviewer.client, firm, title)).id });
    }
    const all = await feed(anonymous(), [firm.id]);
    const paged = await feed(anonymous(), [firm.id], 1);
    expect(all).toHaveLength(3);
    expect(paged).toEqual(all);

    const forged = Buffer.from(JSON.stringify(["position", "1; DROP TABLE reports", "00000000-0000-0000-0000-000000000000"])).toString("base64url");
    expect(codesOf(await errorsOf(anonymous(), FEED, { after: forged }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await errorsOf(anonymous(), FEED, { filter: { firmIds: ["not-a-uuid"] } }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await errorsOf(anonymous(), FEED, { first: 101 }))).toEqual(["BAD_USER_INPUT"]);
  });

  // The scheduler's publishing transaction is rolled back by the database's gate at its commit: the
  // event its trigger wrote goes with it.
  it("writes SCHEDULE_BLOCKED when the scheduler's gate refuses a due report, and no REPORT_PUBLISHED", async () => {
    const firm = await createFirm(editor.client);
    const report = await createApproved(editor.client, reviewer.client, firm, "[이벤트랩] 막힌 예약");
    await run(editor.client, PUBLISH, { id: report.id, at: inFuture(1_500) });
    await newTemplate(firm.id, "새 판의 고지문입니다. 투자 판단의 책임은 투자자에게 있습니다.");
    const events = await eventually(
      () => feed(admin, [firm.id]),
      (found) => typesOf(found, report.id).includes("SCHEDULE_BLOCKED"),
    );
    expect(typesOf(events, report.id)).toEqual(["REPORT_SCHEDULED", "SCHEDULE_BLOCKED"]);
  });
});

describe.runIf(MODE === "server")("commit order and the runtime role (server)", () => {
  const templateInsert = (firmId: string, version: number): string =>
    `INSERT INTO disclaimer_templates (firm_id, version, body, effective_from, checksum)
     VALUES ('${firmId}', ${version}, '순서 시험 ${version}', now() + interval '1 year', 'x')`;

  it("gives positions in commit order: a writer that took a position holds back the next commit", async () => {
    const [a, b] = [await createFirm(editor.client), await createFirm(editor.client)];
    const first = new pg.Client({ connectionString: running.db().env.DATABASE_URL });
    const second = new pg.Client({ connectionString: running.db().env.DATABASE_URL });
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query("BEGIN");
      await first.query(templateInsert(a.id, 7));
      // Fire the deferred trigger now: the first transaction takes its position and keeps it open.
      await first.query("SET CONSTRAINTS disclaimer_templates_report_event IMMEDIATE");
      await second.query("BEGIN");
      await second.query(templateInsert(b.id, 7));
      let secondDone = false;
      const secondCommit = second.query("COMMIT").then(() => (secondDone = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(secondDone).toBe(false);
      const whileOpen = await feed(admin, [a.id, b.id]);
      expect(whileOpen.filter((e) => e.templateId !== null && e.type === "DISCLAIMER_TEMPLATE_CREATED")).toHaveLength(2); // the two firms' first versions
      await first.query("COMMIT");
      await secondCommit;
      const events = (await feed(admin, [a.id, b.id])).slice(2);
      expect(events.map((e) => e.firmId)).toEqual([a.id, b.id]);
      expect(BigInt(events[0].position)).toBeLessThan(BigInt(events[1].position));
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  it("leaves no event for a transition that rolls back, at the statement or at the commit's gate", async () => {
    const firm = await createFirm(editor.client);
    const report: ReportState = await createApproved(editor.client, reviewer.client, firm, "[이벤트랩] 되돌림");
    const before = await feed(admin, [firm.id]);
    const sql = (text: string) => running.db().sql(text);
    await sql(`BEGIN; UPDATE reports SET status = 'SCHEDULED', scheduled_at = now() + interval '1 day' WHERE id = '${report.id}'; ROLLBACK;`);
    // Scheduled without a disclaimer: the gate refuses it at the commit, after the event's trigger ran.
    await expect(sql(`UPDATE reports SET status = 'SCHEDULED', scheduled_at = now() + interval '1 day', disclaimer_id = NULL WHERE id = '${report.id}'`)).rejects.toThrow();
    expect(await feed(admin, [firm.id])).toEqual(before);
  });

  it("lets the runtime role read events but neither write, rewrite nor forge them", async () => {
    const db = running.db();
    await expect(runtimeSql(db, `UPDATE report_events SET type = 'REPORT_RETRACTED'`)).rejects.toThrow(/permission denied/);
    await expect(runtimeSql(db, `DELETE FROM report_events`)).rejects.toThrow(/permission denied/);
    await expect(runtimeSql(db, `INSERT INTO report_events (type, firm_id) VALUES ('DISCLAIMER_TEMPLATE_CREATED', gen_random_uuid())`)).rejects.toThrow(/permission denied/);
    await expect(
      runtimeSql(db, `SELECT rd_append_report_event(current_schema(), 'REPORT_RETRACTED', NULL, gen_random_uuid(), NULL, NULL, NULL)`),
    ).rejects.toThrow(/permission denied/);
    await expect(db.sql(`UPDATE report_events SET type = 'REPORT_RETRACTED'`)).rejects.toThrow(/append-only/);
  });
});
