import { createHash } from "node:crypto";
import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { MODE, runtimeSql, serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, createApproved, createDraft, createFirm, PUBLISH, REJECT, RETRACT, run, SUBMIT, UPDATE, WITHDRAW, type ReportState } from "./helpers/workflow";

const running = serverForThisFile(STAFF_ENV);
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;

type Firm = { id: string; analystId: string };
const newFirm = (): Promise<Firm> => createFirm(editor.client, `본 보고서는 정정안내증권 ${Math.random().toString(36).slice(2, 6)}의 자료입니다.`);
const live = async (firm: Firm, title: string): Promise<ReportState> =>
  run(editor.client, PUBLISH, { id: (await createApproved(editor.client, reviewer.client, firm, title)).id });

/** Starts a correction of `report` with a new title, attached and ready to submit. */
async function correction(report: ReportState, title: string): Promise<void> {
  await run(editor.client, UPDATE, { id: report.id, input: { title }, v: report.version });
  await run(editor.client, ATTACH, { id: report.id });
}

const PUBLIC = `query($slug: String) { report(slug: $slug) { title correctedAt correctionNote } }`;
type Public = { title: string; correctedAt: string | null; correctionNote: string | null };
const anonymous = async (slug: string): Promise<Public | null> =>
  (await running.server().client.request<{ report: Public | null }>(PUBLIC, { slug })).report;

const NOTE_OF_COPY = `query($id: ID) { report(id: $id) { correctionNote workingCopy { status correctionNote } } }`;
type NoteOfCopy = { correctionNote: string | null; workingCopy: { status: string; correctionNote: string | null } | null };
const staffView = async (id: string): Promise<NoteOfCopy> => (await editor.client.request<{ report: NoteOfCopy }>(NOTE_OF_COPY, { id })).report;

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

describe("submitting with a correction note", () => {
  it("needs a note for a correction and refuses one for a report that is not a correction, naming the field", async () => {
    const firm = await newFirm();
    const draft = await createDraft(editor.client, firm, "[안내랩] 정정이 아닌 초안");
    await run(editor.client, ATTACH, { id: draft.id });
    const [notACorrection] = await errorsOf(editor.client, SUBMIT, { id: draft.id, correctionNote: "고칠 것이 없습니다." });
    expect(notACorrection.extensions).toEqual({ code: "BAD_USER_INPUT", field: "correctionNote", reason: "NOTE_WITHOUT_CORRECTION", params: {} });
    expect((await run(editor.client, SUBMIT, { id: draft.id })).status).toBe("IN_REVIEW");

    const report = await live(firm, "[안내랩] 게시된 보고서");
    await correction(report, "[안내랩] 게시된 보고서, 고친 제목");
    const refused = [undefined, null, "", "   \n  ", "가".repeat(501), "한 줄\n".repeat(6), "<b>굵게</b> 고쳤습니다", "종\u0007소리"];
    for (const correctionNote of refused) {
      const [error] = await errorsOf(editor.client, SUBMIT, { id: report.id, correctionNote });
      expect(error.extensions, JSON.stringify(correctionNote)).toMatchObject({ code: "BAD_USER_INPUT", field: "correctionNote", reason: expect.any(String) });
    }
    expect(await staffView(report.id)).toEqual({ correctionNote: null, workingCopy: { status: "DRAFT", correctionNote: null } });

    // Hangul as macOS sends it (decomposed) is stored composed; 500 characters and 5 lines are allowed.
    const note = `제목의 오탈자를 고쳤습니다.\n${"가".repeat(480)}`;
    const submitted = await run(editor.client, SUBMIT, { id: report.id, correctionNote: `  ${note.normalize("NFD")}  ` });
    expect(submitted.workingCopy).toMatchObject({ status: "IN_REVIEW" });
    expect((await staffView(report.id)).workingCopy).toEqual({ status: "IN_REVIEW", correctionNote: note });
  });

  it("asks for one when a renewal (content unchanged) is submitted", async () => {
    const firm = await newFirm();
    const report = await live(firm, "[안내랩] 갱신할 보고서");
    await editor.client.request(`mutation($id: ID!) { createDisclaimerTemplate(firmId: $id, body: "갱신된 고지문 (2판)") { version } }`, { id: firm.id });
    await run(editor.client, ATTACH, { id: report.id });
    expect((await errorsOf(editor.client, SUBMIT, { id: report.id }))[0].extensions).toEqual({
      code: "BAD_USER_INPUT",
      field: "correctionNote",
      reason: "CORRECTION_NOTE_REQUIRED",
      params: {},
    });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "고지문 갱신 (2판)" });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    const renewed = await run(editor.client, PUBLISH, { id: report.id });
    expect(renewed.disclaimer).toMatchObject({ templateVersion: 2 });
    expect(await anonymous(report.slug)).toEqual({ title: report.title, correctedAt: renewed.correctedAt, correctionNote: "고지문 갱신 (2판)" });
  });
});

