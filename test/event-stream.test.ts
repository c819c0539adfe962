import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, MODE, serverForThisFile, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { eventsUrl, openStream } from "./helpers/event-stream";
import { createApproved, createFirm, PUBLISH, run } from "./helpers/workflow";

const MAX_STREAMS = 6;
const running = serverForThisFile({ ...STAFF_ENV, SEED_DEMO: "false", EVENTS_MAX_CONNECTIONS: String(MAX_STREAMS), EVENTS_HEARTBEAT_SECONDS: "1" });

let editor: StaffMember;
let reviewer: StaffMember;
let adminToken: string;

beforeAll(async () => {
  const admin = await signIn(running.server(), ADMIN.email, ADMIN.password);
  adminToken = admin.token;
  editor = await createStaff(running.server(), admin.client, "EDITOR");
  reviewer = await createStaff(running.server(), admin.client, "REVIEWER");
});

const publishNew = async (firm: { id: string; analystId: string }, title: string): Promise<string> =>
  (await run(editor.client, PUBLISH, { id: (await createApproved(editor.client, reviewer.client, firm, title)).id })).id;

describe(`GET /events (${MODE})`, () => {
  it("streams a publication to anonymous clients within a second, with the feed's cursor as the id", async () => {
    const firm = await createFirm(editor.client);
    const stream = await openStream(running.server(), `?firmIds=${firm.id}`);
    try {
      expect(stream.status).toBe(200);
      const started = Date.now();
      const reportId = await publishNew(firm, "[스트림랩] 실시간");
      const event = await stream.next(1_000 + (Date.now() - started));
      expect(event).toMatchObject({ event: "REPORT_PUBLISHED", data: { type: "REPORT_PUBLISHED", reportId, firmId: firm.id } });
      const { reportEvents } = await running.server().client.request<{ reportEvents: { edges: { cursor: string }[] } }>(
        `query($f: ReportEventFilterInput) { reportEvents(filter: $f) { edges { cursor } } }`,
        { f: { firmIds: [firm.id] } },
      );
      expect(event.id).toBe(reportEvents.edges.at(-1)!.cursor);
    } finally {
      stream.close();
    }
  });

  it("shows staff-only events to staff (Authorization header) and never to anonymous clients", async () => {
    const firm = await createFirm(editor.client);
    const anonymous = await openStream(running.server(), `?firmIds=${firm.id}`);
    const staff = await openStream(running.server(), `?firmIds=${firm.id}`, { authorization: `Bearer ${adminToken}` });
    // What a browser's EventSource sends: the session cookie, no header of its own.
    const browser = await openStream(running.server(), `?firmIds=${firm.id}`, { cookie: `rd_session=${adminToken}` });
    try {
      expect((await browser.next()).event).toBe("DISCLAIMER_TEMPLATE_CREATED");
      expect((await staff.next()).event).toBe("DISCLAIMER_TEMPLATE_CREATED"); // the firm's first version, from before
      const report = await createApproved(editor.client, reviewer.client, firm, "[스트림랩] 예약");
      await run(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + 3_600_000).toISOString() });
      expect(await staff.next()).toMatchObject({ event: "REPORT_SCHEDULED", data: { reportId: report.id } });
      const published = await publishNew(firm, "[스트림랩] 공개");
      expect(await staff.next()).toMatchObject({ event: "REPORT_PUBLISHED", data: { reportId: published } });
      // The anonymous stream's first event is the publication: nothing before it was theirs to see.
      expect(await anonymous.next()).toMatchObject({ event: "REPORT_PUBLISHED", data: { reportId: published } });
    } finally {
      anonymous.close();
      staff.close();
      browser.close();
    }
  });

  it("resumes after Last-Event-ID without missing or repeating anything", async () => {
    const firm = await createFirm(editor.client);
    const first = await openStream(running.server(), `?firmIds=${firm.id}&types=REPORT_PUBLISHED`);
    const one = await publishNew(firm, "[스트림랩] 하나");
    const seen = await first.next();
    expect(seen.data.reportId).toBe(one);
    first.close();
    const missed = [await publishNew(firm, "[스트림랩] 둘"), await publishNew(firm, "[스트림랩] 셋")];
    const again = await openStream(running.server(), `?firmIds=${firm.id}&types=REPORT_PUBLISHED`, { "last-event-id": seen.id });
    try {
      expect([(await again.next()).data.reportId, (await again.next()).data.reportId]).toEqual(missed);
      await expect(again.next(500)).rejects.toThrow(/no event/);
    } finally {
      again.close();
    }
  });

  it("sends heartbeats", async () => {
    const stream = await openStream(running.server(), `?types=REPORT_RETRACTED`);
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(stream.comments).toContain("heartbeat");
    } finally {
      stream.close();
    }
  });

  it("refuses bad filters, bad credentials and streams beyond EVENTS_MAX_CONNECTIONS, with a code", async () => {
    const refused = async (query: string, headers: Record<string, string> = {}): Promise<[number, unknown]> => {
      const response = await fetch(eventsUrl(running.server(), query), { headers });
      return [response.status, await response.json()];
    };
    expect(await refused("?firmIds=nope")).toEqual([400, expect.objectContaining({ code: "BAD_USER_INPUT", field: "firmIds" })]);
    expect(await refused("?types=REPORT_EATEN")).toEqual([400, expect.objectContaining({ code: "BAD_USER_INPUT", field: "types" })]);
    expect(await refused("?after=forged")).toEqual([400, expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" })]);
    expect(await refused("", { authorization: "Bearer rd_not_a_real_key" })).toEqual([401, expect.objectContaining({ code: "UNAUTHENTICATED" })]);

    const streams = await Promise.all(Array.from({ length: MAX_STREAMS }, () => openStream(running.server(), "?types=REPORT_RETRACTED")));
    try {
      expect(streams.map((s) => s.status)).toEqual(Array(MAX_STREAMS).fill(200));
      expect(await refused("?types=REPORT_RETRACTED")).toEqual([503, expect.objectContaining({ code: "TOO_MANY_REQUESTS" })]);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});

describe(`shutting down with open streams (${MODE})`, () => {
  let db: TestDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer(db, { SEED_DEMO: "false" });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("closes the streams at once instead of waiting out the grace period", async () => {
    const stream = await openStream(server);
    const started = Date.now();
    const exit = server.stop();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await exit).toBe(0);
  });
});
