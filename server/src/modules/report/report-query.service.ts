import DataLoader from "dataloader";
import type { DataSource, EntityMetadata } from "typeorm";
import type { Viewer } from "../user/viewer";
import { directlyVisible } from "./visibility";
import type { Lookup } from "../../kernel/ids";
import { pageFromRows, type Page } from "../../kernel/pagination";
import { columnsForFields, hydrate, selectList, SqlParams, type ComputedFieldColumns } from "../../kernel/sql";
import type { RelationFields, RelationValues, ReportRelationsService } from "./report-relations.service";
import { Report } from "./report.entity";
import type { BigramStats } from "../search/bigram-stats";
import { listPage, listQuery, type ListArgs, type ReportParent } from "../search/list-query";
import { countStatement, pageStatement, parentCountsStatement, parentsStatement, type Statement } from "../search/list-statements";
import { SearchRoutes } from "../search/search-routes";
import { walkedPage, walkRoute, walkStatement } from "../search/search-walk";
import type { ReportListFilter } from "./report-list";

// The names the resolvers and loaders know these by.
export type { ListArgs as ReportListArgs, ReportParent } from "../search/list-query";

/**
 * What a query needs of the reports it reads: which columns (a list without bodies reads a tenth
 * of the bytes), and which relations to fetch in the same statement. One object per place in a
 * query document, so the select list written for it is kept (by identity) for the next request.
 */
export interface ReadShape {
  columns: ReadonlySet<string>;
  relations: RelationFields;
}

/** A shape, and where the relations read with each report go (the request's loaders). */
export interface ReadPlan {
  shape: ReadShape;
  found(report: Report, values: RelationValues): void;
}

/**
 * Reads of reports for clients and staff, each through the visibility rule (visibility.ts); the
 * statements of lists are built by modules/search and run here.
 */
export class ReportQueryService {
  private readonly metadata: EntityMetadata;
  private readonly routes = new SearchRoutes();
  private readonly selectLists = new WeakMap<ReadShape, string>();

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

  async list(viewer: Viewer, args: ListArgs, plan?: ReadPlan): Promise<Page<Report>> {
    const page = listPage(args);
    const frequencies = await this.bigrams.forSearch(args.filter?.search);
    // One set of conditions and parameters serves the walk and the index statement alike.
    const query = listQuery(viewer, args, page, frequencies);
    const columns = this.columns(plan);
    let rows: Record<string, unknown>[] | null = null;
    const route = walkRoute(viewer, query, args.filter);
    if (route !== null && this.routes.shouldWalk(route)) {
      rows = walkedPage(await this.run(walkStatement(query, columns)), query);
      if (!rows) this.routes.walkFellShort(route);
    }
    rows ??= await this.run(pageStatement(query, columns));
    const count = async (): Promise<number> => {
      const [{ n }] = await this.run(countStatement(viewer, args.filter, frequencies));
      return n as number;
    };
    return pageFromRows(rows.map((row) => this.pageRow(row, plan)), page.size, page.order, count);
  }

  /** The same page of reports for many parents (firms, analysts or tags) in one statement. */
  async listForParents(viewer: Viewer, parent: ReportParent, parentIds: readonly string[], args: ListArgs): Promise<Page<Report>[]> {
    const page = listPage(args);
    const params = new SqlParams();
    const ids = params.add(parentIds, "uuid[]");
    const frequencies = await this.bigrams.forSearch(args.filter?.search);
    const query = listQuery(viewer, args, page, frequencies, params);
    const rows = await this.run(parentsStatement(query, parent, ids, selectList(this.metadata, "r")));

    const counts = new DataLoader<string, number>((keys) => this.countForParents(viewer, parent, keys, args.filter, frequencies));
    const byParent = new Map<string, { node: Report; key: string }[]>(parentIds.map((id) => [id, []]));
    for (const { __parent, ...row } of rows) byParent.get(__parent as string)?.push(this.pageRow(row));
    return parentIds.map((id) => pageFromRows(byParent.get(id)!, page.size, page.order, () => counts.load(id)));
  }

  private async countForParents(
    viewer: Viewer,
    parent: ReportParent,
    parentIds: readonly string[],
    filter: ReportListFilter | null | undefined,
    frequencies: ReadonlyMap<string, number>,
  ): Promise<number[]> {
    const rows = await this.run(parentCountsStatement(viewer, parent, parentIds, filter, frequencies));
    const counts = new Map(rows.map((r) => [r.parent as string, r.n as number]));
    return parentIds.map((id) => counts.get(id) ?? 0);
  }

  private run(statement: Statement): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(statement.sql, statement.values);
  }

  private pageRow({ __key, ...columns }: Record<string, unknown>, plan?: ReadPlan): { node: Report; key: string } {
    return { node: this.report(columns, plan), key: __key as string };
  }

  /** The report columns a plan needs, and its relations; every column without a plan. */
  private columns(plan: ReadPlan | undefined): string {
    if (!plan) return selectList(this.metadata, "r");
    let list = this.selectLists.get(plan.shape);
    if (list === undefined) {
      list = selectList(this.metadata, "r", plan.shape.columns) + this.relations.columns(plan.shape.relations);
      this.selectLists.set(plan.shape, list);
    }
    return list;
  }

  /** A report from its row, handing the relations fetched with it to the plan. */
  private report(row: Record<string, unknown>, plan: ReadPlan | undefined): Report {
    if (!plan) return hydrate(Report, row);
    const { values, rest } = this.relations.split(row);
    const report = hydrate(Report, rest);
    plan.found(report, values);
    return report;
  }
}
