import type { Page } from "playwright-core";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, NEW_YORK, panelForThisFile, pick, screenshot } from "./helpers/browser";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaffOf, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { startReceiver, type Arrival, type Receiver } from "./helpers/webhook-receiver";
import { createApproved, createFirm, PUBLISH, run } from "./helpers/workflow";

const enabled = browserAvailable();
const FLOW_TIMEOUT = 180_000;
// Retries after 1 and 2 seconds (plus jitter): three attempts in all.
const running = serverForThisFile({ ...STAFF_ENV, WEBHOOK_RETRY_SCHEDULE: "1,2", WEBHOOK_SECRET_KEY: "44".repeat(32) });
const { url: admin, signedIn } = panelForThisFile(running, NEW_YORK);

let editor: StaffMember;
let reviewer: StaffMember;
let receiver: Receiver;

const messageOf = (arrival: Arrival, secret: string): { type: string } => new StandardWebhook(secret).verify(arrival.body, arrival.headers) as { type: string };

/** The delivery log's row of a delivery, by its type and status. */
const deliveryRow = (page: Page, type: string, status: string) => page.locator(`[data-testid=delivery][data-type=${type}][data-status=${status}]`);

describe.runIf(enabled)("the webhooks page in a real browser", () => {
  beforeAll(async () => {
    [editor, reviewer] = await createStaffOf(running.server(), "EDITOR", "REVIEWER");
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await receiver?.close();
  });

  it("creates an endpoint showing its secret once, sends a test, logs a failing then delivered publication, and redelivers it", async () => {
    const firm = await createFirm(editor.client);
    const page = await signedIn(ADMIN);
    await page.goto(admin("/webhooks/create"));
    await page.locator('input[name="url"]').fill(receiver.url("/e2e"));
    await page.locator('input[name="description"]').fill("투자정보 앱 (E2E)");
    await page.getByRole("combobox", { name: "이벤트 유형" }).click();
    await page.getByRole("option", { name: "보고서 게시" }).click();
    await page.getByRole("option", { name: "보고서 철회" }).click();
    await page.keyboard.press("Escape");
    await pick(page, "firmIds", firm.name);
    await page.locator("button[type=submit]").first().click();

    // The secret, once, with the warning; after "stored" it is nowhere on the page.
    const shown = page.getByTestId("webhook-secret");
    await shown.waitFor();
    const secret = (await shown.textContent()) ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(await page.getByTestId("secret-warning").textContent()).toContain("다시 볼 수 없습니다");
    // Photographed once the dialog has faded in.
    const faded = page.getByTestId("secret-dialog").locator(".MuiDialog-container");
    await expect.poll(() => faded.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).opacity)).toBe("1");
    await screenshot(page, "21-webhook-secret-once");
    await page.getByTestId("secret-stored").click();
    await page.waitForURL(/#\/webhooks\/[0-9a-f-]+\/show$/);
    await page.getByTestId("delivery-log").waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByTestId("delivery-log").waitFor();
    expect(await page.content()).not.toContain(secret);

    // A test message, signed with that secret.
    await page.getByTestId("send-test").click();
    const [test] = await receiver.received("/e2e", 1);
    expect(messageOf(test, secret).type).toBe("WEBHOOK_TEST");
    await deliveryRow(page, "WEBHOOK_TEST", "DELIVERED").waitFor({ timeout: 15_000 });

    // The receiver fails the publication twice, then takes it.
    receiver.answer("/e2e", 500, 500);
    const report = await createApproved(editor.client, reviewer.client, firm, "[웹훅화면] 게시 알림");
    await run(editor.client, PUBLISH, { id: report.id });
    const arrivals = await receiver.received("/e2e", 4);
    expect(arrivals.slice(1).map((a) => messageOf(a, secret).type)).toEqual(["REPORT_PUBLISHED", "REPORT_PUBLISHED", "REPORT_PUBLISHED"]);

    const delivered = deliveryRow(page, "REPORT_PUBLISHED", "DELIVERED");
    await delivered.waitFor({ timeout: 20_000 });
    expect(await delivered.getByTestId("delivery-status").textContent()).toBe("전달됨");
    expect(await delivered.getByTestId("delivery-attempts").textContent()).toBe("3");
    expect(await delivered.getByRole("link", { name: "[웹훅화면] 게시 알림" }).getAttribute("href")).toContain(`/reports/${report.id}/show`);
    expect(await delivered.locator("td").nth(1).textContent()).toBe("보고서 게시");
    await delivered.getByTestId("show-attempts").click();
    const attempts = page.getByTestId("attempt-log").getByTestId("attempt");
    await expect.poll(() => attempts.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status-code")))).toEqual(["500", "500", "200"]);
    expect(await page.getByTestId("attempt-log").locator("pre").first().textContent()).toContain("500");
    await screenshot(page, "21-delivery-log");

    // The status filter: no failed delivery here.
    await page.getByTestId("delivery-status-filter").selectOption("FAILED");
    await page.getByText("전송 기록이 없습니다.").waitFor();
    await page.getByTestId("delivery-status-filter").selectOption("");
    await delivered.waitFor();

    // Redelivered: a new delivery of the same event reaches the receiver and the log.
    await delivered.getByTestId("redeliver").click();
    const [, , , first, again] = await receiver.received("/e2e", 5);
    expect(again.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    await expect.poll(() => page.locator("[data-testid=delivery][data-type=REPORT_PUBLISHED]").count(), { timeout: 15_000 }).toBe(2);

    // Rotation: a new secret, once, and the old one signing for 24 hours.
    await page.getByTestId("rotate-secret").click();
    await page.getByTestId("rotate-secret-confirm").click();
    const rotated = (await page.getByTestId("webhook-secret").textContent()) ?? "";
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    expect(await page.getByTestId("rotation-note").textContent()).toMatch(/\d{4}\. \d{2}\. \d{2}\. \d{2}:\d{2} KST까지\(24시간\)/);
    await page.getByTestId("secret-stored").click();
    expect(await page.content()).not.toContain(rotated);

    // The list: the endpoint with its firm by name and its types in words.
    await page.goto(admin("/webhooks"));
    const row = page.locator("tr", { hasText: "투자정보 앱 (E2E)" });
    await row.getByText(firm.name).waitFor();
    expect(await row.textContent()).toContain("보고서 게시, 보고서 철회");
    expect(await row.getByTestId("webhook-state").textContent()).toBe("사용 중");
    await screenshot(page, "21-webhooks-page");
  }, FLOW_TIMEOUT);

  it("lists an endpoint the server stopped on the compliance page, for reviewers too, by host and without the admin screen", async () => {
    const firm = await createFirm(editor.client);
    const adminClient = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
    receiver.answer("/gone", 410);
    const { createWebhook } = await adminClient.request<{ createWebhook: { webhook: { id: string } } }>(
      `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      { input: { url: receiver.url("/gone"), description: "해지된 고객사", firmIds: [firm.id] } },
    );
    const id = createWebhook.webhook.id;
    await adminClient.request(`mutation($id: ID!) { sendTestWebhook(webhookId: $id) { id } }`, { id });
    await receiver.received("/gone", 1);

    const page = await signedIn(ADMIN);
    await page.goto(admin("/compliance"));
    const stopped = page.locator(`[data-testid=stopped-webhook][data-webhook="${id}"]`);
    await stopped.waitFor({ timeout: 15_000 });
    expect(await stopped.getByTestId("webhook-state").textContent()).toBe("중지됨: 엔드포인트가 410 Gone으로 응답");
    await stopped.getByRole("link", { name: "해지된 고객사" }).click();
    await page.waitForURL(new RegExp(`#/webhooks/${id}/show$`));
    await page.getByTestId("stopped-alert").waitFor();
    expect(await page.getByTestId("send-test").isDisabled()).toBe(true);

    // A reviewer sees the stop too, by host and last error, with no way into the admin-only screen.
    const reviewerPage = await signedIn(reviewer);
    await reviewerPage.goto(admin("/compliance"));
    const seen = reviewerPage.locator(`[data-testid=stopped-webhook][data-webhook="${id}"]`);
    await seen.waitFor({ timeout: 15_000 });
    const text = await seen.textContent();
    expect(text).toContain("해지된 고객사");
    expect(text).toContain(new URL(receiver.url("/gone")).host);
    expect(text).toContain("HTTP 410");
    expect(text).not.toContain("/gone");
    expect(await seen.getByRole("link").count()).toBe(0);
    expect(await reviewerPage.locator('a[href="#/webhooks"]').count()).toBe(0);
    await screenshot(reviewerPage, "21-stopped-webhooks-reviewer");
  }, FLOW_TIMEOUT);
});
