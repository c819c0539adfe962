import { isTag, isText, type ChildNode, type Element } from "domhandler";
import { parseDocument } from "htmlparser2";
import {
  BODY_MARKS,
  BODY_NODES,
  cellSpan,
  imageDimension,
  isLinkHref,
  isOwnImageSrc,
  LINK_REL,
  listStart,
  type BodyMarkName,
} from "./body-content";
import { badInput } from "./errors";

/**
 * The form the admin panel's editor writes a body in, reached from any HTML made only of the body's
 * tags (what sanitize-html lets through): the editor's content rules applied the way its parser
 * (ProseMirror) applies them, then written the way it writes them. Saving this form again, through the
 * API or the panel, gives the same string.
 *
 * - Text never stands alone: outside a paragraph or heading it is wrapped in a paragraph; a list item
 *   starts with a paragraph; a table cell holds at least an empty paragraph.
 * - A block inside a paragraph (a table pasted into a line) ends the paragraph; the text after it
 *   is a paragraph of its own. Other block elements (div, section, h1, …) keep their text apart from
 *   the text around them but leave no tag.
 * - Whitespace is collapsed to single spaces and dropped at the start and end of a paragraph, and
 *   between blocks.
 * - Marks nest in one order (`BODY_MARKS`); adjacent text with the same marks is one run.
 * - Tables: all rows in one tbody; spans that would overlap or run past the table are cut short; a
 *   short row is filled up with empty cells, so that every row spans the same number of columns.
 * - Characters are escaped as browsers serialise them (`&nbsp;` included), attributes in the list's order.
 */
export function toNormalForm(html: string): string {
  const flow = new Flow();
  walk(parseDocument(html).children, flow, [], { tableSlots: 0 });
  const out = flow.finish().map(blockHtml).join("");
  // The editor stores an empty document as an empty string, not as one empty paragraph.
  return out === EMPTY_PARAGRAPH ? "" : out;
}

/** Table slots (rows × columns) a body may lay out: far above any real report, far below what hurts. */
const MAX_TABLE_SLOTS = 100_000;

interface Budget {
  tableSlots: number;
}

interface Mark {
  name: BodyMarkName;
  attrs: Attributes;
}

/** Attribute values in the order they are written. */
type Attributes = [string, string][];

type Inline = { kind: "text"; text: string; marks: Mark[] } | { kind: "br"; marks: Mark[] };

type TextTag = (typeof BODY_NODES.paragraph.tags)[number] | (typeof BODY_NODES.heading.tags)[number];

interface Cell {
  tag: "td" | "th";
  colspan: number;
  rowspan: number;
  content: Block[];
}

type Block =
  | { kind: "text"; tag: TextTag; content: Inline[] }
  | { kind: "list"; tag: "ul" | "ol"; start: number; items: Block[][] }
  | { kind: "blockquote"; content: Block[] }
  | { kind: "hr" }
  | { kind: "image"; attrs: Attributes }
  | { kind: "table"; rows: Cell[][] };

const EMPTY_PARAGRAPH = "<p></p>";
const emptyParagraph = (): Block => ({ kind: "text", tag: "p", content: [] });

const TEXT_TAGS: ReadonlySet<string> = new Set<string>([...BODY_NODES.paragraph.tags, ...BODY_NODES.heading.tags]);
const isTextTag = (tag: string): tag is TextTag => TEXT_TAGS.has(tag);

const MARK_OF_TAG: ReadonlyMap<string, BodyMarkName> = new Map(
  (Object.entries(BODY_MARKS) as [BodyMarkName, { tags: readonly string[]; alsoRead?: readonly string[] }][]).flatMap(([name, mark]) =>
    [...mark.tags, ...(mark.alsoRead ?? [])].map((tag) => [tag, name] as const),
  ),
);
const MARK_RANK: ReadonlyMap<BodyMarkName, number> = new Map((Object.keys(BODY_MARKS) as BodyMarkName[]).map((name, i) => [name, i]));

/**
 * Elements that separate their content from what is around them, as browsers lay them out and the
 * editor's parser reads them (ProseMirror's block tags), but that a body does not keep.
 */
export const UNKEPT_BLOCK_TAGS = [
  "address", "article", "aside", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
  "h1", "h5", "h6", "header", "hgroup", "main", "nav", "pre", "section",
] as const;
const UNKEPT_BLOCKS: ReadonlySet<string> = new Set(UNKEPT_BLOCK_TAGS);

