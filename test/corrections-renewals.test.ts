import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { MODE, runtimeSql, serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import {
  APPROVE, ATTACH, complianceIssues, createApproved, createDraft, createFirm, PUBLISH, REJECT, RETRACT, run, stateOf, SUBMIT, UNSCHEDULE, UPDATE, WITHDRAW,
  type ReportState,
} from "./helpers/workflow";

const running = serverForThisFile(STAFF_ENV);

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;

type Firm = { id: string; analystId: string };
const newFirm = (): Promise<Firm> => createFirm(editor.client, `본 보고서는 갱신증권 ${Math.random().toString(36).slice(2, 6)}의 자료입니다. 투자 판단의 책임은 투자자에게 있습니다.`);
const newTemplate = (firmId: string, body: string) =>
  editor.client.request(`mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { version } }`, { firmId, body });
const approved = (firm: Firm, title?: string): Promise<ReportState> => createApproved(editor.client, reviewer.client, firm, title);
const live = async (firm: Firm, title?: string): Promise<ReportState> => run(editor.client, PUBLISH, { id: (await approved(firm, title)).id });
const inFuture = (ms: number): string => new Date(Date.now() + ms).toISOString();

/** Corrects `report` (approved, scheduled or live) and takes the correction through review. */
async function approvedCorrection(report: ReportState, title: string): Promise<ReportState> {
  await run(editor.client, UPDATE, { id: report.id, input: { title }, v: report.version });
  await run(editor.client, ATTACH, { id: report.id });
  await run(editor.client, SUBMIT, { id: report.id, correctionNote: "제목을 고쳤습니다." });
  return run(reviewer.client, APPROVE, { id: report.id, note: null });
}

interface History {
  auditTrail: { nodes: { action: string }[] };
  publicationPeriods: { liveFrom: string; liveUntil: string | null }[];
}

/** The report's audit actions, oldest first, and its publication log. */
async function historyOf(id: string): Promise<{ actions: string[]; periods: History["publicationPeriods"] }> {
  const { report } = await admin.request<{ report: History }>(
    `query($id: ID) { report(id: $id) { auditTrail(first: 100) { nodes { action } } publicationPeriods { liveFrom liveUntil } } }`,
    { id },
  );
  return { actions: report.auditTrail.nodes.map((e) => e.action).reverse(), periods: report.publicationPeriods };
}

async function anonymousTitle(id: string): Promise<string | null> {
  const { report } = await running.server().client.request<{ report: { title: string } | null }>(`query($id: ID) { report(id: $id) { title } }`, { id });
  return report?.title ?? null;
}

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

describe("an approved correction of a report that is not live", () => {
  it("is applied and published now, in one step: one publication-log row, an audit event per step", async () => {
    const report = await approved(await newFirm(), "[정정랩] 게시 전 정정");
    await approvedCorrection(report, "[정정랩] 게시 전 정정, 고친 제목");
    const published = await run(editor.client, PUBLISH, { id: report.id });
    expect(published).toMatchObject({ status: "PUBLISHED", title: "[정정랩] 게시 전 정정, 고친 제목", workingCopy: null, correctedAt: null });
    expect(published.disclaimer).toMatchObject({ reviewStatus: "APPROVED" });
    expect(await anonymousTitle(report.id)).toBe("[정정랩] 게시 전 정정, 고친 제목");
    const { actions, periods } = await historyOf(report.id);
    expect(actions.slice(-2)).toEqual(["APPLY_CORRECTION", "PUBLISH"]);
    expect(actions).not.toContain("PUBLISH_CORRECTION");
    expect(periods).toHaveLength(1);
  });

  it("is applied and scheduled for `at`; the scheduled report then carries the corrected content", async () => {
    const report = await approved(await newFirm(), "[정정랩] 예약 정정");
    await approvedCorrection(report, "[정정랩] 예약 정정, 고친 제목");
    const at = inFuture(3_600_000);
    const scheduled = await run(editor.client, PUBLISH, { id: report.id, at });
    expect(scheduled).toMatchObject({ status: "SCHEDULED", scheduledAt: at, title: "[정정랩] 예약 정정, 고친 제목", workingCopy: null });
    expect(await anonymousTitle(report.id)).toBeNull();
    const { actions, periods } = await historyOf(report.id);
    expect(actions.slice(-2)).toEqual(["APPLY_CORRECTION", "SCHEDULE"]);
    expect(periods).toHaveLength(0);
  });

  it("of a scheduled report: publishes now, or keeps it scheduled for the new time, never silently", async () => {
    const firm = await newFirm();
    for (const at of [null, inFuture(7_200_000)]) {
      const report = await approved(firm, `[정정랩] 예약된 보고서 ${at ? "다시 예약" : "즉시 게시"}`);
      const scheduled = await run(editor.client, PUBLISH, { id: report.id, at: inFuture(3_600_000) });
      await approvedCorrection(scheduled, `${report.title}, 고친 제목`);
      const after = await run(editor.client, PUBLISH, { id: report.id, at });
      expect(after).toMatchObject({ status: at ? "SCHEDULED" : "PUBLISHED", title: `${report.title}, 고친 제목`, workingCopy: null });
      if (at) expect(after.scheduledAt).toBe(at);
      expect((await historyOf(report.id)).actions.slice(-2)).toEqual(["APPLY_CORRECTION", at ? "SCHEDULE" : "PUBLISH"]);
    }
  });

  it("changes nothing when the schedule is refused", async () => {
    const report = await approved(await newFirm(), "[정정랩] 거절된 예약");
    await approvedCorrection(report, "[정정랩] 거절된 예약, 고친 제목");
    const before = await stateOf(editor.client, report.id);
    const [error] = await errorsOf(editor.client, PUBLISH, { id: report.id, at: inFuture(-60_000) });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "at" });
    expect(await stateOf(editor.client, report.id)).toEqual(before);
    expect((await historyOf(report.id)).actions).not.toContain("APPLY_CORRECTION");
  });

  it("of a live report still goes live now, and cannot be scheduled", async () => {
    const report = await live(await newFirm(), "[정정랩] 게시된 보고서");
    await approvedCorrection(report, "[정정랩] 게시된 보고서, 고친 제목");
    const [error] = await errorsOf(editor.client, PUBLISH, { id: report.id, at: inFuture(3_600_000) });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "at" });
    expect((await stateOf(editor.client, report.id)).workingCopy).toMatchObject({ status: "APPROVED" });
    const corrected = await run(editor.client, PUBLISH, { id: report.id });
    expect(corrected.correctedAt).not.toBeNull();
    expect((await historyOf(report.id)).actions.at(-1)).toBe("PUBLISH_CORRECTION");
  });
});

