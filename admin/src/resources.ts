import type { FilterPayload, RaRecord, SortPayload } from "react-admin";

/** One page of an API connection, as the list queries select it. */
export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * What the data provider's generic methods do for one react-admin resource, over that resource's
 * typed operations (its folder's operations.ts). A method left out is not offered for it.
 */
export interface ResourceApi<R extends RaRecord> {
  /** One page after `after`; react-admin's filter and sort are turned into the list's arguments. */
  list(page: { first: number; after: string | null }, filter: FilterPayload, sort: SortPayload): Promise<Connection<R>>;
  one?(id: string): Promise<R | null>;
  /** The records with these ids (at most 100), in one request; ids that match none are left out. */
  many?(ids: string[]): Promise<R[]>;
  create?(data: Partial<RaRecord>): Promise<R>;
  /** `previous` is the record as the form loaded it (a report's expected version comes from it). */
  update?(id: string, data: Partial<RaRecord>, previous: R): Promise<R>;
  delete?(id: string): Promise<void>;
  /**
   * The form source of each API input field the create and edit forms show: a save's refusal of
   * such a field appears beside its input, any other in a notice.
   */
  formFields?: Readonly<Record<string, string>>;
}

/** Form fields named as the API's input fields. */
export const sameFields = (...names: string[]): Readonly<Record<string, string>> => Object.fromEntries(names.map((name) => [name, name]));

/** Filter forms send "" for a cleared input, which the API would refuse as an id or a date. */
export const compact = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== "")) as Partial<T>;

/** Page size of the lists read with "load more" (the review queue, the compliance list). */
const CONNECTION_PAGE = 20;

/**
 * The variables of such a list's query: only the first page asks for the total, which the query
 * selects with `totalCount @include(if: $counted)`.
 */
export const pageVariables = (after: string | null) => ({ first: CONNECTION_PAGE, after, counted: after === null });
