import fs from "node:fs";
import http, { type IncomingHttpHeaders } from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { serverForThisFile } from "./helpers/server";

const running = serverForThisFile();
const DIST = path.resolve(__dirname, "../dist");

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, still compressed if they were. */
  body: Buffer;
}

/** A request whose answer is read as it came over the wire (fetch would decompress it). */
function raw(route: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  const url = new URL(route, running.server().url);
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: body === undefined ? "GET" : "POST", headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

const decoded = (answer: Raw): Buffer => {
  const encoding = answer.headers["content-encoding"];
  if (encoding === "br") return zlib.brotliDecompressSync(answer.body);
  if (encoding === "gzip") return zlib.gunzipSync(answer.body);
  expect(encoding).toBeUndefined();
  return answer.body;
};

/** The scripts and styles a built page names, as the browser would ask for them. */
/** The scripts and styles a built page loads (its entry and the chunks it preloads), not its icon. */
const assetsOf = (html: string): string[] => [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);

const IMMUTABLE = "public, max-age=31536000, immutable";
const ENCODINGS = [
  { accept: "gzip, deflate, br, zstd", sent: "br" },
  { accept: "br", sent: "br" },
  { accept: "gzip", sent: "gzip" },
  { accept: "identity", sent: undefined },
];

describe("the admin panel's files", () => {
  it("index.html: brotli, gzip or as it is, by Accept-Encoding; revalidated each time (no-cache)", async () => {
    const plain = fs.readFileSync(path.join(DIST, "admin/index.html"));
    for (const { accept, sent } of ENCODINGS) {
      for (const route of ["/admin/", "/admin/index.html"]) {
        const answer = await raw(route, { "accept-encoding": accept });
        expect(answer.status, `${route} ${accept}`).toBe(200);
        expect(answer.headers["content-encoding"], `${route} ${accept}`).toBe(sent);
        expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(answer.headers["cache-control"]).toBe("no-cache");
        expect(answer.headers.vary).toBe("accept-encoding");
        expect(decoded(answer).equals(plain)).toBe(true);
      }
    }
    // No Accept-Encoding at all: the file as it is.
    expect((await raw("/admin/", {})).headers["content-encoding"]).toBeUndefined();
  });

  it("every script the page names: precompressed (and smaller), the same bytes once decoded, kept for a year (immutable)", async () => {
    const assets = assetsOf(fs.readFileSync(path.join(DIST, "admin/index.html"), "utf8"));
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/admin\/assets\/.+-[\w-]{8}\.js$/);
      const plain = fs.readFileSync(path.join(DIST, asset));
      for (const { accept, sent } of ENCODINGS) {
        const answer = await raw(asset, { "accept-encoding": accept });
        expect(answer.status, `${asset} ${accept}`).toBe(200);
        expect(answer.headers["content-encoding"], `${asset} ${accept}`).toBe(sent);
        expect(answer.headers["content-type"]).toBe("application/javascript; charset=utf-8");
        expect(answer.headers["cache-control"]).toBe(IMMUTABLE);
        expect(answer.headers.vary).toBe("accept-encoding");
        if (sent && plain.length > 1000) expect(answer.body.length).toBeLessThan(plain.length / 2);
        expect(decoded(answer).equals(plain)).toBe(true);
      }
    }
  });

  it("the sign-in screen's scripts, compressed, stay under the 400 KB the browser test checks (without the editor)", async () => {
    const assets = assetsOf(fs.readFileSync(path.join(DIST, "admin/index.html"), "utf8"));
    const sizes = await Promise.all(assets.map(async (asset) => (await raw(asset, { "accept-encoding": "br" })).body.length));
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(400_000);
    expect(assets.some((asset) => asset.includes("editor"))).toBe(false);
  });
});

describe("the explorer at /graphql", () => {
  it("a browser's GET /graphql gets the explorer's page, never cached, uncompressed, with a CSP that allows this origin only", async () => {
    for (const accept of ["gzip, deflate, br", "identity"]) {
      const answer = await raw("/graphql", { accept: "text/html,application/xhtml+xml", "accept-encoding": accept });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/html");
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.headers["cache-control"]).toBe("private, no-store");
      expect(answer.headers["content-security-policy"]).toContain("default-src 'self'; script-src 'self'; worker-src 'self';");
      expect(answer.headers["content-security-policy"]).not.toMatch(/https?:/);
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.body.toString()).toBe(fs.readFileSync(path.join(DIST, "explorer/index.html"), "utf8"));
    }
  });

  it("the files its page names: at /explorer/assets/, precompressed and immutable; nothing else of dist/explorer is served", async () => {
    const page = (await raw("/graphql", { accept: "text/html" })).body.toString();
    const assets = assetsOf(page);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      expect(asset).toMatch(/^\/explorer\/assets\//);
      const plain = fs.readFileSync(path.join(DIST, asset));
      for (const { accept, sent } of ENCODINGS) {
        const answer = await raw(asset, { "accept-encoding": accept });
        expect(answer.status, asset).toBe(200);
        expect(answer.headers["cache-control"]).toBe(IMMUTABLE);
        if (plain.length > 1000) expect(answer.headers["content-encoding"], `${asset} ${accept}`).toBe(sent);
        expect(decoded(answer).equals(plain)).toBe(true);
      }
    }
    for (const route of ["/explorer/", "/explorer/index.html", "/explorer/index.html.br"]) {
      expect((await raw(route, { "accept-encoding": "br" })).status, route).toBe(404);
    }
  });

  it("nothing built names a font service or a CDN: the explorer and the panel work on a closed network", () => {
    const built = (dir: string): string[] =>
      fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(html|css|js)$/.test(f)).map((f) => path.join(dir, f));
    const files = [...built(path.join(DIST, "explorer")), ...built(path.join(DIST, "admin"))];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      // What a page or stylesheet would load: a tag's src/href, a CSS url() or @import, a module import.
      expect(text, file).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\/|url\(["']?(?:https?:)?\/\/|@import\s+(?:url\()?["']?(?:https?:)?\/\/|import\(["'`]https?:|from\s*["'`]https?:/);
      expect(text, file).not.toMatch(/fonts\.(googleapis|gstatic)\.com|cdn\.jsdelivr\.net|unpkg\.com|esm\.sh|cdnjs\.cloudflare\.com|cdn\.apollographql\.com/);
    }
  });
});

describe("GraphQL answers are never compressed", () => {
  it("POST /graphql, even to a client that accepts br and gzip", async () => {
    const body = JSON.stringify({ query: "{ reports(first: 20) { nodes { title summary body } } }" });
    const answer = await raw("/graphql", { "content-type": "application/json", "accept-encoding": "gzip, deflate, br" }, body);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body.length).toBeGreaterThan(10_000);
    expect(JSON.parse(answer.body.toString()).data.reports.nodes.length).toBe(12);
  });

  it("GET /graphql (persisted or plain queries), asked by a client that accepts compression", async () => {
    const search = new URLSearchParams({ query: "{ reports(first: 5) { nodes { title } } }" });
    const answer = await raw(`/graphql?${search}`, { "apollo-require-preflight": "true", "accept-encoding": "gzip, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(answer.body.toString()).data.reports.nodes).toHaveLength(5);
  });
});