describe("approving an outdated disclaimer", () => {
  it("is refused with both versions; rejecting it is not", async () => {
    const firm = await newFirm();
    const { id } = await createDraft(editor.client, firm, "[갱신랩] 낡은 고지문 승인");
    await run(editor.client, ATTACH, { id });
    await run(editor.client, SUBMIT, { id });
    await newTemplate(firm.id, "새 버전의 고지문입니다.");
    const [error] = await errorsOf(reviewer.client, APPROVE, { id, note: null });
    expect(error.extensions).toEqual({
      code: "DISCLAIMER_REQUIRED",
      reason: "DISCLAIMER_OUTDATED",
      params: { attachedVersion: 1, currentVersion: 2 },
      attachedVersion: 1,
      currentVersion: 2,
    });
    expect(await stateOf(editor.client, id)).toMatchObject({ status: "IN_REVIEW", disclaimer: { reviewStatus: "PENDING", templateVersion: 1 } });

    const rejected = await run(reviewer.client, REJECT, { id, note: "현재 버전을 다시 첨부해 주세요." });
    expect(rejected).toMatchObject({ status: "DRAFT", disclaimer: { reviewStatus: "REJECTED" } });
  });
});

const REJECTION = `query($id: ID) { report(id: $id) { rejection { reviewNote reviewedBy { name } } } }`;

