import { decodeCursor } from "../../kernel/pagination";
import type { SqlParams } from "../../kernel/sql";
import type { ReportOrder } from "../report/report-list";

/** The orders of a report list, as the strings ReportOrder's members are. */
export type ListOrder = `${ReportOrder}`;

// Unpublished rows (staff only) sort as the newest. The same expression is indexed, and date
// filters are written against it too so that a range walks the index.
export const PUBLICATION_KEY = `coalesce(r.published_at, 'infinity'::timestamptz)`;
const TITLE_KEY = `(r.title COLLATE "C")`;

export interface OrderSpec {
  key: string;
  cast: string;
  descending: boolean;
  validKey: (key: string) => boolean;
}

/** A condition on the order's key and the report id, written for whichever rows carry them (Timeline). */
export type KeysetCondition = (orderKey: string, id: string) => string;

/** Rows that carry an order's key and the report id under their own names (Timeline). */
export interface OrderedRows {
  orderKey: string;
  id: string;
}

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

const ORDERS: Record<ListOrder, OrderSpec> = {
  PUBLISHED_AT_DESC: { key: PUBLICATION_KEY, cast: "timestamptz", descending: true, validKey: isTimestampText },
  PUBLISHED_AT_ASC: { key: PUBLICATION_KEY, cast: "timestamptz", descending: false, validKey: isTimestampText },
  TITLE_ASC: { key: TITLE_KEY, cast: `text COLLATE "C"`, descending: false, validKey: isTitle },
  TITLE_DESC: { key: TITLE_KEY, cast: `text COLLATE "C"`, descending: true, validKey: isTitle },
};

export const orderSpec = (order: ListOrder): OrderSpec => ORDERS[order];

export const direction = (spec: OrderSpec): "DESC" | "ASC" => (spec.descending ? "DESC" : "ASC");

export function orderClause(spec: OrderSpec, rows: OrderedRows): string {
  return `ORDER BY ${rows.orderKey} ${direction(spec)}, ${rows.id} ${direction(spec)}`;
}

/**
 * The rows after the cursor `after` of a page in `order`. A cursor of another order, or one whose
 * key the order's SQL type could not take, is refused before it reaches SQL.
 */
export function keysetAfter(order: ListOrder, after: string, params: SqlParams): KeysetCondition {
  const spec = ORDERS[order];
  const at = decodeCursor(after, order, { key: spec.validKey });
  const comparison = spec.descending ? "<" : ">";
  const [key, id] = [params.add(at.key, spec.cast), params.add(at.id, "uuid")];
  return (orderKey, rowId) => `(${orderKey}, ${rowId}) ${comparison} (${key}, ${id})`;
}
