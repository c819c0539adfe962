import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, expectStatus, NEW_YORK, panelForThisFile, pick, screenshot } from "./helpers/browser";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, createStaffOf, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, PUBLISH, run, SUBMIT } from "./helpers/workflow";

const enabled = browserAvailable();
// A whole editorial flow in two browsers; generous, since CI shares 2 cores with other suites.
const FLOW_TIMEOUT = 180_000;
const running = serverForThisFile({ ...STAFF_ENV, SCHEDULER_INTERVAL_MS: "300" });
const { url: admin, signedIn } = panelForThisFile(running, NEW_YORK);

let editor: StaffMember;
let reviewer: StaffMember;
let firm: { id: string; name: string; analyst: string; analystId: string; disclaimer: string };

/** The GraphQL operations a page sends, by name with their variables, as they go out. */
function graphqlRequests(page: Page): { operationName: string; variables: Record<string, unknown> }[] {
  const sent: { operationName: string; variables: Record<string, unknown> }[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/graphql") sent.push(request.postDataJSON());
  });
  return sent;
}

async function anonymousReport(id: string) {
  const { report } = await running.server().client.request<{ report: { title: string; status: string; disclaimer: { text: string } | null } | null }>(
    `query($id: ID) { report(id: $id) { title status disclaimer { text } } }`,
    { id },
  );
  return report;
}

async function clickStep(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  const confirm = page.getByTestId(`${testId}-confirm`);
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
}

