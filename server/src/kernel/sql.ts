import type { EntityManager, EntityMetadata } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

/** Collects positional parameters while a statement is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];

  /** Adds a value and returns its placeholder, cast when the type is not obvious to PostgreSQL. */
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/**
 * `alias.column AS "property"` for every column that is selected by default (secrets such as
 * password hashes are not), so raw rows hydrate straight into entities; or only for `properties`.
 * Arrays come as JSON: the same values to JavaScript, read by V8's JSON parser rather than by
 * pg's array parser, which is the slower of the two (a page of reports has one per summary).
 */
export function selectList(metadata: EntityMetadata, alias: string, properties?: ReadonlySet<string>): string {
  return selectedColumns(metadata, properties)
    .map((c) => `${c.isArray ? `to_json(${alias}.${c.databaseName})` : `${alias}.${c.databaseName}`} AS "${c.propertyName}"`)
    .join(", ");
}

/** The columns selected by default, or only those of `properties`. */
function selectedColumns(metadata: EntityMetadata, properties?: ReadonlySet<string>): ColumnMetadata[] {
  return metadata.columns.filter((c) => c.isSelect && (!properties || properties.has(c.propertyName)));
}

const isTimestamp = (type: unknown): boolean => type === Date || /^timestamp|^date$/.test(String(type));

/** What computed GraphQL fields of an entity read of its row, by field (the id is always read). */
export type ComputedFieldColumns = Readonly<Record<string, readonly string[]>>;

/**
 * The columns (by property) that serve these GraphQL fields of an entity: the id, the fields that
 * are columns, and what `computed` says its resolvers read. A computed field it does not list may
 * read any column, so it brings them all.
 */
export function columnsForFields(metadata: EntityMetadata, fields: ReadonlySet<string>, computed: ComputedFieldColumns = {}): ReadonlySet<string> {
  const selectable = selectedColumns(metadata).map((c) => c.propertyName);
  const columns = new Set(["id"]);
  for (const field of fields) {
    if (field.startsWith("__")) continue;
    const reads = computed[field] ?? (selectable.includes(field) ? [field] : undefined);
    if (!reads) return new Set(selectable);
    for (const column of reads) columns.add(column);
  }
  return columns;
}

/**
 * `json_build_object('property', alias.column, …)` over the same columns as selectList (or only
 * `properties`), for related rows fetched inside another statement; read back with `jsonReader`.
 */
export function jsonObject(metadata: EntityMetadata, alias: string, properties?: ReadonlySet<string>): string {
  const pairs = selectedColumns(metadata, properties).map((c) => `'${c.propertyName}', ${alias}.${c.databaseName}`);
  return `json_build_object(${pairs.join(", ")})`;
}

/**
 * Reads `jsonObject` values into entities. JSON carries timestamps as text and entities hold
 * Dates; which properties are timestamps is settled once here, not for every value read.
 */
export function jsonReader<T extends object>(target: new () => T, metadata: EntityMetadata): (json: Record<string, unknown>) => T {
  const timestamps = selectedColumns(metadata).filter((c) => isTimestamp(c.type)).map((c) => c.propertyName);
  return (json) => {
    for (const property of timestamps) {
      const value = json[property];
      if (typeof value === "string") json[property] = new Date(value);
    }
    return hydrate(target, json);
  };
}

export function hydrate<T extends object>(target: new () => T, row: Record<string, unknown>): T {
  return Object.assign(new target(), row);
}

/** A row that belongs to a parent, e.g. an analyst of a report. */
export interface Child<T> {
  parentId: string;
  item: T;
}

export interface LinkQuery {
  /** FROM clause that reaches the child table under alias `t`. */
  from: string;
  /** Expression holding the parent id. */
  parentColumn: string;
  orderBy: string;
}

/** Children of many parents through a link table, in one statement. */
export async function childrenOf<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  query: LinkQuery,
  parentIds: readonly string[],
): Promise<Child<T>[]> {
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${query.parentColumn}::text AS "__parent", ${selectList(manager.connection.getMetadata(entity), "t")}
     FROM ${query.from} WHERE ${query.parentColumn} = ANY($1::uuid[]) ORDER BY ${query.orderBy}`,
    [parentIds],
  );
  return rows.map(({ __parent, ...columns }) => ({ parentId: __parent as string, item: hydrate(entity, columns) }));
}

/** Runs an UPDATE or DELETE and returns how many rows it touched (TypeORM answers [rows, count]). */
export async function execute(manager: EntityManager, sql: string, params: unknown[]): Promise<number> {
  const [, affected] = (await manager.query(sql, params)) as [unknown[], number];
  return affected;
}
