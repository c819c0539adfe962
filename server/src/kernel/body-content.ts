/**
 * What a report body may contain: the one list that the admin panel's editor (its tiptap extensions
 * and toolbar) and the server's sanitizer are both built from, so that neither offers or keeps what
 * the other would drop. Keys are tiptap's node and mark names; `tags` are what each is written as
 * (a heading one of three, a table two nested); `alsoRead` are tags both sides read as the same thing
 * (a pasted `<b>` is bold). `attributes` are listed in the order the editor writes them, which the
 * sanitizer repeats, so that a body saved by either side is the same string.
 *
 * Plain data and pure functions only: the admin panel imports this file too.
 */
export interface BodyElement {
  readonly tags: readonly string[];
  readonly alsoRead?: readonly string[];
  readonly attributes?: readonly string[];
}

export const BODY_NODES = {
  paragraph: { tags: ["p"] },
  heading: { tags: ["h2", "h3", "h4"] },
  bulletList: { tags: ["ul"] },
  orderedList: { tags: ["ol"], attributes: ["start"] },
  listItem: { tags: ["li"] },
  blockquote: { tags: ["blockquote"] },
  horizontalRule: { tags: ["hr"] },
  hardBreak: { tags: ["br"] },
  // Rows are always written inside a tbody, header rows too (a header row is a row of th cells).
  table: { tags: ["table", "tbody"], alsoRead: ["thead", "tfoot"] },
  tableRow: { tags: ["tr"] },
  tableHeader: { tags: ["th"], attributes: ["colspan", "rowspan"] },
  tableCell: { tags: ["td"], attributes: ["colspan", "rowspan"] },
  // Reserved for uploaded images: kept only when `src` is this service's own image path.
  image: { tags: ["img"], attributes: ["src", "alt", "width", "height"] },
} as const satisfies Record<string, BodyElement>;

/** Marks, outermost first: the order in which the editor nests them, and so the sanitizer too. */
export const BODY_MARKS = {
  link: { tags: ["a"], attributes: ["href", "title", "rel"] },
  bold: { tags: ["strong"], alsoRead: ["b"] },
  italic: { tags: ["em"], alsoRead: ["i"] },
  strike: { tags: ["s"], alsoRead: ["del", "strike"] },
  underline: { tags: ["u"] },
  subscript: { tags: ["sub"] },
  superscript: { tags: ["sup"] },
} as const satisfies Record<string, BodyElement>;

export type BodyMarkName = keyof typeof BODY_MARKS;

export const HEADING_LEVELS = BODY_NODES.heading.tags.map((tag) => Number(tag.slice(1)));

/** Every link carries this `rel`, whatever it was pasted with: reports link out, never vouch. */
export const LINK_REL = "noopener noreferrer nofollow";

const LINK_HREF = /^(?:https?:\/\/|mailto:)[^\s\u0000-\u001F\u007F]+$/i;

/** Links go to web pages or mail addresses only: no relative, `javascript:` or `data:` URLs. */
export const isLinkHref = (href: string | null): href is string => href !== null && LINK_HREF.test(href);

/** Where this service serves an uploaded image, named by its SHA-256: a body's images point nowhere else. */
const OWN_IMAGE_PATH = "/images/";
const OWN_IMAGE_SRC = new RegExp(`^${OWN_IMAGE_PATH}[0-9a-f]{64}$`);

export const isOwnImageSrc = (src: string | null): src is string => src !== null && OWN_IMAGE_SRC.test(src);

/** A table cell spans at most this many rows or columns: more is a pasting accident, and costly to lay out. */
const MAX_CELL_SPAN = 100;

const INTEGER = /^\s*(\d{1,9})\s*$/;

const integer = (value: string | null): number | null => {
  const match = value === null ? null : INTEGER.exec(value);
  return match ? Number(match[1]) : null;
};

/** A cell's `colspan` or `rowspan` as both sides read it: 1 unless a whole number, at most MAX_CELL_SPAN. */
export function cellSpan(value: string | null): number {
  const n = integer(value);
  return n === null || n < 1 ? 1 : Math.min(n, MAX_CELL_SPAN);
}

/** An ordered list's `start`: 1 unless a whole number. */
export function listStart(value: string | null): number {
  return integer(value) ?? 1;
}

/** An image's `width` or `height` in pixels, or null when it is anything else (a percentage, a unit). */
export function imageDimension(value: string | null): number | null {
  const n = integer(value);
  return n === null || n < 1 ? null : n;
}