describe("the rejection note", () => {
  it("stays on the report until it is resubmitted, for reports and corrections", async () => {
    const rejection = async (id: string) =>
      (await editor.client.request<{ report: { rejection: { reviewNote: string; reviewedBy: { name: string } } | null } }>(REJECTION, { id })).report.rejection;
    const report = await approved(await newFirm(), "[반려랩] 반려 메모");
    expect(await rejection(report.id)).toBeNull();
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id });
    await run(reviewer.client, REJECT, { id: report.id, note: "요점의 수치를 확인해 주세요." });
    expect(await rejection(report.id)).toEqual({ reviewNote: "요점의 수치를 확인해 주세요.", reviewedBy: { name: expect.any(String) } });
    // Still there while the editor fixes it and attaches again; gone once it is resubmitted.
    await run(editor.client, ATTACH, { id: report.id });
    expect(await rejection(report.id)).toMatchObject({ reviewNote: "요점의 수치를 확인해 주세요." });
    await run(editor.client, SUBMIT, { id: report.id });
    expect(await rejection(report.id)).toBeNull();
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    expect(await rejection(report.id)).toBeNull();

    // A correction's rejection shows on its report while the correction is a draft.
    const published = await run(editor.client, PUBLISH, { id: report.id });
    await run(editor.client, UPDATE, { id: report.id, input: { title: "[반려랩] 반려될 정정" }, v: published.version });
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "제목을 고쳤습니다." });
    await run(reviewer.client, REJECT, { id: report.id, note: "정정 사유가 불분명합니다." });
    expect(await rejection(report.id)).toMatchObject({ reviewNote: "정정 사유가 불분명합니다." });
    const anonymous = await errorsOf(running.server().client, REJECTION, { id: report.id });
    expect(codesOf(anonymous)).toEqual(["UNAUTHENTICATED"]);
  });
});

const RENEW = `mutation($firmId: ID!, $after: String, $first: Int) {
  renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) { renewed skipped { reportId reason } endCursor hasMore } }`;
interface Renewal {
  renewed: number;
  skipped: { reportId: string; reason: string }[];
  endCursor: string | null;
  hasMore: boolean;
}

