import type { EntityManager } from "typeorm";

/**
 * A URL slug that keeps Hangul (and any other letters): lower case, NFC, words joined by "-".
 * Browsers show such paths readably and encode them on the wire.
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const cut = [...slug].slice(0, maxLength).join("").replace(/-+$/, "");
  return cut || "untitled";
}

/** `base`, or `base-2`, `base-3`, … whichever is still free in `table` (ignoring row `exceptId`). */
export async function uniqueSlug(manager: EntityManager, table: string, base: string, exceptId: string | null = null): Promise<string> {
  const rows: { slug: string }[] = await manager.query(
    `SELECT slug FROM ${table} WHERE (slug = $1 OR slug LIKE $2) AND id IS DISTINCT FROM $3`,
    [base, `${base.replace(/[\\%_]/g, "\\$&")}-%`, exceptId],
  );
  const taken = new Set(rows.map((r) => r.slug));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
