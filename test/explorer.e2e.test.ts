import type { BrowserContext, Page, Request } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable, panelForThisFile, panelUrl, screenshot, SEOUL } from "./helpers/browser";
import { serverForThisFile, type RunningServer } from "./helpers/server";
import { ADMIN, bearer, signIn, STAFF_ENV } from "./helpers/staff";

const enabled = browserAvailable();
const development = serverForThisFile();
const production = serverForThisFile({ ...STAFF_ENV, NODE_ENV: "production" });
// Staff sign in to the production server's panel.
const { browser, signedIn } = panelForThisFile(production, SEOUL);

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

/**
 * Aborts every request to another host, as a closed network would, and returns the list of
 * those the page tried: it must stay empty.
 */
async function offline(target: Page | BrowserContext): Promise<string[]> {
  const attempted: string[] = [];
  await target.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (LOCAL_HOSTS.has(url.hostname)) return route.continue();
    attempted.push(url.href);
    return route.abort("blockedbyclient");
  });
  return attempted;
}

/** The number of reports `reports { totalCount }` gives a client (anonymous, or staff with a token). */
async function totalCount(server: RunningServer, token?: string): Promise<number> {
  const client = token ? bearer(server, token) : server.client;
  const { reports } = await client.request<{ reports: { totalCount: number } }>(`{ reports(first: 1) { totalCount } }`);
  return reports.totalCount;
}

/** What an editor of the explorer shows; Monaco lays its spaces out as non-breaking ones. */
const editorText = async (page: Page, selector: string): Promise<string> => (await page.locator(selector).innerText()).replace(/\u00a0/g, " ");

/** Runs the explorer's example query (the newest reports with their total) and waits for its answer. */
async function runExample(page: Page, expectedTotal: number): Promise<void> {
  await expect.poll(() => editorText(page, ".graphiql-query-editor"), { timeout: 30_000 }).toContain("reports(first: 5)");
  await page.getByRole("button", { name: /^Execute query/ }).click();
  await expect.poll(() => editorText(page, ".graphiql-response"), { timeout: 30_000 }).toContain(`"totalCount": ${expectedTotal}`);
}

describe.runIf(enabled)("the explorer and the panel's sign-in in a real browser, with every other host blocked", () => {
  it("in development: anyone opens /graphql and runs a query, and nothing is loaded from elsewhere", async () => {
    const context = await browser().newContext({ ...SEOUL, viewport: { width: 1400, height: 900 } });
    const attempted = await offline(context);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script") scripts.push(response.url());
    });
    await page.goto(development.server().url);
    await runExample(page, await totalCount(development.server()));
    // The editor's language services run in workers that this server sent as well.
    expect(page.workers().length).toBeGreaterThan(0);
    for (const worker of page.workers()) expect(new URL(worker.url()).pathname).toMatch(/^\/explorer\/assets\//);
    expect(scripts.every((url) => new URL(url).pathname.startsWith("/explorer/assets/"))).toBe(true);
    await screenshot(page, "19-explorer-dev");
    expect(attempted).toEqual([]);
    await context.close();
  });

  it("in production: signed-in staff run a query with their session (they see every status, not only published reports)", async () => {
    const server = production.server();
    const page = await signedIn(ADMIN);
    const attempted = await offline(page.context());
    await page.goto(server.url);
    const { token } = await signIn(server, ADMIN.email, ADMIN.password);
    const [staffTotal, publicTotal] = [await totalCount(server, token), await totalCount(server)];
    expect(staffTotal).toBeGreaterThan(publicTotal);
    await runExample(page, staffTotal);
    await screenshot(page, "19-explorer-prod-staff");
    expect(attempted).toEqual([]);
    await page.context().close();
  });

  it("in production: an anonymous visitor is told to sign in, with a link to the admin panel, and gets no explorer", async () => {
    const context = await browser().newContext({ ...SEOUL, viewport: { width: 1400, height: 900 } });
    const attempted = await offline(context);
    const page = await context.newPage();
    await page.goto(production.server().url);
    const notice = page.getByTestId("explorer-sign-in");
    await notice.waitFor();
    expect(await notice.innerText()).toContain("로그인한 직원만");
    expect(await notice.innerText()).toContain("signed-in staff");
    const link = notice.getByRole("link", { name: /Sign in/ });
    expect(await link.getAttribute("href")).toBe("/admin/");
    expect(await page.locator(".graphiql-container").count()).toBe(0);
    await screenshot(page, "19-explorer-prod-anonymous");
    await link.click();
    await page.locator("input[name=username]").waitFor();
    expect(attempted).toEqual([]);
    await context.close();
  });

  it("the admin panel's sign-in screen: at most 400 KB over the wire (compressed, headers included), without the body editor", async () => {
    const context = await browser().newContext({ ...SEOUL, viewport: { width: 1400, height: 900 } });
    const attempted = await offline(context);
    const page = await context.newPage();
    const finished: Request[] = [];
    const onFinished = (request: Request): number => finished.push(request);
    page.on("requestfinished", onFinished);
    await page.goto(panelUrl(development.server(), "/login"), { waitUntil: "networkidle" });
    await page.locator("input[name=username]").waitFor();
    page.off("requestfinished", onFinished);
    const transfers = await Promise.all(
      finished.map(async (request) => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        return { url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize, encoding: await response?.headerValue("content-encoding") };
      }),
    );
    const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
    console.log(`sign-in screen: ${transfers.length} responses, ${total} bytes`);
    expect(total).toBeLessThanOrEqual(400_000);
    const scripts = transfers.filter((t) => t.url.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script.encoding, script.url).toBe("br");
    expect(scripts.some((t) => /\/(editor|reports)-/.test(t.url))).toBe(false);
    expect(attempted).toEqual([]);
    await context.close();
  });
});
