import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { PAGE_SIZE, REPORT_HASH, SEARCH_SIZE, STAFF_PAGE_SIZE } from "./operations";

/**
 * The practical ceiling: a minimal node:http + pg server that answers each bench operation with ONE
 * hand-written SQL statement, building the response JSON inside PostgreSQL, in the same shape as
 * the GraphQL server's answer. Same pool size as the real server; no GraphQL, no ORM, no loaders.
 */

const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const KEY = `coalesce(r.published_at, 'infinity'::timestamptz)`;
const SEARCH_DOC = `r.search_doc`;
const LIVE = `r.status <> 'RETRACTED'`;

const firm = (fields: string): string => `(SELECT json_build_object(${fields}) FROM firms f WHERE f.id = r.firm_id)`;
const analysts = (fields: string): string =>
  `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY ra.position), '[]')
    FROM report_analysts ra JOIN analysts a ON a.id = ra.analyst_id WHERE ra.report_id = r.id)`;
const sectorTags = (fields: string): string =>
  `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY t.name COLLATE "C", t.id), '[]')
    FROM report_sector_tags rt JOIN sector_tags t ON t.id = rt.sector_tag_id WHERE rt.report_id = r.id)`;
const disclaimer = (fields: string): string =>
  `(SELECT json_build_object(${fields}) FROM disclaimer_snapshots s WHERE s.id = r.disclaimer_id AND ${LIVE})`;

