import DataLoader from "dataloader";
import type { DataSource, EntityMetadata } from "typeorm";
import { isStaff, type Viewer } from "../user/viewer";
import { directlyVisible, listedVisible } from "./visibility";
import { AppError } from "../../kernel/errors";
import { requireUuid, type Lookup } from "../../kernel/ids";
import { decodeCursor, pageFromRows, pageSize, type Page } from "../../kernel/pagination";
import { columnsForFields, hydrate, selectList, SqlParams, type ComputedFieldColumns } from "../../kernel/sql";
import type { RelationFields, RelationValues, ReportRelationsService } from "./report-relations.service";
import { ReportOrder, type ReportListFilter } from "./report-list";
import { Report } from "./report.entity";
import type { BigramStats } from "../search/bigram-stats";
import { SearchRoutes } from "../search/search-routes";
import { isUnselective, searchWords } from "../search/search-words";

/**
 * What a query needs of the reports it reads: which columns (a list without bodies reads a tenth
 * of the bytes), and which relations to fetch in the same statement, handed to `found` (the
 * request's loaders).
 */
export interface ReadPlan {
  columns: ReadonlySet<string>;
  relations: RelationFields;
  found(report: Report, values: RelationValues): void;
}

/** The relations whose `reports` connections are served here. */
export type ReportParent = "firm" | "analyst" | "sectorTag";

export interface ReportListArgs {
  filter?: ReportListFilter | null;
  first?: number | null;
  after?: string | null;
  orderBy?: ReportOrder | null;
}

// Unpublished rows (staff only) sort as the newest. The same expression is indexed, and date
// filters are written against it too so that a range walks the index.
const PUBLICATION_KEY = `coalesce(r.published_at, 'infinity'::timestamptz)`;
const TITLE_KEY = `(r.title COLLATE "C")`;
const SEARCH_DOC = `r.search_doc`;

interface OrderSpec {
  key: string;
  cast: string;
  descending: boolean;
  validKey: (key: string) => boolean;
}

/** A condition on the publication key, written for whichever rows carry it (Timeline). */
type RangeCondition = (publicationKey: string) => string;
/** A condition on the order's key and the report id, likewise. */
type KeysetCondition = (orderKey: string, id: string) => string;

/** A list's conditions, in the parts filterConditions describes. */
interface FilterConditions {
  range: RangeCondition[];
  tests: string[];
  index: string[];
  words: string[];
  /** The parameter of the filter's sector tag, if any (not among `tests`: see rowTests). */
  tag: string | null;
}
/** What the statements of one page of a list share: conditions, keyset and parameters. */
interface ListQuery extends FilterConditions {
  keyset: KeysetCondition[];
  params: SqlParams;
  size: number;
  spec: OrderSpec;
}

/**
 * Rows to read reports from in an order: the reports themselves, or, in publication order, one
 * tag's links with their copy of the publication key (SectorTagTimelines), which walk only that
 * tag's reports.
 */
interface Timeline {
  from: string;
  publicationKey: string;
  orderKey: string;
  id: string;
  conditions: string[];
  /** The tag whose links these are (a parameter or column), whose test every row passes; or null. */
  tag: string | null;
  /**
   * How many reports a search walk (searchWalk) reads per row of the page, at most. A walk that
   * falls short costs its reads and then the index's candidates, each one's date read from the
   * table: as many as the word's share of the reports the index searches. Along every report
   * that share can be thousands, so the walk may go further (100 reports, of which a tag, when
   * there is one, lets a few through to the word test). Along a tag the index names at most the
   * tag's reports, and every report the walk reads has its document searched (about 20 µs each),
   * so it stops sooner: 20 finds a word in 5% of the tag's reports, where on 1,000,000 reports the
   * two paths cost about the same (8 ms).
   */
  walkRowsPerRow: number;
}
const reportRows = (spec: OrderSpec): Timeline => ({
  from: "reports r",
  publicationKey: PUBLICATION_KEY,
  orderKey: spec.key,
  id: "r.id",
  conditions: [],
  tag: null,
  walkRowsPerRow: 100,
});
const tagRows = (tag: string): Timeline => ({
  from: "report_sector_tags t JOIN reports r ON r.id = t.report_id",
  publicationKey: "t.publication_key",
  orderKey: "t.publication_key",
  id: "t.report_id",
  conditions: [`t.sector_tag_id = ${tag}`],
  tag,
  walkRowsPerRow: 20,
});

