import { createHash } from "node:crypto";
import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import {
  APPROVE, ATTACH, complianceIssues, createApproved, createDraft, createFirm, eventually, PUBLISH, REJECT, RETRACT, run, stateOf, SUBMIT, UNSCHEDULE, UPDATE, WITHDRAW,
  type ReportState,
} from "./helpers/workflow";

const running = serverForThisFile({ ...STAFF_ENV, SCHEDULER_INTERVAL_MS: "200" });
const anonymous = (): GraphQLClient => running.server().client;
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;

/** A firm of its own per test, so that new disclaimer versions touch nothing else. */
const newFirm = (disclaimer?: string) => createFirm(editor.client, disclaimer);

async function newTemplate(firmId: string, body: string): Promise<void> {
  await editor.client.request(`mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { version } }`, {
    firmId,
    body,
  });
}

const draft = (firm: { id: string; analystId: string }, title?: string): Promise<ReportState> => createDraft(editor.client, firm, title);
const approved = (firm: { id: string; analystId: string }, title?: string): Promise<ReportState> =>
  createApproved(editor.client, reviewer.client, firm, title);

async function anonymousReport(id: string): Promise<{ title: string; status: string; disclaimer: { text: string } | null } | null> {
  const { report } = await anonymous().request<{ report: { title: string; status: string; disclaimer: { text: string } | null } | null }>(
    `query($id: ID) { report(id: $id) { title status disclaimer { text } } }`,
    { id },
  );
  return report;
}

async function trail(id: string): Promise<string[]> {
  const { report } = await admin.request<{ report: { auditTrail: { nodes: { action: string }[] } } }>(
    `query($id: ID) { report(id: $id) { auditTrail(first: 100) { nodes { action } } } }`,
    { id },
  );
  return report.auditTrail.nodes.map((e) => e.action).reverse();
}

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

