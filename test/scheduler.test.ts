import { describe, expect, it } from "vitest";
import { createTestDatabase, MODE, startServer } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV } from "./helpers/staff";
import { APPROVE, ATTACH, eventually, PUBLISH, run, SUBMIT } from "./helpers/workflow";

const REPORTS = 24;

// Two real server processes on one PostgreSQL, both running the scheduler. The embedded database
// belongs to one process, so this runs on the server PostgreSQL only.
describe.runIf(MODE === "server")("scheduled publication with two server processes", () => {
  it("publishes each due report exactly once", async () => {
    const db = await createTestDatabase();
    const env = { ...STAFF_ENV, SEED_DEMO: "false", SCHEDULER_INTERVAL_MS: "100" };
    const first = await startServer(db, env);
    const second = await startServer(db, env);
    try {
      const admin = (await signIn(first, ADMIN.email, ADMIN.password)).client;
      const editor = await createStaff(first, admin, "EDITOR");
      const reviewer = await createStaff(second, admin, "REVIEWER");
      const { createFirm } = await editor.client.request<{ createFirm: { id: string } }>(`mutation { createFirm(input: { name: "두프로세스증권" }) { id } }`);
      await editor.client.request(`mutation($id: ID!) { createDisclaimerTemplate(firmId: $id, body: "두 프로세스 고지문") { version } }`, { id: createFirm.id });
      const { createAnalyst } = await editor.client.request<{ createAnalyst: { id: string } }>(
        `mutation($id: ID!) { createAnalyst(input: { firmId: $id, name: "김예약" }) { id } }`,
        { id: createFirm.id },
      );
      const ids: string[] = [];
      for (let i = 0; i < REPORTS; i++) {
        const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
          `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
          { input: { title: `[예약랩] 보고서 ${i}`, subject: "예약랩", summary: ["요점"], body: "<p>본문</p>", firmId: createFirm.id, analystIds: [createAnalyst.id] } },
        );
        await run(editor.client, ATTACH, { id: createReport.id });
        await run(editor.client, SUBMIT, { id: createReport.id });
        await run(reviewer.client, APPROVE, { id: createReport.id, note: null });
        ids.push(createReport.id);
      }
      // Far enough ahead that scheduling all of them takes less, even on a busy machine.
      const at = new Date(Date.now() + 5_000).toISOString();
      for (const id of ids) await run(editor.client, PUBLISH, { id, at });

      const published = await eventually(
        async () => (await first.client.request<{ reports: { totalCount: number } }>(`{ reports { totalCount } }`)).reports.totalCount,
        (n) => n === REPORTS,
        30_000,
      );
      expect(published).toBe(REPORTS);
      await new Promise((resolve) => setTimeout(resolve, 500)); // more rounds on both processes
      const { reports } = await admin.request<{
        reports: { nodes: { publicationPeriods: unknown[]; auditTrail: { nodes: { action: string; actorId: string | null }[] } }[] };
      }>(`{ reports(first: 30) { nodes { publicationPeriods { liveFrom } auditTrail(first: 20) { nodes { action actorId } } } } }`);
      for (const report of reports.nodes) {
        expect(report.publicationPeriods).toHaveLength(1);
        const publications = report.auditTrail.nodes.filter((e) => e.action === "PUBLISH");
        expect(publications).toEqual([{ action: "PUBLISH", actorId: null }]);
      }
    } finally {
      await first.stop();
      await second.stop();
      await db.drop();
    }
  });
});

describe("scheduled publication after downtime", () => {
  it("publishes past-due reports when the server starts", async () => {
    const db = await createTestDatabase();
    // An hour between rounds: only the round at start-up can publish in this test.
    const env = { ...STAFF_ENV, SEED_DEMO: "false", SCHEDULER_INTERVAL_MS: "3600000" };
    const server = await startServer(db, env);
    let id: string;
    try {
      const admin = (await signIn(server, ADMIN.email, ADMIN.password)).client;
      const editor = await createStaff(server, admin, "EDITOR");
      const reviewer = await createStaff(server, admin, "REVIEWER");
      const { createFirm } = await editor.client.request<{ createFirm: { id: string } }>(`mutation { createFirm(input: { name: "재시작증권" }) { id } }`);
      await editor.client.request(`mutation($id: ID!) { createDisclaimerTemplate(firmId: $id, body: "재시작 고지문") { version } }`, { id: createFirm.id });
      const { createAnalyst } = await editor.client.request<{ createAnalyst: { id: string } }>(
        `mutation($id: ID!) { createAnalyst(input: { firmId: $id, name: "이재시" }) { id } }`,
        { id: createFirm.id },
      );
      const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
        `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
        { input: { title: "[재시작랩] 예약", subject: "재시작랩", summary: ["요점"], body: "<p>본문</p>", firmId: createFirm.id, analystIds: [createAnalyst.id] } },
      );
      id = createReport.id;
      await run(editor.client, ATTACH, { id });
      await run(editor.client, SUBMIT, { id });
      await run(reviewer.client, APPROVE, { id, note: null });
      await run(editor.client, PUBLISH, { id, at: new Date(Date.now() + 1_000).toISOString() });
    } finally {
      await server.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const restarted = await startServer(db, env);
    try {
      const status = await eventually(
        async () => (await restarted.client.request<{ report: { status: string } | null }>(`query($id: ID) { report(id: $id) { status } }`, { id })).report?.status,
        (s) => s === "PUBLISHED",
        10_000,
      );
      expect(status).toBe("PUBLISHED");
    } finally {
      await restarted.stop();
      await db.drop();
    }
  });
});
