import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { RunningServer } from "./server";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(__dirname, "../artifacts");

/** Where a browser says it is. */
export interface Place {
  timezoneId: string;
  locale: string;
}

/** Where the panel's Korean users are. */
export const SEOUL: Place = { timezoneId: "Asia/Seoul", locale: "ko-KR" };
/** Abroad: times on screen must still be Korean. */
export const NEW_YORK: Place = { timezoneId: "America/New_York", locale: "en-US" };

/** Whether browser tests can run here; CI sets REQUIRE_BROWSER=1 so that a missing browser fails. */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.REQUIRE_BROWSER === "1") throw new Error(`REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}`);
  console.log(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A full-page screenshot into the artifacts folder. */
export const screenshot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The admin panel's address on `server` for `route`. */
export const panelUrl = (server: RunningServer, route = ""): string => server.url.replace("/graphql", `/admin/#${route}`);

/**
 * A browser for the calling test file, launched before its tests and closed after them, and the
 * admin panel of `running`'s server in it, seen from `place`. Read them once the tests run.
 */
export function panelForThisFile(
  running: { server: () => RunningServer },
  place: Place,
): {
  browser: () => Browser;
  /** The panel's address for `route`. */
  url: (route?: string) => string;
  /** A new browser context signed in to the panel as `member`. */
  signedIn: (member: { email: string; password: string }) => Promise<Page>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const url = (route = ""): string => panelUrl(running.server(), route);
  const signedIn = async (member: { email: string; password: string }): Promise<Page> => {
    const context = await browser!.newContext({ ...place, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await page.goto(url("/login"));
    await page.locator("input[name=username]").fill(member.email);
    await page.locator("input[name=password]").fill(member.password);
    await page.locator("button[type=submit]").click();
    await page.waitForURL(/#\/(reports)?$/);
    return page;
  };
  return { browser: () => browser!, url, signedIn };
}

/** Picks `text` in the autocomplete input `inputName`, typed as a person would. */
export async function pick(page: Page, inputName: string, text: string): Promise<void> {
  const input = page.locator(`input[name="${inputName}"]`).first();
  await input.click();
  await input.fill(text);
  await page.getByRole("option", { name: text }).first().click();
}

/** Waits until the page shows a report in `status`. */
export async function expectStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid=status][data-status=${status}]`).first().waitFor();
}