// Collapsible whitespace as HTML defines it; not U+00A0, which is text.
const SPACES = /[ \t\n\r\f]+/g;

/** Blocks being built in one container (the body, a quotation, a list item, a cell), with the paragraph or heading still open. */
class Flow {
  private readonly blocks: Block[] = [];
  private open: { kind: "text"; tag: TextTag; content: Inline[] } | null = null;

  text(value: string, marks: Mark[]): void {
    let text = value.replace(SPACES, " ");
    if (!this.open) {
      if (text === " ") return;
      this.start("p");
    }
    const content = this.open!.content;
    const last = content.at(-1);
    if (text.startsWith(" ") && (!last || last.kind === "br" || last.text.endsWith(" "))) text = text.slice(1);
    if (!text) return;
    if (last?.kind === "text" && sameMarks(last.marks, marks)) last.text += text;
    else content.push({ kind: "text", text, marks });
  }

  hardBreak(marks: Mark[]): void {
    if (!this.open) this.start("p");
    this.open!.content.push({ kind: "br", marks });
  }

  start(tag: TextTag): void {
    this.end();
    this.open = { kind: "text", tag, content: [] };
  }

  end(): void {
    if (!this.open) return;
    const last = this.open.content.at(-1);
    if (last?.kind === "text") {
      last.text = last.text.replace(/ $/, "");
      if (!last.text) this.open.content.pop();
    }
    this.blocks.push(this.open);
    this.open = null;
  }

  block(block: Block): void {
    this.end();
    this.blocks.push(block);
  }

  finish(): Block[] {
    this.end();
    return this.blocks;
  }
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  return a.length === b.length && a.every((mark, i) => sameMark(mark, b[i]));
}

function sameMark(a: Mark, b: Mark): boolean {
  return a.name === b.name && a.attrs.length === b.attrs.length && a.attrs.every(([k, v], i) => b.attrs[i][0] === k && b.attrs[i][1] === v);
}

/** The marks with `mark` added: an inner mark of the same kind replaces the outer one (a link in a link). */
function withMark(marks: Mark[], mark: Mark): Mark[] {
  return [...marks.filter((m) => m.name !== mark.name), mark].sort((a, b) => MARK_RANK.get(a.name)! - MARK_RANK.get(b.name)!);
}

// sanitize-html drops these with their content already; were one to get through, its text is still no body text.
const RAW_TEXT: ReadonlySet<string> = new Set(["script", "style", "noscript", "template", "title", "textarea", "option"]);
const isElement = (node: ChildNode): node is Element => isTag(node) && !RAW_TEXT.has(node.name);

function walk(nodes: ChildNode[], flow: Flow, marks: Mark[], budget: Budget): void {
  for (const node of nodes) {
    if (isText(node)) flow.text(node.data, marks);
    else if (isElement(node)) element(node, flow, marks, budget);
  }
}

function element(el: Element, flow: Flow, marks: Mark[], budget: Budget): void {
  const tag = el.name;
  const markName = MARK_OF_TAG.get(tag);
  if (markName) {
    const mark = markOf(markName, el);
    walk(el.children, flow, mark ? withMark(marks, mark) : marks, budget);
    return;
  }
  if (isTextTag(tag)) {
    flow.start(tag);
    walk(el.children, flow, marks, budget);
    flow.end();
    return;
  }
  switch (tag) {
    case "br":
      flow.hardBreak(marks);
      return;
    case "hr":
      flow.block({ kind: "hr" });
      return;
    case "img": {
      const src = el.attribs.src ?? null;
      if (isOwnImageSrc(src)) flow.block({ kind: "image", attrs: imageAttributes(el, src) });
      return;
    }
    case "ul":
    case "ol": {
      const items = listItems(el, marks, budget);
      if (items.length) flow.block({ kind: "list", tag, start: tag === "ol" ? listStart(el.attribs.start ?? null) : 1, items });
      return;
    }
    case "blockquote": {
      const content = container(el.children, marks, budget);
      if (content.length) flow.block({ kind: "blockquote", content });
      return;
    }
    case "table": {
      const rows = layOut(tableRows(el, marks, budget), budget);
      if (rows.some((row) => row.length)) flow.block({ kind: "table", rows });
      return;
    }
  }
  // Table and list parts outside their table or list are read as plain blocks, like the unkept ones.
  if (UNKEPT_BLOCKS.has(tag) || TABLE_PARTS.has(tag) || tag === "li") {
    flow.end();
    walk(el.children, flow, marks, budget);
    flow.end();
    return;
  }
  walk(el.children, flow, marks, budget);
}

