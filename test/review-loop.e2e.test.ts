import type { GraphQLClient } from "graphql-request";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, expectStatus, panelForThisFile, screenshot, SEOUL } from "./helpers/browser";
import { serverForThisFile } from "./helpers/server";
import { createStaffOf, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, CREATE, createApproved, createDraft, PUBLISH, run, stateOf, SUBMIT, UPDATE } from "./helpers/workflow";

const enabled = browserAvailable();
// Several reports through the whole loop in two browsers; generous, since CI shares 2 cores.
const LOOP_TIMEOUT = 180_000;
const running = serverForThisFile(STAFF_ENV);
const { url: admin, signedIn } = panelForThisFile(running, SEOUL);

let editor: StaffMember;
let reviewer: StaffMember;

async function clickStep(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByTestId(`${testId}-confirm`).click();
}

/** Waits until an opening dialog has faded in, so that a screenshot shows it whole. */
const dialogShown = (page: Page): Promise<void> =>
  expect.poll(() => page.locator(".MuiDialog-container").last().evaluate((d) => d.ownerDocument.defaultView?.getComputedStyle(d).opacity)).toBe("1");

/** A firm with a known name, one analyst and disclaimer version 1. */
async function newFirm(name: string, disclaimer: string): Promise<{ id: string; name: string; analystId: string }> {
  const { createFirm } = await editor.client.request<{ createFirm: { id: string } }>(`mutation($name: String!) { createFirm(input: { name: $name }) { id } }`, { name });
  const { createAnalyst } = await editor.client.request<{ createAnalyst: { id: string } }>(
    `mutation($id: ID!) { createAnalyst(input: { firmId: $id, name: "최검토", title: "연구원" }) { id } }`,
    { id: createFirm.id },
  );
  await newVersion(createFirm.id, disclaimer);
  return { id: createFirm.id, name, analystId: createAnalyst.id };
}

const newVersion = (firmId: string, body: string): Promise<unknown> =>
  editor.client.request(`mutation($id: ID!, $body: String!) { createDisclaimerTemplate(firmId: $id, body: $body) { version } }`, { id: firmId, body });

interface Renewed {
  status: string;
  disclaimer: { templateVersion: number };
  rejection: { reviewNote: string; reviewedBy: { name: string } } | null;
  workingCopy: { status: string; disclaimer: { templateVersion: number } } | null;
}

async function reportOf(client: GraphQLClient, id: string): Promise<Renewed> {
  const { report } = await client.request<{ report: Renewed }>(
    `query($id: ID) { report(id: $id) { status disclaimer { templateVersion } rejection { reviewNote reviewedBy { name } }
      workingCopy { status disclaimer { templateVersion } } } }`,
    { id },
  );
  return report;
}

/** Texts of the marked words (`diff-added`, `diff-removed`) inside a part of a diff. */
const marked = (scope: Locator, mark: string): Promise<string[]> =>
  scope.getByTestId(mark).evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? "").trim()));

