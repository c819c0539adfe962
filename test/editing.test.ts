import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";

const running = serverForThisFile(STAFF_ENV);

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;
let firm: { id: string; analysts: { id: string }[] };
let otherFirm: { id: string; analysts: { id: string }[] };
let tagIds: string[];

const REPORT = `id slug title subject summary body language version status firm { id } analysts { id } sectorTags { id }`;
const CREATE = `mutation($input: CreateReportInput!) { createReport(input: $input) { ${REPORT} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateReportInput!, $v: Int!) { updateReport(id: $id, input: $input, expectedVersion: $v) { ${REPORT} } }`;

interface ReportShape {
  id: string;
  slug: string;
  title: string;
  summary: string[];
  body: string;
  version: number;
  status: string;
  analysts: { id: string }[];
}

function draftInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "[테스트랩스] 영상 분석 SaaS의 첫 흑자",
    subject: "테스트랩스",
    summary: ["첫 번째 요점", "두 번째 요점", "세 번째 요점"],
    body: "<h2>무슨 이야기인가요?</h2><p>본문</p>",
    firmId: firm.id,
    analystIds: [firm.analysts[0].id],
    sectorTagIds: tagIds.slice(0, 2),
    ...overrides,
  };
}

async function createDraft(overrides: Record<string, unknown> = {}): Promise<ReportShape> {
  return (await editor.client.request<{ createReport: ReportShape }>(CREATE, { input: draftInput(overrides) })).createReport;
}

async function staffReport(id: string): Promise<ReportShape & { revisions: { id: string; number: number }[] }> {
  const { report } = await editor.client.request<{ report: ReportShape & { revisions: { id: string; number: number }[] } }>(
    `query($id: ID) { report(id: $id) { ${REPORT} revisions { id number } } }`,
    { id },
  );
  return report;
}

async function auditCount(): Promise<number> {
  return (await admin.request<{ auditEvents: { totalCount: number } }>(`{ auditEvents { totalCount } }`)).auditEvents.totalCount;
}

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
  const { firms, sectorTags } = await admin.request<{
    firms: { nodes: { id: string; analysts: { id: string }[] }[] };
    sectorTags: { nodes: { id: string }[] };
  }>(`{ firms { nodes { id analysts { id } } } sectorTags(first: 100) { nodes { id } } }`);
  [firm, otherFirm] = firms.nodes;
  tagIds = sectorTags.nodes.map((t) => t.id);
});

describe("the catalogue", () => {
  it("editors create and update firms, analysts, tags and disclaimer versions; reviewers cannot", async () => {
    const created = await editor.client.request<{ createFirm: { id: string; slug: string; name: string } }>(
      `mutation { createFirm(input: { name: "미래에셋테스트증권", nameEn: "Mirae Test Securities", website: "https://example.com" }) { id slug name } }`,
    );
    expect(created.createFirm.slug).toBe("mirae-test-securities");
    const firmId = created.createFirm.id;
    const analyst = await editor.client.request<{ createAnalyst: { id: string; email: string; firm: { id: string } } }>(
      `mutation($firmId: ID!) { createAnalyst(input: { firmId: $firmId, name: "한지민", title: "연구원", email: "Jimin.Han@Example.com" }) { id email firm { id } } }`,
      { firmId },
    );
    expect(analyst.createAnalyst).toMatchObject({ email: "jimin.han@example.com", firm: { id: firmId } });
    const tag = await editor.client.request<{ createSectorTag: { slug: string } }>(
      `mutation { createSectorTag(input: { name: "우주항공" }) { slug } }`,
    );
    expect(tag.createSectorTag.slug).toBe("우주항공");
    const renamed = await editor.client.request<{ updateFirm: { name: string; nameEn: string | null } }>(
      `mutation($id: ID!) { updateFirm(id: $id, input: { name: "미래테스트증권", nameEn: "" }) { name nameEn } }`,
      { id: firmId },
    );
    expect(renamed.updateFirm).toEqual({ name: "미래테스트증권", nameEn: null });

    const template = `mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { version checksum } }`;
    const v1 = await editor.client.request<{ createDisclaimerTemplate: { version: number } }>(template, { firmId, body: "고지문 1판" });
    const v2 = await editor.client.request<{ createDisclaimerTemplate: { version: number } }>(template, { firmId, body: "고지문 2판" });
    expect([v1.createDisclaimerTemplate.version, v2.createDisclaimerTemplate.version]).toEqual([1, 2]);
    const versions = await reviewer.client.request<{ firm: { disclaimerTemplates: { version: number; body: string }[] } }>(
      `query($id: ID) { firm(id: $id) { disclaimerTemplates { version body } } }`,
      { id: firmId },
    );
    expect(versions.firm.disclaimerTemplates).toEqual([{ version: 2, body: "고지문 2판" }, { version: 1, body: "고지문 1판" }]);

    expect(codesOf(await errorsOf(reviewer.client, `mutation { createSectorTag(input: { name: "검토" }) { id } }`))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(reviewer.client, template, { firmId, body: "x" }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(editor.client, `mutation { createFirm(input: { name: "" }) { id } }`))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await errorsOf(editor.client, `mutation { createFirm(input: { name: "x", slug: "mirae-test-securities" }) { id } }`))).toEqual(["CONFLICT"]);
  });

  it("answers a race for one slug with one success and CONFLICTs, never a server error", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () =>
        editor.client.request(`mutation { createSectorTag(input: { name: "경합", slug: "race-slug" }) { id } }`).then(
          () => "ok",
          (e: { response?: { errors?: { extensions?: { code?: string } }[] } }) => e.response?.errors?.[0]?.extensions?.code,
        ),
      ),
    );
    expect(attempts.filter((a) => a === "ok")).toHaveLength(1);
    expect(attempts.filter((a) => a !== "ok")).toEqual(Array(9).fill("CONFLICT"));
  });
});

