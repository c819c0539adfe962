import type { GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPublishedReports } from "./helpers/copies";
import { statementsFor } from "./helpers/graphql";
import { createTestDatabase, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, signIn, STAFF_ENV } from "./helpers/staff";

// A search first reads reports in date order (at most 100 per row of the page) and falls back to
// the search index when that does not fill the page. With 30 copies of each published demo
// report there are a few hundred, more than a page of one walks.
const COPIES = 30;
const RARE = "희귀검색어";
const COMMON = "데이터";

const SEARCH = `query($filter: ReportFilter, $first: Int, $after: String) {
  reports(filter: $filter, first: $first, after: $after) { pageInfo { endCursor hasNextPage } nodes { title } }
}`;

type Answer = { reports: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; nodes: { title: string }[] } };

let db: TestDatabase;
let server: RunningServer;
let published = 0;
let tagId = "";
let oldestTagId = "";
let sharingTagId = "";
let links = { all: 0, stale: 0 };
const expected = {
  rare: [] as string[],
  common: [] as string[],
  commonUnderTag: [] as string[],
  underOldestTag: [] as string[],
  publishedUnderOldestTag: [] as string[],
  underBothTags: [] as string[],
  staffUnderOldestTag: [] as string[],
};

// What a full scan in SQL finds, newest first: the answer every path must give.
const fullScan = async (word: string | null, tags: string[] = [], staff = false): Promise<string[]> =>
  (
    await db.sql(
      `SELECT title FROM reports WHERE ${staff ? "TRUE" : "status = 'PUBLISHED'"}
       ${word ? `AND strpos(search_doc, lower('${word}')) > 0` : ""}
       ${tags.length ? `AND sector_tag_ids @> ARRAY[${tags.map((t) => `'${t}'`).join(", ")}]::uuid[]` : ""}
       ORDER BY coalesce(published_at, 'infinity'::timestamptz) DESC, id DESC`,
    )
  ).map((r) => r.title as string);