/** The server's opaque cursor: base64url of the JSON array [order, key text, id]. */
const CURSOR = `rtrim(translate(encode(convert_to(
  '["PUBLISHED_AT_DESC",' || to_json(r.key)::text || ',' || to_json(r.id::text)::text || ']', 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/**
 * A connection page: `size + 1` rows in keyset order (the extra one only says that more exist),
 * the nodes, pageInfo and optionally totalCount, as one JSON document.
 */
function pageSql(where: string, size: number, node: string, totalCount: string | null = null): string {
  return `
    WITH page AS (
      SELECT r.*, ${KEY}::text AS key, row_number() OVER (ORDER BY ${KEY} DESC, r.id DESC) AS n
      FROM (SELECT r.* FROM reports r WHERE ${where} ORDER BY ${KEY} DESC, r.id DESC LIMIT ${size + 1}) r
    )
    SELECT json_build_object(
      ${totalCount ? `'totalCount', (${totalCount}),` : ""}
      'nodes', coalesce((SELECT json_agg(${node} ORDER BY r.n) FROM page r WHERE r.n <= ${size}), '[]'),
      'pageInfo', json_build_object(
        'hasNextPage', (SELECT count(*) > ${size} FROM page),
        'endCursor', (SELECT ${CURSOR} FROM page r WHERE r.n <= ${size} ORDER BY r.n DESC LIMIT 1)))`;
}

const data = (field: string, value: string): string => `SELECT json_build_object('data', json_build_object('${field}', (${value})))::text AS json`;

const REPORT_SQL = data(
  "report",
  `SELECT json_build_object(
     'id', r.id, 'slug', r.slug, 'title', r.title, 'subject', r.subject,
     'summary', CASE WHEN ${LIVE} THEN r.summary END, 'body', CASE WHEN ${LIVE} THEN r.body END,
     'language', r.language, 'status', r.status, 'publishedAt', ${iso("r.published_at")},
     'firm', ${firm(`'id', f.id, 'slug', f.slug, 'name', f.name, 'nameEn', f.name_en, 'website', f.website`)},
     'analysts', ${analysts(`'id', a.id, 'slug', a.slug, 'name', a.name, 'nameEn', a.name_en, 'title', a.title`)},
     'sectorTags', ${sectorTags(`'id', t.id, 'slug', t.slug, 'name', t.name, 'nameEn', t.name_en`)},
     'disclaimer', ${disclaimer(`'text', s.text, 'checksum', s.checksum, 'templateVersion', s.template_version`)})
   FROM reports r WHERE r.slug = $1 AND r.status IN ('PUBLISHED', 'RETRACTED')`,
);

const PAGE_NODE = `json_build_object(
  'id', r.id, 'slug', r.slug, 'title', r.title, 'subject', r.subject,
  'summary', CASE WHEN ${LIVE} THEN r.summary END, 'publishedAt', ${iso("r.published_at")},
  'firm', ${firm(`'id', f.id, 'name', f.name`)},
  'analysts', ${analysts(`'id', a.id, 'name', a.name, 'title', a.title`)},
  'sectorTags', ${sectorTags(`'id', t.id, 'name', t.name`)},
  'disclaimer', ${disclaimer(`'text', s.text, 'checksum', s.checksum`)})`;

const SEARCH_NODE = `json_build_object(
  'id', r.id, 'slug', r.slug, 'title', r.title, 'publishedAt', ${iso("r.published_at")},
  'firm', ${firm(`'id', f.id, 'name', f.name`)},
  'sectorTags', ${sectorTags(`'id', t.id, 'name', t.name`)})`;

const STAFF_NODE = `json_build_object(
  'id', r.id, 'slug', r.slug, 'title', r.title, 'status', r.status, 'version', r.version,
  'publishedAt', ${iso("r.published_at")}, 'updatedAt', ${iso("r.updated_at")},
  'firm', ${firm(`'id', f.id, 'name', f.name`)},
  'analysts', ${analysts(`'id', a.id, 'name', a.name`)})`;

/** A live session of a staff user: the same check as the server's session look-up. */
const viewer = (roles: string[] | null): string => `
  SELECT u.id, u.email FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
  ${roles ? `AND u.role IN (${roles.map((r) => `'${r}'`).join(", ")})` : ""}`;

const STAFF_LIST_SQL = `
  WITH viewer AS (${viewer(null)})
  SELECT CASE WHEN EXISTS (SELECT 1 FROM viewer) THEN json_build_object('data', json_build_object('reports', (
    ${pageSql(`r.status = $2 AND EXISTS (SELECT 1 FROM viewer)`, STAFF_PAGE_SIZE, STAFF_NODE, `SELECT count(*)::int FROM reports r WHERE r.status = $2`)}
  ))) END::text AS json`;

/**
 * APPROVED → PUBLISHED as the app does it (report-workflow.service.ts): the report (locked) must be
 * APPROVED without a correction in progress, with an approved disclaimer of the firm's current
 * template; then status, time and version change, one publication log row records the SHA-256 of
 * the live content (JSON.stringify of the app's ReportContent, built here byte for byte) and of the
 * disclaimer with the matching revision, and one audit event records the step.
 */
const PUBLISH_SQL = `
  WITH viewer AS (${viewer(["ADMIN", "EDITOR"])}),
  target AS (
    SELECT r.* FROM reports r
    WHERE r.id = $2 AND r.status = 'APPROVED' AND EXISTS (SELECT 1 FROM viewer)
      AND NOT EXISTS (SELECT 1 FROM report_working_copies w WHERE w.report_id = r.id)
      AND EXISTS (SELECT 1 FROM disclaimer_snapshots s
                  WHERE s.id = r.disclaimer_id AND s.review_status = 'APPROVED' AND s.template_id = rd_current_template(r.firm_id))
    FOR UPDATE OF r
  ),
  content AS (
    SELECT t.id, '{"title":' || to_json(t.title)::text || ',"subject":' || to_json(t.subject)::text
      || ',"summary":' || array_to_json(t.summary)::text || ',"body":' || to_json(t.body)::text
      || ',"language":' || to_json(t.language)::text || ',"firmId":' || to_json(t.firm_id::text)::text
      || ',"analystIds":' || array_to_json(ARRAY(SELECT ra.analyst_id::text FROM report_analysts ra WHERE ra.report_id = t.id ORDER BY ra.position))::text
      || ',"sectorTagIds":' || array_to_json(ARRAY(SELECT rt.sector_tag_id::text FROM report_sector_tags rt WHERE rt.report_id = t.id ORDER BY rt.sector_tag_id))::text
      || '}' AS json
    FROM target t
  ),
  updated AS (
    UPDATE reports r SET status = 'PUBLISHED', published_at = now(), scheduled_at = NULL, schedule_blocked_at = NULL,
      schedule_blocked_reason = NULL, version = greatest(r.version, 0) + 1, updated_at = now()
    FROM target t WHERE r.id = t.id
    RETURNING r.id, r.status, r.published_at, r.version, t.version AS old_version
  ),
  logged AS (
    INSERT INTO publication_events (report_id, event, content_checksum, disclaimer_checksum, revision_id)
    SELECT c.id, 'WENT_LIVE', encode(sha256(convert_to(c.json, 'UTF8')), 'hex'), s.checksum,
      (SELECT v.id FROM report_revisions v WHERE v.report_id = c.id AND v.content = c.json::jsonb ORDER BY v.number DESC LIMIT 1)
    FROM content c JOIN target t ON t.id = c.id JOIN disclaimer_snapshots s ON s.id = t.disclaimer_id
  ),
  audited AS (
    INSERT INTO audit_events (actor_id, actor_email, action, entity_type, entity_id, before, after)
    SELECT v.id, v.email, 'PUBLISH', 'Report', u.id::text,
      jsonb_build_object('status', 'APPROVED', 'version', u.old_version), jsonb_build_object('status', u.status, 'version', u.version)
    FROM updated u, viewer v
  )
  SELECT json_build_object('data', json_build_object('publishReport', json_build_object(
    'id', u.id, 'status', u.status, 'publishedAt', ${iso("u.published_at")}, 'version', u.version)))::text AS json
  FROM updated u`;

interface Operation {
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: { persistedQuery?: { sha256Hash?: string } };
}

interface Statement {
  text: string;
  values: unknown[];
}

function tokenHash(authorization: string | undefined): string | null {
  const token = authorization?.startsWith("Bearer ") ? authorization.slice(7).trim() : null;
  return token ? createHash("sha256").update(token, "utf8").digest("hex") : null;
}

/** Keyset position from the server's cursor format. */
function decodeCursor(after: unknown): [string, string] | null {
  if (typeof after !== "string") return null;
  const [, key, id] = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as [string, string, string];
  return [key, id];
}

function page(variables: Record<string, unknown>): Statement {
  const position = decodeCursor(variables.after);
  const where = `r.status = 'PUBLISHED'${position ? ` AND (${KEY}, r.id) < ($1::timestamptz, $2::uuid)` : ""}`;
  return { text: data("reports", pageSql(where, PAGE_SIZE, PAGE_NODE)), values: position ?? [] };
}

/**
 * The server's search semantics (modules/search/list-query.ts): each word as a substring, with the
 * bigram index for the words it narrows. Tuned by hand for this dataset, whose two-syllable words
 * are in most reports: only words of 3+ characters use the index (the server decides the same
 * for two-character words from PostgreSQL's statistics).
 */
function search(variables: Record<string, unknown>): Statement {
  const filter = variables.filter as { sectorTagId: string; publishedAfter: string; publishedBefore: string; search: string };
  const words = [...new Set(filter.search.normalize("NFC").trim().split(/\s+/u).filter(Boolean))];
  const values: unknown[] = [filter.sectorTagId, filter.publishedAfter, filter.publishedBefore, ...words];
  const word = (i: number): string => `$${4 + i}::text`;
  const where = [
    `r.status = 'PUBLISHED'`,
    `r.sector_tag_ids @> ARRAY[$1::uuid]`,
    `${KEY} >= $2::timestamptz`,
    `r.published_at IS NOT NULL`,
    `${KEY} < $3::timestamptz`,
    ...words.map((w, i) => ([...w].length > 2 ? `rd_bigrams(${SEARCH_DOC}) @> rd_bigrams(${word(i)})` : "TRUE")),
    ...words.map((_, i) => `strpos(${SEARCH_DOC}, lower(${word(i)})) > 0`),
  ];
  return { text: data("reports", pageSql(where.join(" AND "), SEARCH_SIZE, SEARCH_NODE)), values };
}

/** The one statement for an operation, or null for an operation the baseline does not serve. */
function statementFor(operation: Operation, authorization: string | undefined): Statement | null {
  const variables = operation.variables ?? {};
  switch (operation.operationName) {
    case "BenchReport":
      return { text: REPORT_SQL, values: [variables.slug] };
    case "BenchPage":
      return page(variables);
    case "BenchSearch":
      return search(variables);
    case "BenchStaffList":
      return { text: STAFF_LIST_SQL, values: [tokenHash(authorization), variables.status] };
    case "BenchPublish":
      return { text: PUBLISH_SQL, values: [tokenHash(authorization), variables.id] };
    default:
      return null;
  }
}

/** GET carries the operation in the query string (W7); only the registered hash of W1 is known. */
function operationFromUrl(url: URL): Operation | "not-found" {
  const extensions = JSON.parse(url.searchParams.get("extensions") ?? "{}") as Operation["extensions"];
  if (extensions?.persistedQuery?.sha256Hash !== REPORT_HASH) return "not-found";
  return { operationName: "BenchReport", variables: JSON.parse(url.searchParams.get("variables") ?? "{}") as Record<string, unknown> };
}

const errorBody = (code: string, message: string): string => JSON.stringify({ errors: [{ message, extensions: { code } }] });

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

async function answer(pool: pg.Pool, request: http.IncomingMessage): Promise<string> {
  const url = new URL(request.url ?? "/", "http://baseline");
  let operation: Operation | "not-found";
  if (request.method === "GET") operation = operationFromUrl(url);
  else operation = JSON.parse(await readBody(request)) as Operation;
  if (operation === "not-found") return errorBody("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
  const statement = statementFor(operation, request.headers.authorization);
  if (!statement) return errorBody("BAD_REQUEST", `the baseline does not serve ${operation.operationName}`);
  const { rows } = await pool.query<{ json: string | null }>(statement.text, statement.values);
  if (!rows.length || rows[0].json === null) {
    return errorBody(operation.operationName === "BenchPublish" ? "INVALID_TRANSITION" : "UNAUTHENTICATED", "refused");
  }
  return rows[0].json;
}

function main(): void {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // The server's session settings (server/src/db/data-source.ts): its default statement
    // timeout, so that neither waits longer, and no parallel workers.
    statement_timeout: 15_000,
    options: "-c max_parallel_workers_per_gather=0",
  });
  const server = http.createServer((request, response) => {
    answer(pool, request).then(
      (body) => {
        response.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-sql-statements": "1" });
        response.end(body);
      },
      (error: unknown) => {
        console.error(error);
        response.writeHead(500, { "content-type": "application/json" });
        response.end(errorBody("INTERNAL_SERVER_ERROR", "Internal server error"));
      },
    );
  });
  server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    console.log(`Baseline listening on http://localhost:${port}/graphql`);
  });
  process.on("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}

main();
