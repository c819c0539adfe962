import type { EntityManager } from "typeorm";
import { badInput } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import { decodeCursor, MAX_PAGE_SIZE, pageFromRows, pageSize, type Page } from "../../kernel/pagination";
import { hydrate, selectList, SqlParams } from "../../kernel/sql";
import { searchable } from "../../kernel/validate";

const ORDER = "NAME_ASC";

export interface CatalogPageArgs {
  first?: number | null;
  after?: string | null;
  /** Only these rows (CatalogArgs.ids). */
  ids?: readonly string[] | null;
  /** Only rows with this text in one of `searchIn` (a picker's typed text), in any case. */
  search?: string | null;
  /** The columns `search` looks in; the name alone unless the service says more. */
  searchIn?: readonly string[];
  /** An extra condition on alias `t`, e.g. the owning firm. */
  where?: (params: SqlParams) => string;
}

/** The search text as names are stored (NFC: a macOS keyboard sends decomposed Hangul), lower-cased; null for none. */
function searchText(search: string | null | undefined): string | null {
  const text = search?.normalize("NFC").trim();
  return text ? searchable(text, "search", 100).toLowerCase() : null;
}

/** Checked here, so that a malformed id is the client's error rather than a failed uuid[] cast. */
function onlyIds(ids: readonly string[]): string[] {
  if (ids.length > MAX_PAGE_SIZE) throw badInput({ reason: "TOO_MANY_IDS", params: { max: MAX_PAGE_SIZE } }, `ids may name at most ${MAX_PAGE_SIZE} rows`, "ids");
  return ids.map((id) => requireUuid(id, "ids"));
}

// strpos, not LIKE: the typed text may hold % and _, and needs no escaping this way.
const searchCondition = (columns: readonly string[], text: string): string =>
  `(${columns.map((column) => `strpos(lower(t.${column}), ${text}) > 0`).join(" OR ")})`;

/**
 * A keyset page of a catalogue table (firms, analysts, sector tags) in name order. Names sort by
 * code point ("C"), which is 가나다 order for Hangul syllables on every PostgreSQL.
 */
export async function catalogPage<T extends { id: string }>(
  manager: EntityManager,
  entity: new () => T,
  args: CatalogPageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const metadata = manager.connection.getMetadata(entity);
  const table = metadata.tablePath;

  const ids = args.ids == null ? null : onlyIds(args.ids);
  const search = searchText(args.search);
  const filter = (params: SqlParams): string[] => [
    ...(args.where ? [args.where(params)] : []),
    ...(ids ? [`t.id = ANY(${params.add(ids, "uuid[]")})`] : []),
    ...(search ? [searchCondition(args.searchIn ?? ["name"], params.add(search, "text"))] : []),
  ];
  const params = new SqlParams();
  const conditions = filter(params);
  if (args.after) {
    const at = decodeCursor(args.after, ORDER);
    conditions.push(`(t.name COLLATE "C", t.id) > (${params.add(at.key, "text")} COLLATE "C", ${params.add(at.id, "uuid")})`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${selectList(metadata, "t")}, t.name AS "__key" FROM ${table} t ${where}
     ORDER BY t.name COLLATE "C", t.id LIMIT ${size + 1}`,
    params.values,
  );

  const count = async (): Promise<number> => {
    const countParams = new SqlParams();
    const countConditions = filter(countParams);
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM ${table} t ${countConditions.length ? `WHERE ${countConditions.join(" AND ")}` : ""}`,
      countParams.values,
    );
    return n as number;
  };
  return pageFromRows(
    rows.map(({ __key, ...columns }) => ({ node: hydrate(entity, columns), key: __key as string })),
    size,
    ORDER,
    count,
  );
}
