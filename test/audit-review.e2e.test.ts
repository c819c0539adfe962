import { beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, NEW_YORK, panelForThisFile, screenshot } from "./helpers/browser";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaffOf, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, createDraft, createFirm, PUBLISH, run, SUBMIT, UPDATE } from "./helpers/workflow";

const enabled = browserAvailable();
const FLOW_TIMEOUT = 180_000;
const running = serverForThisFile(STAFF_ENV);
const { url: admin, signedIn } = panelForThisFile(running, NEW_YORK);

let editor: StaffMember;
let reviewer: StaffMember;
let adminMember: StaffMember;

const rename = (id: string, name: string) =>
  signIn(running.server(), ADMIN.email, ADMIN.password).then(({ client }) =>
    client.request(`mutation($id: ID!, $name: String!) { updateUser(id: $id, input: { name: $name }) { id } }`, { id, name }),
  );

describe.runIf(enabled)("the audit log and the review queue in a real browser", () => {
  beforeAll(async () => {
    [editor, reviewer, adminMember] = await createStaffOf(running.server(), "EDITOR", "REVIEWER", "ADMIN");
    await rename(editor.id, "김감사");
    await rename(reviewer.id, "박검토");
  });

  it("filters the audit log by a user picked from the list, in words, with a before/after table", async () => {
    const firm = await createFirm(editor.client);
    const report = await createDraft(editor.client, firm, "[감사로그랩] 처음 제목");
    await editor.client.request(UPDATE, { id: report.id, input: { title: "[감사로그랩] 고친 제목" }, v: report.version });
    await run(editor.client, ATTACH, { id: report.id });
    await run(editor.client, SUBMIT, { id: report.id });
    // Someone else's events, which the filter must leave out.
    await run(reviewer.client, APPROVE, { id: report.id, note: null });

    const page = await signedIn(adminMember);
    await page.goto(admin("/auditEvents"));
    await page.getByTestId("audit-actor").first().waitFor();
    const actor = page.locator('input[name="actorId"]');
    await actor.click();
    await actor.fill("김감");
    await page.getByRole("option", { name: `김감사 (${editor.email})` }).click();
    await expect.poll(() => new URL(page.url().replace("#/", "")).searchParams.get("filter") ?? "").toContain(editor.id);

    const actors = page.getByTestId("audit-actor");
    await expect
      .poll(async () => [...new Set(await actors.allTextContents())])
      .toEqual(["김감사"]);
    // Actions in words, never the stored codes.
    const actions = await page.getByTestId("audit-action").allTextContents();
    expect(actions).toEqual(expect.arrayContaining(["생성", "변경", "고지문 첨부", "검토 요청"]));
    for (const action of actions) expect(action).not.toMatch(/^[A-Z_]+$/);
    expect(actions).not.toContain("승인");
    // The report goes by its title now, as a link to it.
    const entity = page.getByTestId("audit-entity").filter({ hasText: "[감사로그랩] 고친 제목" }).first();
    expect(await entity.getAttribute("href")).toContain(`/reports/${report.id}/show`);
    expect(await page.locator("body").textContent()).not.toContain(editor.id);

    // The title change, as a table of the field before and after.
    await page.locator('[data-action="UPDATE"]').first().click();
    // The expanded row slides open: read and photograph it once it is fully open.
    const changes = page.locator(".MuiCollapse-entered").getByTestId("audit-changes");
    await changes.waitFor();
    const title = changes.locator('[data-field="title"] td');
    expect(await title.allTextContents()).toEqual(["제목", "[감사로그랩] 처음 제목", "[감사로그랩] 고친 제목"]);
    expect(await changes.locator("th").allTextContents()).toEqual(["항목", "변경 전", "변경 후"]);
    await screenshot(page, "19-audit-log-by-user");

    // An action picked from the list narrows further.
    await page.getByRole("combobox", { name: "작업" }).click();
    await page.getByRole("option", { name: "고지문 첨부" }).click();
    await expect.poll(async () => [...new Set(await page.getByTestId("audit-action").allTextContents())]).toEqual(["고지문 첨부"]);
  }, FLOW_TIMEOUT);

  it("shows the review queue with author and waiting time, and picks up a new submission without a reload", async () => {
    const firm = await createFirm(editor.client);
    const first = await createDraft(editor.client, firm, "[대기열랩] 먼저 온 보고서");
    await run(editor.client, ATTACH, { id: first.id });
    await run(editor.client, SUBMIT, { id: first.id });

    const page = await signedIn(reviewer);
    await page.goto(admin("/review"));
    const row = page.locator(`[data-testid=review-item][data-report-id="${first.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId("review-author").textContent()).toBe("김감사");
    expect(await row.getByTestId("review-waiting").textContent()).toMatch(/^\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2} KST\d+분째 대기$/);

    const later = await createDraft(editor.client, firm, "[대기열랩] 나중에 온 보고서");
    await run(editor.client, ATTACH, { id: later.id });
    await run(editor.client, SUBMIT, { id: later.id });
    const fresh = page.locator(`[data-testid=review-item][data-report-id="${later.id}"]`);
    await fresh.waitFor({ timeout: 40_000 });
    expect(await fresh.getByTestId("review-author").textContent()).toBe("김감사");
    await screenshot(page, "19-review-queue");

    // A scheduled report shows its publication time in the report list, in Seoul time.
    await run(reviewer.client, APPROVE, { id: first.id, note: null });
    const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await run(editor.client, PUBLISH, { id: first.id, at: `${day}T01:15:00.000Z` });
    const list = await signedIn(editor);
    await list.goto(admin(`/reports?filter=${encodeURIComponent(JSON.stringify({ status: "SCHEDULED" }))}`));
    const scheduledRow = list.locator("tr", { hasText: "[대기열랩] 먼저 온 보고서" });
    await expect.poll(() => scheduledRow.textContent(), { timeout: 15_000 }).toContain(`${day.replaceAll("-", ". ")}. 10:15 KST`);
    expect(await list.locator("thead").textContent()).toContain("게시 예정");
  }, FLOW_TIMEOUT);
});