describe("the publishing workflow", () => {
  it("walks a report from draft to retraction as editor, reviewer and anonymous client", async () => {
    const v1 = "본 보고서는 워크플로증권 소속 애널리스트가 작성했습니다. (1판)";
    const v2 = "본 보고서는 워크플로증권 소속 애널리스트가 작성했습니다. (2판: 재배포 금지 조항 추가)";
    const firm = await newFirm(v1);
    const report = await draft(firm);

    // Editor attaches and submits; the reviewer rejects with a note.
    expect((await run(editor.client, ATTACH, { id: report.id })).disclaimer).toMatchObject({ text: v1, checksum: sha256(v1), templateVersion: 1 });
    expect((await run(editor.client, SUBMIT, { id: report.id })).status).toBe("IN_REVIEW");
    expect(codesOf(await errorsOf(editor.client, UPDATE, { id: report.id, input: { title: "몰래" }, v: 3 }))).toEqual(["INVALID_TRANSITION"]);
    const rejected = await run(reviewer.client, REJECT, { id: report.id, note: "요약 둘째 줄을 고쳐 주세요" });
    expect(rejected).toMatchObject({ status: "DRAFT", disclaimer: { reviewStatus: "REJECTED" } });

    // The editor fixes it, attaches again (the rejected snapshot cannot be resubmitted) and resubmits.
    const fixed = await run(editor.client, UPDATE, { id: report.id, input: { summary: ["요점 하나", "고친 요점", "요점 셋"] }, v: rejected.version });
    expect(codesOf(await errorsOf(editor.client, SUBMIT, { id: report.id }))).toEqual(["DISCLAIMER_REQUIRED"]);
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id });
    expect(fixed.version).toBeGreaterThan(rejected.version);
    const approvedReport = await run(reviewer.client, APPROVE, { id: report.id, note: null });
    expect(approvedReport).toMatchObject({ status: "APPROVED", disclaimer: { reviewStatus: "APPROVED" } });

    // Scheduled two seconds ahead; the worker publishes it; clients see it with its disclaimer.
    const at = new Date(Date.now() + 2_000).toISOString();
    expect((await run(editor.client, PUBLISH, { id: report.id, at })).status).toBe("SCHEDULED");
    expect(await anonymousReport(report.id)).toBeNull();
    const live = await eventually(() => stateOf(editor.client, report.id), (r) => r.status === "PUBLISHED");
    expect(live.status).toBe("PUBLISHED");
    expect(await anonymousReport(report.id)).toEqual({ title: report.title, status: "PUBLISHED", disclaimer: { text: v1 } });

    // A new template version lists the live report as outdated.
    await newTemplate(firm.id, v2);
    expect(await complianceIssues(reviewer.client, { firmId: firm.id })).toContainEqual(expect.objectContaining({ reportId: report.id, kind: "OUTDATED_DISCLAIMER" }));

    // A correction is edited and reviewed while clients keep reading the live version.
    const started = await run(editor.client, UPDATE, { id: report.id, input: { title: "[워크플로랩] 고친 제목" }, v: live.version });
    expect(started).toMatchObject({ status: "PUBLISHED", title: report.title, workingCopy: { status: "DRAFT", title: "[워크플로랩] 고친 제목" } });
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "제목을 고쳤습니다." });
    const { reviewQueue } = await reviewer.client.request<{ reviewQueue: { nodes: { reportId: string; correction: boolean; title: string; differsFromCurrent: boolean; disclaimer: { text: string }; currentTemplate: { body: string } }[] } }>(
      `{ reviewQueue(first: 100) { nodes { reportId correction title differsFromCurrent disclaimer { text } currentTemplate { body } } } }`,
    );
    expect(reviewQueue.nodes.find((item) => item.reportId === report.id)).toEqual({
      reportId: report.id,
      correction: true,
      title: "[워크플로랩] 고친 제목",
      differsFromCurrent: false,
      disclaimer: { text: v2 },
      currentTemplate: { body: v2 },
    });
    expect(await anonymousReport(report.id)).toMatchObject({ title: report.title, disclaimer: { text: v1 } });
    await run(reviewer.client, APPROVE, { id: report.id, note: "정정 확인" });
    expect(await anonymousReport(report.id)).toMatchObject({ title: report.title });
    const corrected = await run(editor.client, PUBLISH, { id: report.id });
    expect(corrected).toMatchObject({ status: "PUBLISHED", title: "[워크플로랩] 고친 제목", slug: report.slug, workingCopy: null });
    expect(corrected.correctedAt).not.toBeNull();
    expect(await anonymousReport(report.id)).toEqual({ title: "[워크플로랩] 고친 제목", status: "PUBLISHED", disclaimer: { text: v2 } });
    expect((await complianceIssues(reviewer.client, { firmId: firm.id })).map((i) => i.reportId)).not.toContain(report.id);

    // The editor retracts it; clients get a tombstone.
    expect(codesOf(await errorsOf(editor.client, RETRACT, { id: report.id, reason: "  " }))).toEqual(["BAD_USER_INPUT"]);
    await run(editor.client, RETRACT, { id: report.id, reason: "수치 오류" });
    expect(await anonymousReport(report.id)).toEqual({ title: "[워크플로랩] 고친 제목", status: "RETRACTED", disclaimer: null });

    // The publication log shows each period: first version with v1, then the correction with v2.
    const { report: history } = await reviewer.client.request<{ report: { publicationPeriods: { contentChecksum: string; disclaimerChecksum: string; liveFrom: string; liveUntil: string | null }[] } }>(
      `query($id: ID) { report(id: $id) { publicationPeriods { contentChecksum disclaimerChecksum liveFrom liveUntil } } }`,
      { id: report.id },
    );
    const periods = history.publicationPeriods;
    expect(periods).toHaveLength(2);
    expect(periods.map((p) => p.disclaimerChecksum)).toEqual([sha256(v1), sha256(v2)]);
    expect(periods[0].contentChecksum).not.toBe(periods[1].contentChecksum);
    expect(periods[0].liveUntil).toBe(periods[1].liveFrom);
    expect(periods[1].liveUntil).not.toBeNull();

    expect(await trail(report.id)).toEqual([
      "CREATE", "ATTACH_DISCLAIMER", "SUBMIT", "REJECT", "UPDATE", "ATTACH_DISCLAIMER", "SUBMIT", "APPROVE", "SCHEDULE", "PUBLISH",
      "UPDATE", "ATTACH_DISCLAIMER", "SUBMIT", "APPROVE", "PUBLISH_CORRECTION", "RETRACT",
    ]);
  });
});

