import { SqlParams } from "../../kernel/sql";
import type { Viewer } from "../user/viewer";
import { countConditions, parentCondition, rowTests, type ListQuery, type ReportParent } from "./list-query";
import { direction, orderClause } from "./order";
import { along, reportRows, timeline } from "./timeline";
import type { ReportListFilter } from "../report/report-list";

/** A statement and its parameters, for ReportQueryService to run. */
export interface Statement {
  sql: string;
  values: unknown[];
}

/**
 * One page of a list with `columns` of `r` and the order's key as `__key`. Without search index
 * conditions, along the list's timeline; with them, the index's candidates in order first, then
 * the words tested until the page is full: a word is confirmed in a page's worth of documents,
 * not in every candidate (each document read from its compressed storage).
 */
export function pageStatement(query: ListQuery, columns: string): Statement {
  const { index, words, params, size, spec } = query;
  if (!index.length) {
    const t = timeline(query.tag, spec);
    return {
      sql: `SELECT ${columns}, ${t.orderKey}::text AS "__key"
         FROM ${t.from} WHERE ${[...along(t, query), ...rowTests(t, query), ...words].join(" AND ")}
         ${orderClause(spec, t)} LIMIT ${size + 1}`,
      values: params.values,
    };
  }
  const rows = reportRows(spec);
  const conditions = [...along(rows, query), ...rowTests(rows, query), ...index];
  // OFFSET 0 keeps PostgreSQL from merging the two levels.
  return {
    sql: `SELECT ${columns}, r.__key::text AS "__key"
       FROM (SELECT r.*, ${spec.key} AS __key FROM reports r WHERE ${conditions.join(" AND ")} ${orderClause(spec, rows)} OFFSET 0) r
       WHERE ${words.join(" AND ")}
       ORDER BY r.__key ${direction(spec)}, r.id ${direction(spec)} LIMIT ${size + 1}`,
    values: params.values,
  };
}

/** How many reports the list's filter matches, as `n`. */
export function countStatement(viewer: Viewer, filter: ReportListFilter | null | undefined, frequencies: ReadonlyMap<string, number>): Statement {
  const params = new SqlParams();
  return {
    sql: `SELECT count(*)::int AS n FROM reports r WHERE ${countConditions(viewer, filter, frequencies, params).join(" AND ")}`,
    values: params.values,
  };
}

/**
 * The same page for many parents, each row with its parent as `__parent`: a LATERAL subquery per
 * parent keeps each parent's keyset walk on the index. `parents` is the parameter of the parent
 * ids, added to the query's parameters before its conditions.
 */
export function parentsStatement(query: ListQuery, parent: ReportParent, parents: string, columns: string): Statement {
  const { spec, size } = query;
  // A tag's reports come from its links, as a list's do (unless the search index narrows
  // them); other parents are tested in each row.
  const t = query.index.length ? reportRows(spec) : timeline(parent === "sectorTag" ? "p.parent" : null, spec);
  const parentTest = t.tag === "p.parent" ? [] : [parentCondition(parent, "p.parent")];
  const conditions = [...along(t, query), ...parentTest, ...rowTests(t, query), ...query.index, ...query.words];
  return {
    sql: `SELECT p.parent::text AS "__parent", x.*
       FROM unnest(${parents}) AS p(parent)
       CROSS JOIN LATERAL (
         SELECT ${columns}, ${t.orderKey}::text AS "__key"
         FROM ${t.from} WHERE ${conditions.join(" AND ")}
         ${orderClause(spec, t)} LIMIT ${size + 1}
       ) x`,
    values: query.params.values,
  };
}

/** How many reports the filter matches for each parent, as `parent` and `n`. */
export function parentCountsStatement(
  viewer: Viewer,
  parent: ReportParent,
  parentIds: readonly string[],
  filter: ReportListFilter | null | undefined,
  frequencies: ReadonlyMap<string, number>,
): Statement {
  const params = new SqlParams();
  const ids = params.add(parentIds, "uuid[]");
  const conditions = [parentCondition(parent, "p.parent"), ...countConditions(viewer, filter, frequencies, params)];
  return {
    sql: `SELECT p.parent::text AS parent, (SELECT count(*)::int FROM reports r WHERE ${conditions.join(" AND ")}) AS n
       FROM unnest(${ids}) AS p(parent)`,
    values: params.values,
  };
}
