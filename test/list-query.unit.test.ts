// kernel/pagination also declares GraphQL types, whose decorators read the metadata API.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { AppError } from "../server/src/kernel/errors";
import { encodeCursor } from "../server/src/kernel/pagination";
import { SqlParams } from "../server/src/kernel/sql";
import { ReportStatus } from "../server/src/modules/report/report-status";
import { listPage, listQuery, type ListArgs, type ListQuery } from "../server/src/modules/search/list-query";
import { countStatement, pageStatement, parentCountsStatement, parentsStatement, type Statement } from "../server/src/modules/search/list-statements";
import { isTimestampText, orderClause, orderSpec, type ListOrder } from "../server/src/modules/search/order";
import { walkedPage, walkRoute, walkStatement } from "../server/src/modules/search/search-walk";
import { reportRows, timeline } from "../server/src/modules/search/timeline";
import { User } from "../server/src/modules/user/user.entity";
import { ANONYMOUS, type Viewer } from "../server/src/modules/user/viewer";

// The list statements as the builders write them, without a database: SQL fragments and the
// parameters they number.

const STAFF: Viewer = { ...ANONYMOUS, user: Object.assign(new User(), { id: "00000000-0000-4000-8000-000000000001" }) };
const FIRM = "11111111-1111-4111-8111-111111111111";
const ANALYST = "22222222-2222-4222-8222-222222222222";
const TAG = "33333333-3333-4333-8333-333333333333";
const REPORT = "44444444-4444-4444-8444-444444444444";
const KEY = `coalesce(r.published_at, 'infinity'::timestamptz)`;
const COLUMNS = `r.id AS "id"`;
const NO_STATS: ReadonlyMap<string, number> = new Map();

const flat = (sql: string): string => sql.replace(/\s+/g, " ").trim();

function query(viewer: Viewer, args: ListArgs, frequencies = NO_STATS, params?: SqlParams): ListQuery {
  return listQuery(viewer, args, listPage(args), frequencies, params);
}

function page(viewer: Viewer, args: ListArgs, frequencies = NO_STATS): { sql: string; values: unknown[] } {
  const { sql, values }: Statement = pageStatement(query(viewer, args, frequencies), COLUMNS);
  return { sql: flat(sql), values };
}