/** Selects `text` inside the rich-text editor, so that typing replaces it, as a double-click would. */
async function selectInEditor(page: Page, text: string): Promise<void> {
  const editorBox = page.locator(".ProseMirror");
  await editorBox.click();
  await editorBox.evaluate((root, wanted) => {
    const walker = root.ownerDocument.createTreeWalker(root, root.ownerDocument.defaultView!.NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? "").indexOf(wanted);
      if (at < 0) continue;
      const range = root.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = root.ownerDocument.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
}

const PUBLIC = `query($slug: String) { report(slug: $slug) { title body correctedAt correctionNote } }`;
type Public = { title: string; body: string; correctedAt: string | null; correctionNote: string | null };

describe.runIf(enabled)("the review loop in the admin panel", () => {
  beforeAll(async () => {
    [editor, reviewer] = await createStaffOf(running.server(), "EDITOR", "REVIEWER");
  });

  it("shows the reviewer's rejection to the editor on the report, in the list and above the form, until the report is resubmitted", async () => {
    const firm = await newFirm("반려테스트증권", "본 보고서는 반려테스트증권 소속 애널리스트가 작성한 자료입니다.");
    const draft = await createDraft(editor.client, firm, "[반려랩] 근거가 부족한 보고서");
    await run(editor.client, ATTACH, { id: draft.id });
    await run(editor.client, SUBMIT, { id: draft.id });

    // The reviewer finds it in the queue (a connection now: the total is shown) and rejects it.
    const reviewing = await signedIn(reviewer);
    await reviewing.goto(admin("/review"));
    expect(Number(await reviewing.getByTestId("list-count").getAttribute("data-total"))).toBeGreaterThanOrEqual(1);
    await screenshot(reviewing, "review-loop-00-review-queue");
    await reviewing.getByRole("link", { name: "[반려랩] 근거가 부족한 보고서" }).click();
    await reviewing.getByTestId("diff-verdict").waitFor();
    const note = "목표주가 산정 근거를 본문에 추가해 주세요.\n요약 둘째 줄도 고쳐 주세요.";
    await reviewing.getByTestId("review-note").fill(note);
    await screenshot(reviewing, "review-loop-01-review-note");
    await reviewing.getByTestId("reject").click();
    await reviewing.waitForURL(/#\/review$/);
    expect((await reportOf(editor.client, draft.id)).rejection).toEqual({ reviewNote: note, reviewedBy: { name: "REVIEWER 테스트" } });

    // The editor sees who rejected it and why: on the report page…
    const page = await signedIn(editor);
    await page.goto(admin(`/reports/${draft.id}/show`));
    const onShow = page.getByTestId("rejection-note");
    await onShow.waitFor();
    expect(await onShow.textContent()).toContain("REVIEWER 테스트 님이");
    expect(await onShow.textContent()).toContain("목표주가 산정 근거를 본문에 추가해 주세요.");
    await screenshot(page, "review-loop-02-rejection-on-report");

    // …as a marker in the list, with the note as its tooltip…
    await page.goto(admin(`/reports?filter=${encodeURIComponent(JSON.stringify({ q: "반려랩" }))}`));
    const row = page.locator("tr", { hasText: "[반려랩] 근거가 부족한 보고서" });
    await row.getByTestId("rejected-marker").hover();
    await expect.poll(() => page.getByRole("tooltip").textContent()).toContain("목표주가 산정 근거를 본문에 추가해 주세요.");
    await screenshot(page, "review-loop-03-rejection-in-list");

    // …and above the form while the editor answers it.
    await page.goto(admin(`/reports/${draft.id}`));
    await page.locator('input[name="content.title"]').waitFor();
    expect(await page.getByTestId("rejection-note").textContent()).toContain("요약 둘째 줄도 고쳐 주세요.");
    await screenshot(page, "review-loop-04-rejection-above-form");

    // Resubmitted, the rejection is answered: the server no longer returns it, and the page shows none.
    await page.goto(admin(`/reports/${draft.id}/show`));
    await clickStep(page, "attach-disclaimer");
    await page.getByTestId("submit-for-review").click();
    await expectStatus(page, "IN_REVIEW");
    expect(await page.getByTestId("rejection-note").count()).toBe(0);
    expect((await reportOf(editor.client, draft.id)).rejection).toBeNull();
  }, LOOP_TIMEOUT);

  it("compares an outdated disclaimer the right way round, refuses to approve it and rejects it with a generated note", async () => {
    const v1 = "본 보고서는 비교증권 소속 애널리스트가 작성한 자료입니다. 무단 복제 및 재배포를 금합니다.";
    const v2 = "본 보고서는 비교증권 리서치센터가 작성한 참고 자료입니다. 투자 판단의 최종 책임은 투자자에게 있습니다. 무단 복제 및 재배포를 금합니다.";
    const firm = await newFirm("비교증권", v1);
    const draft = await createDraft(editor.client, firm, "[비교랩] 고지문이 바뀐 보고서");
    await run(editor.client, ATTACH, { id: draft.id });
    await run(editor.client, SUBMIT, { id: draft.id });

    const page = await signedIn(reviewer);
    await page.goto(admin(`/review/${draft.id}`));
    await expect.poll(() => page.getByTestId("diff-verdict").textContent()).toBe("첨부된 문구가 현재 템플릿과 같습니다.");
    expect(await page.getByTestId("approve").isEnabled()).toBe(true);

    // The firm issues version 2 while the reviewer has the page open: the server refuses the approval.
    await newVersion(firm.id, v2);
    await page.getByTestId("approve").click();
    await expect.poll(() => page.locator("body").textContent()).toContain("증권사 고지문이 바뀌었습니다. 첨부된 것은 1판, 현재 판은 2판입니다");
    await screenshot(page, "review-loop-05-approval-refused");

    // The page reloads the report: attached v1 beside current v2, each side marking what v2 changes.
    await page.getByTestId("approve-disabled-reason").waitFor();
    expect(await page.getByTestId("diff-attached").locator("h6").first().textContent()).toBe("첨부된 고지문 (1판)");
    expect(await page.getByTestId("diff-current").locator("h6").first().textContent()).toBe("증권사의 현재 템플릿 (2판)");
    expect(await marked(page.getByTestId("diff-current"), "diff-added")).toEqual(["리서치센터가", "참고", "투자 판단의 최종 책임은 투자자에게 있습니다."]);
    expect(await marked(page.getByTestId("diff-attached"), "diff-removed")).toEqual(["소속 애널리스트가"]);
    expect(await marked(page.getByTestId("diff-current"), "diff-removed")).toEqual([]);
    expect(await marked(page.getByTestId("diff-attached"), "diff-added")).toEqual([]);
    expect(await page.getByTestId("diff-current").locator("ins").count()).toBe(3);
    expect(await page.getByTestId("diff-attached").locator("del").count()).toBe(1);
    expect(await page.getByTestId("diff-legend").textContent()).toContain("현재 판이 추가한 문구");

    // Approve is disabled, and says why; the note field says what a note is needed for.
    expect(await page.getByTestId("approve").isDisabled()).toBe(true);
    expect(await page.getByTestId("approve-disabled-reason").textContent()).toBe(
      "첨부된 고지문은 1판이고 증권사의 현재 고지문은 2판이라 승인할 수 없습니다. 반려하면 편집자가 현재 판을 다시 첨부합니다.",
    );
    expect(await page.locator("label", { hasText: "메모 (반려 시 필수)" }).count()).toBe(1);
    expect(await page.locator("body").textContent()).toContain("승인할 때는 선택입니다.");
    // The refusal's notice has closed, so that it hides nothing in the picture.
    await page.locator(".MuiSnackbar-root").waitFor({ state: "detached", timeout: 20_000 });
    await screenshot(page, "review-loop-06-outdated-diff-and-disabled-approve");

    await page.getByTestId("reject-outdated").click();
    await page.waitForURL(/#\/review$/);
    const rejected = await reportOf(editor.client, draft.id);
    expect(rejected.status).toBe("DRAFT");
    expect(rejected.rejection?.reviewNote).toBe("고지문이 2판으로 바뀌었습니다(첨부된 것은 1판). 현재 판을 다시 첨부해 주세요.");
  }, LOOP_TIMEOUT);

  it("renews a firm's outdated live reports from the compliance page, one and then all, and says what it skipped", async () => {
    const firm = await newFirm("갱신테스트증권", "본 보고서는 갱신테스트증권 소속 애널리스트가 작성한 자료입니다.");
    const live: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const approved = await createApproved(editor.client, reviewer.client, firm, `[갱신랩] 게시된 보고서 ${i}`);
      await run(editor.client, PUBLISH, { id: approved.id, at: null });
      live.push(approved.id);
    }
    const scheduled = await createApproved(editor.client, reviewer.client, firm, "[갱신랩] 예약된 보고서");
    await run(editor.client, PUBLISH, { id: scheduled.id, at: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    // A live report whose correction is in review: the renewal must leave it to its reviewer.
    const inReview = await createApproved(editor.client, reviewer.client, firm, "[갱신랩] 정정 검토 중인 보고서");
    await run(editor.client, PUBLISH, { id: inReview.id, at: null });
    const published = await stateOf(editor.client, inReview.id);
    await run(editor.client, UPDATE, { id: inReview.id, input: { subject: "정정된 대상" }, v: published.version });
    await run(editor.client, ATTACH, { id: inReview.id });
    await run(editor.client, SUBMIT, { id: inReview.id, correctionNote: "대상 기업명을 고쳤습니다." });
    await newVersion(firm.id, "본 보고서는 갱신테스트증권 리서치센터가 작성한 자료입니다. 투자 판단의 책임은 투자자에게 있습니다.");

    const page = await signedIn(editor);
    await page.goto(admin("/compliance"));
    await page.getByTestId("firm-filter").selectOption({ label: firm.name });
    await page.waitForURL(/firmId=/);
    const rows = page.getByTestId("compliance-row");
    await expect.poll(() => rows.count()).toBe(6);
    expect(await page.getByTestId("list-count").getAttribute("data-total")).toBe("6");
    const rowOf = (id: string) => page.locator(`[data-testid=compliance-row][data-report="${id}"]`);
    expect(await rowOf(inReview.id).getByTestId("renew").count()).toBe(0);
    expect(await rowOf(inReview.id).getByTestId("correction-state").getAttribute("data-status")).toBe("IN_REVIEW");

    // One report renewed from its row: a correction carrying version 2, shown as a renewal in progress.
    await rowOf(live[0]).getByTestId("renew").click();
    await dialogShown(page);
    await screenshot(page, "review-loop-07-renew-one");
    await page.getByTestId("renew-confirm").click();
    await rowOf(live[0]).locator("[data-testid=correction-state][data-renewal=true]").waitFor();
    expect(await rowOf(live[0]).getByTestId("renew").count()).toBe(0);
    expect((await reportOf(editor.client, live[0])).workingCopy).toEqual({ status: "DRAFT", disclaimer: { templateVersion: 2 } });

    // Then all of the firm's: the rest are renewed, the renewed one and the one in review skipped.
    await page.getByTestId("renew-all").click();
    await dialogShown(page);
    await screenshot(page, "review-loop-08-renew-all-confirm");
    await page.getByTestId("renew-all-confirm").click();
    const summary = page.getByTestId("renewal-summary");
    await summary.waitFor();
    expect(await summary.getAttribute("data-renewed")).toBe("4");
    expect(await summary.getAttribute("data-skipped")).toBe("2");
    const skips = await summary.getByTestId("renewal-skip").evaluateAll((nodes) => nodes.map((n) => [n.getAttribute("data-reason"), n.getAttribute("data-count")]));
    expect(Object.fromEntries(skips)).toEqual({ CORRECTION_IN_REVIEW: "1", ALREADY_RENEWED: "1" });
    expect(await summary.textContent()).toContain("4건 갱신, 2건 건너뜀");
    expect(await summary.textContent()).toContain("정정이 검토 중인 보고서 1건");
    await expect.poll(() => page.locator("[data-testid=correction-state][data-renewal=true]").count()).toBe(5);
    expect(await page.getByTestId("renew").count()).toBe(0);
    await screenshot(page, "review-loop-09-renewal-summary");

    // The numbers are what the API holds: five corrections carrying version 2, the one in review untouched.
    for (const id of [...live, scheduled.id]) {
      const report = await reportOf(editor.client, id);
      expect(report.disclaimer.templateVersion, id).toBe(1);
      expect(report.workingCopy, id).toEqual({ status: "DRAFT", disclaimer: { templateVersion: 2 } });
    }
    expect((await reportOf(editor.client, inReview.id)).workingCopy).toEqual({ status: "IN_REVIEW", disclaimer: { templateVersion: 1 } });

    // Reviewers see the list but no renew buttons.
    const reviewing = await signedIn(reviewer);
    await reviewing.goto(admin(`/compliance?firmId=${firm.id}`));
    await expect.poll(() => reviewing.getByTestId("compliance-row").count()).toBe(6);
    expect(await reviewing.getByTestId("renew").count()).toBe(0);
    expect(await reviewing.getByTestId("renew-all").count()).toBe(0);

    // The scheduled report's renewal, once approved, goes live with it (or is scheduled again)…
    await run(editor.client, SUBMIT, { id: scheduled.id, correctionNote: "고지문 갱신" });
    await run(reviewer.client, APPROVE, { id: scheduled.id, note: null });
    await page.goto(admin(`/reports/${scheduled.id}/show`));
    await page.locator("[data-testid=correction-status][data-status=APPROVED]").waitFor();
    expect(await page.getByTestId("publish-correction").count()).toBe(0);
    await page.getByTestId("schedule").waitFor();
    await screenshot(page, "review-loop-10-approved-renewal-of-scheduled");
    await page.getByTestId("publish-now").click();
    await expectStatus(page, "PUBLISHED");
    const nowLive = await reportOf(editor.client, scheduled.id);
    expect(nowLive).toMatchObject({ status: "PUBLISHED", disclaimer: { templateVersion: 2 }, workingCopy: null });
    await page.goto(admin(`/reports/${scheduled.id}/show/history`));
    await expect.poll(() => page.locator("body").textContent()).toContain("정정 반영");

    // …while a live report's approved renewal is published as a correction.
    await run(editor.client, SUBMIT, { id: live[1], correctionNote: "고지문 갱신" });
    await run(reviewer.client, APPROVE, { id: live[1], note: null });
    await page.goto(admin(`/reports/${live[1]}/show`));
    await page.getByTestId("publish-correction").waitFor();
    expect(await page.getByTestId("publish-now").count()).toBe(0);
    expect(await page.getByTestId("schedule").count()).toBe(0);
  }, LOOP_TIMEOUT);

  it("reads the review queue a page at a time", async () => {
    const firm = await newFirm("대기열테스트증권", "본 보고서는 대기열테스트증권 소속 애널리스트가 작성한 자료입니다.");
    for (let i = 1; i <= 21; i++) {
      const draft = await createDraft(editor.client, firm, `[대기열랩] 검토를 기다리는 보고서 ${i}`);
      await run(editor.client, ATTACH, { id: draft.id });
      await run(editor.client, SUBMIT, { id: draft.id });
    }
    const page = await signedIn(reviewer);
    await page.goto(admin("/review"));
    const count = page.getByTestId("list-count");
    const total = Number(await count.getAttribute("data-total"));
    expect(total).toBeGreaterThan(20);
    const rows = page.getByTestId("review-queue").locator("tbody tr");
    expect(await rows.count()).toBe(20);
    expect(await count.textContent()).toBe(`전체 ${total}건 중 20건`);
    await page.getByTestId("load-more").click();
    await expect.poll(() => rows.count()).toBe(Math.min(total, 40));
    expect(await count.textContent()).toBe(`전체 ${total}건 중 ${Math.min(total, 40)}건`);
    await screenshot(page, "review-loop-11-review-queue-more");
  }, LOOP_TIMEOUT);

  it("asks the editor for a correction note, shows the reviewer the note and what changed first, and publishes the note with the correction", async () => {
    const firm = await newFirm("정정리뷰증권", "본 보고서는 정정리뷰증권 소속 애널리스트가 작성한 자료입니다.");
    const created = await run(editor.client, CREATE, {
      input: {
        title: "[정정리뷰랩] 반도체 업황 회복 기대",
        subject: "정정리뷰랩",
        summary: ["업황 회복", "목표주가 제시"],
        body: "<h2>투자 의견</h2><p>목표주가 50,000원을 제시합니다.</p><ul><li>메모리 가격 반등</li></ul>",
        firmId: firm.id,
        analystIds: [firm.analystId],
      },
    });
    await run(editor.client, ATTACH, { id: created.id });
    await run(editor.client, SUBMIT, { id: created.id });
    await run(reviewer.client, APPROVE, { id: created.id, note: null });
    const report = await run(editor.client, PUBLISH, { id: created.id });
    const anonymous = async (): Promise<Public> => (await running.server().client.request<{ report: Public }>(PUBLIC, { slug: report.slug })).report;

    // The editor corrects the title and one word of the body in the form: a correction opens.
    const page = await signedIn(editor);
    await page.goto(admin(`/reports/${report.id}`));
    await page.locator('input[name="content.title"]').fill("[정정리뷰랩] 반도체 업황 회복 본격화");
    await selectInEditor(page, "50,000");
    await page.keyboard.type("45,000");
    await expect.poll(() => page.locator(".ProseMirror").textContent()).toContain("목표주가 45,000원을 제시합니다.");
    await page.locator("button[type=submit]").first().click();
    await page.locator("[data-testid=correction-status][data-status=DRAFT]").waitFor();

    // Submitting asks for the correction note, which clients will read.
    await clickStep(page, "attach-disclaimer");
    await page.getByTestId("submit-for-review").click();
    const input = page.getByTestId("correction-note-input");
    expect(await input.inputValue()).toBe("");
    expect(await page.getByTestId("submit-for-review-confirm").isDisabled()).toBe(true);
    const note = "목표주가를 45,000원으로 바로잡았습니다.\n제목의 표현도 고쳤습니다.";
    await input.fill(note);
    await dialogShown(page);
    await screenshot(page, "review-loop-12-correction-note");
    await page.getByTestId("submit-for-review-confirm").click();
    await page.locator("[data-testid=correction-status][data-status=IN_REVIEW]").waitFor();
    expect(await page.getByTestId("copy-correction-note").textContent()).toContain("목표주가를 45,000원으로 바로잡았습니다.");
    expect((await anonymous()).correctionNote).toBeNull();

    // The reviewer sees the note, then what changed against the live version, then the whole report.
    const reviewing = await signedIn(reviewer);
    await reviewing.goto(admin(`/review/${report.id}`));
    await reviewing.getByTestId("correction-diff").waitFor();
    expect(await reviewing.getByTestId("correction-note").textContent()).toContain(note);
    const field = (name: string): Locator => reviewing.locator(`[data-testid=correction-field][data-field=${name}]`);
    const changed = await reviewing
      .getByTestId("correction-field")
      .evaluateAll((rows) => Object.fromEntries(rows.map((r) => [r.getAttribute("data-field"), r.getAttribute("data-changed")])));
    expect(changed).toEqual({
      title: "true",
      subject: "false",
      summary: "false",
      analysts: "false",
      sectorTags: "false",
      language: "false",
      disclaimer: "false",
      body: "true",
    });
    expect(await field("subject").textContent()).toContain("변경 없음");
    expect(await marked(field("title"), "diff-removed")).toEqual(["기대"]);
    expect(await marked(field("title"), "diff-added")).toEqual(["본격화"]);
    // The body is rendered with its structure, the changed word marked inside it.
    const body = reviewing.getByTestId("body-diff");
    expect(await marked(body, "diff-removed")).toEqual(["50,000원을"]);
    expect(await marked(body, "diff-added")).toEqual(["45,000원을"]);
    expect(await body.locator("h2").textContent()).toBe("투자 의견");
    expect(await body.locator("li").textContent()).toBe("메모리 가격 반등");
    expect(await body.locator("p ins").count()).toBe(1);
    const top = async (testId: string): Promise<number> => (await reviewing.getByTestId(testId).first().boundingBox())!.y;
    expect(await top("correction-note")).toBeLessThan(await top("correction-field"));
    expect(await top("correction-diff")).toBeLessThan(await top("disclaimer-diff"));
    expect(await top("disclaimer-diff")).toBeLessThan(await top("client-preview"));
    expect(await reviewing.getByTestId("preview-correction-note").textContent()).toBe(note);
    await screenshot(reviewing, "review-loop-13-correction-diff");
    await reviewing.getByTestId("approve").click();
    await reviewing.waitForURL(/#\/review$/);

    // Published, the report carries the note beside the corrected date, for clients and on its page.
    await page.reload();
    await page.getByTestId("publish-correction").click();
    await expect.poll(async () => (await anonymous()).correctionNote).toBe(note);
    const published = await anonymous();
    expect(published.title).toBe("[정정리뷰랩] 반도체 업황 회복 본격화");
    expect(published.body).toContain("목표주가 45,000원을 제시합니다.");
    expect(published.correctedAt).not.toBeNull();
    await page.getByTestId("preview-correction").waitFor();
    expect(await page.getByTestId("preview-correction").textContent()).toMatch(/\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2} KST 정정/);
    expect(await page.getByTestId("preview-correction-note").textContent()).toBe(note);
    await screenshot(page, "review-loop-14-published-correction-note");
  }, LOOP_TIMEOUT);

  it("suggests a note for a renewal, which the editor may change, and shows the reviewer that only the disclaimer changed", async () => {
    const firm = await newFirm("갱신안내증권", "본 보고서는 갱신안내증권의 자료입니다. (1판)");
    const approved = await createApproved(editor.client, reviewer.client, firm, "[갱신안내랩] 게시된 보고서");
    await run(editor.client, PUBLISH, { id: approved.id });
    await newVersion(firm.id, "본 보고서는 갱신안내증권의 자료입니다. (2판)");
    await run(editor.client, ATTACH, { id: approved.id });

    const page = await signedIn(editor);
    await page.goto(admin(`/reports/${approved.id}/show`));
    await page.getByTestId("submit-for-review").click();
    const input = page.getByTestId("correction-note-input");
    expect(await input.inputValue()).toBe("고지문 갱신 (2판)");
    await input.fill("고지문 갱신 (2판): 투자 판단 책임 조항");
    await page.getByTestId("submit-for-review-confirm").click();
    await page.locator("[data-testid=correction-status][data-status=IN_REVIEW]").waitFor();

    const reviewing = await signedIn(reviewer);
    await reviewing.goto(admin(`/review/${approved.id}`));
    await reviewing.getByTestId("correction-diff").waitFor();
    const changed = await reviewing.locator("[data-testid=correction-field][data-changed=true]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-field")));
    expect(changed).toEqual(["disclaimer"]);
    expect(await marked(reviewing.locator("[data-testid=correction-field][data-field=disclaimer]"), "diff-added")).toEqual(["2판"]);
    expect(await reviewing.getByTestId("correction-note").textContent()).toContain("고지문 갱신 (2판): 투자 판단 책임 조항");
    await screenshot(reviewing, "review-loop-15-renewal-review");
  }, LOOP_TIMEOUT);
});
