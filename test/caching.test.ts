import { createHash } from "node:crypto";
import { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { ResponseCache } from "../server/src/http/response-cache";
import { runUntilExit, serverForThisFile, type RunningServer } from "./helpers/server";
import { ADMIN, bearer, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { createApproved, createFirm, PUBLISH, RETRACT, run } from "./helpers/workflow";

const uncached = serverForThisFile(STAFF_ENV);
const cached = serverForThisFile({ ...STAFF_ENV, RESPONSE_CACHE: "on", CACHE_MAX_AGE: "45" });

const LIST = `query($first: Int) { reports(first: $first) { nodes { id slug title } } }`;
const BY_SLUG = `query($slug: String) { report(slug: $slug) { id title status body disclaimer { text } retraction { reason } } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(server: RunningServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

async function get(server: RunningServer, params: Record<string, unknown>, headers: Record<string, string> = { "apollo-require-preflight": "true" }): Promise<Answer> {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  const response = await fetch(`${server.url}?${search}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

const statements = (answer: Answer): number => Number(answer.headers.get("x-sql-statements"));
const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

describe("Cache-Control and Vary", () => {
  let token: string;
  beforeAll(async () => {
    token = (await signIn(uncached.server(), ADMIN.email, ADMIN.password)).token;
  });

  it("lets browsers and CDNs keep an anonymous read for at most CACHE_MAX_AGE (30 s by default)", async () => {
    const answer = await post(uncached.server(), LIST, { first: 5 });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.headers.get("cache-control")).toBe("public, max-age=30");
    expect(answer.headers.get("vary")).toBe("Cookie, Authorization");
  });

  it("marks anything signed in private, no-store: a session, an API key, a cookie", async () => {
    const session = await post(uncached.server(), LIST, { first: 5 }, { authorization: `Bearer ${token}` });
    expect(session.body.errors).toBeUndefined();
    expect(session.headers.get("cache-control")).toBe("private, no-store");
    expect(session.headers.get("vary")).toBe("Cookie, Authorization");

    const admin = bearer(uncached.server(), token);
    const { createApiKey } = await admin.request<{ createApiKey: { key: string } }>(`mutation { createApiKey(name: "캐시 확인") { key } }`);
    const key = await post(uncached.server(), LIST, { first: 5 }, { authorization: `Bearer ${createApiKey.key}` });
    expect(key.body.errors).toBeUndefined();
    expect(key.headers.get("cache-control")).toBe("private, no-store");

    const cookie = await post(uncached.server(), LIST, { first: 5 }, { cookie: `rd_session=${token}` });
    expect(cookie.headers.get("cache-control")).toBe("private, no-store");
  });

  it("never lets a mutation or an error be kept", async () => {
    const login = await post(uncached.server(), `mutation { login(email: "nobody@test.example", password: "wrong-password") { token } }`);
    expect(login.body.errors).toBeDefined();
    expect(login.headers.get("cache-control")).toBe("private, no-store");

    const bad = await post(uncached.server(), `query { reports(filter: { search: "a" }) { nodes { id } } }`);
    expect(bad.body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses RESPONSE_CACHE with CACHE_MAX_AGE=0, and a max-age above 60 s", async () => {
    const zero = await runUntilExit({ RESPONSE_CACHE: "on", CACHE_MAX_AGE: "0", DATA_DIR: "/nonexistent-never-used" });
    expect(zero.code).toBe(1);
    expect(zero.output).toContain("RESPONSE_CACHE needs CACHE_MAX_AGE above 0");
    const long = await runUntilExit({ CACHE_MAX_AGE: "3600", DATA_DIR: "/nonexistent-never-used" });
    expect(long.code).toBe(1);
    expect(long.output).toContain("CACHE_MAX_AGE must be an integer between 0 and 60");
  });
});

describe("automatic persisted queries over GET", () => {
  const query = `query($first: Int) { reports(first: $first) { nodes { slug } } }`;
  const persisted = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };

  it("registers a query by hash with a POST, then serves it by hash over GET", async () => {
    const unknown = await get(uncached.server(), { extensions: persisted, variables: { first: 3 } });
    expect(unknown.body.errors?.[0].extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.headers.get("cache-control")).toBe("private, no-store");

    const register = await fetch(uncached.server().url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables: { first: 3 }, extensions: persisted }),
    });
    expect(register.status).toBe(200);

    const byHash = await get(uncached.server(), { extensions: persisted, variables: { first: 3 } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.errors).toBeUndefined();
    expect((byHash.body.data!.reports as { nodes: unknown[] }).nodes).toHaveLength(3);
    expect(byHash.headers.get("cache-control")).toBe("public, max-age=30");
  });

  it("refuses a GET without the preflight header (CSRF) and a hash that does not match its query", async () => {
    const noPreflight = await get(uncached.server(), { extensions: persisted, variables: { first: 3 } }, {});
    expect(noPreflight.status).toBe(400);
    const mismatch = await fetch(uncached.server().url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ me { id } }`, extensions: persisted }),
    });
    const body = (await mismatch.json()) as Answer["body"];
    expect(mismatch.status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ message: "provided sha does not match query", extensions: { code: "BAD_REQUEST" } });
  });
});

describe("the in-process response cache (RESPONSE_CACHE=on)", () => {
  let editor: StaffMember;
  let reviewer: StaffMember;
  beforeAll(async () => {
    const admin = (await signIn(cached.server(), ADMIN.email, ADMIN.password)).client;
    editor = await createStaff(cached.server(), admin, "EDITOR");
    reviewer = await createStaff(cached.server(), admin, "REVIEWER");
  });

  it("answers a repeated anonymous read without touching the database, with its age", async () => {
    const first = await post(cached.server(), LIST, { first: 7 });
    expect(statements(first)).toBeGreaterThan(0);
    const again = await post(cached.server(), LIST, { first: 7 });
    expect(statements(again)).toBe(0);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("cache-control")).toBe("public, max-age=45");
    expect(again.headers.get("vary")).toBe("Cookie, Authorization");
    expect(Number(again.headers.get("age"))).toBeGreaterThanOrEqual(0);
    // Other variables are another entry.
    expect(statements(await post(cached.server(), LIST, { first: 8 }))).toBeGreaterThan(0);
  });

  it("never serves or stores signed-in reads", async () => {
    await post(cached.server(), LIST, { first: 9 });
    const signedIn = await post(cached.server(), LIST, { first: 9 }, { authorization: `Bearer ${(await signIn(cached.server(), editor.email, editor.password)).token}` });
    expect(statements(signedIn)).toBeGreaterThan(0);
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
  });

  it("is cleared when a report is published and when it is retracted, so neither waits for max-age", async () => {
    const firm = await createFirm(editor.client);
    const report = await createApproved(editor.client, reviewer.client, firm, "[캐시랩] 새 보고서");
    const before = await post(cached.server(), BY_SLUG, { slug: report.slug });
    expect(before.body.data!.report).toBeNull();
    expect(statements(await post(cached.server(), BY_SLUG, { slug: report.slug }))).toBe(0);

    await run(editor.client, PUBLISH, { id: report.id });
    const live = await post(cached.server(), BY_SLUG, { slug: report.slug });
    expect(live.body.data!.report).toMatchObject({ title: "[캐시랩] 새 보고서", status: "PUBLISHED" });
    expect(statements(await post(cached.server(), BY_SLUG, { slug: report.slug }))).toBe(0);

    await run(editor.client, RETRACT, { id: report.id, reason: "수치 오류" });
    const tombstone = await post(cached.server(), BY_SLUG, { slug: report.slug });
    expect(tombstone.body.data!.report).toMatchObject({ status: "RETRACTED", body: null, disclaimer: null, retraction: { reason: "수치 오류" } });
  });

  it("serves persisted queries over GET from the cache too", async () => {
    const query = `query($slug: String) { report(slug: $slug) { title } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const { reports } = await new GraphQLClient(cached.server().url).request<{ reports: { nodes: { slug: string }[] } }>(LIST, { first: 1 });
    const variables = { slug: reports.nodes[0].slug };
    await fetch(cached.server().url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables, extensions }) });
    const first = await get(cached.server(), { extensions, variables });
    const again = await get(cached.server(), { extensions, variables });
    expect(again.body).toEqual(first.body);
    expect(statements(again)).toBe(0);
  });
});

describe("ResponseCache", () => {
  it("drops entries after max-age and the least recently used beyond its memory bound", () => {
    let now = 1_000_000;
    const cache = new ResponseCache(30, 16 * 1000, () => now);
    cache.set("a", "x".repeat(400));
    now += 29_999;
    expect(cache.get("a")?.ageSeconds).toBe(29);
    now += 1;
    expect(cache.get("a")).toBeNull();

    // Each entry is about 2 × 401 bytes: 19 of them fit in 16,000, the 20th evicts the oldest.
    for (let i = 0; i < 20; i++) cache.set(String.fromCharCode(65 + i), "y".repeat(400));
    expect(cache.size).toBe(19);
    expect(cache.get("A")).toBeNull();
    expect(cache.get("T")).not.toBeNull();

    // One answer larger than a sixteenth of the bound is not kept at all.
    cache.set("big", "z".repeat(600));
    expect(cache.get("big")).toBeNull();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
