import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { BODIES, KOREAN_TABLE_CELLS, OWN_IMAGE } from "./helpers/bodies";
import { browserAvailable, expectStatus, panelForThisFile, pick, screenshot, SEOUL } from "./helpers/browser";
import { gif, png, uploadImage } from "./helpers/images";
import { serverForThisFile } from "./helpers/server";
import { createStaffOf, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";

const enabled = browserAvailable();
// A report written, saved and reopened in a real browser; generous, since CI shares 2 cores.
const FLOW_TIMEOUT = 180_000;
const running = serverForThisFile(STAFF_ENV);
const { url: admin, signedIn } = panelForThisFile(running, SEOUL);

let editor: StaffMember;
let firm: { id: string; name: string; analyst: string; analystId: string };

const bodyOf = async (id: string): Promise<string> =>
  (await editor.client.request<{ report: { body: string } }>(`query($id: ID) { report(id: $id) { body } }`, { id })).report.body;

/** The text of each cell of each row of the `n`th table in `html`. */
function tableCells(html: string, n = 0): string[][] {
  const table = [...html.matchAll(/<table>(.*?)<\/table>/g)][n]?.[1] ?? "";
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map(([, cell]) => cell.replace(/<[^>]+>/g, "")));
}

/**
 * Pastes `html` where the cursor is, as a browser delivers a paste from another application: a paste
 * event whose clipboard holds text/html and text/plain, handled by the editor's own paste code.
 * (Written as a string: the test project has no DOM types.)
 */
async function paste(page: Page, html: string): Promise<void> {
  const plain = html.replace(/<[^>]+>/g, " ");
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData("text/html", ${JSON.stringify(html)});
    data.setData("text/plain", ${JSON.stringify(plain)});
    document.querySelector(".ProseMirror").dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
}

/** Cell texts of the editor's tables, as the editor shows them. */
const editorTables = (page: Page): Promise<string[][][]> =>
  page
    .locator(".ProseMirror table")
    .evaluateAll((tables) => tables.map((t) => [...t.querySelectorAll("tr")].map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim()))));

/** What the panel's editor would save for the body now (tiptap keeps itself on its element). */
const editorHtml = (page: Page): Promise<string> => page.evaluate(`document.querySelector(".ProseMirror").editor.getHTML()`);

/**
 * An edit: a character typed into the body and taken back, so that the form holds what the editor
 * writes, and the title changed, so that there is something to save.
 */
async function edit(page: Page): Promise<void> {
  await page.locator(".ProseMirror > p").first().click();
  await page.keyboard.press("End");
  await page.keyboard.type("x");
  await page.keyboard.press("Backspace");
  await page.locator('input[name="content.title"]').press("End");
  await page.locator('input[name="content.title"]').pressSequentially(" (수정)");
}

/**
 * Clicks a toolbar button and waits until the editor has the focus back, as a person would before
 * typing on: on a loaded machine keys typed at once can reach the button instead and be lost.
 */
async function toolbarClick(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name }).click();
  await expect.poll(() => page.evaluate(`document.activeElement?.classList.contains("ProseMirror") ?? false`)).toBe(true);
}

async function save(page: Page): Promise<void> {
  await page.locator("button[type=submit]").first().click();
  await expectStatus(page, "DRAFT");
}

