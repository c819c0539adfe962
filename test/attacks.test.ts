import { createHash } from "node:crypto";
import { ClientError, GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { publishedDemo } from "./helpers/demo";
import { codesOf, errorsOf, refusal, type GraphQLErrorShape } from "./helpers/graphql";
import { serverForThisFile, startServer } from "./helpers/server";
import { ADMIN, bearer, createStaff, fromAddress, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, PUBLISH, stateOf, UPDATE } from "./helpers/workflow";

/*
 * Every bad input and attack of the hardening issue, fired at the real server, each with the safe
 * outcome it must get: the status and extensions.code, nothing written, stored text inert.
 * TRUST_PROXY: the sign-in attacks speak from client addresses of their own.
 */
const ENV = { ...STAFF_ENV, TRUST_PROXY: "true" };
const running = serverForThisFile(ENV);
const anonymous = (): GraphQLClient => running.server().client;

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
const SEARCH = `query($s: String) { reports(filter: { search: $s }, first: 100) { totalCount nodes { id } } }`;

let admin: { client: GraphQLClient; token: string };
let editor: StaffMember;
let reviewer: StaffMember;
/** This file's own firm, analyst and tag: every report written here is a draft of theirs. */
let own: { firmId: string; analystId: string; tagId: string };

beforeAll(async () => {
  admin = await signIn(running.server(), ADMIN.email, ADMIN.password);
  editor = await createStaff(running.server(), admin.client, "EDITOR");
  reviewer = await createStaff(running.server(), admin.client, "REVIEWER");
  const firmId = await created(`mutation { createFirm(input: { name: "공격시험증권" }) { id } }`);
  own = {
    firmId,
    analystId: await created(`mutation($firmId: ID!) { createAnalyst(input: { firmId: $firmId, name: "시험분석가" }) { id } }`, { firmId }),
    tagId: await created(`mutation { createSectorTag(input: { name: "공격시험" }) { id } }`),
  };
});

/** A raw request to /graphql, for what a GraphQL client would not send. */
async function http(init: RequestInit, search = ""): Promise<{ status: number; body: string }> {
  const response = await fetch(`${running.server().url}${search}`, init);
  return { status: response.status, body: await response.text() };
}

const postJson = (body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> =>
  http({ method: "POST", headers: { "content-type": "application/json", ...headers }, body });

const codesIn = (body: string): unknown[] => ((JSON.parse(body) as { errors?: GraphQLErrorShape[] }).errors ?? []).map((e) => e.extensions?.code);

/** The HTTP status, or "closed" when the server cut the upload short (it refuses before reading it all). */
async function statusOrClosed(body: string, headers: Record<string, string> = {}): Promise<number | "closed"> {
  try {
    return (await postJson(body, headers)).status;
  } catch {
    return "closed";
  }
}

const healthz = async (): Promise<number> => (await fetch(running.server().url.replace("/graphql", "/healthz"))).status;

/** What the database holds, counted by an admin: the same before and after means nothing was written. */
const holdings = (): Promise<unknown> =>
  admin.client.request(`{ firms { totalCount } analysts { totalCount } sectorTags { totalCount } reports { totalCount } auditEvents { totalCount } }`);

/** Fires `attack`, expects one error with `code`, and checks that nothing was written. */
async function refusedUnwritten(attack: () => Promise<GraphQLErrorShape[]>, code = "BAD_USER_INPUT"): Promise<GraphQLErrorShape[]> {
  const before = await holdings();
  const errors = await attack();
  expect(codesOf(errors)).toEqual([code]);
  expect(await holdings()).toEqual(before);
  return errors;
}

/** Runs a mutation as the editor and returns the id of what it created. */
async function created(mutation: string, variables: Record<string, unknown> = {}): Promise<string> {
  return Object.values(await editor.client.request<Record<string, { id: string }>>(mutation, variables))[0].id;
}

type Fields = Record<string, unknown>;

let serial = 0;
const unique = (name: string): string => `${name} ${++serial}`;

/** Create with some fields set, and read back what was stored: one per input type with text fields. */
const ENTITIES: Record<string, { create(fields: Fields): Promise<string>; read(id: string): Promise<Fields> }> = {
  report: {
    create: (fields) =>
      created(`mutation($input: CreateReportInput!) { createReport(input: $input) { id } }`, {
        input: {
          title: unique("[공격시험] 초안"), subject: "공격시험", summary: ["요점 하나"], body: "<p>본문</p>",
          firmId: own.firmId, analystIds: [own.analystId], sectorTagIds: [own.tagId], ...fields,
        },
      }),
    read: (id) => readOne(`query($id: ID) { report(id: $id) { title subject summary body language } }`, id),
  },
  firm: {
    create: (fields) => created(`mutation($input: CreateFirmInput!) { createFirm(input: $input) { id } }`, { input: { name: unique("시험증권"), ...fields } }),
    read: (id) => readOne(`query($id: ID) { firm(id: $id) { name nameEn website slug } }`, id),
  },
  analyst: {
    create: (fields) =>
      created(`mutation($input: CreateAnalystInput!) { createAnalyst(input: $input) { id } }`, { input: { firmId: own.firmId, name: unique("분석가"), ...fields } }),
    read: (id) => readOne(`query($id: ID) { analyst(id: $id) { name nameEn title email slug } }`, id),
  },
  sectorTag: {
    create: (fields) => created(`mutation($input: CreateSectorTagInput!) { createSectorTag(input: $input) { id } }`, { input: { name: unique("태그"), ...fields } }),
    read: (id) => readOne(`query($id: ID) { sectorTag(id: $id) { name nameEn slug } }`, id),
  },
  disclaimer: {
    create: (fields) =>
      created(`mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { id } }`, { firmId: own.firmId, body: "고지문", ...fields }),
    read: async (id) => {
      const { firm } = await editor.client.request<{ firm: { disclaimerTemplates: Fields[] } }>(
        `query($id: ID) { firm(id: $id) { disclaimerTemplates { id body } } }`,
        { id: own.firmId },
      );
      return firm.disclaimerTemplates.find((t) => t.id === id)!;
    },
  },
};

async function readOne(query: string, id: string): Promise<Fields> {
  return Object.values(await editor.client.request<Record<string, Fields>>(query, { id }))[0];
}

/** Every text field of the report, firm, analyst, sector tag and disclaimer inputs, with its documented maximum. */
interface TextField {
  entity: keyof typeof ENTITIES;
  field: string;
  max: number;
  kind?: "html" | "url" | "email" | "slug" | "language";
}
const TEXT_FIELDS: TextField[] = [
  { entity: "report", field: "title", max: 200 },
  { entity: "report", field: "subject", max: 100 },
  { entity: "report", field: "summary", max: 300 },
  { entity: "report", field: "body", max: 100_000, kind: "html" },
  { entity: "report", field: "language", max: 20, kind: "language" },
  { entity: "firm", field: "name", max: 100 },
  { entity: "firm", field: "nameEn", max: 100 },
  { entity: "firm", field: "website", max: 300, kind: "url" },
  { entity: "firm", field: "slug", max: 80, kind: "slug" },
  { entity: "analyst", field: "name", max: 100 },
  { entity: "analyst", field: "nameEn", max: 100 },
  { entity: "analyst", field: "title", max: 100 },
  { entity: "analyst", field: "email", max: 254, kind: "email" },
  { entity: "analyst", field: "slug", max: 80, kind: "slug" },
  { entity: "sectorTag", field: "name", max: 50 },
  { entity: "sectorTag", field: "nameEn", max: 50 },
  { entity: "sectorTag", field: "slug", max: 80, kind: "slug" },
  { entity: "disclaimer", field: "body", max: 5_000 },
];
const labelled = (fields: TextField[]): [string, TextField][] => fields.map((f) => [`${f.entity}.${f.field}`, f]);

/** Writes `value` into one text field (a one-bullet summary for `summary`) and reads back what was stored, or the errors. */
async function store(f: TextField, value: string): Promise<{ stored: unknown } | { errors: GraphQLErrorShape[] }> {
  const entity = ENTITIES[f.entity];
  try {
    const id = await entity.create({ [f.field]: f.field === "summary" ? [value] : value });
    const stored = (await entity.read(id))[f.field];
    return { stored: Array.isArray(stored) ? stored[0] : stored };
  } catch (error) {
    if (error instanceof ClientError) return { errors: (error.response.errors ?? []) as GraphQLErrorShape[] };
    throw error;
  }
}

const refusedFor = (field: string) => ({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) })] });