/** The code, field and message of the AppError that `build` throws. */
function refusal(build: () => unknown): { code: unknown; field: unknown; message: string } {
  try {
    build();
  } catch (error) {
    if (error instanceof AppError) return { code: error.extensions.code, field: error.extensions.field, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("a page of a list", () => {
  it("shows clients published reports only, newest first, one row more than the page", () => {
    expect(page(ANONYMOUS, {})).toEqual({
      sql:
        `SELECT r.id AS "id", ${KEY}::text AS "__key" FROM reports r ` +
        `WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' ORDER BY ${KEY} DESC, r.id DESC LIMIT 21`,
      values: [],
    });
  });

  it("shows staff every status, unpublished reports first", () => {
    expect(page(STAFF, { first: 5 }).sql).toBe(
      `SELECT r.id AS "id", ${KEY}::text AS "__key" FROM reports r WHERE TRUE ORDER BY ${KEY} DESC, r.id DESC LIMIT 6`,
    );
  });

  it("tests the firm and the analyst in each row", () => {
    expect(page(ANONYMOUS, { filter: { firmId: FIRM, analystId: ANALYST } })).toEqual({
      sql:
        `SELECT r.id AS "id", ${KEY}::text AS "__key" FROM reports r WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' ` +
        `AND r.firm_id = $1::uuid AND EXISTS (SELECT 1 FROM report_analysts ra WHERE ra.report_id = r.id AND ra.analyst_id = $2::uuid) ` +
        `ORDER BY ${KEY} DESC, r.id DESC LIMIT 21`,
      values: [FIRM, ANALYST],
    });
  });

  it("walks a tag's links in publication order, without testing the tag again", () => {
    expect(page(ANONYMOUS, { filter: { sectorTagId: TAG } })).toEqual({
      sql:
        `SELECT r.id AS "id", t.publication_key::text AS "__key" FROM report_sector_tags t JOIN reports r ON r.id = t.report_id ` +
        `WHERE t.sector_tag_id = $1::uuid AND r.status = 'PUBLISHED' AND t.publication_key < 'infinity' ` +
        `ORDER BY t.publication_key DESC, t.report_id DESC LIMIT 21`,
      values: [TAG],
    });
  });

  it("tests a tag in each row when the order is by title", () => {
    expect(page(ANONYMOUS, { filter: { sectorTagId: TAG }, orderBy: "TITLE_ASC" }).sql).toBe(
      `SELECT r.id AS "id", (r.title COLLATE "C")::text AS "__key" FROM reports r ` +
        `WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' AND r.sector_tag_ids @> ARRAY[$1::uuid] ` +
        `ORDER BY (r.title COLLATE "C") ASC, r.id ASC LIMIT 21`,
    );
  });

  it("writes a date range against the publication key of the rows it walks", () => {
    const after = new Date("2024-01-01T00:00:00Z");
    const before = new Date("2025-01-01T00:00:00Z");
    expect(page(STAFF, { filter: { publishedAfter: after, publishedBefore: before } })).toEqual({
      sql:
        `SELECT r.id AS "id", ${KEY}::text AS "__key" FROM reports r ` +
        `WHERE TRUE AND ${KEY} < 'infinity' AND ${KEY} >= $1::timestamptz AND ${KEY} < $2::timestamptz ` +
        `ORDER BY ${KEY} DESC, r.id DESC LIMIT 21`,
      values: [after, before],
    });
    expect(page(ANONYMOUS, { filter: { sectorTagId: TAG, publishedAfter: after } }).sql).toContain(
      `WHERE t.sector_tag_id = $1::uuid AND r.status = 'PUBLISHED' AND t.publication_key < 'infinity' AND t.publication_key >= $2::timestamptz ORDER BY`,
    );
  });

  it("lets staff alone filter by status", () => {
    expect(page(STAFF, { filter: { status: ReportStatus.DRAFT } })).toMatchObject({ values: [ReportStatus.DRAFT] });
    expect(page(STAFF, { filter: { status: ReportStatus.DRAFT } }).sql).toContain("WHERE TRUE AND r.status = $1 ORDER BY");
    expect(refusal(() => page(ANONYMOUS, { filter: { status: ReportStatus.DRAFT } }))).toMatchObject({ code: "FORBIDDEN", field: "status" });
  });

  it("refuses ids that cannot exist and pages out of bounds", () => {
    expect(refusal(() => page(ANONYMOUS, { filter: { firmId: "7" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "firmId" });
    expect(refusal(() => page(ANONYMOUS, { filter: { sectorTagId: "x" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "sectorTagId" });
    expect(refusal(() => listPage({ first: 0 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(refusal(() => listPage({ first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("search words", () => {
  it("go to the index for candidates and are each confirmed in the document", () => {
    const { sql, values } = page(ANONYMOUS, { filter: { search: "동영상 AI" } });
    expect(values).toEqual(["동영상", "AI"]);
    expect(sql).toBe(
      `SELECT r.id AS "id", r.__key::text AS "__key" ` +
        `FROM (SELECT r.*, ${KEY} AS __key FROM reports r WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' ` +
        `AND rd_bigrams(r.search_doc) @> (rd_bigrams($1::text) || rd_bigrams($2::text)) ORDER BY ${KEY} DESC, r.id DESC OFFSET 0) r ` +
        `WHERE strpos(r.search_doc, lower($1::text)) > 0 AND strpos(r.search_doc, lower($2::text)) > 0 ` +
        `ORDER BY r.__key DESC, r.id DESC LIMIT 21`,
    );
  });

  it("leave a two-character word with a common bigram out of the index", () => {
    const common = new Map([["ai", 0.05]]);
    expect(query(ANONYMOUS, { filter: { search: "동영상 AI" } }, common).index).toEqual([
      `rd_bigrams(r.search_doc) @> (rd_bigrams($1::text))`,
    ]);
    const { sql } = page(ANONYMOUS, { filter: { search: "AI" } }, common);
    expect(sql).not.toContain("rd_bigrams");
    expect(sql).toContain(`AND strpos(r.search_doc, lower($1::text)) > 0 ORDER BY ${KEY} DESC`);
  });

  it("are refused when a word is a single character", () => {
    expect(refusal(() => page(ANONYMOUS, { filter: { search: "영상 a" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "search" });
  });
});

describe("orders and cursors", () => {
  const orders: [ListOrder, string][] = [
    ["PUBLISHED_AT_DESC", `ORDER BY ${KEY} DESC, r.id DESC`],
    ["PUBLISHED_AT_ASC", `ORDER BY ${KEY} ASC, r.id ASC`],
    ["TITLE_ASC", `ORDER BY (r.title COLLATE "C") ASC, r.id ASC`],
    ["TITLE_DESC", `ORDER BY (r.title COLLATE "C") DESC, r.id DESC`],
  ];
  it.each(orders)("%s sorts by its key, then the id", (order, clause) => {
    expect(orderClause(orderSpec(order), reportRows(orderSpec(order)))).toBe(clause);
  });

  const after: [ListOrder, string, string][] = [
    ["PUBLISHED_AT_DESC", "2024-05-01 10:00:00+00", `(${KEY}, r.id) < ($1::timestamptz, $2::uuid)`],
    ["PUBLISHED_AT_ASC", "infinity", `(${KEY}, r.id) > ($1::timestamptz, $2::uuid)`],
    ["TITLE_ASC", "반도체 전망", `((r.title COLLATE "C"), r.id) > ($1::text COLLATE "C", $2::uuid)`],
    ["TITLE_DESC", "반도체 전망", `((r.title COLLATE "C"), r.id) < ($1::text COLLATE "C", $2::uuid)`],
  ];
  it.each(after)("%s continues after the cursor's key and id", (order, key, condition) => {
    const { sql, values } = page(ANONYMOUS, { orderBy: order, after: encodeCursor({ order, key, id: REPORT }) });
    expect(sql).toContain(`AND ${condition} ORDER BY`);
    expect(values).toEqual([key, REPORT]);
  });

  it("continues along a tag's links by their key", () => {
    const cursor = encodeCursor({ order: "PUBLISHED_AT_DESC", key: "2024-05-01 10:00:00.123456+09:30", id: REPORT });
    const { sql, values } = page(ANONYMOUS, { filter: { sectorTagId: TAG }, after: cursor });
    expect(sql).toContain(`AND (t.publication_key, t.report_id) < ($2::timestamptz, $3::uuid) ORDER BY t.publication_key DESC`);
    expect(values).toEqual([TAG, "2024-05-01 10:00:00.123456+09:30", REPORT]);
  });

  const refused: [string, ListOrder, string][] = [
    ["not base64 JSON", "PUBLISHED_AT_DESC", "garbage"],
    ["of another order", "TITLE_ASC", encodeCursor({ order: "PUBLISHED_AT_DESC", key: "infinity", id: REPORT })],
    ["with a date that does not exist", "PUBLISHED_AT_DESC", encodeCursor({ order: "PUBLISHED_AT_DESC", key: "2023-02-29 00:00:00+00", id: REPORT })],
    ["with a key that is no timestamp", "PUBLISHED_AT_ASC", encodeCursor({ order: "PUBLISHED_AT_ASC", key: "now()", id: REPORT })],
    ["with a title longer than any title", "TITLE_ASC", encodeCursor({ order: "TITLE_ASC", key: "가".repeat(1001), id: REPORT })],
    ["with a NUL in the key", "TITLE_DESC", encodeCursor({ order: "TITLE_DESC", key: "a\u0000", id: REPORT })],
    ["with an id that is no uuid", "TITLE_ASC", encodeCursor({ order: "TITLE_ASC", key: "a", id: "1 OR 1=1" })],
  ];
  it.each(refused)("a cursor %s is refused", (_, order, cursor) => {
    expect(refusal(() => page(ANONYMOUS, { orderBy: order, after: cursor }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it.each([
    ["2024-02-29 23:59:59.5+09", true],
    ["2000-02-29 00:00:00-05:30", true],
    ["1900-02-29 00:00:00+00", false],
    ["2024-04-31 00:00:00+00", false],
    ["2024-01-01 24:00:00+00", false],
    ["2024-01-01 00:00:00+16", false],
    ["2024-01-01", false],
  ])("a publication key %s is %s", (key, valid) => {
    expect(isTimestampText(key)).toBe(valid);
  });
});

describe("counts", () => {
  it("test every condition on the reports themselves", () => {
    const filter = { sectorTagId: TAG, firmId: FIRM, publishedAfter: new Date("2024-01-01T00:00:00Z"), search: "클라우드" };
    const { sql, values } = countStatement(ANONYMOUS, filter, NO_STATS);
    expect(flat(sql)).toBe(
      `SELECT count(*)::int AS n FROM reports r WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' AND ${KEY} >= $3::timestamptz ` +
        `AND r.sector_tag_ids @> ARRAY[$2::uuid] AND r.firm_id = $1::uuid ` +
        `AND rd_bigrams(r.search_doc) @> (rd_bigrams($4::text)) AND strpos(r.search_doc, lower($4::text)) > 0`,
    );
    expect(values).toEqual([FIRM, TAG, filter.publishedAfter, "클라우드"]);
  });

  it("for many parents take the parent ids as the first parameter", () => {
    const { sql, values } = parentCountsStatement(ANONYMOUS, "analyst", [ANALYST], { firmId: FIRM }, NO_STATS);
    expect(flat(sql)).toBe(
      `SELECT p.parent::text AS parent, (SELECT count(*)::int FROM reports r WHERE ` +
        `EXISTS (SELECT 1 FROM report_analysts ra WHERE ra.report_id = r.id AND ra.analyst_id = p.parent) ` +
        `AND r.status = 'PUBLISHED' AND ${KEY} < 'infinity' AND r.firm_id = $2::uuid) AS n FROM unnest($1::uuid[]) AS p(parent)`,
    );
    expect(values).toEqual([[ANALYST], FIRM]);
  });
});

describe("pages for many parents", () => {
  function parents(parent: "firm" | "sectorTag", args: ListArgs): string {
    const params = new SqlParams();
    const ids = params.add([FIRM, TAG], "uuid[]");
    return flat(parentsStatement(query(ANONYMOUS, args, NO_STATS, params), parent, ids, COLUMNS).sql);
  }

  it("test a firm in each row of a lateral page per parent", () => {
    expect(parents("firm", { first: 3 })).toBe(
      `SELECT p.parent::text AS "__parent", x.* FROM unnest($1::uuid[]) AS p(parent) CROSS JOIN LATERAL ( ` +
        `SELECT r.id AS "id", ${KEY}::text AS "__key" FROM reports r ` +
        `WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' AND r.firm_id = p.parent ORDER BY ${KEY} DESC, r.id DESC LIMIT 4 ) x`,
    );
  });

  it("walk each tag's links, unless the search index narrows the reports", () => {
    expect(parents("sectorTag", {})).toContain(
      `FROM report_sector_tags t JOIN reports r ON r.id = t.report_id WHERE t.sector_tag_id = p.parent AND r.status = 'PUBLISHED'`,
    );
    const searched = parents("sectorTag", { filter: { search: "클라우드" } });
    expect(searched).toContain(`FROM reports r WHERE r.status = 'PUBLISHED' AND ${KEY} < 'infinity' AND r.sector_tag_ids @> ARRAY[p.parent] AND rd_bigrams`);
  });
});

describe("the search walk", () => {
  const searched = (args: ListArgs): ListQuery => query(ANONYMOUS, args);

  it("applies to index searches in date order only", () => {
    expect(walkRoute(ANONYMOUS, searched({}), null)).toBeNull();
    expect(walkRoute(ANONYMOUS, searched({ filter: { search: "영상" }, orderBy: "TITLE_ASC" }), { search: "영상" })).toBeNull();
    const args = { filter: { search: "영상" }, first: 5, after: encodeCursor({ order: "PUBLISHED_AT_DESC", key: "infinity", id: REPORT }) };
    expect(walkRoute(ANONYMOUS, searched(args), args.filter)).toBe(walkRoute(ANONYMOUS, searched({ ...args, after: null }), args.filter));
    expect(walkRoute(ANONYMOUS, searched(args), args.filter)).not.toBe(walkRoute(STAFF, query(STAFF, args), args.filter));
  });

  it("reads a budget of rows along the timeline and tests each without the index", () => {
    const q = searched({ filter: { search: "영상", sectorTagId: TAG }, first: 4 });
    const { sql, values } = walkStatement(q, COLUMNS);
    expect(timeline(q.tag, q.spec).walkRowsPerRow).toBe(20);
    expect(flat(sql)).toBe(
      `SELECT r.id AS "id", r.__key::text AS "__key", r.__hit AS "__hit", r.__n AS "__n" FROM ( ` +
        `SELECT r.*, row_number() OVER (ORDER BY r.__key DESC, r.id DESC) AS __n, (strpos(r.search_doc, lower($2::text)) > 0) AS __hit ` +
        `FROM (SELECT r.*, t.publication_key AS __key FROM report_sector_tags t JOIN reports r ON r.id = t.report_id ` +
        `WHERE t.sector_tag_id = $1::uuid AND r.status = 'PUBLISHED' AND t.publication_key < 'infinity' ` +
        `ORDER BY t.publication_key DESC, t.report_id DESC LIMIT 100) r ) r ` +
        `WHERE r.__hit OR r.__n = 100 ORDER BY r.__key DESC, r.id DESC LIMIT 5`,
    );
    expect(values).toEqual([TAG, "영상"]);
  });

  it("finds the page, or says that it ended short of it", () => {
    const q = searched({ filter: { search: "영상" }, first: 1 });
    const hit = (id: string, n: number): Record<string, unknown> => ({ id, __key: "k", __hit: true, __n: String(n) });
    const miss = (n: number): Record<string, unknown> => ({ id: "m", __key: "k", __hit: false, __n: String(n) });
    expect(walkedPage([hit("a", 3), hit("b", 9)], q)).toEqual([
      { id: "a", __key: "k" },
      { id: "b", __key: "k" },
    ]);
    expect(walkedPage([hit("a", 3)], q)).toEqual([{ id: "a", __key: "k" }]);
    expect(walkedPage([hit("a", 3), miss(200)], q)).toBeNull();
  });
});
