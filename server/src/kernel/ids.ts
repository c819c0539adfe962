import { badInput } from "./errors";
import { searchable } from "./validate";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** For filters: an id that cannot exist is a mistake worth reporting, not an empty result. */
export function requireUuid(value: string, field: string): string {
  if (!isUuid(value)) throw badInput({ reason: "INVALID_ID" }, `${field} is not a valid id`, field);
  return value;
}

export type Lookup = { id: string } | { slug: string };

/**
 * `thing(id, slug)`: exactly one must be given. Returns null for an id that cannot exist, so that
 * an unknown id reads as "not found" like an unknown slug.
 */
export function lookup(id: string | null | undefined, slug: string | null | undefined): Lookup | null {
  if ((id == null) === (slug == null)) throw badInput({ reason: "ID_OR_SLUG" }, "give either id or slug");
  if (id != null) return isUuid(id) ? { id } : null;
  return { slug: searchable(slug!, "slug", 200).normalize("NFC") };
}
