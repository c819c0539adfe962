import { createHash } from "node:crypto";
import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf } from "./helpers/graphql";
import { databaseUrl, MODE, runtimeSql, SERVER_POSTGRES_URL, serverForThisFile, startServer } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import {
  APPROVE, ATTACH, complianceIssues, createApproved, createDraft, createFirm, eventually, PUBLISH, run, stateOf, SUBMIT, UPDATE, type ReportState,
} from "./helpers/workflow";

const running = serverForThisFile({ ...STAFF_ENV, SCHEDULER_INTERVAL_MS: "200" });
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The database's content checksum, recomputed outside it: SHA-256 of the JSON array PostgreSQL prints. */
const canonical = (value: unknown): string => (Array.isArray(value) ? `[${value.map(canonical).join(", ")}]` : JSON.stringify(value));
/** With the correction note as a fifth value when there is one (see the CorrectionNotes migration). */
const contentChecksum = (c: { title: string; subject: string; summary: string[]; body: string; correctionNote?: string | null }): string =>
  sha256(canonical([c.title, c.subject, c.summary, c.body, ...(c.correctionNote == null ? [] : [c.correctionNote])]));

let admin: GraphQLClient;
let adminId: string;
let editor: StaffMember;
let reviewer: StaffMember;

type Firm = { id: string; analystId: string };
const newFirm = (): Promise<Firm> => createFirm(editor.client, `본 보고서는 무결성증권 ${Math.random().toString(36).slice(2, 6)}의 자료입니다.`);
const newTemplate = (firmId: string, body: string) =>
  editor.client.request(`mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { version } }`, { firmId, body });
const approved = (firm: Firm, title?: string): Promise<ReportState> => createApproved(editor.client, reviewer.client, firm, title);
const live = async (firm: Firm, title?: string): Promise<ReportState> =>
  run(editor.client, PUBLISH, { id: (await approved(firm, title)).id });

const CONTENT = `query($id: ID) { report(id: $id) { title subject summary body correctionNote disclaimer { contentChecksum } } }`;
type Content = { title: string; subject: string; summary: string[]; body: string; correctionNote: string | null; disclaimer: { contentChecksum: string | null } | null };

/**
 * Runs statements in a transaction that fires the deferred gate (SET CONSTRAINTS ALL IMMEDIATE)
 * and then rolls back; returns the refusal, or "accepted".
 */
const probe = (statements: string): Promise<string> =>
  runtimeSql(running.db(), `BEGIN; ${statements}; SET CONSTRAINTS ALL IMMEDIATE; ROLLBACK;`).then(
    () => "accepted",
    (error: Error) => error.message,
  );

beforeAll(async () => {
  const session = await signIn(running.server(), ADMIN.email, ADMIN.password);
  admin = session.client;
  adminId = session.id;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

describe("four eyes and approved content, through the API", () => {
  it("refuses a review by whoever attached the disclaimer, as the database does", async () => {
    const report = await createDraft(editor.client, await newFirm(), "[사안검토] 첨부자 검토");
    await run(admin, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id });
    const [error] = await errorsOf(admin, APPROVE, { id: report.id, note: null });
    expect(error.extensions).toMatchObject({ code: "FORBIDDEN", rule: "FOUR_EYES" });
    expect((await run(reviewer.client, APPROVE, { id: report.id, note: null })).status).toBe("APPROVED");
  });

  it("makes a correction's editor the report's last editor, who may then not review the report's renewal", async () => {
    // Approved, never published: the admin corrects it, the reviewer approves, the editor publishes it.
    const report = await approved(await newFirm(), "[사안검토] 정정 편집자");
    await run(admin, UPDATE, { id: report.id, input: { summary: ["관리자가 고친 요점"] }, v: report.version });
    await run(admin, ATTACH, { id: report.id });
    await run(admin, SUBMIT, { id: report.id, correctionNote: "요점을 고쳤습니다." });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    const published = await run(editor.client, PUBLISH, { id: report.id });
    expect(published).toMatchObject({ status: "PUBLISHED", workingCopy: null });
    // The editor renews the live report's disclaimer: the content under review is still the admin's.
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "고지문 갱신" });
    const [error] = await errorsOf(admin, APPROVE, { id: report.id, note: null });
    expect(error.extensions).toMatchObject({ code: "FORBIDDEN", rule: "FOUR_EYES" });
    // The database refuses it too, whatever the service says.
    const { workingCopy } = await stateOf(editor.client, report.id);
    expect(workingCopy).toMatchObject({ status: "IN_REVIEW" });
    const refusal = await probe(
      `UPDATE disclaimer_snapshots SET review_status = 'APPROVED', reviewed_by_id = '${adminId}'
       WHERE id = (SELECT disclaimer_id FROM report_working_copies WHERE report_id = '${report.id}')`,
    );
    expect(refusal).toMatch(/^FOUR_EYES/);
    expect((await run(reviewer.client, APPROVE, { id: report.id, note: null })).workingCopy).toMatchObject({ status: "APPROVED" });
  });

  it("records the checksum of the content the reviewer approved, for reports and corrections", async () => {
    const report = await live(await newFirm(), "[사안검토] 내용 기록");
    const read = async (): Promise<Content> => (await editor.client.request<{ report: Content }>(CONTENT, { id: report.id })).report;
    const first = await read();
    expect(first.disclaimer?.contentChecksum).toBe(contentChecksum(first));

    const copy = await run(editor.client, UPDATE, { id: report.id, input: { body: "<p>정정된 본문 \"인용\" 과 \\ 기호</p>" }, v: report.version });
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id, correctionNote: "본문을 고쳤습니다." });
    await run(reviewer.client, APPROVE, { id: report.id, note: null });
    await run(editor.client, PUBLISH, { id: report.id });
    const second = await read();
    expect(copy.workingCopy).not.toBeNull();
    expect(second.body).toContain("정정된 본문");
    expect(second.correctionNote).toBe("본문을 고쳤습니다.");
    expect(second.disclaimer?.contentChecksum).toBe(contentChecksum(second));
    expect(second.disclaimer?.contentChecksum).not.toBe(first.disclaimer?.contentChecksum);
  });
});