describe("the disclaimer gate in the service", () => {
  it("refuses to submit without an attached disclaimer", async () => {
    const report = await draft(await newFirm());
    const errors = await errorsOf(editor.client, SUBMIT, { id: report.id });
    expect(codesOf(errors)).toEqual(["DISCLAIMER_REQUIRED"]);
  });

  it("refuses wrong transitions, naming the current state", async () => {
    const report = await draft(await newFirm());
    const errors = await errorsOf(editor.client, PUBLISH, { id: report.id });
    expect(codesOf(errors)).toEqual(["INVALID_TRANSITION"]);
    expect(errors[0].extensions?.status).toBe("DRAFT");
    expect(errors[0].message).toContain("DRAFT");
    expect(codesOf(await errorsOf(editor.client, RETRACT, { id: report.id, reason: "x" }))).toEqual(["INVALID_TRANSITION"]);
    expect(codesOf(await errorsOf(reviewer.client, APPROVE, { id: report.id, note: null }))).toEqual(["INVALID_TRANSITION"]);
  });

  it("refuses to publish once the firm's template changed, until re-attached and re-approved", async () => {
    const firm = await newFirm();
    const report = await approved(firm);
    await newTemplate(firm.id, "새 고지문 2판");
    expect(codesOf(await errorsOf(editor.client, PUBLISH, { id: report.id }))).toEqual(["DISCLAIMER_REQUIRED"]);
    expect((await run(editor.client, ATTACH, { id: report.id })).status).toBe("DRAFT");
    await run(editor.client, SUBMIT, { id: report.id });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    const published = await run(editor.client, PUBLISH, { id: report.id });
    expect(published).toMatchObject({ status: "PUBLISHED", disclaimer: { text: "새 고지문 2판", templateVersion: 2 } });
  });

  it("enforces roles and four eyes: the author (even an admin) cannot approve", async () => {
    const firm = await newFirm();
    const report = await draft(firm);
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id });
    expect(codesOf(await errorsOf(reviewer.client, WITHDRAW, { id: report.id }))).toEqual(["FORBIDDEN"]);

    const { createReport } = await admin.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      { input: { title: "[관리자] 직접 쓴 보고서", subject: "관리자", summary: ["요점"], body: "<p>본문</p>", firmId: firm.id, analystIds: [firm.analystId] } },
    );
    await run(admin, ATTACH, { id: createReport.id });
    await run(admin, SUBMIT, { id: createReport.id });
    const errors = await errorsOf(admin, APPROVE, { id: createReport.id, note: null });
    expect(codesOf(errors)).toEqual(["FORBIDDEN"]);
    expect((await run(reviewer.client, APPROVE, { id: createReport.id, note: null })).status).toBe("APPROVED");
  });

  it("needs a note to reject, and withdraws to DRAFT", async () => {
    const report = await draft(await newFirm());
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id });
    expect(codesOf(await errorsOf(reviewer.client, REJECT, { id: report.id, note: " " }))).toEqual(["BAD_USER_INPUT"]);
    expect((await run(editor.client, WITHDRAW, { id: report.id })).status).toBe("DRAFT");
    // Withdrawn, not rejected: the pending disclaimer can go straight back to review.
    expect((await run(editor.client, SUBMIT, { id: report.id })).status).toBe("IN_REVIEW");
  });

  it.each([
    ["in the past", -60_000],
    ["more than a year ahead", 400 * 86_400_000],
  ])("refuses a schedule %s", async (_label, offset) => {
    const report = await approved(await newFirm());
    const errors = await errorsOf(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + offset).toISOString() });
    expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
    expect((await stateOf(editor.client, report.id)).status).toBe("APPROVED");
  });

  it("unschedules back to APPROVED", async () => {
    const report = await approved(await newFirm());
    await run(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + 3_600_000).toISOString() });
    expect(await run(editor.client, UNSCHEDULE, { id: report.id })).toMatchObject({ status: "APPROVED", scheduledAt: null });
  });

  it("publishes once when 20 publish calls race", async () => {
    const report = await approved(await newFirm());
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        editor.client.request(PUBLISH, { id: report.id }).then(
          () => "ok",
          (e: { response?: { errors?: { extensions?: { code?: string } }[] } }) => e.response?.errors?.[0]?.extensions?.code,
        ),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r !== "ok")).toEqual(Array(19).fill("INVALID_TRANSITION"));
    expect((await trail(report.id)).filter((a) => a === "PUBLISH")).toHaveLength(1);
    const { report: history } = await reviewer.client.request<{ report: { publicationPeriods: unknown[] } }>(
      `query($id: ID) { report(id: $id) { publicationPeriods { liveFrom } } }`,
      { id: report.id },
    );
    expect(history.publicationPeriods).toHaveLength(1);
  });
});

