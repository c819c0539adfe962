import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const ARTIFACTS = path.resolve(__dirname, "../artifacts");

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

/** A new browser context signed in to the admin panel (`adminUrl` gives the panel's address for a route). */
export async function signedInPage(
  browser: Browser,
  adminUrl: (route: string) => string,
  member: { email: string; password: string },
  place: { timezoneId: string; locale: string },
): Promise<Page> {
  const context = await browser.newContext({ ...place, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.goto(adminUrl("/login"));
  await page.locator("input[name=username]").fill(member.email);
  await page.locator("input[name=password]").fill(member.password);
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/#\/(reports)?$/);
  return page;
}