describe("reports", () => {
  it("creates a draft with a Hangul slug, its first revision and an audit event", async () => {
    const before = await auditCount();
    const draft = await createDraft();
    expect(draft).toMatchObject({ status: "DRAFT", version: 1, slug: "테스트랩스-영상-분석-saas의-첫-흑자", language: "ko" });
    const again = await createDraft();
    expect(again.slug).toBe("테스트랩스-영상-분석-saas의-첫-흑자-2");
    expect((await staffReport(draft.id)).revisions.map((r) => r.number)).toEqual([1]);
    expect(await auditCount()).toBe(before + 2);
  });

  it("updates with the expected version, and refuses a stale one with CONFLICT, changing nothing", async () => {
    const draft = await createDraft();
    const { updateReport } = await editor.client.request<{ updateReport: ReportShape }>(UPDATE, {
      id: draft.id,
      input: { title: "[테스트랩스] 새 제목" },
      v: 1,
    });
    expect(updateReport).toMatchObject({ version: 2, title: "[테스트랩스] 새 제목", slug: "테스트랩스-새-제목" });
    expect(updateReport.summary).toEqual(draft.summary);
    const audits = await auditCount();
    const stale = await errorsOf(editor.client, UPDATE, { id: draft.id, input: { title: "늦은 수정" }, v: 1 });
    expect(codesOf(stale)).toEqual(["CONFLICT"]);
    expect(stale[0].extensions?.currentVersion).toBe(2);
    expect((await staffReport(draft.id)).title).toBe("[테스트랩스] 새 제목");
    expect(await auditCount()).toBe(audits);
  });

  it("finds a report under exactly its current tags, after every change of them", async () => {
    const [a, b, c] = tagIds;
    const marker = `tagprobe${Date.now()}`;
    const draft = await createDraft({ title: `[테스트랩스] ${marker} 태그 확인`, sectorTagIds: [a, b] });
    const foundUnder = async (tag: string): Promise<boolean> => {
      const { reports } = await editor.client.request<{ reports: { nodes: { id: string }[] } }>(
        `query($filter: ReportFilter) { reports(filter: $filter) { nodes { id } } }`,
        { filter: { sectorTagId: tag, search: marker } },
      );
      return reports.nodes.some((r) => r.id === draft.id);
    };
    expect([await foundUnder(a), await foundUnder(b), await foundUnder(c)]).toEqual([true, true, false]);
    await editor.client.request(UPDATE, { id: draft.id, input: { sectorTagIds: [c, b] }, v: 1 });
    expect([await foundUnder(a), await foundUnder(b), await foundUnder(c)]).toEqual([false, true, true]);
    await editor.client.request(UPDATE, { id: draft.id, input: { title: `[테스트랩스] ${marker} 제목만 바꿈` }, v: 2 });
    expect([await foundUnder(a), await foundUnder(b), await foundUnder(c)]).toEqual([false, true, true]);
    await editor.client.request(UPDATE, { id: draft.id, input: { sectorTagIds: [] }, v: 3 });
    expect([await foundUnder(a), await foundUnder(b), await foundUnder(c)]).toEqual([false, false, false]);
  });

  it("lets exactly one of 50 concurrent saves with the same expectedVersion win", async () => {
    const draft = await createDraft();
    const attempts = Array.from({ length: 50 }, (_, i) =>
      editor.client
        .request<{ updateReport: ReportShape }>(UPDATE, {
          id: draft.id,
          input: { title: `[테스트랩스] 동시 수정 ${i}`, summary: [`요점 ${i}`] },
          v: 1,
        })
        .then(
          (r) => ({ ok: true as const, i, report: r.updateReport }),
          (e: { response?: { errors?: { extensions?: { code?: string } }[] } }) => ({ ok: false as const, code: e.response?.errors?.[0]?.extensions?.code }),
        ),
    );
    const results = await Promise.all(attempts);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.code))).toEqual(Array(49).fill("CONFLICT"));
    const winner = winners[0] as { i: number };
    const stored = await staffReport(draft.id);
    expect(stored).toMatchObject({ version: 2, title: `[테스트랩스] 동시 수정 ${winner.i}`, summary: [`요점 ${winner.i}`] });
    expect(stored.revisions.map((r) => r.number)).toEqual([2, 1]);
  });

  it.each([
    ["an empty title", { title: "   " }, "title"],
    ["no summary bullet", { summary: [] }, "summary"],
    ["six summary bullets", { summary: ["1", "2", "3", "4", "5", "6"] }, "summary"],
    ["no analyst", { analystIds: [] }, "analystIds"],
    ["an analyst of another firm", { analystIds: ["OTHER"] }, "analystIds"],
    ["a malformed id", { firmId: "firm-1" }, "firmId"],
    ["a bad language tag", { language: "Korean!" }, "language"],
  ])("refuses %s with BAD_USER_INPUT naming the field", async (_label, overrides, field) => {
    const input = draftInput(overrides);
    if ((overrides as { analystIds?: string[] }).analystIds?.[0] === "OTHER") input.analystIds = [otherFirm.analysts[0].id];
    const errors = await errorsOf(editor.client, CREATE, { input });
    expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
    expect(errors[0].extensions?.field).toBe(field);
  });

  it("does not edit a report in review", async () => {
    const { reports } = await editor.client.request<{ reports: { nodes: ReportShape[] } }>(
      `{ reports(filter: { status: IN_REVIEW }, first: 1) { nodes { id version } } }`,
    );
    const [inReview] = reports.nodes;
    const errors = await errorsOf(editor.client, UPDATE, { id: inReview.id, input: { title: "몰래 수정" }, v: inReview.version });
    expect(codesOf(errors)).toEqual(["INVALID_TRANSITION"]);
    expect(errors[0].extensions?.status).toBe("IN_REVIEW");
  });

  it("deletes drafts only", async () => {
    const draft = await createDraft();
    expect(await editor.client.request(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: draft.id })).toEqual({ deleteReport: draft.id });
    expect((await editor.client.request<{ report: null }>(`query($id: ID) { report(id: $id) { id } }`, { id: draft.id })).report).toBeNull();
    const { reports } = await editor.client.request<{ reports: { nodes: { id: string }[] } }>(
      `{ reports(first: 1, filter: { status: PUBLISHED }) { nodes { id } } }`,
    );
    const errors = await errorsOf(editor.client, `mutation($id: ID!) { deleteReport(id: $id) }`, { id: reports.nodes[0].id });
    expect(codesOf(errors)).toEqual(["INVALID_TRANSITION"]);
    expect(codesOf(await errorsOf(reviewer.client, `mutation($id: ID!) { deleteReport(id: $id) }`, { id: reports.nodes[0].id }))).toEqual(["FORBIDDEN"]);
  });
});