describe.runIf(enabled)("the report body editor in a real browser", () => {
  beforeAll(async () => {
    [editor] = await createStaffOf(running.server(), "EDITOR");
    const name = "본문테스트증권";
    const { createFirm } = await editor.client.request<{ createFirm: { id: string } }>(`mutation($name: String!) { createFirm(input: { name: $name }) { id } }`, { name });
    const { createAnalyst } = await editor.client.request<{ createAnalyst: { id: string } }>(
      `mutation($id: ID!) { createAnalyst(input: { firmId: $id, name: "한본문", title: "연구원" }) { id } }`,
      { id: createFirm.id },
    );
    firm = { id: createFirm.id, name, analyst: "한본문", analystId: createAnalyst.id };
  });

  it("keeps a pasted Korean table with all its cells and a footnote marker through save and reload", async () => {
    const page = await signedIn(editor);
    await page.goto(admin("/reports/create"));
    await pick(page, "firmId", firm.name);
    await page.locator('input[name="content.title"]').fill("[본문랩] 동영상 생성 서비스 비교");
    await page.locator('input[name="content.subject"]').fill("본문랩");
    await page.locator('textarea[name="content.summary"]').fill("표가 있는 보고서");
    await pick(page, "content.analystIds", firm.analyst);

    // The toolbar offers nothing the server would strip (images only by upload, tested below).
    const toolbar = page.locator(".RaRichTextInputToolbar-root");
    await toolbar.waitFor();
    const labels = await toolbar.locator("[aria-label]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label") ?? ""));
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels) expect(label).not.toMatch(/color|colour|highlight|align|code|색|강조 표시|정렬|코드/i);
    await page.getByTestId("body-level").click();
    expect(await page.getByRole("option").allTextContents()).toEqual(["본문", "제목 2", "제목 3", "제목 4"]);
    await page.keyboard.press("Escape");

    // A sentence with a footnote marker made with the toolbar, then the partner note's table pasted after it.
    await page.locator(".ProseMirror").click();
    await page.keyboard.type("서비스별 최대 길이는 다음과 같습니다");
    await toolbarClick(page, "위 첨자 (각주 표시)");
    await page.keyboard.type("1");
    await toolbarClick(page, "위 첨자 (각주 표시)");
    await page.keyboard.type(".");
    await page.keyboard.press("Enter");
    await paste(page, BODIES.footnotes);
    await page.keyboard.press("Enter");
    await paste(page, BODIES.officeTable);
    await expect.poll(() => editorTables(page)).toEqual([KOREAN_TABLE_CELLS]);
    await screenshot(page, "body-01-table-pasted");

    await save(page);
    const id = decodeURIComponent(/reports\/([^/]+)\/show/.exec(page.url())![1]);
    const stored = await bodyOf(id);
    expect(tableCells(stored)).toEqual(KOREAN_TABLE_CELLS);
    expect(stored).toContain("<table><tbody><tr><th><p>서비스</p></th><th><p>최대 길이</p></th>");
    expect(stored).toContain("<p>서비스별 최대 길이는 다음과 같습니다<sup>1</sup>.</p>");
    expect(stored).toContain("CO<sub>2</sub>");
    await page.getByTestId("client-preview").locator("table td").first().waitFor();
    await screenshot(page, "body-02-preview");

    // Reopened: the same 16 cells in the editor, and saving again from the panel changes nothing.
    await page.goto(admin(`/reports/${id}`));
    await expect.poll(() => editorTables(page)).toEqual([KOREAN_TABLE_CELLS]);
    expect(await page.locator(".ProseMirror table th").count()).toBe(4);
    await screenshot(page, "body-03-reopened");
    expect(await editorHtml(page)).toBe(stored);
    await edit(page);
    await save(page);
    expect(await bodyOf(id)).toBe(stored);
  }, FLOW_TIMEOUT);

  it("a body the API stored, opened, edited and saved in the panel, comes back unchanged", async () => {
    // A body may show only images the service has: the samples' image is uploaded first.
    const { token } = await signIn(running.server(), editor.email, editor.password);
    const chart = await uploadImage(running.server(), token, png(64, 36), "차트");
    const body = [
      BODIES.everything,
      BODIES.wordTable,
      BODIES.whitespace,
      `<p><img src="${OWN_IMAGE}" alt="수익 < 비용 &amp; &quot;손익&quot;&nbsp;표"><a href="https://example.com/?a=1&b=2" title="&quot;원문&quot;">원문</a></p>`,
    ].join("\n").replaceAll(OWN_IMAGE, chart.url);
    const { createReport } = await editor.client.request<{ createReport: { id: string; body: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id body } }`,
      { input: { title: "[본문랩] API로 쓴 본문", subject: "본문랩", summary: ["요점"], body, firmId: firm.id, analystIds: [firm.analystId] } },
    );
    const stored = createReport.body;
    expect(tableCells(stored, 1)).toEqual(KOREAN_TABLE_CELLS);
    expect(stored).toContain(`alt="수익 &lt; 비용 &amp; &quot;손익&quot;&nbsp;표"`);

    const page = await signedIn(editor);
    await page.goto(admin(`/reports/${createReport.id}`));
    await expect.poll(async () => (await editorTables(page)).length).toBe(2);
    expect(await editorHtml(page)).toBe(stored);
    await edit(page);
    await save(page);
    expect(await bodyOf(createReport.id)).toBe(stored);
  }, FLOW_TIMEOUT);

  it("builds a table with the toolbar: header row, rows and columns added and removed", async () => {
    const page = await signedIn(editor);
    const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      { input: { title: "[본문랩] 표 만들기", subject: "본문랩", summary: ["요점"], body: "<p>표:</p>", firmId: firm.id, analystIds: [firm.analystId] } },
    );
    await page.goto(admin(`/reports/${createReport.id}`));
    await page.locator(".ProseMirror").click();
    await page.keyboard.press("Control+End");
    const tableAction = async (action: string): Promise<void> => {
      await page.getByTestId("body-table-menu").click();
      await page.getByTestId(`body-table-${action}`).click();
    };
    const shape = async (): Promise<number[]> => ((await editorTables(page))[0] ?? []).map((row) => row.length);
    await tableAction("insert");
    await expect.poll(shape).toEqual([3, 3, 3]);
    for (const text of ["종목", "목표가", "의견"]) {
      await page.keyboard.type(text);
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type("루미나모션");
    await tableAction("add_row_after");
    await expect.poll(shape).toEqual([3, 3, 3, 3]);
    await tableAction("add_column_after");
    await expect.poll(shape).toEqual([4, 4, 4, 4]);
    // Into the new column's cell beside 루미나모션, and out with it.
    await page.keyboard.press("Tab");
    await tableAction("delete_column");
    await expect.poll(shape).toEqual([3, 3, 3, 3]);
    // Into the new, empty third row, and out with it.
    await page.locator(".ProseMirror table tr").nth(2).locator("td").first().click();
    await tableAction("delete_row");
    await expect.poll(shape).toEqual([3, 3, 3]);
    await screenshot(page, "body-04-table-built");
    await save(page);
    const cells = tableCells(await bodyOf(createReport.id));
    expect(cells).toEqual([
      ["종목", "목표가", "의견"],
      ["루미나모션", "", ""],
      ["", "", ""],
    ]);
    expect(await bodyOf(createReport.id)).toMatch(/^<p>표:<\/p><table><tbody><tr><th><p>종목<\/p><\/th><th><p>목표가<\/p><\/th><th><p>의견<\/p><\/th><\/tr><tr><td>/);
  }, FLOW_TIMEOUT);

  it("uploads a chart with the image button and shows it in the editor, the stored body and the client preview", async () => {
    const { createReport } = await editor.client.request<{ createReport: { id: string } }>(
      `mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`,
      { input: { title: "[본문랩] 차트", subject: "본문랩", summary: ["요점"], body: "<p>주가 추이:</p>", firmId: firm.id, analystIds: [firm.analystId] } },
    );
    const page = await signedIn(editor);
    await page.goto(admin(`/reports/${createReport.id}`));
    await page.locator(".ProseMirror").click();
    await page.keyboard.press("Control+End");
    await page.getByRole("button", { name: "이미지 넣기 (차트, 그림)" }).click();
    const dialog = page.getByTestId("body-image-dialog");
    await dialog.waitFor();

    // A refusal is shown in the dialog, in the panel's language, and the dialog stays open.
    await page.getByTestId("body-image-file").setInputFiles({ name: "chart.gif", mimeType: "image/gif", buffer: gif() });
    await page.getByTestId("body-image-alt").fill("주가 차트");
    await page.getByTestId("body-image-insert").click();
    await expect.poll(() => page.getByTestId("body-image-refusal").textContent()).toBe("PNG, JPEG, WebP 이미지만 쓸 수 있습니다.");

    await page.getByTestId("body-image-file").setInputFiles({ name: "chart.png", mimeType: "image/png", buffer: png(640, 360) });
    await page.getByTestId("body-image-insert").click();
    await dialog.waitFor({ state: "detached" });
    const inEditor = /^<p>주가 추이:<\/p><img src="\/images\/[0-9a-f]{64}" alt="주가 차트" width="640" height="360">$/;
    await expect.poll(() => editorHtml(page)).toMatch(inEditor);
    await screenshot(page, "body-05-image");

    await save(page);
    const stored = await bodyOf(createReport.id);
    expect(stored).toMatch(inEditor);
    // The preview's <img> has loaded: the draft's image is served to the signed-in editor.
    const preview = page.getByTestId("client-preview").locator("img");
    await preview.waitFor();
    expect(await preview.getAttribute("alt")).toBe("주가 차트");
    await expect
      .poll(() => page.evaluate(`document.querySelector('[data-testid="client-preview"] img').naturalWidth`))
      .toBe(640);
    await screenshot(page, "body-06-image-preview");
  }, FLOW_TIMEOUT);
});