describe("renewing the disclaimer of live reports", () => {
  it("opens a correction with the content unchanged; clients keep the old disclaimer until it is approved and published", async () => {
    const firm = await newFirm();
    const report = await live(firm, "[갱신랩] 단건 갱신");
    await newTemplate(firm.id, "갱신된 고지문 v2입니다.");
    const renewing = await run(editor.client, ATTACH, { id: report.id });
    expect(renewing).toMatchObject({
      status: "PUBLISHED",
      title: report.title,
      disclaimer: { templateVersion: 1 },
      workingCopy: { status: "DRAFT", title: report.title, disclaimer: { templateVersion: 2, reviewStatus: "PENDING" } },
    });
    const { report: anonymous } = await running.server().client.request<{ report: { disclaimer: { text: string } } }>(
      `query($id: ID) { report(id: $id) { disclaimer { text } } }`,
      { id: report.id },
    );
    expect(anonymous.disclaimer.text).not.toContain("v2");
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "고지문 갱신" });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    const renewed = await run(editor.client, PUBLISH, { id: report.id });
    expect(renewed).toMatchObject({ status: "PUBLISHED", title: report.title, workingCopy: null, disclaimer: { templateVersion: 2, text: "갱신된 고지문 v2입니다." } });
    expect(renewed.correctedAt).not.toBeNull();
    const { periods } = await historyOf(report.id);
    expect(periods).toHaveLength(2);
    expect((await complianceIssues(reviewer.client, { firmId: firm.id })).map((i) => i.reportId)).not.toContain(report.id);
  });

  it("puts the new disclaimer on a correction in progress, and renews a scheduled report through a correction", async () => {
    const firm = await newFirm();
    const corrected = await live(firm, "[갱신랩] 정정 중 갱신");
    await run(editor.client, UPDATE, { id: corrected.id, input: { title: "[갱신랩] 정정 중 갱신, 고친 제목" }, v: corrected.version });
    const scheduled = await run(editor.client, PUBLISH, { id: (await approved(firm, "[갱신랩] 예약 갱신")).id, at: inFuture(3_600_000) });
    await newTemplate(firm.id, "갱신된 고지문 v2입니다.");
    expect(await run(editor.client, ATTACH, { id: corrected.id })).toMatchObject({
      workingCopy: { status: "DRAFT", title: "[갱신랩] 정정 중 갱신, 고친 제목", disclaimer: { templateVersion: 2 } },
    });
    expect(await run(editor.client, ATTACH, { id: scheduled.id })).toMatchObject({
      status: "SCHEDULED",
      workingCopy: { status: "DRAFT", title: "[갱신랩] 예약 갱신", disclaimer: { templateVersion: 2 } },
    });
  });

  it("renews a firm's outdated reports in batches, each needing its own approval, and says what it skipped and why", async () => {
    const firm = await newFirm();
    const other = await newFirm();
    const reports = [];
    for (let i = 0; i < 5; i++) reports.push(await live(firm, `[일괄갱신] 보고서 ${i + 1}`));
    const otherFirmReport = await live(other, "[일괄갱신] 다른 회사");
    // One with a correction in review (skipped), one renewed by hand already (skipped), one up to date after.
    const inReview = reports[0];
    await run(editor.client, UPDATE, { id: inReview.id, input: { title: "[일괄갱신] 검토 중 정정" }, v: inReview.version });
    await run(editor.client, ATTACH, { id: inReview.id });
    await run(editor.client, SUBMIT, { id: inReview.id, correctionNote: "제목을 고쳤습니다." });
    await newTemplate(firm.id, "일괄 갱신용 고지문 v2입니다.");
    await newTemplate(other.id, "다른 회사의 고지문 v2입니다.");
    await run(editor.client, ATTACH, { id: reports[1].id });

    const [forbidden] = await errorsOf(reviewer.client, RENEW, { firmId: firm.id });
    expect(forbidden.extensions?.code).toBe("FORBIDDEN");
    for (const first of [0, 501]) {
      expect((await errorsOf(editor.client, RENEW, { firmId: firm.id, first }))[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    }
    expect((await errorsOf(editor.client, RENEW, { firmId: firm.id, after: "bm90LWEtY3Vyc29y" }))[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect((await errorsOf(editor.client, RENEW, { firmId: "00000000-0000-4000-8000-000000000000" }))[0].extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "firmId",
    });

    const batches: Renewal[] = [];
    let after: string | null = null;
    do {
      const { renewOutdatedDisclaimers: batch }: { renewOutdatedDisclaimers: Renewal } = await editor.client.request(RENEW, { firmId: firm.id, after, first: 2 });
      batches.push(batch);
      after = batch.endCursor;
    } while (batches.at(-1)!.hasMore);
    expect(batches).toHaveLength(3);
    expect(batches.reduce((n, b) => n + b.renewed, 0)).toBe(3);
    expect(batches.flatMap((b) => b.skipped)).toEqual(
      expect.arrayContaining([
        { reportId: inReview.id, reason: "CORRECTION_IN_REVIEW" },
        { reportId: reports[1].id, reason: "ALREADY_RENEWED" },
      ]),
    );
    expect(batches.flatMap((b) => b.skipped)).toHaveLength(2);
    for (const report of reports.slice(2)) {
      expect(await stateOf(editor.client, report.id)).toMatchObject({
        status: "PUBLISHED",
        disclaimer: { templateVersion: 1 },
        workingCopy: { status: "DRAFT", title: report.title, disclaimer: { templateVersion: 2, reviewStatus: "PENDING" } },
      });
      expect((await historyOf(report.id)).actions.at(-1)).toBe("ATTACH_DISCLAIMER");
    }
    expect((await stateOf(editor.client, otherFirmReport.id)).workingCopy).toBeNull();
    // A second run finds only what it skipped before.
    const { renewOutdatedDisclaimers: again } = await editor.client.request<{ renewOutdatedDisclaimers: Renewal }>(RENEW, { firmId: firm.id });
    expect(again).toMatchObject({ renewed: 0, hasMore: false });
    expect(again.skipped).toHaveLength(5);
    // Each renewal is reviewed on its own: withdrawing the one in review lets the next run renew it.
    await run(editor.client, WITHDRAW, { id: inReview.id });
    const { renewOutdatedDisclaimers: third } = await editor.client.request<{ renewOutdatedDisclaimers: Renewal }>(RENEW, { firmId: firm.id });
    expect(third.renewed).toBe(1);
    expect((await stateOf(editor.client, inReview.id)).workingCopy).toMatchObject({ title: "[일괄갱신] 검토 중 정정", disclaimer: { templateVersion: 2 } });
  });
});

describe("the compliance list", () => {
  it("lists a report while it is live or scheduled with an outdated disclaimer, and no longer once renewed or unscheduled", async () => {
    const firm = await newFirm();
    const report = await live(firm, "[목록랩] 추적");
    const scheduled = await run(editor.client, PUBLISH, { id: (await approved(firm, "[목록랩] 예약 추적")).id, at: inFuture(3_600_000) });
    expect((await complianceIssues(reviewer.client, { firmId: firm.id })).map((i) => i.reportId)).toEqual([]);
    await newTemplate(firm.id, "추적용 고지문 v2입니다.");
    expect((await complianceIssues(reviewer.client, { firmId: firm.id })).map((i) => i.reportId).sort()).toEqual([report.id, scheduled.id].sort());
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "고지문 갱신" });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    await run(editor.client, PUBLISH, { id: report.id });
    await run(editor.client, UNSCHEDULE, { id: scheduled.id });
    expect(await complianceIssues(reviewer.client, { firmId: firm.id })).toEqual([]);
    await run(editor.client, RETRACT, { id: report.id, reason: "추적 종료" });
  });

  it("is paginated and filtered by firm and kind", async () => {
    const firm = await newFirm();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await live(firm, `[목록랩] 보고서 ${i + 1}`)).id);
    await newTemplate(firm.id, "목록용 고지문 v2입니다.");
    const PAGE = `query($filter: ComplianceFilterInput, $after: String) {
      complianceIssues(filter: $filter, first: 2, after: $after) { totalCount nodes { reportId kind } pageInfo { hasNextPage endCursor } } }`;
    type Page = { complianceIssues: { totalCount: number; nodes: { reportId: string; kind: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await reviewer.client.request<Page>(PAGE, { filter: { firmId: firm.id } });
    expect(first.complianceIssues).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = await reviewer.client.request<Page>(PAGE, { filter: { firmId: firm.id }, after: first.complianceIssues.pageInfo.endCursor });
    expect(second.complianceIssues.pageInfo.hasNextPage).toBe(false);
    const seen = [...first.complianceIssues.nodes, ...second.complianceIssues.nodes];
    expect(seen.map((n) => n.reportId).sort()).toEqual([...ids].sort());
    expect(new Set(seen.map((n) => n.kind))).toEqual(new Set(["OUTDATED_DISCLAIMER"]));
    const blocked = await reviewer.client.request<Page>(PAGE, { filter: { firmId: firm.id, kinds: ["BLOCKED_SCHEDULE"] } });
    expect(blocked.complianceIssues).toMatchObject({ totalCount: 0, nodes: [] });
    expect(codesOf(await errorsOf(reviewer.client, PAGE, { after: "bm90LWEtY3Vyc29y" }))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await errorsOf(running.server().client, PAGE, {}))).toEqual(["UNAUTHENTICATED"]);
  });
});