describe("revisions", () => {
  it("lists every save, diffs two field by field, and restores one as a new revision", async () => {
    const draft = await createDraft();
    await editor.client.request(UPDATE, { id: draft.id, input: { title: "[테스트랩스] 두 번째", summary: ["하나", "둘"] }, v: 1 });
    const { revisions } = await staffReport(draft.id);
    const [second, first] = revisions;
    const { reportRevisionDiff } = await reviewer.client.request<{ reportRevisionDiff: { field: string; before: unknown; after: unknown }[] }>(
      `query($from: ID!, $to: ID!) { reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) { field before after } }`,
      { from: first.id, to: second.id },
    );
    expect(reportRevisionDiff).toEqual([
      { field: "title", before: draft.title, after: "[테스트랩스] 두 번째" },
      { field: "summary", before: draft.summary, after: ["하나", "둘"] },
    ]);

    const restored = await editor.client.request<{ restoreReportRevision: ReportShape }>(
      `mutation($id: ID!, $v: Int!) { restoreReportRevision(revisionId: $id, expectedVersion: $v) { ${REPORT} } }`,
      { id: first.id, v: 2 },
    );
    expect(restored.restoreReportRevision).toMatchObject({ version: 3, title: draft.title, summary: draft.summary });
    expect((await staffReport(draft.id)).revisions.map((r) => r.number)).toEqual([3, 2, 1]);
  });
});

