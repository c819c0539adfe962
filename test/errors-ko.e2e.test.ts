import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, expectStatus, panelForThisFile, pick, screenshot, SEOUL } from "./helpers/browser";
import { serverForThisFile } from "./helpers/server";
import { createStaffOf, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { createDraft, createFirm } from "./helpers/workflow";

const enabled = browserAvailable();
const FLOW_TIMEOUT = 180_000;
const running = serverForThisFile(STAFF_ENV);
const { browser, url: admin, signedIn } = panelForThisFile(running, SEOUL);

let editor: StaffMember;
let firm: { id: string; analystId: string; name: string };

/** The helper text under a form input: where react-admin shows the input's error. */
const errorBeside = (page: Page, inputName: string): Locator =>
  page.locator(".MuiFormControl-root", { has: page.locator(`[name="${inputName}"]`) }).locator(".MuiFormHelperText-root.Mui-error");

/** polyglot's warnings of keys the catalogs lack, as the page logs them. */
function missingTranslations(page: Page): string[] {
  const missing: string[] = [];
  page.on("console", (message) => {
    if (/Missing translation/i.test(message.text())) missing.push(message.text());
  });
  return missing;
}

describe.runIf(enabled)("errors and notices in the Korean admin panel", () => {
  beforeAll(async () => {
    [editor] = await createStaffOf(running.server(), "EDITOR");
    firm = await createFirm(editor.client);
  });

  it("labels the sign-in field 이메일", async () => {
    const page = await browser().newPage();
    await page.goto(admin("/login"));
    const email = page.getByLabel("이메일");
    await email.waitFor();
    expect(await email.getAttribute("name")).toBe("username");
    expect(await page.locator("body").textContent()).not.toContain("사용자 이름");
    await screenshot(page, "19-sign-in-ko");
    await page.close();
  });

  it("shows the server's refusal of a field in Korean beside that field, and says what a save and a step did", async () => {
    const page = await signedIn(editor);
    const missing = missingTranslations(page);

    // A title one character over the server's limit passes the form's own checks and is refused by the server.
    await page.goto(admin("/reports/create"));
    await pick(page, "firmId", firm.name);
    const title = page.locator('input[name="content.title"]');
    await title.fill(`[오류랩] ${"가".repeat(195)}`);
    await page.locator('input[name="content.subject"]').fill("오류랩");
    await page.locator('textarea[name="content.summary"]').fill("첫째 요점");
    const analysts = page.locator('input[name="content.analystIds"]');
    await analysts.click();
    await page.getByRole("option").first().click();
    await page.locator(".ProseMirror").click();
    await page.keyboard.type("제목이 너무 긴 보고서의 본문입니다.");
    await page.locator("button[type=submit]").first().click();

    await expect.poll(() => errorBeside(page, "content.title").textContent()).toBe("200자 이하로 입력해 주세요.");
    expect(await title.getAttribute("aria-invalid")).toBe("true");
    // Nothing is offered in English: not the server's message, nor react-admin's generic notice.
    expect(await page.locator("body").textContent()).not.toContain("may have at most");
    await screenshot(page, "19-validation-error-ko");

    // Fixed, the draft is saved, and the notice says so.
    await title.fill("[오류랩] 고친 제목");
    await page.locator("button[type=submit]").first().click();
    await page.getByText("보고서 초안을 만들었습니다").waitFor();
    await expectStatus(page, "DRAFT");

    // A workflow step says what it did.
    await page.getByTestId("attach-disclaimer").click();
    await page.getByTestId("attach-disclaimer-confirm").click();
    await page.getByText("고지문을 첨부했습니다").waitFor();

    // Hangul wraps between words across the panel (the notice too), long tokens still break.
    const wrap = await page.getByText("고지문을 첨부했습니다").evaluate((notice) => {
      const style = notice.ownerDocument.defaultView!.getComputedStyle(notice);
      return { wordBreak: style.wordBreak, overflowWrap: style.overflowWrap };
    });
    expect(wrap).toEqual({ wordBreak: "keep-all", overflowWrap: "anywhere" });
    expect(missing).toEqual([]);
  }, FLOW_TIMEOUT);

  it("shows an edit's refusal beside its field, and a workflow refusal in a Korean notice", async () => {
    const page = await signedIn(editor);
    const missing = missingTranslations(page);
    const draft = await createDraft(editor.client, firm, "[오류랩] 편집할 초안");

    await page.goto(admin(`/reports/${draft.id}`));
    const subject = page.locator('input[name="content.subject"]');
    await subject.waitFor();
    await subject.fill("<b>굵은 회사명</b>");
    await page.locator("button[type=submit]").first().click();
    await expect.poll(() => errorBeside(page, "content.subject").textContent()).toBe("일반 텍스트만 쓸 수 있습니다. HTML 태그는 넣을 수 없습니다.");
    await subject.fill("오류랩 주식회사");
    await page.locator("button[type=submit]").first().click();
    await page.getByText("보고서를 저장했습니다").waitFor();

    // Attached, then the firm issues a new version: submitting is refused, in Korean, with both versions.
    await expectStatus(page, "DRAFT");
    await page.getByTestId("attach-disclaimer").click();
    await page.getByTestId("attach-disclaimer-confirm").click();
    await page.getByTestId("submit-for-review").waitFor();
    await editor.client.request(`mutation($id: ID!) { createDisclaimerTemplate(firmId: $id, body: "오류랩 고지문 새 판") { version } }`, { id: firm.id });
    await page.getByTestId("submit-for-review").click();
    await expect
      .poll(() => page.locator("body").textContent())
      .toMatch(/증권사 고지문이 바뀌었습니다\. 첨부된 것은 \d+판, 현재 판은 \d+판입니다\. 현재 판을 첨부해 다시 검토를 받아야 합니다\./);
    await screenshot(page, "19-workflow-refusal-ko");
    expect(missing).toEqual([]);
  }, FLOW_TIMEOUT);
});