describe("the note clients read", () => {
  it("reaches Report.correctionNote only when the approved correction goes live, and is logged and audited with it", async () => {
    const firm = await newFirm();
    const report = await live(firm, "[안내랩] 목표주가 보고서");
    expect(await anonymous(report.slug)).toEqual({ title: report.title, correctedAt: null, correctionNote: null });

    await correction(report, "[안내랩] 목표주가 보고서 (정정)");
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "첫 안내: 반려될 문구" });
    expect(await anonymous(report.slug)).toEqual({ title: report.title, correctedAt: null, correctionNote: null });
    // Rejected, the correction is a draft again: the next submission brings a new note, reviewed anew.
    await run(reviewer.client, REJECT, { id: report.id, note: "정정 안내가 무엇을 고쳤는지 말하지 않습니다." });
    expect((await staffView(report.id)).workingCopy).toEqual({ status: "DRAFT", correctionNote: "첫 안내: 반려될 문구" });
    await run(editor.client, ATTACH, { id: report.id });
    const note = "제목에 '정정'을 덧붙였습니다.\n목표주가는 그대로입니다.";
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: note });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    expect(await anonymous(report.slug)).toEqual({ title: report.title, correctedAt: null, correctionNote: null });
    expect(await staffView(report.id)).toEqual({ correctionNote: null, workingCopy: { status: "APPROVED", correctionNote: note } });

    const corrected = await run(editor.client, PUBLISH, { id: report.id });
    expect(corrected.correctedAt).not.toBeNull();
    expect(await anonymous(report.slug)).toEqual({ title: "[안내랩] 목표주가 보고서 (정정)", correctedAt: corrected.correctedAt, correctionNote: note });

    // The reviewer approved the note with the content: the recorded checksum covers it.
    type Read = {
      title: string; subject: string; summary: string[]; body: string; language: string; correctionNote: string;
      firm: { id: string }; analysts: { id: string }[]; sectorTags: { id: string }[];
      disclaimer: { contentChecksum: string };
      publicationPeriods: { contentChecksum: string; correctionNote: string | null }[];
      auditTrail: { nodes: { action: string; after: Record<string, unknown> | null }[] };
    };
    const { report: read } = await editor.client.request<{ report: Read }>(
      `query($id: ID) { report(id: $id) { title subject summary body language correctionNote firm { id } analysts { id } sectorTags { id }
        disclaimer { contentChecksum } publicationPeriods { contentChecksum correctionNote } auditTrail(first: 100) { nodes { action after } } } }`,
      { id: report.id },
    );
    const jsonArray = (values: unknown[]): string => `[${values.map((v) => (Array.isArray(v) ? jsonArray(v) : JSON.stringify(v))).join(", ")}]`;
    expect(read.disclaimer.contentChecksum).toBe(sha256(jsonArray([read.title, read.subject, read.summary, read.body, note])));

    // The publication log: the first version without a note, the correction with it, in its checksum too.
    const content = {
      title: read.title, subject: read.subject, summary: read.summary, body: read.body, language: read.language, firmId: read.firm.id,
      analystIds: read.analysts.map((a) => a.id), sectorTagIds: read.sectorTags.map((t) => t.id).sort(),
    };
    expect(read.publicationPeriods).toHaveLength(2);
    expect(read.publicationPeriods[0].correctionNote).toBeNull();
    expect(read.publicationPeriods[1]).toEqual({ correctionNote: note, contentChecksum: sha256(JSON.stringify({ ...content, correctionNote: note })) });
    const noted = read.auditTrail.nodes.filter((e) => e.after?.correctionNote !== undefined).map((e) => [e.action, e.after?.correctionNote]);
    expect(noted.reverse()).toEqual([
      ["SUBMIT", "첫 안내: 반려될 문구"],
      ["SUBMIT", note],
      ["PUBLISH_CORRECTION", note],
    ]);

    // A retracted report is a tombstone: it says nothing of its content, the note included.
    await run(editor.client, RETRACT, { id: report.id, reason: "자료 오류" });
    expect(await anonymous(report.slug)).toEqual({ title: "[안내랩] 목표주가 보고서 (정정)", correctedAt: corrected.correctedAt, correctionNote: null });
  });

  it("stays unpublished for a correction applied before the report first went live, whose old version clients never read", async () => {
    const report = await createApproved(editor.client, reviewer.client, await newFirm(), "[안내랩] 게시 전 정정");
    await correction(report, "[안내랩] 게시 전 정정 (고침)");
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "게시 전에 제목을 고쳤습니다." });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    await run(editor.client, PUBLISH, { id: report.id });
    expect(await anonymous(report.slug)).toEqual({ title: "[안내랩] 게시 전 정정 (고침)", correctedAt: null, correctionNote: null });
    const { report: history } = await admin.request<{ report: { auditTrail: { nodes: { action: string; after: Record<string, unknown> | null }[] } } }>(
      `query($id: ID) { report(id: $id) { auditTrail(first: 100) { nodes { action after } } } }`,
      { id: report.id },
    );
    expect(history.auditTrail.nodes.find((e) => e.action === "APPLY_CORRECTION")?.after).toMatchObject({ correctionNote: "게시 전에 제목을 고쳤습니다." });
  });
});