const HTML_ATTACKS = [
  `<script>alert(1)</script>`,
  `<img src=x onerror=alert(1)>`,
  `<svg onload=alert(1)>`,
  `<a href="javascript:alert(1)">링크</a>`,
  `"><script>alert(1)</script>`,
  `javascript:alert(1)`,
];

/** What a browser would run if `stored` were inserted as HTML: script-bearing tags, event handlers, javascript:/data: URLs. */
function executable(stored: string): string[] {
  return (stored.match(/<[^>]*>?/g) ?? []).filter(
    (tag) =>
      /^<\s*\/?\s*(script|img|svg|iframe|object|embed|style|link|meta|base|form)\b/i.test(tag) ||
      /\son\w+\s*=/i.test(tag) ||
      /\b(href|src|action)\s*=\s*["']?\s*(javascript|data):/i.test(tag),
  );
}

/** Text that must come back exactly as sent: Hangul, emoji with a skin tone and a joiner, Latin. */
function unicodeSample(f: TextField): string | null {
  if (f.kind === "url" || f.kind === "language") return null; // normalised by design (punycode, BCP 47)
  if (f.kind === "slug") return "루미나모션-영상";
  if (f.kind === "email") return "분석가@예시.한국";
  // A body is HTML as the editor writes it: text stands in a paragraph.
  if (f.kind === "html") return "<p>루미나모션 🚀 영상·비디오 👩🏽‍💻 인공지능(AI)</p>";
  return "루미나모션 🚀 영상·비디오 👩🏽‍💻 인공지능(AI)";
}

function overLong(f: TextField): string {
  if (f.kind === "url") return `https://example.com/${"a".repeat(f.max)}`;
  if (f.kind === "email") return `${"a".repeat(f.max)}@example.com`;
  return "가".repeat(f.max + 1);
}

/** `{ reports { nodes { firm { reports { nodes { firm … } } } } } }`, `levels` hops below the first report. */
function nest(levels: number): string {
  const hop = (remaining: number, onReport: boolean): string => {
    if (remaining === 0) return onReport ? "title" : "name";
    return onReport ? `firm { ${hop(remaining - 1, false)} }` : `reports(first: 1) { nodes { ${hop(remaining - 1, true)} } }`;
  };
  return `{ reports(first: 1) { nodes { ${hop(levels, true)} } } }`;
}

const tagMutation = (name: string): string => `mutation { createSectorTag(input: { name: "${name}" }) { id } }`;

async function firstWithStatus(status: string): Promise<string> {
  const { reports } = await editor.client.request<{ reports: { nodes: { id: string }[] } }>(
    `query($status: ReportStatus) { reports(filter: { status: $status }, first: 1) { nodes { id } } }`,
    { status },
  );
  return reports.nodes[0].id;
}

describe("query shape", () => {
  it("a 20-deep query → GRAPHQL_VALIDATION_FAILED (a 2-deep one runs)", async () => {
    expect(codesOf(await errorsOf(anonymous(), nest(20)))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    await anonymous().request(nest(2));
  });

  it("16 aliases, one over the limit → GRAPHQL_VALIDATION_FAILED", async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(codesOf(await errorsOf(anonymous(), aliases))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("1,000 aliases → GRAPHQL_PARSE_FAILED (the token limit stops it before validation)", async () => {
    const aliases = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(codesOf(await errorsOf(anonymous(), aliases))).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("1,000 duplicated fields → GRAPHQL_PARSE_FAILED", async () => {
    const duplicated = `{ ${Array.from({ length: 1_000 }, () => "__typename").join(" ")} }`;
    expect(codesOf(await errorsOf(anonymous(), duplicated))).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("51 directives → GRAPHQL_VALIDATION_FAILED", async () => {
    const directives = `{ __typename ${Array.from({ length: 51 }, () => "@include(if: true)").join(" ")} }`;
    expect(codesOf(await errorsOf(anonymous(), directives))).toContain("GRAPHQL_VALIDATION_FAILED");
  });

  it("circular fragments → GRAPHQL_VALIDATION_FAILED, no stack overflow, the server stays up", async () => {
    const circular = `query { reports { nodes { ...A } } } fragment A on Report { firm { reports { nodes { ...B } } } } fragment B on Report { title ...A }`;
    expect(codesOf(await errorsOf(anonymous(), circular))).toContain("GRAPHQL_VALIDATION_FAILED");
    expect(await healthz()).toBe(200);
  });

  it("a 12-deep query hidden in a fragment named __schema → GRAPHQL_VALIDATION_FAILED (depth is counted by field)", async () => {
    const disguised = `query { ...__schema } fragment __schema on Query { ${nest(12).slice(2, -2)} }`;
    expect(codesOf(await errorsOf(anonymous(), disguised))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("100 pages of 100 nested → HTTP 400 BAD_USER_INPUT with its cost and the limit", async () => {
    const { status, body } = await postJson(JSON.stringify({ query: `{ reports(first: 100) { nodes { firm { reports(first: 100) { nodes { title } } } } } }` }));
    expect(status).toBe(400);
    const [error] = (JSON.parse(body) as { errors: GraphQLErrorShape[] }).errors;
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.cost).toBeGreaterThan(error.extensions?.limit as number);
  });

  it("one document's cost follows its variables: page sizes and @include, in any order of requests", async () => {
    const query = `query($outer: Int, $inner: Int, $deep: Boolean! = false, $slug: String) {
      reports(first: $outer, filter: { search: $slug }) { nodes { firm { reports(first: $inner) { nodes { title analysts @include(if: $deep) { name } } } } } } }`;
    const costOf = async (variables: Record<string, unknown>): Promise<unknown> => {
      const errors = await errorsOf(anonymous(), query, variables).catch(() => []);
      return errors.find((e) => e.extensions?.code === "BAD_USER_INPUT")?.extensions?.cost ?? "within the limit";
    };
    const costly = { outer: 100, inner: 100 };
    const first = await costOf(costly);
    expect(first).toEqual(expect.any(Number));
    expect(await costOf({ outer: 2, inner: 2 })).toBe("within the limit");
    // Another slug is the same cost; the other page sizes and the included list are not.
    expect(await costOf({ ...costly, slug: "다른-보고서" })).toBe(first);
    expect(await costOf({ outer: 100, inner: 99 })).toBeLessThan(first as number);
    expect(await costOf({ ...costly, deep: true })).toBeGreaterThan(first as number);
    expect(await costOf({ ...costly, deep: false })).toBe(first);
    expect(await costOf(costly)).toBe(first);
  });

  it("first: 99999999, written in the query or passed as a variable → BAD_USER_INPUT", async () => {
    expect(codesOf(await errorsOf(anonymous(), `{ reports(first: 99999999) { totalCount } }`))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await errorsOf(anonymous(), `query($n: Int) { reports(first: $n) { totalCount } }`, { n: 99_999_999 }))).toEqual(["BAD_USER_INPUT"]);
  });
});

describe("HTTP requests", () => {
  it("a batch of 50 operations → 400, none of them runs", async () => {
    const before = await holdings();
    const batch = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ query: tagMutation(`일괄 ${i}`) })));
    expect((await postJson(batch, { authorization: `Bearer ${admin.token}` })).status).toBe(400);
    expect(await holdings()).toEqual(before);
  });

  it("a mutation over GET, with a session cookie and the preflight header → 405, nothing written", async () => {
    const before = await holdings();
    const get = await http(
      { headers: { cookie: `rd_session=${admin.token}`, "apollo-require-preflight": "true" } },
      `?query=${encodeURIComponent(tagMutation("GET 태그"))}`,
    );
    expect(get.status).toBe(405);
    expect(await holdings()).toEqual(before);
  });

  it("a cross-site GET query with a session cookie and no preflight header → 400 BAD_REQUEST, no data", async () => {
    const get = await http({ headers: { cookie: `rd_session=${admin.token}` } }, `?query=${encodeURIComponent("{ me { email } }")}`);
    expect(get.status).toBe(400);
    expect(codesIn(get.body)).toEqual(["BAD_REQUEST"]);
    expect(get.body).not.toContain(ADMIN.email);
  });

  const crossSite = (type: string, body: string): Promise<{ status: number; body: string }> =>
    http({ method: "POST", headers: { "content-type": type, cookie: `rd_session=${admin.token}` }, body });

  it("a cross-site text/plain POST with a session cookie (CSRF) → 400 refused as CSRF, nothing written", async () => {
    const before = await holdings();
    const response = await crossSite("text/plain", JSON.stringify({ query: tagMutation("CSRF 태그") }));
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/Cross-Site Request Forgery/);
    expect(await holdings()).toEqual(before);
  });

  it.each([
    ["application/x-www-form-urlencoded", (query: string) => `query=${encodeURIComponent(query)}`],
    ["multipart/form-data; boundary=x", (query: string) => `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${query}\r\n--x--\r\n`],
  ])("a cross-site %s POST with a session cookie (CSRF) → 415, nothing written", async (type, encode) => {
    const before = await holdings();
    expect((await crossSite(type, encode(tagMutation("CSRF 태그")))).status).toBe(415);
    expect(await holdings()).toEqual(before);
  });

  it("a 150 KB body → 413 without a staff session (also with a forged token), 200 with one", async () => {
    const padded = JSON.stringify({ query: "{ __typename }", variables: { pad: "가".repeat(50 * 1024) } });
    expect((await postJson(padded)).status).toBe(413);
    expect((await postJson(padded, { authorization: "Bearer rds_forged-token" })).status).toBe(413);
    expect((await postJson(padded, { authorization: `Bearer ${admin.token}` })).status).toBe(200);
  });

  it("a 10 MB body → 413 or cut short, anonymous or staff; the server stays up", async () => {
    const huge = JSON.stringify({ query: "{ __typename }", variables: { pad: "a".repeat(10 * 1024 * 1024) } });
    expect([413, "closed"]).toContain(await statusOrClosed(huge));
    expect([413, "closed"]).toContain(await statusOrClosed(huge, { authorization: `Bearer ${admin.token}` }));
    expect(await healthz()).toBe(200);
  });

  it("malformed JSON → 400", async () => {
    expect((await postJson(`{ "query": "{ __typename }", `)).status).toBe(400);
  });

  it("__proto__ or constructor.prototype in the JSON (prototype pollution) → 400, nothing written", async () => {
    const before = await holdings();
    const query = `mutation($input: CreateSectorTagInput!) { createSectorTag(input: $input) { id } }`;
    for (const input of [`{ "name": "오염", "__proto__": { "role": "ADMIN" } }`, `{ "name": "오염", "constructor": { "prototype": { "role": "ADMIN" } } }`]) {
      const body = `{ "query": ${JSON.stringify(query)}, "variables": { "input": ${input} } }`;
      expect((await postJson(body, { authorization: `Bearer ${admin.token}` })).status).toBe(400);
    }
    expect(await holdings()).toEqual(before);
  });

  it("a 40 KB header → 431", async () => {
    expect((await postJson(JSON.stringify({ query: "{ __typename }" }), { "x-padding": "a".repeat(40_000) })).status).toBe(431);
  });

  it("an operationName that is not in the document → 400 OPERATION_RESOLUTION_FAILURE", async () => {
    const response = await postJson(JSON.stringify({ query: "query A { __typename }", operationName: "B" }));
    expect(response.status).toBe(400);
    expect(codesIn(response.body)).toEqual(["OPERATION_RESOLUTION_FAILURE"]);
  });

  it("a persisted query whose hash is another query's → 400 BAD_REQUEST, nothing registered under that hash", async () => {
    const hash = createHash("sha256").update("{ me { email } }").digest("hex");
    const persisted = { persistedQuery: { version: 1, sha256Hash: hash } };
    const poisoned = await postJson(JSON.stringify({ query: "{ __typename }", extensions: persisted }));
    expect(poisoned.status).toBe(400);
    expect(codesIn(poisoned.body)).toEqual(["BAD_REQUEST"]);
    const lookup = await postJson(JSON.stringify({ extensions: persisted }));
    expect(codesIn(lookup.body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("a huge variables object → 413 anonymous; within a staff session its unused variables are ignored", async () => {
    const variables = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`v${i}`, i]));
    const body = JSON.stringify({ query: "{ __typename }", variables });
    expect((await postJson(body)).status).toBe(413);
    const staff = await postJson(body, { authorization: `Bearer ${admin.token}` });
    expect(staff.status).toBe(200);
    expect(JSON.parse(staff.body)).toEqual({ data: { __typename: "Query" } });
  });

  it("deeply nested JSON in a variable (40,000 arrays, 15,000 objects) → 400 BAD_USER_INPUT, the server stays up", async () => {
    const query = `query($f: ReportFilter) { reports(filter: $f) { totalCount } }`;
    for (const nested of ["[".repeat(40_000) + "]".repeat(40_000), `{"a":`.repeat(15_000) + "1" + "}".repeat(15_000)]) {
      const response = await postJson(`{ "query": ${JSON.stringify(query)}, "variables": { "f": ${nested} } }`);
      expect(response.status).toBe(400);
      expect(codesIn(response.body)).toEqual(["BAD_USER_INPUT"]);
    }
    expect(await healthz()).toBe(200);
  });
});

describe("arguments and variables", () => {
  const list = `query($first: Int, $after: String, $filter: ReportFilter) { reports(first: $first, after: $after, filter: $filter) { nodes { id } } }`;
  const cursor = (parts: string[]): string => Buffer.from(JSON.stringify(parts)).toString("base64url");
  const noId = "00000000-0000-4000-8000-000000000000";

  it.each([
    ["first below 1", { first: 0 }],
    ["first above 100", { first: 101 }],
    ["a malformed cursor", { after: "not-a-cursor" }],
    ["a cursor of another order", { after: cursor(["TITLE_ASC", "x", noId]) }],
    ["a forged cursor with a year that does not exist", { after: cursor(["PUBLISHED_AT_DESC", "0000-01-01 00:00:00+00", noId]) }],
    ["a forged cursor with an impossible offset", { after: cursor(["PUBLISHED_AT_DESC", "2026-01-01 00:00:00+99", noId]) }],
    ["a forged cursor on a day that does not exist", { after: cursor(["PUBLISHED_AT_DESC", "2026-02-29 00:00:00+00", noId]) }],
    ["a malformed date", { filter: { publishedAfter: "yesterday" } }],
    ["an id that cannot exist", { filter: { firmId: "firm-1" } }],
    ["a one-character search word", { filter: { search: "영 상" } }],
    ["a search of 9 words", { filter: { search: "가나 다라 마바 사아 자차 카타 파하 가가 나나" } }],
    ["a search of 201 characters", { filter: { search: "가".repeat(201) } }],
  ])("%s → BAD_USER_INPUT without internals", async (_label, variables) => {
    const errors = await errorsOf(anonymous(), list, variables);
    expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
    expect(JSON.stringify(errors)).not.toMatch(/\bat .+\.js:\d+|stacktrace/);
  });

  it.each([
    ["a string for an Int", `query($n: Int) { reports(first: $n) { totalCount } }`, { n: "ten" }],
    ["a fraction for an Int", `query($n: Int) { reports(first: $n) { totalCount } }`, { n: 1.5 }],
    ["an Int over 32 bits", `query($n: Int) { reports(first: $n) { totalCount } }`, { n: 9_999_999_999 }],
    ["a string for an input object", `query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: "everything" }],
    ["an unknown enum value", `query($o: ReportOrder) { reports(orderBy: $o) { totalCount } }`, { o: "DROP_TABLE" }],
    ["a list for a String", `query($s: String) { report(slug: $s) { id } }`, { s: ["a", "b"] }],
    ["null for a required variable", LOGIN, { email: null, password: "password-password" }],
  ])("wrong variable type: %s → BAD_USER_INPUT", async (_label, query, variables) => {
    expect(codesOf(await errorsOf(anonymous(), query, variables))).toEqual(["BAD_USER_INPUT"]);
  });

  it.each([
    ["a string for an Int", `{ reports(first: "ten") { totalCount } }`],
    ["an Int over 32 bits", `{ reports(first: 9999999999) { totalCount } }`],
  ])("wrong literal type in the query text: %s → GRAPHQL_VALIDATION_FAILED", async (_label, query) => {
    expect(codesOf(await errorsOf(anonymous(), query))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it.each([
    ["role on a new firm", "firm", { role: "ADMIN" }],
    ["role on a new analyst", "analyst", { role: "ADMIN" }],
    ["status on a new report", "report", { status: "PUBLISHED" }],
    ["approvedBy on a new report", "report", { approvedBy: "00000000-0000-4000-8000-000000000000" }],
  ])("unknown input field %s → BAD_USER_INPUT naming it, nothing written", async (_label, entity, fields) => {
    const [error] = await refusedUnwritten(() => refusal(ENTITIES[entity].create(fields)));
    expect(error.message).toContain(`"${Object.keys(fields)[0]}"`);
  });

  it("approvedBy, status or version on a report update → BAD_USER_INPUT, the report unchanged", async () => {
    const id = await ENTITIES.report.create({});
    for (const field of ["approvedBy", "status", "version"]) {
      await refusedUnwritten(() => errorsOf(editor.client, UPDATE, { id, input: { title: "[공격시험] 몰래 바꾼 제목", [field]: "PUBLISHED" }, v: 1 }));
    }
    expect(await stateOf(editor.client, id)).toMatchObject({ version: 1, status: "DRAFT" });
  });

  it("role: ADMIN on updateMe → BAD_USER_INPUT, still an editor", async () => {
    const updateMe = `mutation($input: UpdateMeInput!) { updateMe(input: $input) { role } }`;
    const [error] = await refusedUnwritten(() => errorsOf(editor.client, updateMe, { input: { name: "새 이름", role: "ADMIN" } }));
    expect(error.message).toMatch(/role/);
    expect((await editor.client.request<{ me: { role: string } }>(`{ me { role } }`)).me.role).toBe("EDITOR");
  });

  it.each([
    ["a NUL in a sign-in e-mail", () => errorsOf(anonymous(), LOGIN, { email: "admin\u0000@test.example", password: "whatever-password" })],
    ["a NUL in a slug", () => errorsOf(anonymous(), `query($s: String) { report(slug: $s) { id } }`, { s: "보고서\u0000" })],
    ["a NUL in a search", () => errorsOf(anonymous(), SEARCH, { s: "영상\u0000" })],
    ["a NUL in a sector tag's name", () => refusal(ENTITIES.sectorTag.create({ name: "태그\u0000이름" }))],
    ["a NUL in a report body", () => refusal(ENTITIES.report.create({ body: "<p>본문\u0000</p>" }))],
    ["a lone surrogate in a sector tag's name", () => refusal(ENTITIES.sectorTag.create({ name: "태그\ud800이름" }))],
    ["a lone surrogate in a sign-in e-mail", () => errorsOf(anonymous(), LOGIN, { email: "admin\udc00@test.example", password: "whatever-password" })],
  ])("%s → BAD_USER_INPUT, nothing written", async (_label, attack) => {
    await refusedUnwritten(attack);
  });
});

describe("stored text", () => {
  it.each(labelled(TEXT_FIELDS))("HTML/JS in %s → BAD_USER_INPUT and nothing written, or stored with nothing executable", async (_label, f) => {
    for (const attack of HTML_ATTACKS) {
      const before = await holdings();
      const outcome = await store(f, attack);
      if ("errors" in outcome) {
        expect(outcome, attack).toEqual(refusedFor(f.field));
        expect(await holdings()).toEqual(before);
      } else {
        expect(executable(outcome.stored as string), attack).toEqual([]);
        if (f.kind === "url") expect(outcome.stored).toMatch(/^https?:\/\//);
      }
    }
  });

  it("HTML in a report body → kept to the allow-list: no scripts, handlers, iframes, styles, javascript: or data: URLs", async () => {
    const id = await ENTITIES.report.create({
      body: `<h2>제목</h2><p onclick="steal()">본문 <strong>강조</strong></p><script>alert(1)</script>
        <a href="javascript:alert(1)">x</a><a href="data:text/html,boom">y</a><a href="https://example.com">ok</a>
        <img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe><style>p{}</style>`,
    });
    const { body } = (await ENTITIES.report.read(id)) as { body: string };
    expect(body).toContain("<h2>제목</h2>");
    expect(body).toContain("<strong>강조</strong>");
    expect(body).toContain('href="https://example.com"');
    for (const banned of ["<script", "onclick", "onerror", "javascript:", "data:", "<iframe", "<img", "<style", "alert"]) {
      expect(body).not.toContain(banned);
    }
  });

  it("a `<` that starts no tag (P/E < 10, <삼성전자>) in plain text → stored as typed", async () => {
    const title = "[공격시험] P/E < 10, <삼성전자> 3<5";
    expect(await store({ entity: "report", field: "title", max: 200 }, title)).toEqual({ stored: title });
  });

  it.each(labelled(TEXT_FIELDS.filter((f) => unicodeSample(f) !== null)))("Hangul and emoji in %s → stored exactly", async (_label, f) => {
    const sample = unicodeSample(f)!;
    expect(await store(f, sample)).toEqual({ stored: sample });
  });

  it.each(labelled(TEXT_FIELDS))("an over-long %s → BAD_USER_INPUT naming the field, nothing written", async (_label, f) => {
    const before = await holdings();
    expect(await store(f, overLong(f))).toEqual(refusedFor(f.field));
    expect(await holdings()).toEqual(before);
  });
});

describe("SQL metacharacters", () => {
  it("in search: matched as literal text, never an error or a match-all; the tables survive", async () => {
    const id = await ENTITIES.report.create({ subject: "성장률 100%_달성\\전망" });
    for (const text of ["0%_", "%_", "_달", "\\전"]) {
      const { reports } = await editor.client.request<{ reports: { nodes: { id: string }[] } }>(SEARCH, { s: text });
      expect(reports.nodes.map((r) => r.id), text).toEqual([id]);
    }
    for (const text of ["%%", "__", "\\\\", "'; DROP TABLE reports; --", "'OR'1'='1"]) {
      const { reports } = await editor.client.request<{ reports: { totalCount: number } }>(SEARCH, { s: text });
      expect(reports.totalCount, text).toBe(0);
    }
    const { reports } = await anonymous().request<{ reports: { totalCount: number } }>(`{ reports { totalCount } }`);
    expect(reports.totalCount).toBe(publishedDemo.length);
  });

  it("in slugs and ids: lookups find nothing, a new slug is BAD_USER_INPUT, names keep them as text", async () => {
    for (const s of ["%", "_", "\\", "'; DROP TABLE reports; --", "' OR '1'='1"]) {
      const found = await anonymous().request(
        `query($s: String) { report(slug: $s) { id } firm(slug: $s) { id } analyst(slug: $s) { id } sectorTag(slug: $s) { id } }`,
        { s },
      );
      expect(found, s).toEqual({ report: null, firm: null, analyst: null, sectorTag: null });
    }
    expect(await anonymous().request(`query($id: ID) { report(id: $id) { id } }`, { id: "' OR '1'='1" })).toEqual({ report: null });
    const [error] = await refusedUnwritten(() => refusal(ENTITIES.sectorTag.create({ slug: "'; DROP TABLE reports; --" })));
    expect(error.extensions?.field).toBe("slug");
    const name = "'; DROP TABLE sector_tags; -- 100%_\\";
    expect(await ENTITIES.sectorTag.read(await ENTITIES.sectorTag.create({ name }))).toMatchObject({ name });
  });
});

describe("unpublished reports, as anonymous", () => {
  it("drafts, and reports in review, approved, scheduled or retracted → invisible by id, slug, relation, search and totalCount (also to API keys)", async () => {
    const word = "비공개초안시험어";
    const draftId = await ENTITIES.report.create({ subject: word });
    const byStatus = async (status: string): Promise<{ id: string; slug: string }[]> => {
      const { reports } = await editor.client.request<{ reports: { nodes: { id: string; slug: string }[] } }>(
        `query($status: ReportStatus) { reports(filter: { status: $status }, first: 100) { nodes { id slug } } }`,
        { status },
      );
      expect(reports.nodes.length, status).toBeGreaterThan(0);
      return reports.nodes;
    };
    const unreadable = (await Promise.all(["DRAFT", "IN_REVIEW", "APPROVED", "SCHEDULED"].map(byStatus))).flat();
    // A retracted report is read by id or slug as a tombstone only, and never listed.
    const unlisted = [...unreadable, ...(await byStatus("RETRACTED"))].map((r) => r.id);
    expect(unlisted).toContain(draftId);
    const staffVideo = await editor.client.request<{ reports: { nodes: { id: string }[] } }>(`{ reports(filter: { search: "동영상" }, first: 100) { nodes { id } } }`);
    expect(staffVideo.reports.nodes.some((r) => unlisted.includes(r.id)), "an unpublished demo report mentions 동영상").toBe(true);
    const { createApiKey } = await admin.client.request<{ createApiKey: { key: string } }>(`mutation { createApiKey(name: "공격시험 키") { key } }`);

    for (const client of [anonymous(), bearer(running.server(), createApiKey.key)]) {
      for (const { id, slug } of unreadable) {
        const direct = await client.request(`query($id: ID, $slug: String) { byId: report(id: $id) { id } bySlug: report(slug: $slug) { id } }`, { id, slug });
        expect(direct, slug).toEqual({ byId: null, bySlug: null });
      }
      type Page = { totalCount: number; nodes: { id: string }[] };
      const paths = await client.request<{ firm: { reports: Page }; analyst: { reports: Page }; sectorTag: { reports: Page }; search: Page; video: Page; all: Page }>(
        `query($firm: ID, $analyst: ID, $tag: ID, $word: String) {
          firm(id: $firm) { reports { totalCount nodes { id } } }
          analyst(id: $analyst) { reports { totalCount nodes { id } } }
          sectorTag(id: $tag) { reports { totalCount nodes { id } } }
          search: reports(filter: { search: $word }) { totalCount nodes { id } }
          video: reports(filter: { search: "동영상" }, first: 100) { totalCount nodes { id } }
          all: reports(first: 100) { totalCount nodes { id } }
        }`,
        { firm: own.firmId, analyst: own.analystId, tag: own.tagId, word },
      );
      for (const page of [paths.firm.reports, paths.analyst.reports, paths.sectorTag.reports, paths.search]) expect(page).toEqual({ totalCount: 0, nodes: [] });
      expect(paths.all.totalCount).toBe(publishedDemo.length);
      expect(paths.video.totalCount).toBe(paths.video.nodes.length);
      expect([...paths.all.nodes, ...paths.video.nodes].filter((r) => unlisted.includes(r.id))).toEqual([]);
      expect(codesOf(await errorsOf(client, `{ reports(filter: { status: DRAFT }) { totalCount } }`))).toEqual(["FORBIDDEN"]);
    }
  });
});

describe("roles", () => {
  it("an editor approving a report in review → FORBIDDEN, still IN_REVIEW", async () => {
    const id = await firstWithStatus("IN_REVIEW");
    await refusedUnwritten(() => errorsOf(editor.client, APPROVE, { id, note: null }), "FORBIDDEN");
    await refusedUnwritten(() => errorsOf(anonymous(), APPROVE, { id, note: null }), "UNAUTHENTICATED");
    expect((await stateOf(editor.client, id)).status).toBe("IN_REVIEW");
  });

  it("a reviewer publishing an approved report → FORBIDDEN, still APPROVED", async () => {
    const id = await firstWithStatus("APPROVED");
    await refusedUnwritten(() => errorsOf(reviewer.client, PUBLISH, { id }), "FORBIDDEN");
    expect((await stateOf(editor.client, id)).status).toBe("APPROVED");
  });
});

describe("credentials", () => {
  it("a token that was never issued → 401 UNAUTHENTICATED", async () => {
    const response = await postJson(JSON.stringify({ query: "{ me { id } }" }), { authorization: `Bearer rds_${"A".repeat(43)}` });
    expect(response.status).toBe(401);
    expect(codesIn(response.body)).toEqual(["UNAUTHENTICATED"]);
  });

  it("a revoked API key → 401 UNAUTHENTICATED on every request, even reads of published reports", async () => {
    const { createApiKey } = await admin.client.request<{ createApiKey: { key: string; apiKey: { id: string } } }>(
      `mutation { createApiKey(name: "곧 폐기할 키") { key apiKey { id } } }`,
    );
    const read = JSON.stringify({ query: "{ reports { totalCount } }" });
    expect((await postJson(read, { authorization: `Bearer ${createApiKey.key}` })).status).toBe(200);
    await admin.client.request(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: createApiKey.apiKey.id });
    const refused = await postJson(read, { authorization: `Bearer ${createApiKey.key}` });
    expect(refused.status).toBe(401);
    expect(codesIn(refused.body)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("sign-in guessing", () => {
  it("a burst of 100 parallel wrong passwords → at most 5 tried, the rest TOO_MANY_REQUESTS with retryAfter; the right password is refused while limited", async () => {
    const victim = await createStaff(running.server(), admin.client, "REVIEWER");
    const guesser = fromAddress(running.server(), "10.0.3.1");
    const burst = await Promise.all(Array.from({ length: 100 }, () => errorsOf(guesser, LOGIN, { email: victim.email, password: "wrong-password-burst" })));
    const codes = burst.map((errors) => errors[0].extensions?.code);
    expect(codes.filter((c) => c === "UNAUTHENTICATED").length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c !== "UNAUTHENTICATED").every((c) => c === "TOO_MANY_REQUESTS")).toBe(true);
    const retryAfter = burst.filter((errors) => errors[0].extensions?.code === "TOO_MANY_REQUESTS").map((errors) => errors[0].extensions?.retryAfter as number);
    expect(Math.min(...retryAfter)).toBeGreaterThan(0);
    expect(Math.max(...retryAfter)).toBeLessThanOrEqual(900);
    const right = await errorsOf(fromAddress(running.server(), "10.0.3.2"), LOGIN, { email: victim.email, password: victim.password });
    expect(codesOf(right)).toEqual(["TOO_MANY_REQUESTS"]);
    expect(right[0].extensions?.retryAfter).toBeGreaterThan(0);
  });

  it("10 guesses aliased into one request → counted one by one: the sixth counted attempt is TOO_MANY_REQUESTS", async () => {
    // Mutations run one after another and a failed login ends the request, so each batch of ten
    // costs at least one counted attempt and gains no more than one answer.
    const aliased = `mutation { ${Array.from({ length: 10 }, (_, i) => `a${i}: login(email: "alias@test.example", password: "guess-${i}-guess") { token }`).join(" ")} }`;
    const answers: (string | undefined)[] = [];
    for (let i = 0; i < 7; i++) answers.push(...codesOf(await errorsOf(fromAddress(running.server(), "10.0.2.1"), aliased)));
    expect(answers).toEqual([...Array(5).fill("UNAUTHENTICATED"), "TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
  });
});

describe("in production (NODE_ENV=production, no TRUST_PROXY)", () => {
  const production = serverForThisFile({ ...STAFF_ENV, NODE_ENV: "production", SEED_DEMO: "false" });
  let staff: GraphQLClient;
  beforeAll(async () => {
    staff = (await signIn(production.server(), ADMIN.email, ADMIN.password)).client;
  });

  it("introspection by an anonymous client (__schema, __type) → FORBIDDEN; signed-in staff may introspect", async () => {
    for (const query of [`{ __schema { types { name } } }`, `{ __type(name: "Report") { fields { name } } }`]) {
      expect(codesOf(await errorsOf(production.server().client, query))).toEqual(["FORBIDDEN"]);
    }
    const { __schema } = await staff.request<{ __schema: { types: unknown[] } }>(`{ __schema { types { name } } }`);
    expect(__schema.types.length).toBeGreaterThan(20);
  });

  it("misspelt fields and arguments → GRAPHQL_VALIDATION_FAILED without 'Did you mean' or a stack trace", async () => {
    const errors = await errorsOf(production.server().client, `{ reprts { totalCount } report(idd: "x") { titl } }`);
    expect(new Set(codesOf(errors))).toEqual(new Set(["GRAPHQL_VALIDATION_FAILED"]));
    expect(JSON.stringify(errors)).not.toMatch(/Did you mean|stacktrace/i);
  });

  it("a misspelt enum value or input field in variables → BAD_USER_INPUT without 'Did you mean'", async () => {
    for (const [query, variables] of [
      [`query($o: ReportOrder) { reports(orderBy: $o) { totalCount } }`, { o: "TITLE_AS" }],
      [`query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { serch: "영상" } }],
    ] as const) {
      const errors = await errorsOf(production.server().client, query, variables);
      expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
      expect(JSON.stringify(errors)).not.toMatch(/Did you mean|TITLE_ASC|"search"/);
    }
  });

  it("sign-in guesses that rotate X-Forwarded-For (not trusted) → all from one address: the 21st is TOO_MANY_REQUESTS", async () => {
    for (let i = 0; i < 20; i++) {
      const errors = await errorsOf(fromAddress(production.server(), `10.9.${i}.1`), LOGIN, { email: `nobody${i}@test.example`, password: "guess-guess-guess" });
      expect(codesOf(errors)).toEqual(["UNAUTHENTICATED"]);
    }
    const errors = await errorsOf(fromAddress(production.server(), "10.9.99.1"), LOGIN, ADMIN);
    expect(codesOf(errors)).toEqual(["TOO_MANY_REQUESTS"]);
  });
});

describe("an expired session", () => {
  // Last: stops this file's server to expire a session in its database (the embedded one is
  // single-process), then starts a new server on it.
  it("expired in the database → the whole request 401 UNAUTHENTICATED; signing in again works", async () => {
    const { token, id } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    expect(await running.server().stop()).toBe(0);
    await running.db().sql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = '${id}'`);
    const restarted = await startServer(running.db(), ENV);
    try {
      const response = await fetch(restarted.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: "{ me { id } reports { totalCount } }" }),
      });
      expect(response.status).toBe(401);
      const { errors, data } = (await response.json()) as { errors: GraphQLErrorShape[]; data?: unknown };
      expect([codesOf(errors), data]).toEqual([["UNAUTHENTICATED"], undefined]);
      expect(errors[0].message).toMatch(/expired/);
      await signIn(restarted, ADMIN.email, ADMIN.password);
    } finally {
      await restarted.stop();
    }
  });
});
