import { describe, expect, it } from "vitest";
import { createTestDatabase, startServer } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV } from "./helpers/staff";
import { APPROVE, ATTACH, PUBLISH, run, SUBMIT } from "./helpers/workflow";

describe("SIGTERM under load", () => {
  it("finishes what is in flight, commits a transition whole or not at all, and exits 0", async () => {
    const db = await createTestDatabase();
    const env = { ...STAFF_ENV, SCHEDULER_INTERVAL_MS: "3600000" };
    const server = await startServer(db, env);
    const admin = (await signIn(server, ADMIN.email, ADMIN.password)).client;
    const editor = await createStaff(server, admin, "EDITOR");
    const reviewer = await createStaff(server, admin, "REVIEWER");
    const { reports } = await editor.client.request<{ reports: { nodes: { id: string; firm: { id: string }; analysts: { id: string }[] }[] } }>(
      `{ reports(first: 1, filter: { status: PUBLISHED }) { nodes { id firm { id } analysts { id } } } }`,
    );
    const [template] = reports.nodes;
    const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      { input: { title: "[종료랩] 종료 중 게시", subject: "종료랩", summary: ["요점"], body: "<p>본문</p>", firmId: template.firm.id, analystIds: [template.analysts[0].id] } },
    );
    const id = createReport.id;
    await run(editor.client, ATTACH, { id });
    await run(editor.client, SUBMIT, { id });
    await run(reviewer.client, APPROVE, { id, note: null });

    // Load: pages of reports with every relation, and one publication, then SIGTERM at once.
    const page = `{ reports(first: 50) { nodes { title firm { name } analysts { name } sectorTags { name } disclaimer { text } } } }`;
    const load = Array.from({ length: 30 }, () =>
      server.client.request(page).then(
        () => "ok",
        // Refused at the door: no connection, or 503 from a server that is closing.
        (e: Error) => (/ECONNREFUSED|fetch failed|socket|Code: 503/i.test(`${String(e.cause)} ${e.message}`) ? "refused" : `error: ${e.message.slice(0, 200)}`),
      ),
    );
    const publishing = editor.client.request(PUBLISH, { id }).then(
      () => "published",
      () => "not published",
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const exit = server.stop();
    const outcomes = await Promise.all(load);
    const published = await publishing;
    expect(await exit).toBe(0);
    // Every request that got in was answered properly; none was cut off with a server error.
    expect(outcomes.filter((o) => o.startsWith("error"))).toEqual([]);
    expect(outcomes).toContain("ok");

    const again = await startServer(db, env);
    try {
      const fresh = (await signIn(again, ADMIN.email, ADMIN.password)).client;
      const { report } = await fresh.request<{ report: { status: string; auditTrail: { nodes: { action: string }[] }; publicationPeriods: unknown[] } }>(
        `query($id: ID) { report(id: $id) { status auditTrail(first: 20) { nodes { action } } publicationPeriods { liveFrom } } }`,
        { id },
      );
      const live = report.status === "PUBLISHED";
      expect(report.auditTrail.nodes.some((e) => e.action === "PUBLISH")).toBe(live);
      expect(report.publicationPeriods).toHaveLength(live ? 1 : 0);
      if (published === "published") expect(live).toBe(true);
      console.log(`SIGTERM under load: ${outcomes.filter((o) => o === "ok").length} answered, ${outcomes.filter((o) => o === "refused").length} refused at the door; publication ${published}, stored ${report.status}`);
    } finally {
      await again.stop();
      await db.drop();
    }
  });
});