beforeAll(async () => {
  db = await createTestDatabase();
  const first = await startServer(db);
  expect(await first.stop()).toBe(0);
  // The rare word goes into the three oldest reports only (copies are older than their sources).
  published = (await db.sql(copyPublishedReports(COPIES, { word: RARE, oldest: 3 })))[0].n as number;
  const [tag] = await db.sql(
    `SELECT t.sector_tag_id AS id FROM report_sector_tags t JOIN reports r ON r.id = t.report_id
     WHERE r.status = 'PUBLISHED' AND strpos(r.search_doc, '${COMMON}') > 0 GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`,
  );
  tagId = tag.id as string;
  // A tag of five old published reports with the common word (each the oldest on its subject, so that
  // they differ in their other tags), and of three unpublished ones: a walk along every report in
  // date order would not reach them within its budget.
  const [oldest] = await db.sql(`INSERT INTO sector_tags (slug, name) VALUES ('oldest-five', '가장 오래된 다섯') RETURNING id`);
  oldestTagId = oldest.id as string;
  await db.sql(`
    INSERT INTO report_sector_tags (report_id, sector_tag_id)
    SELECT id, '${oldestTagId}' FROM (
      (SELECT id FROM (
         SELECT DISTINCT ON (subject) id, published_at FROM reports
         WHERE status = 'PUBLISHED' AND strpos(search_doc, '${COMMON}') > 0 ORDER BY subject, published_at, id) f
       ORDER BY published_at, id LIMIT 5)
      UNION ALL (SELECT id FROM reports WHERE status <> 'PUBLISHED' ORDER BY id LIMIT 3)) x`);
  // Every link must carry its report's publication key: the copies' links were written before
  // their reports were published, the new tag's after.
  const [counts] = await db.sql(`
    SELECT count(*)::int AS all, count(*) FILTER (WHERE l.publication_key IS DISTINCT FROM coalesce(r.published_at, 'infinity'))::int AS stale
    FROM report_sector_tags l JOIN reports r ON r.id = l.report_id`);
  links = counts as typeof links;
  expected.rare = await fullScan(RARE);
  expected.common = await fullScan(COMMON);
  expected.commonUnderTag = await fullScan(COMMON, [tagId]);
  expected.underOldestTag = await fullScan(COMMON, [oldestTagId]);
  expected.publishedUnderOldestTag = await fullScan(null, [oldestTagId]);
  // The tag that the fewest of those published reports also have.
  const [sharing] = await db.sql(`
    SELECT l.sector_tag_id AS id FROM report_sector_tags l JOIN reports r ON r.id = l.report_id
    WHERE r.status = 'PUBLISHED' AND r.sector_tag_ids @> ARRAY['${oldestTagId}'::uuid] AND l.sector_tag_id <> '${oldestTagId}'
    GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`);
  sharingTagId = sharing.id as string;
  expected.underBothTags = await fullScan(null, [oldestTagId, sharingTagId]);
  expected.staffUnderOldestTag = await fullScan(null, [oldestTagId], true);
  server = await startServer(db, STAFF_ENV);
  // The first search of a process also reads the bigram statistics (one statement, then cached).
  await server.client.request(SEARCH, { filter: { search: COMMON }, first: 1 });
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

/** Every page of a search, `first` at a time, with the statements each took. */
async function allPages(filter: Record<string, unknown>, first: number): Promise<{ titles: string[]; statements: number[] }> {
  const titles: string[] = [];
  const statements: number[] = [];
  let after: string | null = null;
  for (;;) {
    const variables: Record<string, unknown> = { filter, first, after };
    statements.push(await statementsFor(server.client, SEARCH, variables));
    const { reports } = await server.client.request<Answer>(SEARCH, variables);
    titles.push(...reports.nodes.map((n) => n.title));
    if (!reports.pageInfo.hasNextPage) return { titles, statements };
    after = reports.pageInfo.endCursor;
  }
}

const TAG_REPORTS = `query($id: ID, $after: String) {
  sectorTag(id: $id) { reports(first: 3, after: $after) { pageInfo { endCursor hasNextPage } nodes { title } } }
}`;

/** The oldest tag's reports, 3 at a time, through `reports(filter)` and through `sectorTag { reports }`. */
async function tagPages(client: GraphQLClient): Promise<{ filtered: string[]; nested: string[] }> {
  const pages = async (page: (after: string | null) => Promise<Answer["reports"]>): Promise<string[]> => {
    const titles: string[] = [];
    let after: string | null = null;
    do {
      const reports = await page(after);
      titles.push(...reports.nodes.map((n) => n.title));
      after = reports.pageInfo.hasNextPage ? reports.pageInfo.endCursor : null;
    } while (after);
    return titles;
  };
  return {
    filtered: await pages(async (after) => (await client.request<Answer>(SEARCH, { filter: { sectorTagId: oldestTagId }, first: 3, after })).reports),
    nested: await pages(
      async (after) => (await client.request<{ sectorTag: Answer }>(TAG_REPORTS, { id: oldestTagId, after })).sectorTag.reports,
    ),
  };
}

describe("search paths: a walk in date order, then the index", () => {
  it("has more published reports than a walk for a page of one reads", () => {
    expect(published).toBeGreaterThan(200);
    expect(expected.rare).toHaveLength(3);
    expect(expected.common.length).toBeGreaterThan(50);
    expect(expected.commonUnderTag.length).toBeGreaterThan(0);
    expect(expected.commonUnderTag.length).toBeLessThan(expected.common.length);
    expect(expected.underOldestTag).toHaveLength(5);
    expect(expected.staffUnderOldestTag).toHaveLength(8);
  });

  it("keeps each tag link's copy of its report's publication key", () => {
    expect(links.all).toBeGreaterThan(published);
    expect(links.stale).toBe(0);
  });

  it("finds a word of the oldest reports through the index once the walk falls short, and goes there at once next time", async () => {
    const filter = { search: RARE };
    // The walk reads 200 reports and finds none; the index answers: two statements.
    expect(await statementsFor(server.client, SEARCH, { filter, first: 1 })).toBe(2);
    // The same search again goes straight to the index, page after page, with the same answers.
    const pages = await allPages(filter, 1);
    expect(pages.titles).toEqual(expected.rare);
    expect(pages.statements.every((n) => n === 1)).toBe(true);
  });

  it("finds a common word's pages in the walk, in the order of a full scan", async () => {
    const pages = await allPages({ search: COMMON }, 40);
    expect(pages.titles).toEqual(expected.common);
    // The first page is found by the walk alone.
    expect(pages.statements[0]).toBe(1);
  });

  it("gives the full scan's answer for a word under a tag, and with dates, whichever way it goes", async () => {
    for (const first of [1, 3, 100]) {
      expect((await allPages({ search: COMMON, sectorTagId: tagId }, first)).titles).toEqual(expected.commonUnderTag);
    }
    const all = await allPages({ search: COMMON, publishedAfter: "2000-01-01T00:00:00Z", publishedBefore: "2100-01-01T00:00:00Z" }, 7);
    expect(all.titles).toEqual(expected.common);
  });

  it("walks only the tag's reports under a tag: the five oldest are found in one statement a page", async () => {
    const pages = await allPages({ search: COMMON, sectorTagId: oldestTagId }, 1);
    expect(pages.titles).toEqual(expected.underOldestTag);
    expect(pages.statements.every((n) => n === 1)).toBe(true);
  });

  it("shows staff a tag's unpublished reports first, then the published ones, page by page, in both connections", async () => {
    const { client } = await signIn(server, ADMIN.email, ADMIN.password);
    const { nested, filtered } = await tagPages(client);
    expect(filtered).toEqual(expected.staffUnderOldestTag);
    expect(nested).toEqual(expected.staffUnderOldestTag);
    const anonymous = await tagPages(server.client);
    expect(anonymous.filtered).toEqual(expected.publishedUnderOldestTag);
    expect(anonymous.nested).toEqual(expected.publishedUnderOldestTag);
  });

  it("still tests a filter's tag in a tag's own reports connection", async () => {
    const { sectorTag } = await server.client.request<{ sectorTag: Answer }>(
      `query($id: ID, $tag: ID) { sectorTag(id: $id) { reports(first: 100, filter: { sectorTagId: $tag }) { pageInfo { endCursor hasNextPage } nodes { title } } } }`,
      { id: oldestTagId, tag: sharingTagId },
    );
    expect(sectorTag.reports.nodes.map((n) => n.title)).toEqual(expected.underBothTags);
    expect(expected.underBothTags.length).toBeGreaterThan(0);
    expect(expected.underBothTags.length).toBeLessThan(expected.publishedUnderOldestTag.length);
  });
});