describe("the scheduler", () => {
  it("returns a schedule whose disclaimer went out of date to APPROVED, once, and lists it", async () => {
    const firm = await newFirm();
    const report = await approved(firm);
    await run(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + 1_500).toISOString() });
    await newTemplate(firm.id, "예약 뒤에 바뀐 고지문");
    const blocked = await eventually(() => stateOf(editor.client, report.id), (r) => r.scheduleBlock !== null);
    expect(blocked).toMatchObject({ status: "APPROVED", scheduledAt: null });
    expect(blocked.scheduleBlock?.reason).toMatch(/disclaimer/);
    await new Promise((resolve) => setTimeout(resolve, 600)); // a few more scheduler rounds
    expect((await trail(report.id)).filter((a) => a === "SCHEDULE_BLOCKED")).toHaveLength(1);
    expect(await anonymousReport(report.id)).toBeNull();
    expect(await complianceIssues(reviewer.client, { firmId: firm.id })).toContainEqual({
      reportId: report.id,
      kind: "BLOCKED_SCHEDULE",
      reason: blocked.scheduleBlock!.reason,
      rule: null,
    });
  });
});

describe("corrections", () => {
  it("keep every client path on the live version until published; discarding drops the copy", async () => {
    const firm = await newFirm();
    const report = await approved(firm, "[정정랩] 원래 제목");
    const live = await run(editor.client, PUBLISH, { id: report.id });
    const word = "정정전용단어";
    const copy = await run(editor.client, UPDATE, { id: report.id, input: { title: `[정정랩] ${word}`, body: `<p>${word}</p>` }, v: live.version });
    expect(copy.workingCopy?.version).toBe(live.version + 1);
    expect(codesOf(await errorsOf(editor.client, UPDATE, { id: report.id, input: { subject: "x" }, v: live.version }))).toEqual(["CONFLICT"]);

    const search = await anonymous().request<{ reports: { totalCount: number } }>(
      `query($s: String) { reports(filter: { search: $s }) { totalCount } }`,
      { s: word },
    );
    expect(search.reports.totalCount).toBe(0);
    const { firm: byFirm } = await anonymous().request<{ firm: { reports: { nodes: { title: string }[] } } }>(
      `query($id: ID) { firm(id: $id) { reports { nodes { title } } } }`,
      { id: firm.id },
    );
    expect(byFirm.reports.nodes.map((r) => r.title)).toEqual(["[정정랩] 원래 제목"]);
    expect(codesOf(await errorsOf(anonymous(), `query($id: ID) { report(id: $id) { workingCopy { title } } }`, { id: report.id }))).toEqual([
      "UNAUTHENTICATED",
    ]);
    expect(codesOf(await errorsOf(editor.client, UPDATE, { id: report.id, input: { firmId: (await newFirm()).id }, v: copy.workingCopy!.version }))).toEqual([
      "BAD_USER_INPUT",
    ]);

    expect(await editor.client.request(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: report.id })).toEqual({ deleteReport: report.id });
    const after = await stateOf(editor.client, report.id);
    expect(after).toMatchObject({ status: "PUBLISHED", title: "[정정랩] 원래 제목", workingCopy: null });
  });
});

