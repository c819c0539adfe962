import { AppError } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import { pageSize } from "../../kernel/pagination";
import { SqlParams } from "../../kernel/sql";
import type { ReportListFilter } from "../report/report-list";
import { listedVisible } from "../report/visibility";
import { isStaff, type Viewer } from "../user/viewer";
import { keysetAfter, orderSpec, PUBLICATION_KEY, type KeysetCondition, type ListOrder, type OrderSpec } from "./order";
import { isUnselective, searchWords } from "./search-words";
import type { RangeCondition, Timeline } from "./timeline";

export interface ListArgs {
  filter?: ReportListFilter | null;
  first?: number | null;
  after?: string | null;
  orderBy?: ListOrder | null;
}

/** The relations whose `reports` connections are served by one statement for many parents. */
export type ReportParent = "firm" | "analyst" | "sectorTag";

const PARENT_CONDITION: Record<ReportParent, (ref: string) => string> = {
  firm: (ref) => `r.firm_id = ${ref}`,
  analyst: (ref) => `EXISTS (SELECT 1 FROM report_analysts ra WHERE ra.report_id = r.id AND ra.analyst_id = ${ref})`,
  // The report's copy of its tag ids (kept by triggers on report_sector_tags): tested in the row,
  // before a search reads the document, and served by a GIN index when the tag narrows most.
  sectorTag: (ref) => `r.sector_tag_ids @> ARRAY[${ref}]`,
};

/** The test that a report `r` belongs to the parent whose id `ref` (a parameter or column) holds. */
export const parentCondition = (parent: ReportParent, ref: string): string => PARENT_CONDITION[parent](ref);

const SEARCH_DOC = `r.search_doc`;

/**
 * A list's conditions in parts: `range`, what a walk along a publication-date index can narrow
 * (visibility and the date window), written for the rows walked (Timeline); `tests`, what is
 * tested in each row, but the tag; `index`, the bigram conditions that only the search index
 * should answer (computed per row they would read a whole document); `words`, the substring
 * test of each search word, the costliest test; `tag`, the parameter of the filter's tag, if any:
 * tested in each row, or the tag whose links a list walks instead (rowTests).
 */
export interface FilterConditions {
  range: RangeCondition[];
  tests: string[];
  index: string[];
  words: string[];
  tag: string | null;
}

/** A page's size and order, checked before anything is read. */
export interface ListPage {
  size: number;
  order: ListOrder;
  spec: OrderSpec;
}

/** What the statements of one page of a list share: conditions, keyset and parameters. */
export interface ListQuery extends FilterConditions, ListPage {
  keyset: KeysetCondition[];
  params: SqlParams;
}

export function listPage(args: ListArgs): ListPage {
  const order = args.orderBy ?? "PUBLISHED_AT_DESC";
  return { size: pageSize(args.first), order, spec: orderSpec(order) };
}

/**
 * One page's conditions and parameters, added to `params` (which may already hold a statement's
 * own). `frequencies` (BigramStats) decide which search words the index should answer.
 */
export function listQuery(
  viewer: Viewer,
  args: ListArgs,
  page: ListPage,
  frequencies: ReadonlyMap<string, number>,
  params = new SqlParams(),
): ListQuery {
  const parts = filterConditions(viewer, args.filter, frequencies, params);
  const keyset = args.after ? [keysetAfter(page.order, args.after, params)] : [];
  return { ...parts, ...page, keyset, params };
}

/**
 * The tests of each row, with the tag's unless the rows (null: the reports themselves) are the
 * tag's links: PostgreSQL would count that test as narrowing again, expect a twentieth of the
 * rows, and plan for reading them all.
 */
export function rowTests(rows: Timeline | null, { tests, tag }: FilterConditions): string[] {
  return tag && tag !== rows?.tag ? [PARENT_CONDITION.sectorTag(tag), ...tests] : tests;
}

/** Visibility first, then the client's filter, on the reports themselves (for the counts). */
export function countConditions(
  viewer: Viewer,
  filter: ReportListFilter | null | undefined,
  frequencies: ReadonlyMap<string, number>,
  params: SqlParams,
): string[] {
  const parts = filterConditions(viewer, filter, frequencies, params);
  return [...parts.range.map((c) => c(PUBLICATION_KEY)), ...rowTests(null, parts), ...parts.index, ...parts.words];
}

function filterConditions(
  viewer: Viewer,
  filter: ReportListFilter | null | undefined,
  frequencies: ReadonlyMap<string, number>,
  params: SqlParams,
): FilterConditions {
  const staff = isStaff(viewer);
  const range: RangeCondition[] = [() => listedVisible(viewer)];
  // Unpublished reports have the key 'infinity'. Published ones never do, so a walk along a
  // tag's links, which know no status, skips a client's unpublished reports in the index.
  if (!staff || filter?.publishedAfter) range.push((key) => `${key} < 'infinity'`);
  const tests: string[] = [];
  const index: string[] = [];
  const words: string[] = [];
  let tag: string | null = null;
  if (!filter) return { range, tests, index, words, tag };
  if (filter.status) {
    if (!staff) throw new AppError("FORBIDDEN", { reason: "STAFF_ONLY_FILTER" }, "filtering by status is for staff", { field: "status" });
    tests.push(`r.status = ${params.add(filter.status)}`);
  }
  if (filter.firmId) tests.push(PARENT_CONDITION.firm(params.add(requireUuid(filter.firmId, "firmId"), "uuid")));
  if (filter.analystId) tests.push(PARENT_CONDITION.analyst(params.add(requireUuid(filter.analystId, "analystId"), "uuid")));
  if (filter.sectorTagId) tag = params.add(requireUuid(filter.sectorTagId, "sectorTagId"), "uuid");
  if (filter.publishedAfter) {
    const after = params.add(filter.publishedAfter, "timestamptz");
    range.push((key) => `${key} >= ${after}`);
  }
  if (filter.publishedBefore) {
    const before = params.add(filter.publishedBefore, "timestamptz");
    range.push((key) => `${key} < ${before}`);
  }
  if (filter.search) {
    const searched = searchWords(filter.search);
    if (searched.length) {
      // The bigram index finds candidates (every bigram of every word present); the substring
      // test then confirms each word, since bigrams alone ignore their order. The substring
      // test implies the bigram one, so words the index would not narrow stay out of it: as a
      // filter on rows read in date order it would compute a whole document's bigrams per row.
      // One parameter per word for both, so that a walk can leave the index conditions out.
      const refs = new Map(searched.map((w) => [w, params.add(w, "text")]));
      const indexed = searched.filter((w) => !isUnselective(w, frequencies));
      if (indexed.length) {
        index.push(`rd_bigrams(${SEARCH_DOC}) @> (${indexed.map((w) => `rd_bigrams(${refs.get(w)})`).join(" || ")})`);
      }
      for (const w of searched) words.push(`strpos(${SEARCH_DOC}, lower(${refs.get(w)})) > 0`);
    }
  }
  return { range, tests, index, words, tag };
}