describe("the audit log", () => {
  it("records each change with actor and diff, and admins search it by actor, action, entity and time", async () => {
    const started = new Date().toISOString();
    const draft = await createDraft();
    await editor.client.request(UPDATE, { id: draft.id, input: { subject: "바뀐 회사" }, v: 1 });
    const { report } = await reviewer.client.request<{
      report: { auditTrail: { nodes: { action: string; actorId: string; actorEmail: string; before: unknown; after: unknown }[] } };
    }>(`query($id: ID) { report(id: $id) { auditTrail { nodes { action actorId actorEmail before after } } } }`, { id: draft.id });
    expect(report.auditTrail.nodes.map((e) => e.action)).toEqual(["UPDATE", "CREATE"]);
    expect(report.auditTrail.nodes[0]).toMatchObject({
      actorId: editor.id,
      actorEmail: editor.email,
      before: { subject: "테스트랩스" },
      after: { subject: "바뀐 회사" },
    });

    const search = `query($filter: AuditFilter, $first: Int, $after: String) {
      auditEvents(filter: $filter, first: $first, after: $after) { totalCount nodes { id action entityType entityId } pageInfo { hasNextPage endCursor } }
    }`;
    type Events = { auditEvents: { totalCount: number; nodes: { id: string; action: string; entityType: string; entityId: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const mine = await admin.request<Events>(search, { filter: { actorId: editor.id, from: started, entityType: "Report" } });
    expect(mine.auditEvents.nodes.map((e) => [e.action, e.entityId])).toEqual([["UPDATE", draft.id], ["CREATE", draft.id]]);
    const logins = await admin.request<Events>(search, { filter: { action: "LOGIN" }, first: 2 });
    expect(logins.auditEvents.totalCount).toBeGreaterThanOrEqual(3);
    const next = await admin.request<Events>(search, { filter: { action: "LOGIN" }, first: 2, after: logins.auditEvents.pageInfo.endCursor });
    const ids = [...logins.auditEvents.nodes, ...next.auditEvents.nodes].map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    const none = await admin.request<Events>(search, { filter: { to: "2000-01-01T00:00:00Z" } });
    expect(none.auditEvents.totalCount).toBe(0);
  });

  it("cannot be rewritten, even by the application's own database user", async () => {
    const statements = [
      `UPDATE audit_events SET action = 'FORGED'`,
      `DELETE FROM audit_events`,
      `TRUNCATE audit_events`,
    ];
    expect(await running.server().stop()).toBe(0);
    for (const statement of statements) {
      await expect(running.db().sql(statement)).rejects.toThrow(/append-only/);
    }
    const [{ forged }] = await running.db().sql(`SELECT count(*) FILTER (WHERE action = 'FORGED')::int AS forged FROM audit_events`);
    expect(forged).toBe(0);
  });
});