// PostgreSQL's text form of a timestamptz (ISO DateStyle), or 'infinity' for unpublished rows;
// the date must exist, so that the cast in SQL cannot fail.
export function isTimestampText(key: string): boolean {
  if (key === "infinity") return true;
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?[+-](\d{2})(?::([0-5]\d))?$/.exec(key);
  if (!m) return false;
  const [year, month, day, hour, minute, second, , offsetHours] = m.slice(1, 9).map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day)); // a leap year, so that 29 February passes
  const leapDay = month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  return (
    year >= 1 && !leapDay && date.getUTCMonth() === month - 1 && date.getUTCDate() === day &&
    hour < 24 && minute < 60 && second < 60 && offsetHours <= 15
  );
}
const isTitle = (key: string): boolean => key.length <= 1000;

const ORDERS: Record<ReportOrder, OrderSpec> = {
  PUBLISHED_AT_DESC: { key: PUBLICATION_KEY, cast: "timestamptz", descending: true, validKey: isTimestampText },
  PUBLISHED_AT_ASC: { key: PUBLICATION_KEY, cast: "timestamptz", descending: false, validKey: isTimestampText },
  TITLE_ASC: { key: TITLE_KEY, cast: `text COLLATE "C"`, descending: false, validKey: isTitle },
  TITLE_DESC: { key: TITLE_KEY, cast: `text COLLATE "C"`, descending: true, validKey: isTitle },
};

const PARENT_CONDITION: Record<ReportParent, (ref: string) => string> = {
  firm: (ref) => `r.firm_id = ${ref}`,
  analyst: (ref) => `EXISTS (SELECT 1 FROM report_analysts ra WHERE ra.report_id = r.id AND ra.analyst_id = ${ref})`,
  // The report's copy of its tag ids (kept by triggers on report_sector_tags): tested in the row,
  // before a search reads the document, and served by a GIN index when the tag narrows most.
  sectorTag: (ref) => `r.sector_tag_ids @> ARRAY[${ref}]`,
};

/** Reads of reports for clients and staff: one place decides what each viewer may see. */
export class ReportQueryService {
  private readonly metadata: EntityMetadata;
  private readonly routes = new SearchRoutes();

  constructor(
    private readonly dataSource: DataSource,
    private readonly relations: ReportRelationsService,
    private readonly bigrams: BigramStats,
  ) {
    this.metadata = dataSource.getMetadata(Report);
  }

  /** The columns that serve these selected fields of Report (see columnsForFields). */
  columnsFor(fields: ReadonlySet<string>, computed: ComputedFieldColumns): ReadonlySet<string> {
    return columnsForFields(this.metadata, fields, computed);
  }