// Last: in embedded mode the server is stopped so that SQL can reach its database.
describe("the database, with raw SQL", () => {
  it("keeps the template of every live report's disclaimer, and refuses an outdated approval as the runtime role", async () => {
    const firm = await newFirm();
    const createReport = await createDraft(editor.client, firm, "[원시랩] 낡은 고지문 승인");
    await run(editor.client, ATTACH, { id: createReport.id });
    await run(editor.client, SUBMIT, { id: createReport.id });
    await newTemplate(firm.id, "원시 SQL용 고지문 v2입니다.");
    const { users } = await admin.request<{ users: { nodes: { id: string; email: string }[] } }>(`{ users(first: 100) { nodes { id email } } }`);
    const reviewerId = users.nodes.find((u) => u.email === reviewer.email)!.id;
    if (MODE === "embedded") expect(await running.server().stop()).toBe(0);

    // Every report this file made live, scheduled, corrected, renewed, unscheduled or retracted.
    const mismatches = await running.db().sql(`
      (SELECT report_id, firm_id, disclaimer_id, template_id FROM live_report_disclaimers
       EXCEPT SELECT r.id, r.firm_id, s.id, s.template_id FROM reports r JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
       WHERE r.status IN ('PUBLISHED', 'SCHEDULED'))
      UNION ALL
      (SELECT r.id, r.firm_id, s.id, s.template_id FROM reports r JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
       WHERE r.status IN ('PUBLISHED', 'SCHEDULED')
       EXCEPT SELECT report_id, firm_id, disclaimer_id, template_id FROM live_report_disclaimers)`);
    expect(mismatches).toEqual([]);
    const [{ live: tracked }] = await running.db().sql(`SELECT count(*)::int AS live FROM live_report_disclaimers`);
    expect(tracked).toBeGreaterThan(10);

    const refusal = await runtimeSql(
      running.db(),
      `UPDATE disclaimer_snapshots SET review_status = 'APPROVED', reviewed_by_id = '${reviewerId}' WHERE report_id = '${createReport.id}' AND review_status = 'PENDING'`,
    ).then(() => "accepted", (e: Error) => e.message);
    expect(refusal).toMatch(/^OUTDATED_TEMPLATE: .* v1 .* current version is v2/);
  });
});
