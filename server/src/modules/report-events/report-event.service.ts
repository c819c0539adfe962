import type { DataSource } from "typeorm";
import { badInput } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import { decodeCursor, pageFromRows, pageSize, type Page } from "../../kernel/pagination";
import { SqlParams } from "../../kernel/sql";
import * as valid from "../../kernel/validate";
import { directlyVisible } from "../report/visibility";
import { isStaff, type Viewer } from "../user/viewer";
import { PUBLIC_EVENT_TYPES, ReportEventType, type ReportEvent, type ReportEventFilter } from "./report-event";

const ORDER = "position";
const TYPES: ReadonlySet<string> = new Set(Object.values(ReportEventType));
const FILTER_IDS_MAX = 100;
const isPosition = (key: string): boolean => /^[1-9]\d{0,18}$/.test(key);

/** The change feed: report events in commit order, as far as the viewer may see them. */
export class ReportEventService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Events after the cursor `after`, oldest first. Positions are taken in commit order (see the
   * ReportEvents migration), so a client that pages on from its last cursor misses nothing.
   */
  async feed(viewer: Viewer, filter: ReportEventFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Page<ReportEvent>> {
    const size = pageSize(first);
    const from = after ? decodeCursor(after, ORDER, { key: isPosition }).key : "0";
    const params = new SqlParams();
    const conditions = this.conditions(viewer, filter ?? {}, params).join(" AND ");
    const filterValues = [...params.values];
    const rows: (ReportEvent & { __key: string })[] = await this.dataSource.query(
      `SELECT e.id, e.position::text AS position, e.type, e.at, e.report_id AS "reportId", e.slug, e.firm_id AS "firmId",
              e.sector_tag_ids AS "sectorTagIds", e.version, e.content_checksum AS "contentChecksum",
              e.disclaimer_checksum AS "disclaimerChecksum", e.template_id AS "templateId", e.position::text AS "__key"
       FROM report_events e
       WHERE ${conditions} AND e.position > ${params.add(from, "bigint")}
       ORDER BY e.position LIMIT ${params.add(size + 1, "int")}`,
      params.values,
    );
    const count = async (): Promise<number> =>
      Number((await this.dataSource.query(`SELECT count(*) AS n FROM report_events e WHERE ${conditions}`, filterValues))[0].n);
    return pageFromRows(rows.map(({ __key, ...node }) => ({ node, key: __key })), size, ORDER, count);
  }

  /** The filter's conditions and, for anyone but staff, the public types of reports they may read. */
  private conditions(viewer: Viewer, filter: ReportEventFilter, params: SqlParams): string[] {
    const conditions = ["TRUE"];
    const ids = (values: string[] | null | undefined, field: string): string[] | null =>
      values?.length ? valid.list(values.map((v) => requireUuid(v, field)), field, 1, FILTER_IDS_MAX) : null;
    const firms = ids(filter.firmIds, "firmIds");
    const tags = ids(filter.sectorTagIds, "sectorTagIds");
    if (firms) conditions.push(`e.firm_id = ANY (${params.add(firms, "uuid[]")})`);
    if (tags) conditions.push(`e.sector_tag_ids && ${params.add(tags, "uuid[]")}`);
    if (filter.types?.some((type) => !TYPES.has(type))) throw badInput({ reason: "UNKNOWN_EVENT_TYPE", params: { allowed: [...TYPES].join(", ") } }, `types may be ${[...TYPES].join(", ")}`, "types");
    if (filter.types?.length) conditions.push(`e.type = ANY (${params.add(filter.types, "text[]")})`);
    if (!isStaff(viewer)) {
      conditions.push(`e.type = ANY (${params.add([...PUBLIC_EVENT_TYPES], "text[]")})`);
      conditions.push(`EXISTS (SELECT 1 FROM reports r WHERE r.id = e.report_id AND ${directlyVisible(viewer)})`);
    }
    return conditions;
  }
}
