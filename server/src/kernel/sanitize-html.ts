import sanitize from "sanitize-html";
import { BODY_MARKS, BODY_NODES, type BodyElement } from "./body-content";
import { toNormalForm, UNKEPT_BLOCK_TAGS } from "./body-normal-form";
import { badInput } from "./errors";

const ELEMENTS: BodyElement[] = [...Object.values(BODY_NODES), ...Object.values(BODY_MARKS)];

/** Every tag a body keeps or reads as one it keeps, with the attributes it keeps on it. */
export const KEPT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ELEMENTS.flatMap((element) => [...element.tags, ...(element.alsoRead ?? [])].map((tag) => [tag, element.attributes ?? []])),
);

/**
 * The first, security pass: only the body's own tags (BODY_NODES, BODY_MARKS in body-content.ts)
 * and block elements whose text stays apart from its neighbours, only their own attributes, links
 * to http(s) and mailto. Scripts, styles, event handlers, iframes and `javascript:`/`data:` URLs are
 * dropped; unknown tags leave their text. toNormalForm then gives what remains the editor's form.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [...Object.keys(KEPT_ATTRIBUTES), ...UNKEPT_BLOCK_TAGS],
  // rel is written by toNormalForm, the same on every link.
  allowedAttributes: Object.fromEntries(Object.entries(KEPT_ATTRIBUTES).map(([tag, names]) => [tag, names.filter((name) => name !== "rel")])),
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Their text is no body text (a pasted Word file's <title>, a <noscript> fallback).
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "template"],
  // Deeper tags are dropped (their text kept): no report nests this deep, and it bounds the work.
  nestingLimit: 50,
};

/**
 * A body as it is stored: sanitized and in the editor's form. The form can be longer than what was
 * sent (`<b>` is written `<strong>`, list items get paragraphs), so `maxLength` (characters) applies
 * to it too: a stored body can always be saved again.
 */
export function sanitizeBody(html: string, maxLength: number): string {
  const body = toNormalForm(sanitize(html, OPTIONS));
  const length = [...body].length;
  if (length > maxLength) {
    throw badInput({ reason: "BODY_TOO_LONG", params: { max: maxLength, length } }, `body may have at most ${maxLength} characters as it is stored, in the editor's form; this one has ${length}`, "body");
  }
  return body;
}