describe("the scheduler", () => {
  it("returns a schedule the gate refuses to APPROVED with the rule, and still publishes the next due report", async () => {
    const [outdatedFirm, otherFirm] = [await newFirm(), await newFirm()];
    const refused = await approved(outdatedFirm, "[사안검토] 예약 거절");
    const next = await approved(otherFirm, "[사안검토] 예약 다음");
    const soon = Date.now() + 2_500;
    await run(editor.client, PUBLISH, { id: refused.id, at: new Date(soon).toISOString() });
    await run(editor.client, PUBLISH, { id: next.id, at: new Date(soon + 300).toISOString() });
    await newTemplate(outdatedFirm.id, "새 판 고지문: 예약 후 바뀌었습니다.");

    const published = await eventually(() => stateOf(editor.client, next.id), (r) => r.status === "PUBLISHED");
    expect(published.status).toBe("PUBLISHED");
    const blocked = await stateOf(editor.client, refused.id);
    expect(blocked).toMatchObject({ status: "APPROVED", scheduledAt: null });
    expect(blocked.scheduleBlock?.reason).toMatch(/^OUTDATED_TEMPLATE: /);
  });
});

describe.runIf(MODE === "server")("refusals that reach the API, and the compliance list", () => {
  it("maps a gate refusal at commit to DISCLAIMER_REQUIRED with the rule, and changes nothing", async () => {
    const report = await approved(await newFirm(), "[사안검토] 승인 후 변조");
    // Allowed: the report is not live. Publishing it now would show text nobody approved.
    await running.db().sql(`UPDATE reports SET body = body || '<p>승인 뒤에 끼워 넣은 문장</p>' WHERE id = '${report.id}'`);
    const [error] = await errorsOf(editor.client, PUBLISH, { id: report.id });
    expect(error.extensions).toMatchObject({ code: "DISCLAIMER_REQUIRED", rule: "CONTENT_NOT_APPROVED" });
    expect(error.message).toMatch(/^CONTENT_NOT_APPROVED: /);
    expect((await stateOf(editor.client, report.id)).status).toBe("APPROVED");
    const [{ events }] = await running.db().sql(`SELECT count(*)::int AS events FROM publication_events WHERE report_id = '${report.id}'`);
    expect(events).toBe(0);
  });

  it("lists what the upgrade found failing the gate, and the full check finds the same and more", async () => {
    const firm = await newFirm();
    const [tampered, older, olderTampered] = [await live(firm, "[사안검토] 변조"), await live(firm, "[사안검토] 이전 승인"), await live(firm, "[사안검토] 이전 승인 변조")];
    // As a superuser with the triggers off: the state of a database from before the gate, with an
    // approval that recorded no content and edits nobody approved. Then the upgrade's own check.
    await running.db().sql(`
      SET session_replication_role = replica;
      UPDATE reports SET body = '<p>몰래 바꾼 본문</p>' WHERE id IN ('${tampered.id}', '${olderTampered.id}');
      UPDATE disclaimer_snapshots SET content_checksum = NULL WHERE report_id IN ('${older.id}', '${olderTampered.id}');
      SET session_replication_role = DEFAULT;
      SELECT rd_record_legacy_gate_findings();`);
    const issues = await complianceIssues(reviewer.client, { kinds: ["GATE_VIOLATION"] });
    // The older approval whose live text is what the publication log recorded going live is not listed.
    const ours = issues.filter((i) => [tampered.id, older.id, olderTampered.id].includes(i.reportId));
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(
      expect.arrayContaining([tampered, olderTampered].map((r) => expect.objectContaining({ reportId: r.id, kind: "GATE_VIOLATION", rule: "CONTENT_NOT_APPROVED" }))),
    );
    // The full check (the README's query for auditors) is strict: an approval without a content
    // record proves nothing about the content.
    const refused = await running.db().sql(`
      SELECT r.id, p.sqlstate FROM reports r, rd_live_gate_problem(r.id, false) p
      WHERE r.status IN ('PUBLISHED', 'SCHEDULED') AND p.sqlstate IS NOT NULL`);
    expect(refused).toEqual(
      expect.arrayContaining([tampered, older, olderTampered].map((r) => ({ id: r.id, sqlstate: "RD107" }))),
    );
  });

  it("warns in production when the runtime role is a superuser or owns the tables, and not when it owns nothing", async () => {
    const env = { ...STAFF_ENV, NODE_ENV: "production", SEED_DEMO: "false" };
    const { DATABASE_URL: runtime, DATABASE_MIGRATION_URL: owner } = running.db().env;
    const superuser = databaseUrl(SERVER_POSTGRES_URL!, new URL(runtime).pathname.slice(1));
    const outputs: string[] = [];
    for (const url of [superuser, owner, runtime]) {
      const server = await startServer(running.db(), { ...env, DATABASE_URL: url });
      await server.stop();
      outputs.push(server.output());
    }
    expect(outputs[0]).toMatch(/warning: the database role \w+ is a superuser: it can switch off triggers/);
    expect(outputs[1]).toMatch(/warning: the database role \w+ owns \d+ tables \(.*audit_events.*\): it can disable their triggers .* and so rewrite audit_events, images, legacy_gate_findings, publication_events;/);
    expect(outputs[2]).not.toMatch(/warning:/);
  });

  it("keeps the runtime role from rewriting history or switching off the rules", async () => {
    const refusals: [string, RegExp][] = [
      [`SET session_replication_role = replica`, /permission denied/],
      [`ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner/],
      [`ALTER TABLE reports DISABLE TRIGGER reports_live_gate_update`, /must be owner/],
      [`DROP TRIGGER disclaimer_snapshots_guard ON disclaimer_snapshots`, /must be owner/],
      [`UPDATE audit_events SET action = 'FORGED'`, /permission denied/],
      [`DELETE FROM audit_events`, /permission denied/],
      [`TRUNCATE audit_events`, /permission denied/],
      [`UPDATE publication_events SET content_checksum = 'x'`, /permission denied/],
      [`DELETE FROM publication_events`, /permission denied/],
      [`TRUNCATE publication_events`, /permission denied/],
      [`DELETE FROM legacy_gate_findings`, /permission denied/],
      [`DELETE FROM live_report_disclaimers`, /permission denied/],
      [`UPDATE live_report_disclaimers SET template_id = gen_random_uuid()`, /permission denied/],
      [`INSERT INTO live_report_disclaimers SELECT id, firm_id, gen_random_uuid() FROM reports LIMIT 1`, /permission denied/],
      [`DELETE FROM migrations`, /permission denied/],
      [`CREATE TABLE shadow (id int)`, /permission denied/],
      [`CREATE OR REPLACE FUNCTION rd_content_checksum(text, text, text[], text, text) RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$`, /permission denied|must be owner/],
    ];
    for (const [statement, refusal] of refusals) expect(await probe(statement), statement).toMatch(refusal);
    // What it may do: append to the logs, read what triggers keep, and read the search statistics through their function.
    expect(await probe(`INSERT INTO audit_events (action, entity_type) VALUES ('PROBE', 'Test')`)).toBe("accepted");
    expect(await probe(`SELECT count(*) FROM live_report_disclaimers`)).toBe("accepted");
    expect(await probe(`SELECT * FROM rd_search_bigram_stats(current_schema())`)).toBe("accepted");
  });
});

// Last: in embedded mode the server is stopped so that SQL can reach its database.
describe("the gate, tried with raw SQL as the runtime role", () => {
  it("refuses each bypass with its own rule", async () => {
    const [firm, other] = [await newFirm(), await newFirm()];
    const pending = await approved(firm, "[사안검토] 새 판 이전 승인");
    const onAir = await live(firm, "[사안검토] 게시 중");
    const draft = await createDraft(editor.client, firm, "[사안검토] 초안");
    await newTemplate(firm.id, "본 보고서는 무결성증권의 자료입니다. (2판)");
    const fresh = await newFirm();
    const freshDraft = await createDraft(editor.client, fresh, "[사안검토] 새 초안");
    const freshLive = await live(fresh, "[사안검토] 새 게시");
    if (MODE === "embedded") expect(await running.server().stop()).toBe(0);

    const [row] = await running.db().sql(`SELECT id, body FROM disclaimer_templates WHERE firm_id = '${fresh.id}' AND version = 1`);
    const [template, text] = [row.id as string, row.body as string];
    const snapshot = (values: { text: string; attachedBy: string }) =>
      `INSERT INTO disclaimer_snapshots (id, report_id, template_id, template_version, text, checksum, attached_by_id)
       VALUES ('00000000-0000-4000-8000-000000000001', '${freshDraft.id}', '${template}', 1, '${values.text}',
         encode(sha256(convert_to('${values.text}', 'UTF8')), 'hex'), '${values.attachedBy}');
       UPDATE reports SET disclaimer_id = '00000000-0000-4000-8000-000000000001', status = 'IN_REVIEW' WHERE id = '${freshDraft.id}'`;
    const approve = (by: string) =>
      `UPDATE disclaimer_snapshots SET review_status = 'APPROVED', reviewed_by_id = '${by}' WHERE id = '00000000-0000-4000-8000-000000000001'`;
    const goLive = (id: string) => `UPDATE reports SET status = 'PUBLISHED', published_at = now() WHERE id = '${id}'`;

    const bypasses: [string, string, string][] = [
      ["an approved report goes live after its firm issued a newer version", goLive(pending.id), "OUTDATED_TEMPLATE"],
      ["a live report moves to another firm", `UPDATE reports SET firm_id = '${other.id}' WHERE id = '${onAir.id}'`, "FIRM_LOCKED"],
      [
        "a snapshot is inserted already approved, by the author, with made-up text",
        `INSERT INTO disclaimer_snapshots (report_id, template_id, template_version, text, checksum, review_status, reviewed_by_id, reviewed_at)
         VALUES ('${freshDraft.id}', '${template}', 1, '지어낸 문구', encode(sha256(convert_to('지어낸 문구', 'UTF8')), 'hex'),
           'APPROVED', '${editor.id}', now())`,
        "INSERTED_REVIEWED",
      ],
      ["the template's real text, approved by the report's author", `${snapshot({ text, attachedBy: adminId })}; ${approve(editor.id)}`, "FOUR_EYES"],
      ["approved by whoever attached it", `${snapshot({ text, attachedBy: reviewer.id })}; ${approve(reviewer.id)}`, "FOUR_EYES"],
      [
        "made-up text approved by another reviewer, then published",
        `${snapshot({ text: "지어낸 문구", attachedBy: editor.id })}; ${approve(reviewer.id)}; ${goLive(freshDraft.id)}`,
        "TEXT_MISMATCH",
      ],
      [
        "the real text approved by another reviewer, on a draft that is not in review",
        `${snapshot({ text, attachedBy: editor.id })}; UPDATE reports SET status = 'DRAFT' WHERE id = '${freshDraft.id}'; ${approve(reviewer.id)}`,
        "NOT_IN_REVIEW",
      ],
      ["a live report's body is edited", `UPDATE reports SET body = body || '<p>덧붙임</p>' WHERE id = '${freshLive.id}'`, "CONTENT_NOT_APPROVED"],
      [
        "a live report takes another report's approved disclaimer",
        `UPDATE reports SET disclaimer_id = (SELECT disclaimer_id FROM reports WHERE id = '${onAir.id}') WHERE id = '${freshLive.id}'`,
        "FOREIGN_DISCLAIMER",
      ],
      [
        "a live report takes a pending disclaimer of its own",
        `INSERT INTO disclaimer_snapshots (id, report_id, template_id, template_version, text, checksum)
         VALUES ('00000000-0000-4000-8000-000000000002', '${freshLive.id}', '${template}', 1, '${text}', encode(sha256(convert_to('${text}', 'UTF8')), 'hex'));
         UPDATE reports SET disclaimer_id = '00000000-0000-4000-8000-000000000002' WHERE id = '${freshLive.id}'`,
        "NOT_APPROVED",
      ],
      [
        "an approval is rewritten",
        `UPDATE disclaimer_snapshots SET review_note = '다시 쓴 의견' WHERE id = (SELECT disclaimer_id FROM reports WHERE id = '${freshLive.id}')`,
        "REVIEW_FROZEN",
      ],
      ["a draft goes live without a disclaimer", goLive(draft.id), "reports_live_has_disclaimer"],
    ];
    for (const [what, statements, rule] of bypasses) {
      expect(await probe(statements), what).toMatch(new RegExp(`^${rule}|"${rule}"`));
    }
    // The same transaction without the forbidden step passes: each probe fails for its own reason.
    expect(await probe(`${snapshot({ text, attachedBy: editor.id })}; ${approve(reviewer.id)}; ${goLive(freshDraft.id)}`)).toBe("accepted");
  });
});
