import type { DataSource, EntityMetadata } from "typeorm";
import { columnsForFields, jsonObject, jsonReader } from "../../kernel/sql";
import { Analyst } from "../analyst/analyst.entity";
import { DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import { Firm } from "../firm/firm.entity";
import { SectorTag } from "../sector-tag/sector-tag.entity";

export interface ReportRelations {
  firm: Firm | null;
  analysts: Analyst[];
  sectorTags: SectorTag[];
  disclaimer: DisclaimerSnapshot | null;
}

export type ReportRelation = keyof ReportRelations;

export const REPORT_RELATIONS: readonly ReportRelation[] = ["firm", "analysts", "sectorTags", "disclaimer"];

/** Values of relations by name, each of the type ReportRelations names. */
export type RelationValues = Partial<Record<ReportRelation, unknown>>;

/** The relations a query asks for, each with the GraphQL fields it selects of them. */
export type RelationFields = ReadonlyMap<ReportRelation, ReadonlySet<string>>;

const COLUMN_PREFIX = "__rel_";

type Json = Record<string, unknown>;

interface Spec {
  metadata: EntityMetadata;
  /** A sub-select over the report `r` that yields JSON of these columns (every column without). */
  sql(properties?: ReadonlySet<string>): string;
  /** The relation's value (the type its ReportRelations entry names). */
  read(json: unknown): unknown;
}

/**
 * What a report page shows around a report, as JSON sub-selects: either added to the statement
 * that reads the reports (when the query asks for them up front), or for many reports at once in
 * one statement of their own.
 */
export class ReportRelationsService {
  private readonly specs: Record<ReportRelation, Spec>;

  constructor(private readonly dataSource: DataSource) {
    const one = <T extends object>(entity: new () => T, alias: string, from: string): Spec => {
      const metadata = dataSource.getMetadata(entity);
      const read = jsonReader(entity, metadata);
      return {
        metadata,
        sql: (properties) => `(SELECT ${jsonObject(metadata, alias, properties)} FROM ${from})`,
        read: (json) => (json === null ? null : read(json as Json)),
      };
    };
    const many = <T extends object>(entity: new () => T, alias: string, from: string, orderBy: string): Spec => {
      const metadata = dataSource.getMetadata(entity);
      const read = jsonReader(entity, metadata);
      return {
        metadata,
        sql: (properties) =>
          `(SELECT coalesce(json_agg(${jsonObject(metadata, alias, properties)} ORDER BY ${orderBy}), '[]') FROM ${from})`,
        read: (json) => (json as Json[]).map(read),
      };
    };
    this.specs = {
      firm: one(Firm, "f", "firms f WHERE f.id = r.firm_id"),
      disclaimer: one(DisclaimerSnapshot, "d", "disclaimer_snapshots d WHERE d.id = r.disclaimer_id"),
      analysts: many(Analyst, "a", "report_analysts l JOIN analysts a ON a.id = l.analyst_id WHERE l.report_id = r.id", "l.position"),
      sectorTags: many(SectorTag, "t", "report_sector_tags l JOIN sector_tags t ON t.id = l.sector_tag_id WHERE l.report_id = r.id", `t.name COLLATE "C", t.id`),
    };
  }

  /** The requested relations of each report, whole, by report id. */
  async load(reportIds: readonly string[], relations: ReadonlySet<ReportRelation>): Promise<Map<string, RelationValues>> {
    const columns = [...relations].map((name) => this.column(name, this.specs[name].sql())).join("");
    const rows: Json[] = await this.dataSource.query(`SELECT r.id::text AS "id"${columns} FROM reports r WHERE r.id = ANY($1::uuid[])`, [
      reportIds,
    ]);
    return new Map(rows.map((row) => [row.id as string, this.split(row).values]));
  }

  /**
   * `, <sub-select> AS "__rel_<name>"` for each relation, with only the columns its selected
   * fields need (a page of 50 then carries a firm's id and name, not every column of it): added
   * to a statement that reads reports `r`.
   */
  columns(relations: RelationFields): string {
    return [...relations]
      .map(([name, fields]) => {
        const spec = this.specs[name];
        return this.column(name, spec.sql(columnsForFields(spec.metadata, fields)));
      })
      .join("");
  }

  /** The values of the `columns` in `row`, and the row's other columns. */
  split(row: Json): { values: RelationValues; rest: Json } {
    const values: RelationValues = {};
    const rest: Json = {};
    for (const key in row) {
      if (key.startsWith(COLUMN_PREFIX)) {
        const name = key.slice(COLUMN_PREFIX.length) as ReportRelation;
        values[name] = this.specs[name].read(row[key]);
      } else {
        rest[key] = row[key];
      }
    }
    return { values, rest };
  }

  private column(name: ReportRelation, sql: string): string {
    return `, ${sql} AS "${COLUMN_PREFIX}${name}"`;
  }
}