function markOf(name: BodyMarkName, el: Element): Mark | null {
  if (name !== "link") return { name, attrs: [] };
  const href = el.attribs.href ?? null;
  if (!isLinkHref(href)) return null;
  const attrs: Attributes = [["href", href]];
  if (el.attribs.title !== undefined) attrs.push(["title", el.attribs.title]);
  attrs.push(["rel", LINK_REL]);
  return { name, attrs };
}

function imageAttributes(el: Element, src: string): Attributes {
  const attrs: Attributes = [["src", src]];
  if (el.attribs.alt !== undefined) attrs.push(["alt", el.attribs.alt]);
  for (const name of ["width", "height"] as const) {
    const size = imageDimension(el.attribs[name] ?? null);
    if (size !== null) attrs.push([name, String(size)]);
  }
  return attrs;
}

/** The blocks of a quotation, list item or cell. */
function container(nodes: ChildNode[], marks: Mark[], budget: Budget): Block[] {
  const flow = new Flow();
  walk(nodes, flow, marks, budget);
  return flow.finish();
}

const isBlank = (node: ChildNode): boolean => isText(node) && node.data.replace(SPACES, "") === "";

interface Group {
  /** The part element, or null for a run of strays: text or elements standing where only a part belongs. */
  part: Element | null;
  nodes: ChildNode[];
}

interface Grouping {
  /** Elements read through: their children are grouped as if they stood in their place (a table's row groups). */
  transparent?: ReadonlySet<string>;
  /** Elements that belong to the part just before them (a list written directly in a list belongs to the item above). */
  joinsPrevious?: (el: Element) => boolean;
}

/**
 * `nodes` as parts (list items, rows, cells) and runs of strays between them, which become a part of
 * their own, the way the editor's parser wraps strays. Blank text between parts is no stray.
 */
function groups(nodes: ChildNode[], isPart: (el: Element) => boolean, grouping: Grouping = {}): Group[] {
  const found: Group[] = [];
  const visit = (children: ChildNode[]): void => {
    for (const node of children) {
      const last = found.at(-1);
      if (isElement(node) && isPart(node)) found.push({ part: node, nodes: [...node.children] });
      else if (isElement(node) && grouping.transparent?.has(node.name)) visit(node.children);
      else if (isElement(node) && last?.part && grouping.joinsPrevious?.(node)) last.nodes.push(node);
      else if (last && !last.part) last.nodes.push(node);
      else if (!isBlank(node)) found.push({ part: null, nodes: [node] });
    }
  };
  visit(nodes);
  return found;
}

const LISTS: ReadonlySet<string> = new Set([...BODY_NODES.bulletList.tags, ...BODY_NODES.orderedList.tags]);

function listItems(list: Element, marks: Mark[], budget: Budget): Block[][] {
  return groups(list.children, (el) => el.name === "li", { joinsPrevious: (el) => LISTS.has(el.name) }).flatMap(({ part, nodes }) => {
    const blocks = container(nodes, marks, budget);
    if (!part && !blocks.length) return [];
    // A list item starts with a paragraph; one that starts with another block gets an empty one first.
    if (blocks[0]?.kind !== "text" || blocks[0].tag !== "p") blocks.unshift(emptyParagraph());
    return [blocks];
  });
}

const ROW_GROUPS: ReadonlySet<string> = new Set(["thead", "tbody", "tfoot"]);
const TABLE_PARTS: ReadonlySet<string> = new Set([...ROW_GROUPS, "tr", "td", "th"]);
const isCell = (el: Element): boolean => el.name === "td" || el.name === "th";

/** The rows of a table, in document order whatever row group they stand in; strays form a row, or a cell. */
function tableRows(table: Element, marks: Mark[], budget: Budget): Cell[][] {
  return groups(table.children, (el) => el.name === "tr", { transparent: ROW_GROUPS }).map(({ nodes }) =>
    groups(nodes, isCell).map(({ part, nodes: content }) => cell(part?.name === "th" ? "th" : "td", part, content, marks, budget)),
  );
}

