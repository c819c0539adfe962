import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { errorsOf } from "./helpers/graphql";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, CREATE, createApproved, createDraft, createFirm, draftInput, PUBLISH, run, SUBMIT, UPDATE } from "./helpers/workflow";

/*
 * Every refusal names its reason (a stable key) and the parameters of its text beside the code and
 * the input field, so that clients such as the admin panel can say it in their own language; the
 * English message stays for API clients (README: "Errors").
 */
const running = serverForThisFile(STAFF_ENV);

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;
let firm: { id: string; analystId: string };

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
  firm = await createFirm(editor.client);
});

describe("a validation error", () => {
  it("carries code, field, reason and params, and keeps the English message", async () => {
    const [tooLong] = await errorsOf(editor.client, CREATE, { input: draftInput(firm, `[사유랩] ${"가".repeat(200)}`) });
    expect(tooLong.extensions).toEqual({ code: "BAD_USER_INPUT", field: "title", reason: "TOO_LONG", params: { max: 200 } });
    expect(tooLong.message).toBe("title may have at most 200 characters");

    const [empty] = await errorsOf(editor.client, CREATE, { input: { ...draftInput(firm, "[사유랩] 빈 주제"), subject: "   " } });
    expect(empty.extensions).toEqual({ code: "BAD_USER_INPUT", field: "subject", reason: "REQUIRED", params: {} });

    const [bullets] = await errorsOf(editor.client, CREATE, { input: { ...draftInput(firm, "[사유랩] 요점 여섯"), summary: ["일", "이", "삼", "사", "오", "육"] } });
    expect(bullets.extensions).toEqual({ code: "BAD_USER_INPUT", field: "summary", reason: "ITEM_COUNT", params: { min: 1, max: 5 } });

    const [markup] = await errorsOf(editor.client, CREATE, { input: { ...draftInput(firm, "[사유랩] 태그"), subject: "<b>굵게</b>" } });
    expect(markup.extensions).toMatchObject({ field: "subject", reason: "MARKUP_NOT_ALLOWED" });
  });

  it("of a read names the word at fault", async () => {
    const [short] = await errorsOf(running.server().client, `query($s: String) { reports(filter: { search: $s }) { totalCount } }`, { s: "영상 가" });
    expect(short.extensions).toEqual({ code: "BAD_USER_INPUT", field: "search", reason: "WORD_TOO_SHORT", params: { min: 2, word: "가" } });
  });

  it("of a taken slug or a stale version says which", async () => {
    const tag = `mutation($slug: String!) { createSectorTag(input: { name: "사유 태그", slug: $slug }) { id } }`;
    const slug = `reason-${Math.random().toString(36).slice(2, 8)}`;
    await editor.client.request(tag, { slug });
    const [taken] = await errorsOf(editor.client, tag.replace("사유 태그", "사유 태그 둘"), { slug });
    expect(taken.extensions).toEqual({ code: "CONFLICT", field: "slug", reason: "SLUG_TAKEN", params: { slug } });

    const draft = await createDraft(editor.client, firm, "[사유랩] 동시 편집");
    await editor.client.request(UPDATE, { id: draft.id, input: { subject: "먼저 저장" }, v: draft.version });
    const [stale] = await errorsOf(editor.client, UPDATE, { id: draft.id, input: { subject: "늦게 저장" }, v: draft.version });
    expect(stale.extensions).toEqual({ code: "CONFLICT", reason: "STALE_VERSION", params: { currentVersion: draft.version + 1 }, currentVersion: draft.version + 1 });
  });

  it("outside /graphql (the event stream's refusal) carries the same", async () => {
    const response = await fetch(running.server().url.replace("/graphql", "/events?types=NOPE"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "BAD_USER_INPUT", field: "types", reason: "UNKNOWN_EVENT_TYPE", params: { allowed: expect.stringContaining("REPORT_PUBLISHED") } });
  });
});

describe("a workflow refusal", () => {
  it("names its reason: no disclaimer, a step the status does not allow, four eyes, an outdated disclaimer", async () => {
    const draft = await createDraft(editor.client, firm, "[사유랩] 고지문 없이 제출");
    const [unattached] = await errorsOf(editor.client, SUBMIT, { id: draft.id });
    expect(unattached.extensions).toEqual({ code: "DISCLAIMER_REQUIRED", reason: "DISCLAIMER_NOT_ATTACHED", params: {} });

    const [notApproved] = await errorsOf(editor.client, PUBLISH, { id: draft.id });
    expect(notApproved.extensions).toEqual({ code: "INVALID_TRANSITION", reason: "STEP_NOT_ALLOWED", params: { status: "DRAFT" }, status: "DRAFT" });

    await run(editor.client, ATTACH, { id: draft.id });
    await run(editor.client, SUBMIT, { id: draft.id });
    const [notReviewer] = await errorsOf(editor.client, APPROVE, { id: draft.id, note: null });
    expect(notReviewer.extensions).toEqual({ code: "FORBIDDEN", reason: "ROLE_REQUIRED", params: { roles: "REVIEWER" } });

    // An admin holds every role, but may not approve what they prepared.
    const own = await createDraft(admin, firm, "[사유랩] 스스로 승인");
    await run(admin, ATTACH, { id: own.id });
    await run(admin, SUBMIT, { id: own.id });
    const [fourEyes] = await errorsOf(admin, APPROVE, { id: own.id, note: null });
    expect(fourEyes.extensions).toEqual({ code: "FORBIDDEN", reason: "FOUR_EYES", params: {}, rule: "FOUR_EYES" });

    const approved = await createApproved(editor.client, reviewer.client, firm, "[사유랩] 바뀐 고지문");
    await editor.client.request(`mutation($id: ID!) { createDisclaimerTemplate(firmId: $id, body: "사유랩 고지문 2판") { version } }`, { id: firm.id });
    const [outdated] = await errorsOf(editor.client, PUBLISH, { id: approved.id });
    expect(outdated.extensions).toMatchObject({
      code: "DISCLAIMER_REQUIRED",
      reason: "DISCLAIMER_OUTDATED",
      params: { attachedVersion: 1, currentVersion: 2 },
    });
    expect(outdated.message).toMatch(/^the firm's disclaimer has a newer version/);
  });

  it("of sign-in and of a missing session names its reason", async () => {
    const [wrong] = await errorsOf(running.server().client, `mutation { login(email: "nobody@test.example", password: "not-the-password") { token } }`);
    expect(wrong.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "WRONG_CREDENTIALS", params: {} });
    const [anonymous] = await errorsOf(running.server().client, CREATE, { input: draftInput(firm, "[사유랩] 로그인 없이") });
    expect(anonymous.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "SIGN_IN_REQUIRED", params: {} });
  });
});