// Last: in embedded mode the server is stopped so that SQL can reach its database.
describe("a note after approval", () => {
  it("cannot change: the service refuses, and the database refuses the runtime role", async () => {
    const firm = await newFirm();
    const approved = await live(firm, "[안내랩] 승인된 정정");
    await correction(approved, "[안내랩] 승인된 정정 (고침)");
    await run(editor.client, SUBMIT, { id: approved.id, correctionNote: "승인된 안내" });
    const state = await run(reviewer.client, APPROVE, { id: approved.id, note: null });
    expect(codesOf(await errorsOf(editor.client, SUBMIT, { id: approved.id, correctionNote: "바꾼 안내" }))).toEqual(["INVALID_TRANSITION"]);
    expect(codesOf(await errorsOf(editor.client, UPDATE, { id: approved.id, input: { title: "[안내랩] 몰래" }, v: state.workingCopy!.version }))).toEqual([
      "INVALID_TRANSITION",
    ]);
    // Withdrawing a correction in review lets the editor change the note; it is then reviewed again.
    const inReview = await live(firm, "[안내랩] 검토 중 정정");
    await correction(inReview, "[안내랩] 검토 중 정정 (고침)");
    await run(editor.client, SUBMIT, { id: inReview.id, correctionNote: "검토 중 안내" });
    await run(editor.client, WITHDRAW, { id: inReview.id });
    await run(editor.client, SUBMIT, { id: inReview.id, correctionNote: "다시 쓴 안내" });
    expect((await staffView(inReview.id)).workingCopy).toEqual({ status: "IN_REVIEW", correctionNote: "다시 쓴 안내" });
    const corrected = await live(firm, "[안내랩] 게시된 정정");
    await correction(corrected, "[안내랩] 게시된 정정 (고침)");
    await run(editor.client, SUBMIT, { id: corrected.id, correctionNote: "게시된 안내" });
    await run(reviewer.client, APPROVE, { id: corrected.id, note: null });
    await run(editor.client, PUBLISH, { id: corrected.id });
    if (MODE === "embedded") expect(await running.server().stop()).toBe(0);

    /** Runs statements as the runtime role in a transaction that fires the deferred gate, then rolls back. */
    const probe = (statements: string): Promise<string> =>
      runtimeSql(running.db(), `BEGIN; ${statements}; SET CONSTRAINTS ALL IMMEDIATE; ROLLBACK;`).then(
        () => "accepted",
        (error: Error) => error.message,
      );
    const setCopy = (id: string, set: string): string => `UPDATE report_working_copies SET ${set} WHERE report_id = '${id}'`;
    // What publishing the approved correction writes onto the report (ReportStore.applyToReport).
    const apply = `UPDATE reports r SET title = c.title, subject = c.subject, summary = c.summary, body = c.body,
        correction_note = c.correction_note, disclaimer_id = c.disclaimer_id, corrected_at = now()
      FROM report_working_copies c WHERE c.report_id = r.id AND r.id = '${approved.id}'`;

    expect(await probe(setCopy(approved.id, "correction_note = '바꾼 안내'"))).toMatch(/^CORRECTION_FROZEN: /);
    expect(await probe(setCopy(approved.id, "body = body || '<p>덧붙임</p>'"))).toMatch(/^CORRECTION_FROZEN: /);
    expect(await probe(setCopy(inReview.id, "correction_note = '검토 중에 바꾼 안내'"))).toMatch(/^CORRECTION_FROZEN: /);
    // Back to draft, rewritten and marked approved again: the approval's checksum does not cover it.
    expect(
      await probe(
        `${setCopy(approved.id, "status = 'DRAFT'")}; ${setCopy(approved.id, "correction_note = '바꾼 안내'")};
         ${setCopy(approved.id, "status = 'APPROVED'")}; ${apply}`,
      ),
    ).toMatch(/^CONTENT_NOT_APPROVED: /);
    expect(await probe(apply)).toBe("accepted");
    // A live report's note is checked like its body.
    expect(await probe(`UPDATE reports SET correction_note = '게시 뒤에 바꾼 안내' WHERE id = '${corrected.id}'`)).toMatch(/^CONTENT_NOT_APPROVED: /);
    expect(await probe(`UPDATE reports SET correction_note = NULL WHERE id = '${corrected.id}'`)).toMatch(/^CONTENT_NOT_APPROVED: /);
    // The log keeps what clients read: the runtime role cannot rewrite it.
    expect(await probe(`UPDATE publication_events SET correction_note = NULL WHERE report_id = '${corrected.id}'`)).toMatch(
      MODE === "server" ? /permission denied/ : /append-only/,
    );
  });
});
