import type { Attribute, Attributes, Extensions } from "@tiptap/core";
import { Image } from "@tiptap/extension-image";
import { Link } from "@tiptap/extension-link";
import { OrderedList } from "@tiptap/extension-list";
import { Subscript } from "@tiptap/extension-subscript";
import { Superscript } from "@tiptap/extension-superscript";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import {
  cellSpan,
  HEADING_LEVELS,
  imageDimension,
  isLinkHref,
  isOwnImageSrc,
  LINK_REL,
  listStart,
} from "../../../../server/src/kernel/body-content";

/*
 * The report body editor's content: exactly what the server keeps (server/src/kernel/body-content.ts),
 * read and written the way the server's sanitizer writes it, so that opening and saving a body in the
 * panel leaves it as the API stored it. The tests build this schema in Node and hold it against the
 * sanitizer. No React here, for those tests.
 */

type Level = 1 | 2 | 3 | 4 | 5 | 6;
const isLevel = (n: number): n is Level => Number.isInteger(n) && n >= 1 && n <= 6;
export const EDITOR_HEADING_LEVELS: Level[] = HEADING_LEVELS.filter(isLevel);

// Attributes are read with the shared rules: tiptap's own reading turns "1.50" into the number 1.5.
const raw = (name: string): Attribute => ({ default: null, parseHTML: (element) => element.getAttribute(name) });

const BodyLink = Link.extend({
  // No target or class: clients decide how links open; rel is the same on every link.
  addAttributes: () => ({ href: raw("href"), title: raw("title") }),
  renderHTML: ({ HTMLAttributes }) => ["a", { href: HTMLAttributes.href, title: HTMLAttributes.title, rel: LINK_REL }, 0],
}).configure({ openOnClick: false, isAllowedUri: (url) => isLinkHref(url) });

// No list-style type: the server keeps where a list starts, not how it counts.
const BodyOrderedList = OrderedList.extend({
  addAttributes: () => ({ start: { default: 1, parseHTML: (element) => listStart(element.getAttribute("start")) } }),
});

// Written without the column widths and inline styles tiptap adds: clients lay tables out themselves.
const BodyTable = Table.extend({ renderHTML: () => ["table", ["tbody", 0]] }).configure({ resizable: false });

const cellAttributes = (): Attributes => ({
  colspan: { default: 1, parseHTML: (element) => cellSpan(element.getAttribute("colspan")) },
  rowspan: { default: 1, parseHTML: (element) => cellSpan(element.getAttribute("rowspan")) },
  // prosemirror-tables reads and writes colwidth on every cell; the body keeps no widths, so it is never read or written.
  colwidth: { default: null, parseHTML: () => null, rendered: false },
});
const BodyTableCell = TableCell.extend({ addAttributes: cellAttributes });
const BodyTableHeader = TableHeader.extend({ addAttributes: cellAttributes });

// Uploaded images (the toolbar's ImageButton): shown and kept, but only from this service's image path.
const BodyImage = Image.extend({
  addAttributes: () => ({
    src: raw("src"),
    alt: raw("alt"),
    width: { default: null, parseHTML: (element) => imageDimension(element.getAttribute("width")) },
    height: { default: null, parseHTML: (element) => imageDimension(element.getAttribute("height")) },
  }),
  parseHTML: () => [{ tag: "img[src]", getAttrs: (element) => (isOwnImageSrc(element.getAttribute("src")) ? null : false) }],
});

export const BODY_EXTENSIONS: Extensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    heading: { levels: EDITOR_HEADING_LEVELS },
    link: false,
    orderedList: false,
    // It would add an empty paragraph after a closing table or list on every edit: the body would change by being opened.
    trailingNode: false,
  }),
  BodyLink,
  BodyOrderedList,
  Subscript,
  Superscript,
  BodyTable,
  TableRow,
  BodyTableHeader,
  BodyTableCell,
  BodyImage,
];
