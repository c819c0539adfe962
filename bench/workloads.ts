import "reflect-metadata";
import pg from "pg";
import { encodeCursor } from "../server/src/kernel/pagination";
import type { WorkloadId } from "./options";
import { PAGE, PAGE_SIZE, PUBLISH, REPORT, REPORT_HASH, SEARCH, STAFF_LIST } from "./operations";
import { PUBLISHED_SPAN_MS, PUBLISHED_UNTIL } from "./seed/content";

export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** What one run sends: a list the load generator cycles through, or exactly `amount` requests. */
export interface RunRequests {
  requests: BenchRequest[];
  amount?: number;
}

export interface Workload {
  /** Row key in the table, e.g. W3 (3+ syllables). */
  key: string;
  group: WorkloadId;
  label: string;
  /** Called once per run, warm-up included: W6 takes fresh reports every time. */
  nextRun(): RunRequests;
}

/** Values from the dataset that the requests vary over. */
export interface Parameters {
  published: number;
  slugs: string[];
  tagIds: string[];
  /** `after` for pages 1–20 (null: the first page). */
  pageCursors: (string | null)[];
  deepPage: number;
  /** `after` for the 20 pages up to and including deepPage. */
  deepCursors: string[];
}

const ORDER = "PUBLISHED_AT_DESC";
const TARGET_DEEP_PAGE = 2_000;
const VARIANTS = 20;
export const LONG_WORDS = ["반도체", "인공지능", "클라우드", "자율주행", "데이터센터", "양자컴퓨터", "스마트팜", "연료전지"];
export const SHORT_WORDS = ["영상", "주식", "수출", "보안", "로봇", "신약", "결제", "위성"];

/**
 * Cursors exactly as the server writes them (kernel/pagination.ts): the key is PostgreSQL's text
 * of the sort expression, read here the way the server reads it.
 */
async function cursorsAfterRows(client: pg.Client, rowNumbers: number[]): Promise<string[]> {
  if (!rowNumbers.length) return [];
  const { rows } = await client.query(
    `SELECT n, key, id FROM (
       SELECT row_number() OVER (ORDER BY coalesce(published_at, 'infinity'::timestamptz) DESC, id DESC) AS n,
              coalesce(published_at, 'infinity'::timestamptz)::text AS key, id::text AS id
       FROM reports WHERE status = 'PUBLISHED'
       ORDER BY coalesce(published_at, 'infinity'::timestamptz) DESC, id DESC LIMIT $1) numbered
     WHERE n = ANY($2::bigint[]) ORDER BY n`,
    [Math.max(...rowNumbers), rowNumbers],
  );
  return rows.map((r: { key: string; id: string }) => encodeCursor({ order: ORDER, key: r.key, id: r.id }));
}

export async function loadParameters(url: string): Promise<Parameters> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const published: number = (await client.query(`SELECT count(*)::int AS n FROM reports WHERE status = 'PUBLISHED'`)).rows[0].n;
    // Ordered by the random-looking ids: a spread over firms, dates and sizes.
    const slugs = (await client.query(`SELECT slug FROM reports WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1000`)).rows.map(
      (r: { slug: string }) => r.slug,
    );
    const tagIds = (await client.query(`SELECT id FROM sector_tags ORDER BY slug`)).rows.map((r: { id: string }) => r.id);
    const deepPage = Math.min(TARGET_DEEP_PAGE, Math.floor(published / PAGE_SIZE));
    const firstDeep = Math.max(2, deepPage - VARIANTS + 1);
    const pages = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => (from + i - 1) * PAGE_SIZE);
    return {
      published,
      slugs,
      tagIds,
      pageCursors: [null, ...(await cursorsAfterRows(client, pages(2, Math.min(VARIANTS, deepPage))))],
      deepPage,
      deepCursors: await cursorsAfterRows(client, pages(firstDeep, deepPage)),
    };
  } finally {
    await client.end();
  }
}

export function graphql(operationName: string, query: string, variables: Record<string, unknown>, token?: string): BenchRequest {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ operationName, query, variables }),
  };
}