function cell(tag: "td" | "th", el: Element | null, nodes: ChildNode[], marks: Mark[], budget: Budget): Cell {
  const content = container(nodes, marks, budget);
  return {
    tag,
    colspan: cellSpan(el?.attribs.colspan ?? null),
    rowspan: cellSpan(el?.attribs.rowspan ?? null),
    content: content.length ? content : [emptyParagraph()],
  };
}

/**
 * Places the cells row by row, each in the first free column (as the editor's table map does),
 * cutting a span short where it would cover a taken slot or run past the last row, then fills each
 * run of free slots with one empty cell: the editor then finds nothing to repair.
 */
function layOut(rows: Cell[][], budget: Budget): Cell[][] {
  const taken: boolean[][] = rows.map(() => []);
  const take = (row: number, col: number): void => {
    if (++budget.tableSlots > MAX_TABLE_SLOTS) throw badInput({ reason: "TABLE_TOO_LARGE", params: { max: MAX_TABLE_SLOTS } }, `a body's tables may have at most ${MAX_TABLE_SLOTS} cells (rows × columns) in all`, "body");
    taken[row][col] = true;
  };
  rows.forEach((cells, r) => {
    let col = 0;
    for (const cell of cells) {
      while (taken[r][col]) col++;
      let colspan = 1;
      while (colspan < cell.colspan && !taken[r][col + colspan]) colspan++;
      let rowspan = 1;
      while (rowspan < cell.rowspan && r + rowspan < rows.length && !taken[r + rowspan].slice(col, col + colspan).some(Boolean)) rowspan++;
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) take(r + i, col + j);
      Object.assign(cell, { colspan, rowspan });
      col += colspan;
    }
  });
  const width = Math.max(0, ...taken.map((row) => row.length));
  return rows.map((cells, r) => {
    const filled = [...cells];
    for (let col = 0; col < width; col++) {
      if (taken[r][col]) continue;
      let colspan = 1;
      while (col + colspan < width && !taken[r][col + colspan]) colspan++;
      for (let j = 0; j < colspan; j++) take(r, col + j);
      filled.push({ tag: cells[0]?.tag ?? "td", colspan, rowspan: 1, content: [emptyParagraph()] });
    }
    return filled;
  });
}

// Serialising, as browsers do (innerHTML): the editor's output is what a browser writes.

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00A0/g, "&nbsp;");
const escapeAttribute = (value: string): string =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00A0/g, "&nbsp;");
const attributesHtml = (attrs: Attributes): string => attrs.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");

const MARK_TAG: Record<BodyMarkName, string> = Object.fromEntries(
  (Object.entries(BODY_MARKS) as [BodyMarkName, { tags: readonly string[] }][]).map(([name, mark]) => [name, mark.tags[0]]),
) as Record<BodyMarkName, string>;

/** Inline content, each mark opened as late and closed as early as the runs allow (ProseMirror's DOMSerializer). */
function inlineHtml(content: Inline[]): string {
  let out = "";
  const active: Mark[] = [];
  for (const item of content) {
    let keep = 0;
    while (keep < active.length && keep < item.marks.length && sameMark(active[keep], item.marks[keep])) keep++;
    while (active.length > keep) out += `</${MARK_TAG[active.pop()!.name]}>`;
    for (const mark of item.marks.slice(keep)) {
      out += `<${MARK_TAG[mark.name]}${attributesHtml(mark.attrs)}>`;
      active.push(mark);
    }
    out += item.kind === "br" ? "<br>" : escapeText(item.text);
  }
  while (active.length) out += `</${MARK_TAG[active.pop()!.name]}>`;
  return out;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case "text":
      return `<${block.tag}>${inlineHtml(block.content)}</${block.tag}>`;
    case "list": {
      const start = block.start === 1 ? "" : ` start="${block.start}"`;
      return `<${block.tag}${start}>${block.items.map((item) => `<li>${item.map(blockHtml).join("")}</li>`).join("")}</${block.tag}>`;
    }
    case "blockquote":
      return `<blockquote>${block.content.map(blockHtml).join("")}</blockquote>`;
    case "hr":
      return "<hr>";
    case "image":
      return `<img${attributesHtml(block.attrs)}>`;
    case "table":
      return `<table><tbody>${block.rows.map((row) => `<tr>${row.map(cellHtml).join("")}</tr>`).join("")}</tbody></table>`;
  }
}

function cellHtml(cell: Cell): string {
  const spans = (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : "") + (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : "");
  return `<${cell.tag}${spans}>${cell.content.map(blockHtml).join("")}</${cell.tag}>`;
}