describe("versions and evidence around corrections", () => {
  it("never reuses a version: a page holding a discarded correction's version cannot save over the next one", async () => {
    const live = await run(editor.client, PUBLISH, { id: (await approved(await newFirm(), "[버전랩] 원본")).id });
    const first = await run(editor.client, UPDATE, { id: live.id, input: { title: "[버전랩] 첫 정정" }, v: live.version });
    const staleVersion = first.workingCopy!.version;
    await editor.client.request(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: live.id });
    const afterDiscard = await stateOf(editor.client, live.id);
    const second = await run(editor.client, UPDATE, { id: live.id, input: { title: "[버전랩] 둘째 정정" }, v: afterDiscard.version });
    expect(second.workingCopy!.version).toBeGreaterThan(staleVersion);
    const errors = await errorsOf(editor.client, UPDATE, { id: live.id, input: { title: "[버전랩] 낡은 탭" }, v: staleVersion });
    expect(codesOf(errors)).toEqual(["CONFLICT"]);
    expect((await stateOf(editor.client, live.id)).workingCopy?.title).toBe("[버전랩] 둘째 정정");
  });

  it("a step on the report leaves the correction's version alone", async () => {
    const report = await approved(await newFirm());
    await run(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + 3_600_000).toISOString() });
    const scheduled = await stateOf(editor.client, report.id);
    const copy = await run(editor.client, UPDATE, { id: report.id, input: { subject: "정정 중" }, v: scheduled.version });
    const unscheduled = await run(editor.client, UNSCHEDULE, { id: report.id });
    expect(unscheduled.status).toBe("APPROVED");
    expect(unscheduled.workingCopy?.version).toBe(copy.workingCopy!.version);
    await run(editor.client, UPDATE, { id: report.id, input: { subject: "계속 정정" }, v: copy.workingCopy!.version });
  });

  it("logs the revision clients actually read, not a correction in progress", async () => {
    const report = await approved(await newFirm(), "[로그랩] 게시될 제목");
    await run(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + 1_500).toISOString() });
    const scheduled = await stateOf(editor.client, report.id);
    await run(editor.client, UPDATE, { id: report.id, input: { title: "[로그랩] 아직 검토 전" }, v: scheduled.version });
    await eventually(() => stateOf(editor.client, report.id), (r) => r.status === "PUBLISHED");
    const { report: history } = await editor.client.request<{
      report: { publicationPeriods: { revisionId: string }[]; revisions: { id: string; content: { title: string } }[] };
    }>(`query($id: ID) { report(id: $id) { publicationPeriods { revisionId } revisions { id content { title } } } }`, { id: report.id });
    const logged = history.revisions.find((r) => r.id === history.publicationPeriods[0].revisionId);
    expect(logged?.content.title).toBe("[로그랩] 게시될 제목");
  });

  it("re-attaching after a blocked schedule clears the block", async () => {
    const firm = await newFirm();
    const report = await approved(firm);
    await run(editor.client, PUBLISH, { id: report.id, at: new Date(Date.now() + 1_000).toISOString() });
    await newTemplate(firm.id, "차단용 새 고지문");
    await eventually(() => stateOf(editor.client, report.id), (r) => r.scheduleBlock !== null);
    expect((await run(editor.client, ATTACH, { id: report.id })).scheduleBlock).toBeNull();
    expect((await complianceIssues(reviewer.client, { firmId: firm.id })).map((i) => i.reportId)).not.toContain(report.id);
  });

  it("keeps a draft that a reviewer once approved: it is evidence", async () => {
    const report = await approved(await newFirm());
    expect((await run(editor.client, ATTACH, { id: report.id })).status).toBe("DRAFT");
    const errors = await errorsOf(editor.client, `mutation($id: ID!) { deleteReport(id: $id) }`, { id: report.id });
    expect(codesOf(errors)).toEqual(["INVALID_TRANSITION"]);
  });
});

describe("restoring a live report's revision", () => {
  it("starts a correction instead of changing what clients read", async () => {
    const firm = await newFirm();
    const original = await draft(firm, "[복원랩] 첫 제목");
    await run(editor.client, UPDATE, { id: original.id, input: { title: "[복원랩] 둘째 제목" }, v: original.version });
    await run(editor.client, ATTACH, { id: original.id });
    await run(editor.client, SUBMIT, { id: original.id });
    await run(reviewer.client, APPROVE, { id: original.id, note: null });
    const live = await run(editor.client, PUBLISH, { id: original.id });
    const { report } = await editor.client.request<{ report: { revisions: { id: string; number: number }[] } }>(
      `query($id: ID) { report(id: $id) { revisions { id number } } }`,
      { id: original.id },
    );
    const first = report.revisions.find((r) => r.number === 1)!;
    const restored = await run(
      editor.client,
      `mutation($id: ID!, $v: Int!) { restoreReportRevision(revisionId: $id, expectedVersion: $v) { id status title workingCopy { status title } } }`,
      { id: first.id, v: live.version },
    );
    expect(restored).toMatchObject({ status: "PUBLISHED", title: "[복원랩] 둘째 제목", workingCopy: { status: "DRAFT", title: "[복원랩] 첫 제목" } });
    expect((await anonymousReport(original.id))?.title).toBe("[복원랩] 둘째 제목");
  });
});