  /** A single report; anonymous readers also reach retracted ones, which render as tombstones. */
  async findOne(viewer: Viewer, lookup: Lookup, plan?: ReadPlan): Promise<Report | null> {
    const params = new SqlParams();
    const match = "id" in lookup ? `r.id = ${params.add(lookup.id)}` : `r.slug = ${params.add(lookup.slug)}`;
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.columns(plan)} FROM reports r WHERE ${match} AND ${directlyVisible(viewer)}`,
      params.values,
    );
    return rows.length ? this.report(rows[0], plan) : null;
  }

  /** Reports by id, as the viewer may see them (for relations such as the review queue). */
  async findByIds(viewer: Viewer, ids: readonly string[]): Promise<Report[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${selectList(this.metadata, "r")} FROM reports r WHERE r.id = ANY($1::uuid[]) AND ${directlyVisible(viewer)}`,
      [ids],
    );
    return rows.map((row) => hydrate(Report, row));
  }

  async list(viewer: Viewer, args: ReportListArgs, plan?: ReadPlan): Promise<Page<Report>> {
    const { size, order, spec } = this.pageSpec(args);
    const frequencies = await this.frequencies(args.filter);
    // One set of conditions and parameters serves the walk and the index statement alike.
    const params = new SqlParams();
    const parts = this.filterConditions(viewer, args.filter, frequencies, params);
    const keyset = args.after ? [this.keyset(spec, args.after, order, params)] : [];
    const query: ListQuery = { ...parts, keyset, params, size, spec };
    let rows: Record<string, unknown>[] | null = null;
    if (parts.index.length && spec.key === PUBLICATION_KEY) {
      // The same search is the same filter, order and page size, whichever page it asks for.
      const route = JSON.stringify([isStaff(viewer), order, size, args.filter]);
      if (this.routes.shouldWalk(route)) {
        rows = await this.searchWalk(query, plan);
        if (!rows) this.routes.walkFellShort(route);
      }
    }
    rows ??= await this.listRows(query, plan);
    const count = async (): Promise<number> => {
      const countParams = new SqlParams();
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM reports r WHERE ${this.conditions(viewer, args.filter, frequencies, countParams).join(" AND ")}`,
        countParams.values,
      );
      return n as number;
    };
    return pageFromRows(rows.map((row) => this.pageRow(row, plan)), size, order, count);
  }

  private listRows(query: ListQuery, plan: ReadPlan | undefined): Promise<Record<string, unknown>[]> {
    const { index, words, params, size, spec } = query;
    if (!index.length) {
      const t = this.timeline(query.tag, spec);
      return this.dataSource.query(
        `SELECT ${this.columns(plan)}, ${t.orderKey}::text AS "__key"
         FROM ${t.from} WHERE ${[...this.along(t, query), ...this.rowTests(t, query), ...words].join(" AND ")}
         ${this.orderClause(spec, t)} LIMIT ${size + 1}`,
        params.values,
      );
    }
    const rows = reportRows(spec);
    const conditions = [...this.along(rows, query), ...this.rowTests(rows, query), ...index];
    // The index's candidates in order first, then the words tested until the page is full: a
    // word is confirmed in a page's worth of documents, not in every candidate (each document
    // read from its compressed storage). OFFSET 0 keeps PostgreSQL from merging the two levels.
    const direction = spec.descending ? "DESC" : "ASC";
    return this.dataSource.query(
      `SELECT ${this.columns(plan)}, r.__key::text AS "__key"
       FROM (SELECT r.*, ${spec.key} AS __key FROM reports r WHERE ${conditions.join(" AND ")} ${this.orderClause(spec, rows)} OFFSET 0) r
       WHERE ${words.join(" AND ")}
       ORDER BY r.__key ${direction}, r.id ${direction} LIMIT ${size + 1}`,
      params.values,
    );
  }

  /**
   * A search through the bigram index, in date order, tried first as a walk: read at most
   * `walkRowsPerRow` reports per row of the page in that order, testing each, which finds the
   * page when the words (with the tag, firm, …) are frequent among them. PostgreSQL would take
   * every report the index names, since it deems a word's bigrams independent of each other and
   * of the tag: 17,663 reports and 143 ms for `클라우드` under the cloud tag on 1,000,000 reports,
   * against 3 ms in date order. The rows of the page, or null when the walk ended short of it
   * (remembered in `routes` by `list`, so the same search goes to the index at once next time).
   * The index conditions are left out; every parameter is still used, by the word tests.
   */
  private async searchWalk(query: ListQuery, plan: ReadPlan | undefined): Promise<Record<string, unknown>[] | null> {
    const { words, params, size, spec } = query;
    const t = this.timeline(query.tag, spec);
    const budget = t.walkRowsPerRow * (size + 1);
    const direction = spec.descending ? "DESC" : "ASC";
    // The row number over the walk's own order lets PostgreSQL stop at the page's last row
    // instead of sorting the whole walk; the walk's last row always comes back, to tell a walk
    // that ended early (the date range read to its end) from one that ran out of budget.
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.columns(plan)}, r.__key::text AS "__key", r.__hit AS "__hit", r.__n AS "__n"
       FROM (
         SELECT r.*, row_number() OVER (ORDER BY r.__key ${direction}, r.id ${direction}) AS __n, (${[...this.rowTests(t, query), ...words].join(" AND ")}) AS __hit
         FROM (SELECT r.*, ${t.orderKey} AS __key FROM ${t.from} WHERE ${this.along(t, query).join(" AND ")} ${this.orderClause(spec, t)} LIMIT ${budget}) r
       ) r
       WHERE r.__hit OR r.__n = ${budget}
       ORDER BY r.__key ${direction}, r.id ${direction} LIMIT ${size + 1}`,
      params.values,
    );
    const hits = rows.filter((row) => row.__hit).map(({ __hit, __n, ...row }) => row);
    const found = hits.length === size + 1 || !rows.some((row) => Number(row.__n) === budget);
    return found ? hits : null;
  }

  /**
   * The same page of reports for many parents (firms, analysts or tags) in one statement: a
   * LATERAL subquery per parent keeps each parent's keyset walk on the index.
   */
  async listForParents(viewer: Viewer, parent: ReportParent, parentIds: readonly string[], args: ReportListArgs): Promise<Page<Report>[]> {
    const { size, order, spec } = this.pageSpec(args);
    const params = new SqlParams();
    const ids = params.add(parentIds, "uuid[]");
    const frequencies = await this.frequencies(args.filter);
    const parts = this.filterConditions(viewer, args.filter, frequencies, params);
    const keyset = args.after ? [this.keyset(spec, args.after, order, params)] : [];
    const query: ListQuery = { ...parts, keyset, params, size, spec };
    // A tag's reports come from its links, as a list's do (unless the search index narrows
    // them); other parents are tested in each row.
    const t = parts.index.length ? reportRows(spec) : this.timeline(parent === "sectorTag" ? "p.parent" : null, spec);
    const parentTest = t.tag === "p.parent" ? [] : [PARENT_CONDITION[parent]("p.parent")];
    const conditions = [...this.along(t, query), ...parentTest, ...this.rowTests(t, query), ...parts.index, ...parts.words];
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.parent::text AS "__parent", x.*
       FROM unnest(${ids}) AS p(parent)
       CROSS JOIN LATERAL (
         SELECT ${selectList(this.metadata, "r")}, ${t.orderKey}::text AS "__key"
         FROM ${t.from} WHERE ${conditions.join(" AND ")}
         ${this.orderClause(spec, t)} LIMIT ${size + 1}
       ) x`,
      params.values,
    );

    const counts = new DataLoader<string, number>((keys) => this.countForParents(viewer, parent, keys, args.filter, frequencies));
    const byParent = new Map<string, { node: Report; key: string }[]>(parentIds.map((id) => [id, []]));
    for (const { __parent, ...row } of rows) byParent.get(__parent as string)?.push(this.pageRow(row));
    return parentIds.map((id) => pageFromRows(byParent.get(id)!, size, order, () => counts.load(id)));
  }

  private async countForParents(
    viewer: Viewer,
    parent: ReportParent,
    parentIds: readonly string[],
    filter: ReportListFilter | null | undefined,
    frequencies: ReadonlyMap<string, number>,
  ): Promise<number[]> {
    const params = new SqlParams();
    const ids = params.add(parentIds, "uuid[]");
    const conditions = [PARENT_CONDITION[parent]("p.parent"), ...this.conditions(viewer, filter, frequencies, params)];
    const rows: { parent: string; n: number }[] = await this.dataSource.query(
      `SELECT p.parent::text AS parent, (SELECT count(*)::int FROM reports r WHERE ${conditions.join(" AND ")}) AS n
       FROM unnest(${ids}) AS p(parent)`,
      params.values,
    );
    const counts = new Map(rows.map((r) => [r.parent, r.n]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  }

  private pageSpec(args: ReportListArgs): { size: number; order: ReportOrder; spec: OrderSpec } {
    const order = args.orderBy ?? ReportOrder.PUBLISHED_AT_DESC;
    return { size: pageSize(args.first), order, spec: ORDERS[order] };
  }

  private pageRow({ __key, ...columns }: Record<string, unknown>, plan?: ReadPlan): { node: Report; key: string } {
    return { node: this.report(columns, plan), key: __key as string };
  }

  /** The report columns a plan needs, and its relations; every column without a plan. */
  private columns(plan: ReadPlan | undefined): string {
    if (!plan) return selectList(this.metadata, "r");
    return selectList(this.metadata, "r", plan.columns) + this.relations.columns(plan.relations);
  }

  /** A report from its row, handing the relations fetched with it to the plan. */
  private report(row: Record<string, unknown>, plan: ReadPlan | undefined): Report {
    if (!plan) return hydrate(Report, row);
    const { values, rest } = this.relations.split(row);
    const report = hydrate(Report, rest);
    plan.found(report, values);
    return report;
  }

  private orderClause(spec: OrderSpec, rows: Timeline): string {
    const direction = spec.descending ? "DESC" : "ASC";
    return `ORDER BY ${rows.orderKey} ${direction}, ${rows.id} ${direction}`;
  }

  private keyset(spec: OrderSpec, after: string, order: ReportOrder, params: SqlParams): KeysetCondition {
    const at = decodeCursor(after, order, { key: spec.validKey });
    const comparison = spec.descending ? "<" : ">";
    const [key, id] = [params.add(at.key, spec.cast), params.add(at.id, "uuid")];
    return (orderKey, rowId) => `(${orderKey}, ${rowId}) ${comparison} (${key}, ${id})`;
  }

  /**
   * The rows a list reads in its order: by tag, in publication order, that tag's links, since a
   * walk then passes only the tag's reports (for a common word under an unrelated tag, a few
   * hundred instead of thousands).
   */
  private timeline(tag: string | null, spec: OrderSpec): Timeline {
    return tag && spec.key === PUBLICATION_KEY ? tagRows(tag) : reportRows(spec);
  }

  /**
   * The tests of each row, with the tag's unless the rows (null: the reports themselves) are the
   * tag's links: PostgreSQL would count that test as narrowing again, expect a twentieth of the
   * rows, and plan for reading them all.
   */
  private rowTests(rows: Timeline | null, { tests, tag }: FilterConditions): string[] {
    return tag && tag !== rows?.tag ? [PARENT_CONDITION.sectorTag(tag), ...tests] : tests;
  }

  /** The timeline's own conditions with the list's date range and keyset, written for its rows. */
  private along(rows: Timeline, { range, keyset }: ListQuery): string[] {
    return [...rows.conditions, ...range.map((c) => c(rows.publicationKey)), ...keyset.map((c) => c(rows.orderKey, rows.id))];
  }

  /** Bigram statistics when the filter searches (they decide whether the index helps), else none. */
  private async frequencies(filter: ReportListFilter | null | undefined): Promise<ReadonlyMap<string, number>> {
    return filter?.search ? this.bigrams.frequencies() : new Map();
  }

  /** Visibility first, then the client's filter, on the reports themselves (for the counts). */
  private conditions(
    viewer: Viewer,
    filter: ReportListFilter | null | undefined,
    frequencies: ReadonlyMap<string, number>,
    params: SqlParams,
  ): string[] {
    const parts = this.filterConditions(viewer, filter, frequencies, params);
    return [...parts.range.map((c) => c(PUBLICATION_KEY)), ...this.rowTests(null, parts), ...parts.index, ...parts.words];
  }

  /**
   * The conditions in parts: `range`, what a walk along a publication-date index can narrow
   * (visibility and the date window), written for the rows walked (Timeline); `tests`, what is
   * tested in each row, but the tag; `index`, the bigram conditions that only the search index
   * should answer (computed per row they would read a whole document); `words`, the substring
   * test of each search word, the costliest test; `tag`, the filter's tag: tested in each row, or
   * the tag whose links a list walks instead (rowTests).
   */
  private filterConditions(
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
      if (!isStaff(viewer)) throw new AppError("FORBIDDEN", "filtering by status is for staff", { field: "status" });
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
}
