import { createHash } from "node:crypto";
import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { gif, jpeg, png, uploadImage, webp } from "./helpers/images";
import { MODE, runtimeSql, runUntilExit, serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV } from "./helpers/staff";
import { APPROVE, ATTACH, CREATE, createFirm, draftInput, PUBLISH, RETRACT, run, SUBMIT, UPDATE, type ReportState } from "./helpers/workflow";

const PUBLIC_URL = "https://research.example.com";
// The trailing slash is the operator's; the server drops it.
const running = serverForThisFile({ ...STAFF_ENV, SEED_DEMO: "false", PUBLIC_URL: `${PUBLIC_URL}/` });
const endpoint = (pathname: string): string => running.server().url.replace("/graphql", pathname);

const MAX_BYTES = 5 * 1024 * 1024;
const sha256 = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");
const PREFLIGHT = { "apollo-require-preflight": "true" };

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

interface UploadOptions {
  alt?: string;
  filename?: string;
  /** The type the client claims; the server never asks it. */
  type?: string;
  headers?: Record<string, string>;
}

let editorToken: string;
let reviewerToken: string;
let editor: GraphQLClient;
let reviewer: GraphQLClient;
let admin: GraphQLClient;
let firm: { id: string; analystId: string };

async function upload(file: Buffer | null, { alt, filename = "figure.png", type = "image/png", headers }: UploadOptions = {}): Promise<Answer> {
  const form = new FormData();
  if (alt !== undefined) form.append("alt", alt);
  if (file) form.append("file", new Blob([new Uint8Array(file)], { type }), filename);
  const response = await fetch(endpoint("/images"), {
    method: "POST",
    body: form,
    headers: { authorization: `Bearer ${editorToken}`, ...PREFLIGHT, ...headers },
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** Uploads as the editor and returns the path a body takes. */
const stored = (file: Buffer, alt = "그림"): Promise<{ hash: string; url: string }> => uploadImage(running.server(), editorToken, file, alt);

async function read(hash: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(endpoint(`/images/${hash}`), { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}
const asStaff = (): Record<string, string> => ({ authorization: `Bearer ${editorToken}` });

const figure = (url: string, alt = "주가 차트"): string => `<img src="${url}" alt="${alt}" width="640" height="360">`;

/** Takes a draft, or a correction with its `correctionNote`, through review and live. */
async function publish(id: string, correctionNote?: string): Promise<ReportState> {
  await run(editor, ATTACH, { id });
  await run(editor, SUBMIT, { id, correctionNote });
  await run(reviewer, APPROVE, { id, note: "확인" });
  return run(editor, PUBLISH, { id });
}

const draftWith = (title: string, body: string): Promise<ReportState> => run(editor, CREATE, { input: { ...draftInput(firm, title), body } });

beforeAll(async () => {
  const signedIn = await signIn(running.server(), ADMIN.email, ADMIN.password);
  admin = signedIn.client;
  const editorAccount = await createStaff(running.server(), admin, "EDITOR");
  const reviewerAccount = await createStaff(running.server(), admin, "REVIEWER");
  ({ client: editor, token: editorToken } = await signIn(running.server(), editorAccount.email, editorAccount.password));
  ({ client: reviewer, token: reviewerToken } = await signIn(running.server(), reviewerAccount.email, reviewerAccount.password));
  firm = await createFirm(editor);
});

describe("POST /images", () => {
  it("stores PNG, JPEG and WebP with the width and height read from the bytes, and answers where to find them", async () => {
    for (const [file, contentType, width, height] of [
      [png(5, 3), "image/png", 5, 3],
      [jpeg(13, 9), "image/jpeg", 13, 9],
      [webp(7, 5), "image/webp", 7, 5],
    ] as const) {
      const answer = await upload(file, { alt: "  삼성전자 주가 차트 (2026년 12월)  " });
      const hash = sha256(file);
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ hash, url: `/images/${hash}`, width, height, contentType, bytes: file.length, alt: "삼성전자 주가 차트 (2026년 12월)" });
      expect(answer.headers.get("location")).toBe(`/images/${hash}`);
      expect(answer.headers.get("cache-control")).toBe("private, no-store");
      const back = await read(hash, asStaff());
      expect(back.status).toBe(200);
      expect(back.headers.get("content-type")).toBe(contentType);
      expect(back.bytes.equals(file)).toBe(true);
    }
  });

  it("judges the type by the bytes alone: a PNG named .jpg and sent as image/jpeg is a PNG; GIF and text are refused with 415", async () => {
    const disguised = png(4, 2);
    const answer = await upload(disguised, { alt: "이름만 jpg", filename: "chart.jpg", type: "image/jpeg" });
    expect(answer.body).toMatchObject({ contentType: "image/png", width: 4, height: 2 });
    expect((await read(sha256(disguised), asStaff())).headers.get("content-type")).toBe("image/png");

    for (const [file, filename, type] of [
      [gif(), "anim.gif", "image/gif"],
      [gif(), "anim.png", "image/png"],
      [Buffer.from("종가 12,000원\n"), "notes.png", "image/png"],
      [Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), "chart.webp", "image/webp"],
    ] as const) {
      const refused = await upload(file, { alt: "차트", filename, type });
      expect(refused.status, filename).toBe(415);
      expect(refused.body).toMatchObject({ statusCode: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
      expect((await read(sha256(file), asStaff())).status).toBe(404);
    }
    // A header cut short is not an image it could show.
    const cut = await upload(png(5, 3).subarray(0, 12), { alt: "잘린 그림" });
    expect(cut.status).toBe(400);
    expect(cut.body).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
  });

  it("takes up to 5 MB: exactly 5,242,880 bytes are stored, one byte more is refused with 413", async () => {
    const header = png(16, 16);
    const largest = Buffer.concat([header, Buffer.alloc(MAX_BYTES - header.length, 7)]);
    const fits = await upload(largest, { alt: "가장 큰 그림" });
    expect(fits.status).toBe(201);
    expect(fits.body).toMatchObject({ bytes: MAX_BYTES, width: 16, height: 16 });

    const over = Buffer.concat([largest, Buffer.from([7])]);
    const refused = await upload(over, { alt: "너무 큰 그림" });
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ statusCode: 413, code: "PAYLOAD_TOO_LARGE", limit: MAX_BYTES });
    expect((await read(sha256(over), asStaff())).status).toBe(404);
  });

  it("needs alt text (1–300 characters after trimming, Hangul welcome) and one file", async () => {
    const file = png(3, 3, 0x10);
    for (const alt of [undefined, "", "   ", "가".repeat(301), "<b>굵은</b> 차트"]) {
      const refused = await upload(file, { alt });
      expect(refused.status, String(alt)).toBe(400);
      expect(refused.body).toMatchObject({ statusCode: 400, code: "BAD_USER_INPUT", field: "alt" });
    }
    expect((await read(sha256(file), asStaff())).status).toBe(404);
    expect((await upload(file, { alt: "가".repeat(300) })).status).toBe(201);

    const noFile = await upload(null, { alt: "파일 없음" });
    expect(noFile.body).toMatchObject({ statusCode: 400, code: "BAD_USER_INPUT", field: "file" });
    const form = new FormData();
    form.append("alt", "두 장");
    form.append("file", new Blob([new Uint8Array(png(2, 2))]), "a.png");
    form.append("file", new Blob([new Uint8Array(png(2, 3))]), "b.png");
    const two = await fetch(endpoint("/images"), { method: "POST", body: form, headers: { authorization: `Bearer ${editorToken}`, ...PREFLIGHT } });
    expect(two.status).toBe(400);
    expect(await two.json()).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    // Not a form at all.
    const json = await fetch(endpoint("/images"), {
      method: "POST",
      body: JSON.stringify({ alt: "JSON", file: png(2, 2).toString("base64") }),
      headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json", ...PREFLIGHT },
    });
    expect(json.status).toBe(415);
    expect(await json.json()).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("is idempotent: the same bytes again answer the same hash (200), and every upload is audited", async () => {
    const file = webp(11, 6);
    const first = await upload(file, { alt: "첫 업로드" });
    const again = await upload(file, { alt: "다른 설명" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...first.body, alt: "다른 설명" });
    const { auditEvents } = await admin.request<{ auditEvents: { nodes: { action: string; entityType: string; entityId: string; after: Record<string, unknown> }[] } }>(
      `query($id: String) { auditEvents(filter: { action: "UPLOAD", entityId: $id }) { nodes { action entityType entityId after } } }`,
      { id: sha256(file) },
    );
    expect(auditEvents.nodes.map((e) => e.after)).toEqual([
      { hash: sha256(file), contentType: "image/webp", width: 11, height: 6, bytes: file.length, alt: "다른 설명", alreadyStored: true },
      { hash: sha256(file), contentType: "image/webp", width: 11, height: 6, bytes: file.length, alt: "첫 업로드" },
    ]);
    expect(auditEvents.nodes[0]).toMatchObject({ action: "UPLOAD", entityType: "Image" });
  });

  it("is for editors and admins: anonymous clients and stale tokens get 401, reviewers 403, and nothing is stored", async () => {
    const file = png(6, 1, 0x20);
    expect(await upload(file, { alt: "익명", headers: { authorization: "" } })).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
    expect(await upload(file, { alt: "가짜", headers: { authorization: "Bearer rds_not-a-session" } })).toMatchObject({ status: 401, body: { code: "UNAUTHENTICATED" } });
    expect(await upload(file, { alt: "검토자", headers: { authorization: `Bearer ${reviewerToken}` } })).toMatchObject({ status: 403, body: { code: "FORBIDDEN" } });
    expect((await read(sha256(file), asStaff())).status).toBe(404);
    const adminToken = (await signIn(running.server(), ADMIN.email, ADMIN.password)).token;
    expect((await upload(file, { alt: "관리자", headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(201);
  });

  it("refuses a cross-site form post (the session cookie without the CSRF header) with 400, as /graphql does, and stores nothing", async () => {
    const file = png(6, 2, 0x30);
    const form = new FormData();
    form.append("alt", "CSRF");
    form.append("file", new Blob([new Uint8Array(file)], { type: "image/png" }), "csrf.png");
    const forged = await fetch(endpoint("/images"), { method: "POST", body: form, headers: { cookie: `rd_session=${editorToken}` } });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toMatchObject({ statusCode: 400, code: "BAD_REQUEST", message: expect.stringMatching(/Cross-Site Request Forgery/) });
    expect((await read(sha256(file), asStaff())).status).toBe(404);
    // The same post with the header, as the admin panel sends it, is taken.
    expect((await upload(file, { alt: "CSRF", headers: { authorization: "", cookie: `rd_session=${editorToken}` } })).status).toBe(201);
  });
});

describe("GET /images/<hash>", () => {
  it("answers with the stored type, an ETag (the hash), nosniff, and 304 for If-None-Match", async () => {
    const file = jpeg(20, 10);
    const { hash } = await stored(file);
    const first = await read(hash, asStaff());
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe(`"${hash}"`);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("content-type")).toBe("image/jpeg");
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    for (const tag of [`"${hash}"`, `W/"${hash}"`, `"other", "${hash}"`, "*"]) {
      const again = await read(hash, { ...asStaff(), "if-none-match": tag });
      expect(again.status, tag).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers.get("etag")).toBe(`"${hash}"`);
    }
    expect((await read(hash, { ...asStaff(), "if-none-match": `"${"0".repeat(64)}"` })).status).toBe(200);
    expect((await read("not-a-hash", asStaff())).status).toBe(404);
    expect((await read("0".repeat(64), asStaff())).status).toBe(404);
    expect((await read(hash, { authorization: "Bearer rds_not-a-session" })).status).toBe(401);
  });

  it("follows the reports that show the image: staff only for a draft and a correction, public while published, gone for the public once retracted", async () => {
    const chart = await stored(png(40, 20, 0x40), "주가 차트");
    const table = await stored(png(40, 30, 0x50), "실적 표");
    const unused = await stored(png(40, 40, 0x60), "쓰이지 않는 그림");
    const anonymous = async (hash: string): Promise<number> => (await read(hash)).status;

    const draft = await draftWith("[이미지랩] 차트가 있는 보고서", `<p>본문</p>${figure(chart.url)}`);
    expect(await anonymous(chart.hash)).toBe(404);
    const drafted = await read(chart.hash);
    expect(drafted.headers.get("cache-control")).toBe("private, no-store");
    expect((await read(chart.hash, asStaff())).status).toBe(200);
    // An API key sees what anonymous clients see.
    const { createApiKey } = await admin.request<{ createApiKey: { key: string } }>(`mutation { createApiKey(name: "이미지 확인") { key } }`);
    expect((await read(chart.hash, { authorization: `Bearer ${createApiKey.key}` })).status).toBe(404);

    const live = await publish(draft.id);
    expect(live.status).toBe("PUBLISHED");
    const published = await read(chart.hash);
    expect(published.status).toBe(200);
    expect(published.headers.get("cache-control")).toBe("public, max-age=30");
    expect(published.headers.get("vary")).toBe("Cookie, Authorization");
    expect((await read(chart.hash, asStaff())).headers.get("cache-control")).toBe("private, no-cache");
    const byKey = await read(chart.hash, { authorization: `Bearer ${createApiKey.key}` });
    expect(byKey.status).toBe(200);
    expect(byKey.headers.get("cache-control")).toBe("private, no-cache");
    expect(await anonymous(unused.hash)).toBe(404);

    // A correction that adds a figure: clients keep the approved version, and the new figure stays staff-only until it goes live.
    const copy = await run(editor, UPDATE, { id: draft.id, input: { body: `<p>본문 (정정)</p>${figure(chart.url)}${figure(table.url, "실적 표")}` }, v: live.version });
    expect(copy.workingCopy?.status).toBe("DRAFT");
    expect(await anonymous(table.hash)).toBe(404);
    expect((await read(table.hash, asStaff())).status).toBe(200);
    const corrected = await publish(draft.id, "실적 표를 추가했습니다.");
    expect(corrected.correctedAt).not.toBeNull();
    expect(await anonymous(table.hash)).toBe(200);
    expect(await anonymous(chart.hash)).toBe(200);

    await run(editor, RETRACT, { id: draft.id, reason: "수치 오류" });
    expect(await anonymous(chart.hash)).toBe(404);
    expect(await anonymous(table.hash)).toBe(404);
    expect((await read(table.hash, asStaff())).status).toBe(200);
  });

  it("keeps an image public while any published report shows it", async () => {
    const shared = await stored(jpeg(30, 30), "공유 그림");
    const first = await publish((await draftWith("[이미지랩] 첫째", figure(shared.url))).id);
    const second = await publish((await draftWith("[이미지랩] 둘째", figure(shared.url))).id);
    await run(editor, RETRACT, { id: first.id, reason: "중복" });
    expect((await read(shared.hash)).status).toBe(200);
    await run(editor, RETRACT, { id: second.id, reason: "중복" });
    expect((await read(shared.hash)).status).toBe(404);
  });

  it("serves a cached image without a single SQL statement, so that the embedded database's one connection stays free", async () => {
    const { hash } = await stored(png(50, 50, 0x70), "캐시 그림");
    await publish((await draftWith("[이미지랩] 캐시", figure(`/images/${hash}`))).id);
    const statements = async (): Promise<number> => {
      const response = await fetch(endpoint(`/images/${hash}`));
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      return Number(response.headers.get("x-sql-statements"));
    };
    // The first anonymous read asks whether a published report shows it; the bytes are in memory since the upload.
    expect(await statements()).toBe(1);
    const again = await Promise.all(Array.from({ length: 20 }, statements));
    expect(again).toEqual(Array(20).fill(0));
  });
});

describe("report bodies and images", () => {
  it("refuses a body that shows an image this service does not have (BAD_USER_INPUT on body), on create and on edit", async () => {
    const unknown = "/images/" + "e".repeat(64);
    const errors = await errorsOf(editor, CREATE, { input: { ...draftInput(firm, "[이미지랩] 모르는 그림"), body: `<p>본문</p>${figure(unknown)}` } });
    expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
    expect(errors[0].extensions).toMatchObject({ field: "body" });
    expect(errors[0].message).toContain(unknown);

    const draft = await draftWith("[이미지랩] 고칠 초안", "<p>본문</p>");
    const edit = await errorsOf(editor, UPDATE, { id: draft.id, input: { body: `<p>본문</p>${figure(unknown)}` }, v: draft.version });
    expect(edit[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "body" });
    // Another site's image is dropped by the sanitizer, never fetched.
    const external = await run(editor, UPDATE, { id: draft.id, input: { body: `<p>본문</p><img src="https://elsewhere.example/chart.png" alt="남의 그림">` }, v: draft.version });
    const { report } = await editor.request<{ report: { body: string } }>(`query($id: ID) { report(id: $id) { body } }`, { id: draft.id });
    expect(external.version).toBe(draft.version + 1);
    expect(report.body).toBe("<p>본문</p>");
  });

  it("gives clients absolute URLs under PUBLIC_URL and keeps bodies relative, also when a client saves the absolute form back", async () => {
    const { hash, url } = await stored(webp(64, 32), "그림");
    const draft = await draftWith("[이미지랩] 주소", `<p>본문</p>${figure(url)}`);
    const bodyOf = async (client: GraphQLClient): Promise<string> =>
      (await client.request<{ report: { body: string } }>(`query($id: ID) { report(id: $id) { body } }`, { id: draft.id })).report.body;
    const absolute = `<p>본문</p>${figure(`${PUBLIC_URL}/images/${hash}`)}`;
    expect(await bodyOf(editor)).toBe(absolute);

    // The body as the API gave it, saved back: stored relative, so a new domain needs no rewrite.
    const saved = await run(editor, UPDATE, { id: draft.id, input: { title: "[이미지랩] 주소 (2판)", body: absolute }, v: draft.version });
    const { report } = await editor.request<{ report: { revisions: { content: { body: string } }[] } }>(
      `query($id: ID) { report(id: $id) { revisions { content { body } } } }`,
      { id: draft.id },
    );
    expect(report.revisions[0].content.body).toBe(`<p>본문</p>${figure(url)}`);
    await publish(saved.id);
    expect(await bodyOf(running.server().client)).toBe(absolute);
    expect((await read(hash)).status).toBe(200);
  });

  it("deletes a draft that shows images, and leaves the images", async () => {
    const { hash, url } = await stored(png(8, 8, 0x90), "지울 초안의 그림");
    const draft = await draftWith("[이미지랩] 지울 초안", figure(url));
    await editor.request(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: draft.id });
    expect((await read(hash, asStaff())).status).toBe(200);
  });

  it("refuses a PUBLIC_URL that is not an absolute http(s) address", async () => {
    for (const value of ["research.example.com", "ftp://research.example.com", "https://user:pw@research.example.com", "https://research.example.com/?a=1"]) {
      const { code, output } = await runUntilExit({ PUBLIC_URL: value, DATA_DIR: "/nonexistent-never-used" });
      expect(code, value).toBe(1);
      expect(output).toContain("PUBLIC_URL must be an absolute http(s) URL");
    }
  });
});

describe("the database's own rules for images", () => {
  it("stores each image once, checks its hash and size, links only known images, and lets the runtime role neither rewrite images nor forge links", async () => {
    const { hash } = await stored(png(9, 9, 0xa0), "규칙");
    // The embedded database has one session: the server must stop before the test's own SQL.
    if (MODE === "embedded") expect(await running.server().stop()).toBe(0);
    const db = running.db();
    const [row] = await db.sql(`SELECT content_type, width, height, bytes, octet_length(data) AS length FROM images WHERE hash = '${hash}'`);
    expect(row).toEqual({ content_type: "image/png", width: 9, height: 9, bytes: row.length, length: row.length });

    const refusedWith = async (sql: string, pattern: RegExp): Promise<void> => {
      await expect(runtimeSql(db, sql), sql).rejects.toThrow(pattern);
    };
    await refusedWith(
      `INSERT INTO images (hash, content_type, width, height, bytes, data) VALUES ('${"1".repeat(64)}', 'image/png', 1, 1, 3, '\\x010203')`,
      /images_content_hash/,
    );
    await refusedWith(
      `INSERT INTO images (hash, content_type, width, height, bytes, data) VALUES (encode(sha256('\\x47494638'::bytea), 'hex'), 'image/gif', 1, 1, 4, '\\x47494638')`,
      /images_content_type_check/,
    );
    await refusedWith(
      `UPDATE reports SET body = '<img src="/images/${"2".repeat(64)}" />' WHERE id = (SELECT id FROM reports WHERE status = 'DRAFT' LIMIT 1)`,
      /report_images_hash_fkey/,
    );
    if (MODE === "server") {
      await refusedWith(`UPDATE images SET width = 10 WHERE hash = '${hash}'`, /permission denied/);
      await refusedWith(`DELETE FROM images WHERE hash = '${hash}'`, /permission denied/);
      await refusedWith(`INSERT INTO report_images (hash, report_id) SELECT '${hash}', id FROM reports LIMIT 1`, /permission denied/);
      await refusedWith(`DELETE FROM report_images`, /permission denied/);
    }
  });
});