describe("reads that take only the columns a query selects", () => {
  it("answer each field of a report, asked alone, as a read of whole rows does, in every state", async () => {
    const firm = await newFirm();
    await draft(firm, "[칼럼테스트] 초안");
    const live = await approved(firm, "[칼럼테스트] 게시");
    await run(editor.client, PUBLISH, { id: live.id });
    const retracted = await approved(firm, "[칼럼테스트] 철회");
    await run(editor.client, PUBLISH, { id: retracted.id });
    await run(editor.client, RETRACT, { id: retracted.id, reason: "자료 오류" });

    type TypeRef = { kind: string; ofType: TypeRef | null };
    const { __type } = await editor.client.request<{ __type: { fields: { name: string; type: TypeRef }[] } }>(
      `{ __type(name: "Report") { fields { name type { kind ofType { kind ofType { kind ofType { kind ofType { kind } } } } } } } }`,
    );
    const isLeaf = (t: TypeRef): boolean => (t.ofType ? isLeaf(t.ofType) : t.kind === "SCALAR" || t.kind === "ENUM");
    const selections = __type.fields.map((f) => ({ name: f.name, selection: isLeaf(f.type) ? f.name : `${f.name} { __typename }` }));
    expect(selections.length).toBeGreaterThan(20);
    const read = async (id: string, selection: string): Promise<Record<string, unknown>> =>
      (await editor.client.request<{ report: Record<string, unknown> }>(`query($id: ID) { report(id: $id) { ${selection} } }`, { id })).report;

    // The firm's reports connection reads whole rows: the reference.
    const { firm: reference } = await editor.client.request<{ firm: { reports: { nodes: Record<string, unknown>[] } } }>(
      `query($id: ID) { firm(id: $id) { reports(first: 10) { nodes { ${selections.map((s) => s.selection).join(" ")} } } } }`,
      { id: firm.id },
    );
    expect(reference.reports.nodes).toHaveLength(3);
    for (const whole of reference.reports.nodes) {
      for (const { name, selection } of selections) {
        expect({ [name]: (await read(whole.id as string, selection))[name] }).toEqual({ [name]: whole[name] });
      }
    }
  });
});

describe("the disclaimer gate in the database", () => {
  // Last: stops this file's server to write raw SQL into its database.
  it("refuses, through raw SQL, live rows without an approved intact disclaimer and changes to evidence", async () => {
    const firm = await newFirm();
    const unpublished = await draft(firm, "[원시SQL] 초안");
    const inReview = await draft(firm, "[원시SQL] 검토중");
    await run(editor.client, ATTACH, { id: inReview.id });
    await run(editor.client, SUBMIT, { id: inReview.id });
    const live = await run(editor.client, PUBLISH, { id: (await approved(firm, "[원시SQL] 게시")).id });
    expect(await running.server().stop()).toBe(0);
    const sql = running.db().sql;

    const refused: [string, RegExp][] = [
      [`UPDATE reports SET status = 'PUBLISHED', published_at = now() WHERE id = '${unpublished.id}'`, /has no disclaimer|reports_live_has_disclaimer/],
      [`UPDATE reports SET status = 'PUBLISHED', published_at = now() WHERE id = '${inReview.id}'`, /not approved/],
      [`UPDATE reports SET status = 'SCHEDULED', scheduled_at = now() + interval '1 day' WHERE id = '${inReview.id}'`, /not approved/],
      [`UPDATE disclaimer_snapshots SET text = 'rewritten' WHERE id = '${live.disclaimer!.id}'`, /cannot change/],
      [`DELETE FROM disclaimer_snapshots WHERE id = '${live.disclaimer!.id}'`, /cannot be deleted/],
      [`UPDATE disclaimer_templates SET body = 'rewritten' WHERE firm_id = '${firm.id}'`, /used by a report/],
      [`DELETE FROM disclaimer_templates WHERE firm_id = '${firm.id}'`, /used by a report/],
      [`UPDATE publication_events SET content_checksum = 'x'`, /append-only/],
      [`DELETE FROM publication_events`, /append-only/],
      [
        `WITH s AS (
           INSERT INTO disclaimer_snapshots (report_id, template_id, template_version, text, checksum, review_status, reviewed_by_id, reviewed_at)
           SELECT report_id, template_id, template_version, text, 'not-the-checksum', 'PENDING', NULL, NULL FROM disclaimer_snapshots WHERE id = '${live.disclaimer!.id}'
           RETURNING id)
         UPDATE reports SET disclaimer_id = (SELECT id FROM s) WHERE id = '${live.id}'`,
        /not approved/,
      ],
    ];
    for (const [statement, error] of refused) {
      const outcome = await sql(statement).then(() => `accepted: ${statement}`, (e: Error) => e.message);
      expect(outcome, statement).toMatch(error);
    }
    const [row] = await sql(`SELECT
      (SELECT status FROM reports WHERE id = '${unpublished.id}') AS draft,
      (SELECT text FROM disclaimer_snapshots WHERE id = '${live.disclaimer!.id}') AS text`);
    expect(row).toEqual({ draft: "DRAFT", text: live.disclaimer!.text });
  });
});