/** W7: W1 as an automatic persisted query over GET; the hash must be registered first (registerPersistedQuery). */
export function persistedReportRequest(slug: string): BenchRequest {
  const params = new URLSearchParams({
    operationName: "BenchReport",
    variables: JSON.stringify({ slug }),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: REPORT_HASH } }),
  });
  return { method: "GET", path: `/graphql?${params}`, headers: { "apollo-require-preflight": "true" } };
}

/** The POST that teaches a server the W7 hash (Apollo's APQ registration: query and hash together). */
export function registerPersistedQuery(slug: string): BenchRequest {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      operationName: "BenchReport",
      query: REPORT,
      variables: { slug },
      extensions: { persistedQuery: { version: 1, sha256Hash: REPORT_HASH } },
    }),
  };
}

/** Six-month windows spread over the three years of publication dates. */
function dateWindows(): { publishedAfter: string; publishedBefore: string }[] {
  const span = 182 * 86_400_000;
  return Array.from({ length: 7 }, (_, i) => {
    const start = PUBLISHED_UNTIL - PUBLISHED_SPAN_MS + Math.floor(((PUBLISHED_SPAN_MS - span) * i) / 6);
    return { publishedAfter: new Date(start).toISOString(), publishedBefore: new Date(start + span).toISOString() };
  });
}

function searches(p: Parameters, words: string[]): BenchRequest[] {
  const windows = dateWindows();
  // Tags, words and windows cycle with different periods: many combinations, hits and misses.
  return Array.from({ length: 240 }, (_, i) =>
    graphql("BenchSearch", SEARCH, { filter: { sectorTagId: p.tagIds[i % p.tagIds.length], ...windows[i % windows.length], search: words[i % words.length] } }),
  );
}

const fixed = (requests: BenchRequest[]) => (): RunRequests => ({ requests });

/**
 * The workloads, as rows of the result table. `pool` hands out approved reports for W6, a fresh
 * slice per run.
 */
export function buildWorkloads(p: Parameters, token: string, takeFromPool: (count: number) => string[], publishesPerRun: number): Workload[] {
  const reportBySlug = p.slugs.map((slug) => graphql("BenchReport", REPORT, { slug }));
  const statuses = ["PUBLISHED", "DRAFT", "IN_REVIEW", "APPROVED"];
  return [
    { key: "W1", group: "W1", label: "report by slug", nextRun: fixed(reportBySlug) },
    { key: "W2", group: "W2", label: "page of 50, all relations", nextRun: fixed(p.pageCursors.map((after) => graphql("BenchPage", PAGE, { after }))) },
    { key: "W3 long", group: "W3", label: "search: tag + dates + 3+ syllables", nextRun: fixed(searches(p, LONG_WORDS)) },
    { key: "W3 short", group: "W3", label: "search: tag + dates + 2 syllables", nextRun: fixed(searches(p, SHORT_WORDS)) },
    { key: "W4 page 1", group: "W4", label: "page 1 of 50", nextRun: fixed([graphql("BenchPage", PAGE, { after: null })]) },
    {
      key: "W4 deep",
      group: "W4",
      label: `page ${p.deepPage} of 50 (keyset)`,
      nextRun: fixed(p.deepCursors.map((after) => graphql("BenchPage", PAGE, { after }))),
    },
    {
      key: "W5",
      group: "W5",
      label: "staff list + totalCount, by status",
      nextRun: fixed(statuses.map((status) => graphql("BenchStaffList", STAFF_LIST, { status }, token))),
    },
    { key: "W7", group: "W7", label: "W1 as persisted query (GET)", nextRun: fixed(p.slugs.map(persistedReportRequest)) },
    {
      key: "W6",
      group: "W6",
      label: "publishReport (fresh approved report)",
      nextRun: () => {
        const requests = takeFromPool(publishesPerRun).map((id) => graphql("BenchPublish", PUBLISH, { id }, token));
        return { requests, amount: requests.length };
      },
    },
  ];
}

/** One W6 request, for the correctness check. */
export const publishRequest = (id: string, token: string): BenchRequest => graphql("BenchPublish", PUBLISH, { id }, token);
export const loginRequest = (email: string, password: string): BenchRequest =>
  graphql("BenchLogin", `mutation BenchLogin($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, {
    email,
    password,
  });