describe.runIf(enabled)("the admin panel in a real browser", () => {
  beforeAll(async () => {
    [editor, reviewer] = await createStaffOf(running.server(), "EDITOR", "REVIEWER");
    const name = "브라우저테스트증권";
    const disclaimer = "본 보고서는 브라우저테스트증권 소속 애널리스트가 작성한 자료입니다. 무단 복제 및 재배포를 금합니다.";
    const { createFirm } = await editor.client.request<{ createFirm: { id: string } }>(`mutation($name: String!) { createFirm(input: { name: $name }) { id } }`, { name });
    await editor.client.request(`mutation($id: ID!, $body: String!) { createDisclaimerTemplate(firmId: $id, body: $body) { version } }`, { id: createFirm.id, body: disclaimer });
    const { createAnalyst } = await editor.client.request<{ createAnalyst: { id: string } }>(
      `mutation($id: ID!) { createAnalyst(input: { firmId: $id, name: "박브라", title: "연구원" }) { id } }`,
      { id: createFirm.id },
    );
    firm = { id: createFirm.id, name, analyst: "박브라", analystId: createAnalyst.id, disclaimer };
  });

  it("takes a report from draft to publication as editor and reviewer, and corrects it while the old version stays live", async () => {
    const page = await signedIn(editor);
    const reviewing = await signedIn(reviewer);
    await page.goto(admin("/reports"));
    await page.getByTestId("status").first().waitFor();
    await screenshot(page, "01-report-list");

    // Create a draft with Hangul everywhere.
    await page.goto(admin("/reports/create"));
    await pick(page, "firmId", firm.name);
    await page.locator('input[name="content.title"]').fill("[브라우저랩] 한글 제목, 동영상 AI의 다음 단계");
    await page.locator('input[name="content.subject"]').fill("브라우저랩");
    await page.locator('textarea[name="content.summary"]').fill("첫째 요점\n둘째 요점\n셋째 요점");
    await pick(page, "content.analystIds", firm.analyst);
    await page.locator(".ProseMirror").click();
    await page.keyboard.type("무슨 이야기인가요? 브라우저에서 쓴 본문입니다.");
    await screenshot(page, "02-report-create");
    await page.locator("button[type=submit]").first().click();
    await expectStatus(page, "DRAFT");
    const id = decodeURIComponent(/reports\/([^/]+)\/show/.exec(page.url())![1]);

    // Attach: the dialog shows the firm's current disclaimer first.
    await page.getByTestId("attach-disclaimer").click();
    await expect.poll(() => page.getByTestId("attach-preview").textContent()).toBe(firm.disclaimer);
    await screenshot(page, "03-attach-disclaimer");
    await page.getByTestId("attach-disclaimer-confirm").click();
    await clickStep(page, "submit-for-review");
    await expectStatus(page, "IN_REVIEW");
    expect(await page.getByTestId("approve").count()).toBe(0);

    // The editor cannot approve their own report: the review page offers them no decision.
    await page.goto(admin(`/review/${id}`));
    await page.getByTestId("disclaimer-diff").waitFor();
    expect(await page.getByTestId("approve").count()).toBe(0);

    // The reviewer sees the disclaimer beside the current template, and no publish buttons.
    await reviewing.goto(admin("/review"));
    await reviewing.getByRole("link", { name: "[브라우저랩] 한글 제목, 동영상 AI의 다음 단계" }).click();
    await reviewing.getByTestId("diff-verdict").waitFor();
    expect(await reviewing.getByTestId("preview-disclaimer").textContent()).toContain(firm.disclaimer);
    await screenshot(reviewing, "04-review-page");
    await reviewing.getByTestId("approve").click();
    await reviewing.waitForURL(/#\/review$/);
    await reviewing.goto(admin(`/reports/${id}/show`));
    await expectStatus(reviewing, "APPROVED");
    for (const button of ["publish-now", "schedule", "retract", "attach-disclaimer"]) {
      expect(await reviewing.getByTestId(button).count(), button).toBe(0);
    }

    // Schedule in Korea time from a New York browser: the page shows the KST time that was entered.
    await page.goto(admin(`/reports/${id}/show`));
    await expectStatus(page, "APPROVED");
    await page.getByTestId("schedule").click();
    // 09:30 in Seoul, a month ahead, is 00:30 UTC on the same date.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByTestId("schedule-at").fill(`${day}T09:30`);
    await page.getByTestId("schedule-confirm").click();
    await expectStatus(page, "SCHEDULED");
    await expect.poll(() => page.locator("body").textContent()).toContain(`${day.replaceAll("-", ". ")}. 09:30 KST`);
    const { report: scheduled } = await editor.client.request<{ report: { scheduledAt: string } }>(`query($id: ID) { report(id: $id) { scheduledAt } }`, { id });
    expect(scheduled.scheduledAt).toBe(`${day}T00:30:00.000Z`);
    await screenshot(page, "05-scheduled");
    await clickStep(page, "unschedule");
    await expectStatus(page, "APPROVED");
    await clickStep(page, "publish-now");
    await expectStatus(page, "PUBLISHED");
    expect(await anonymousReport(id)).toEqual({
      title: "[브라우저랩] 한글 제목, 동영상 AI의 다음 단계",
      status: "PUBLISHED",
      disclaimer: { text: firm.disclaimer },
    });

    // A correction: clients keep the published version until the correction is approved and published.
    await page.getByRole("link", { name: /edit|편집/i }).first().click();
    const title = page.locator('input[name="content.title"]');
    await title.fill("[브라우저랩] 정정된 제목");
    await page.locator("button[type=submit]").first().click();
    await page.getByTestId("correction-status").waitFor();
    await screenshot(page, "06-correction-in-progress");
    expect((await anonymousReport(id))?.title).toBe("[브라우저랩] 한글 제목, 동영상 AI의 다음 단계");
    await page.getByTestId("attach-disclaimer").click();
    await page.getByTestId("attach-disclaimer-confirm").click();
    // A correction is submitted with its correction note, which clients read once it is published.
    await page.getByTestId("submit-for-review").click();
    await page.getByTestId("correction-note-input").fill("제목을 고쳤습니다.");
    await page.getByTestId("submit-for-review-confirm").click();
    // The reviewer's page shows what is in review when it loads: wait until the submission landed.
    await page.locator("[data-testid=correction-status][data-status=IN_REVIEW]").waitFor();
    await reviewing.goto(admin(`/review/${id}`));
    await reviewing.getByTestId("approve").click();
    await reviewing.waitForURL(/#\/review$/);
    expect((await anonymousReport(id))?.title).toBe("[브라우저랩] 한글 제목, 동영상 AI의 다음 단계");
    await page.reload();
    await clickStep(page, "publish-correction");
    await expect.poll(async () => (await anonymousReport(id))?.title).toBe("[브라우저랩] 정정된 제목");

    await page.goto(admin(`/reports/${id}/show/history`));
    await page.getByTestId("publication-periods").locator("tbody tr").nth(1).waitFor();
    await screenshot(page, "07-history");
  }, FLOW_TIMEOUT);

  it("shows the server's refusal when a report is published without a current approval", async () => {
    const page = await signedIn(editor);
    const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      {
        input: {
          title: "[거절랩] 승인 뒤 바뀐 고지문",
          subject: "거절랩",
          summary: ["요점"],
          body: "<p>본문</p>",
          firmId: firm.id,
          analystIds: [
            (await editor.client.request<{ analysts: { nodes: { id: string }[] } }>(`query($id: ID) { analysts(firmId: $id) { nodes { id } } }`, { id: firm.id }))
              .analysts.nodes[0].id,
          ],
        },
      },
    );
    const id = createReport.id;
    await run(editor.client, ATTACH, { id });
    await run(editor.client, SUBMIT, { id });
    await run(reviewer.client, APPROVE, { id, note: null });
    await page.goto(admin(`/reports/${id}/show`));
    await expectStatus(page, "APPROVED");
    // A live report of the same firm, which the new version below makes outdated.
    const live = await editor.client.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      { input: { title: "[거절랩] 이미 게시된 보고서", subject: "거절랩", summary: ["요점"], body: "<p>본문</p>", firmId: firm.id, analystIds: [firm.analystId] } },
    );
    await run(editor.client, ATTACH, { id: live.createReport.id });
    await run(editor.client, SUBMIT, { id: live.createReport.id });
    await run(reviewer.client, APPROVE, { id: live.createReport.id, note: null });
    await run(editor.client, PUBLISH, { id: live.createReport.id });
    // Meanwhile the firm issues a new disclaimer version: the approval no longer covers it.
    await editor.client.request(`mutation($id: ID!) { createDisclaimerTemplate(firmId: $id, body: "새 고지문") { version } }`, { id: firm.id });
    await clickStep(page, "publish-now");
    await screenshot(page, "08-publish-refused");
    await expect.poll(() => page.locator("body").textContent(), { timeout: 5_000 }).toContain("증권사 고지문이 바뀌었습니다. 첨부된 것은 1판, 현재 판은 2판입니다");
    await screenshot(page, "08-publish-refused");
    expect((await anonymousReport(id))).toBeNull();

    // A stale edit: someone else saves first; the editor is offered a reload, not an overwrite.
    const draft = await editor.client.request<{ createReport: { id: string; version: number } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id version } }`,
      { input: { title: "[충돌랩] 동시 편집", subject: "충돌랩", summary: ["요점"], body: "<p>본문</p>", firmId: firm.id, analystIds: [firm.analystId] } },
    );
    await page.goto(admin(`/reports/${draft.createReport.id}`));
    const title = page.locator('input[name="content.title"]');
    await title.waitFor();
    await editor.client.request(`mutation($id: ID!) { updateReport(id: $id, input: { subject: "다른 사람의 수정" }, expectedVersion: 1) { version } }`, {
      id: draft.createReport.id,
    });
    await title.fill("[충돌랩] 내 수정");
    await page.locator("button[type=submit]").first().click();
    await page.getByTestId("stale-dialog").getByRole("button", { name: "새로고침" }).waitFor();
    await screenshot(page, "09-stale-edit");
    const { report: kept } = await editor.client.request<{ report: { title: string; subject: string } }>(
      `query($id: ID) { report(id: $id) { title subject } }`,
      { id: draft.createReport.id },
    );
    expect(kept).toEqual({ title: "[충돌랩] 동시 편집", subject: "다른 사람의 수정" });

    await page.goto(admin("/compliance"));
    await page.getByTestId("compliance-issues").getByText("[거절랩] 이미 게시된 보고서").waitFor();
    await screenshot(page, "10-compliance");
  }, FLOW_TIMEOUT);

  it("edits a user read by id, and reads a form's chosen analysts and tags in one request each", async () => {
    const server = running.server();
    const adminApi = (await signIn(server, ADMIN.email, ADMIN.password)).client;
    const page = await signedIn(await createStaff(server, adminApi, "ADMIN"));
    const sent = graphqlRequests(page);

    // The edit screen reads the account with user(id), not by scanning the users list.
    await page.goto(admin(`/users/${editor.id}`));
    const name = page.locator('input[name="name"]');
    await expect.poll(() => name.inputValue()).toBe("EDITOR 테스트");
    expect(sent.filter((r) => r.operationName === "User").map((r) => r.variables)).toEqual([{ id: editor.id }]);
    expect(sent.some((r) => r.operationName === "Users")).toBe(false);
    await name.fill("이름 바꾼 편집자");
    await page.locator("button[type=submit]").first().click();
    await page.waitForURL(/#\/users$/);
    const { user } = await adminApi.request<{ user: { name: string } }>(`query($id: ID!) { user(id: $id) { name } }`, { id: editor.id });
    expect(user.name).toBe("이름 바꾼 편집자");

    // A report with two tags: the edit form reads the chosen ones with one getMany request.
    const { sectorTags } = await adminApi.request<{ sectorTags: { nodes: { id: string }[] } }>(`{ sectorTags(first: 2) { nodes { id } } }`);
    const tagIds = sectorTags.nodes.map((t) => t.id);
    const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      {
        input: { title: "[묶음랩] 한 번에 읽기", subject: "묶음랩", summary: ["요점"], body: "<p>본문</p>", firmId: firm.id, analystIds: [firm.analystId], sectorTagIds: tagIds },
      },
    );
    sent.length = 0;
    await page.goto(admin(`/reports/${createReport.id}`));
    const byIds = (operation: string): string[][] =>
      sent.filter((r) => r.operationName === operation && r.variables.ids).map((r) => [...(r.variables.ids as string[])].sort());
    await expect.poll(() => byIds("SectorTags").length).toBeGreaterThan(0);
    await expect.poll(() => byIds("Analysts").length).toBeGreaterThan(0);
    for (const ids of byIds("SectorTags")) expect(ids).toEqual([...tagIds].sort());
    for (const ids of byIds("Analysts")) expect(ids).toEqual([firm.analystId]);
    await screenshot(page, "11-report-edit-references");
  }, FLOW_TIMEOUT);
});
