import { getSchema, type JSONContent } from "@tiptap/core";
import { generateHTML, generateJSON } from "@tiptap/html";
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode, Schema } from "@tiptap/pm/model";
import { TableMap } from "@tiptap/pm/tables";
import { describe, expect, it } from "vitest";
import { BODY_EXTENSIONS } from "../admin/src/reports/body/extensions";
import { BODY_MARKS, BODY_NODES, type BodyElement } from "../server/src/kernel/body-content";
import { KEPT_ATTRIBUTES, sanitizeBody as sanitizeWithin } from "../server/src/kernel/sanitize-html";
import { BODIES, KOREAN_TABLE_CELLS, OWN_IMAGE } from "./helpers/bodies";

/*
 * The admin panel's editor and the server's sanitizer against the one list of what a body may
 * contain (server/src/kernel/body-content.ts): the editor's schema is built here in Node, as the
 * panel builds it, and its parser and serialiser run on happy-dom (@tiptap/html).
 */

const schema: Schema = getSchema(BODY_EXTENSIONS);
/** The API's limit on a body (REPORT_LIMITS.body), in characters. */
const BODY_LIMIT = 100_000;
const sanitizeBody = (html: string): string => sanitizeWithin(html, BODY_LIMIT);
const LIST: Record<string, BodyElement> = { ...BODY_NODES, ...BODY_MARKS };

/** What the editor makes of `html` when a body is opened in the panel (RichTextInput parses keeping whitespace). */
const editorJson = (html: string, preserveWhitespace: boolean | "full" = true): JSONContent =>
  generateJSON(html, BODY_EXTENSIONS, { preserveWhitespace }) as JSONContent;
/** What the panel saves: the editor's HTML, or an empty string for an empty document (RichTextInput's rule). */
function editorHtml(html: string, preserveWhitespace?: boolean): string {
  const written = generateHTML(editorJson(html, preserveWhitespace), BODY_EXTENSIONS);
  return written === "<p></p>" ? "" : written;
}

/** The node and mark names in a document, and the tables in it. */
function contents(json: JSONContent): { names: Set<string>; tables: ProseMirrorNode[] } {
  const names = new Set<string>();
  const tables: ProseMirrorNode[] = [];
  schema.nodeFromJSON(json).descendants((node) => {
    names.add(node.type.name);
    node.marks.forEach((mark) => names.add(mark.type.name));
    if (node.type.name === "table") tables.push(node);
  });
  return { names, tables };
}

/** Tags and attribute names in a DOMOutputSpec (what the editor writes for one node or mark). */
function written(spec: DOMOutputSpec, found: [string, string[]][] = []): [string, string[]][] {
  if (!Array.isArray(spec)) return found;
  const [tag, ...rest] = spec as [string, ...unknown[]];
  const attrs = rest[0] && typeof rest[0] === "object" && !Array.isArray(rest[0]) ? (rest[0] as Record<string, unknown>) : {};
  found.push([tag, Object.keys(attrs).filter((name) => attrs[name] !== null && attrs[name] !== undefined)]);
  for (const child of rest) if (Array.isArray(child)) written(child as DOMOutputSpec, found);
  return found;
}

/** A value for every attribute the editor's nodes and marks have, different from its default, so that it is written. */
const SAMPLE_ATTRIBUTES: Record<string, unknown> = {
  level: 3,
  start: 3,
  colspan: 2,
  rowspan: 2,
  colwidth: [120],
  href: "https://example.com/보고서?a=1&b=2",
  title: "원문",
  src: OWN_IMAGE,
  alt: "차트",
  width: 640,
  height: 480,
};

function sampled(attrs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(attrs).map((name) => [name, SAMPLE_ATTRIBUTES[name]]));
}

describe("one list for the editor and the sanitizer", () => {
  it("the editor has a node or mark for every entry of the list and nothing else; marks nest in the list's order", () => {
    expect(Object.keys(schema.nodes).filter((name) => name !== "doc" && name !== "text").sort()).toEqual(Object.keys(BODY_NODES).sort());
    expect(Object.keys(schema.marks)).toEqual(Object.keys(BODY_MARKS));
  });

  it("every node and mark the editor writes, with every attribute set, is a tag and attributes the sanitizer keeps", () => {
    for (const type of Object.values(schema.nodes)) {
      if (!type.spec.toDOM) continue;
      for (const name of Object.keys(type.spec.attrs ?? {})) expect(SAMPLE_ATTRIBUTES, `${type.name}.${name}`).toHaveProperty(name);
      const node = type.create(sampled(type.spec.attrs ?? {}));
      for (const [tag, attributes] of written(type.spec.toDOM(node))) {
        expect(LIST[type.name].tags, `${type.name} writes <${tag}>`).toContain(tag);
        expect(KEPT_ATTRIBUTES[tag], `<${tag}> is kept`).toBeDefined();
        for (const attribute of attributes) expect(KEPT_ATTRIBUTES[tag], `<${tag} ${attribute}> is kept`).toContain(attribute);
      }
    }
    for (const type of Object.values(schema.marks)) {
      for (const name of Object.keys(type.spec.attrs ?? {})) expect(SAMPLE_ATTRIBUTES, `${type.name}.${name}`).toHaveProperty(name);
      const mark: Mark = type.create(sampled(type.spec.attrs ?? {}));
      for (const [tag, attributes] of written(type.spec.toDOM!(mark, true))) {
        expect(LIST[type.name].tags, `${type.name} writes <${tag}>`).toContain(tag);
        for (const attribute of attributes) expect(KEPT_ATTRIBUTES[tag], `<${tag} ${attribute}> is kept`).toContain(attribute);
      }
    }
  });

  it("every tag the sanitizer keeps is read by the editor as the list's node or mark for it", () => {
    const inContext = (tag: string): string => {
      if (Object.values(BODY_MARKS).some((m: BodyElement) => [...m.tags, ...(m.alsoRead ?? [])].includes(tag))) {
        return `<p><${tag} href="https://example.com">글</${tag}></p>`;
      }
      const table = (row: string): string => `<table>${row}</table>`;
      const samples: Record<string, string> = {
        br: "<p>줄<br>바꿈</p>",
        hr: "<hr>",
        img: `<img src="${OWN_IMAGE}">`,
        li: "<ul><li>항목</li></ul>",
        tr: table("<tr><td>칸</td></tr>"),
        td: table("<tr><td>칸</td></tr>"),
        th: table("<tr><th>칸</th></tr>"),
        table: table("<tr><td>칸</td></tr>"),
      };
      if (samples[tag]) return samples[tag];
      if (["thead", "tbody", "tfoot"].includes(tag)) return table(`<${tag}><tr><td>칸</td></tr></${tag}>`);
      if (tag === "ul" || tag === "ol") return `<${tag}><li>항목</li></${tag}>`;
      return `<${tag}>글</${tag}>`;
    };
    for (const [name, element] of Object.entries(LIST)) {
      for (const tag of [...element.tags, ...(element.alsoRead ?? [])]) {
        expect(KEPT_ATTRIBUTES, `the sanitizer keeps <${tag}>`).toHaveProperty(tag);
        const html = inContext(tag);
        expect([...contents(editorJson(html)).names], `the editor reads ${html} as ${name}`).toContain(name);
        expect([...contents(editorJson(sanitizeBody(html))).names], `${html} keeps its ${name} through the sanitizer`).toContain(name);
      }
    }
    expect(Object.keys(KEPT_ATTRIBUTES).sort()).toEqual(Object.values(LIST).flatMap((e) => [...e.tags, ...(e.alsoRead ?? [])]).sort());
  });

  it("what the editor writes passes the sanitizer unchanged, with every node and mark in it", () => {
    const html = editorHtml(BODIES.everything);
    const { names } = contents(editorJson(html));
    expect([...names].sort()).toEqual([...Object.keys(BODY_NODES), ...Object.keys(BODY_MARKS), "text"].sort());
    expect(sanitizeBody(html)).toBe(html);
  });
});

describe("one form after one save", () => {
  it.each(Object.entries(BODIES))("%s: the sanitized body is what the editor writes back, and sanitizing it again changes nothing", (_name, body) => {
    const stored = sanitizeBody(body);
    expect(sanitizeBody(stored)).toBe(stored);
    expect(editorHtml(stored)).toBe(stored);
    // The editor's first read (before RichTextInput re-reads keeping whitespace) finds the same document.
    expect(editorHtml(stored, false)).toBe(stored);
    // Nothing prosemirror-tables would repair (fixTables) as the panel opens the body.
    for (const table of contents(editorJson(stored)).tables) expect(TableMap.get(table).problems ?? null).toBeNull();
  });

  it.each(Object.entries(BODIES))("%s as the editor writes it (pasted, then saved) reaches the same kind of fixed point", (_name, body) => {
    const saved = sanitizeBody(editorHtml(body, false));
    expect(sanitizeBody(saved)).toBe(saved);
    expect(editorHtml(saved)).toBe(saved);
  });

  it("random bodies of the body's tags, strays and wrappers: one save reaches the fixed point", () => {
    let seed = 20_261_207;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pick = <T,>(items: readonly T[]): T => items[random(items.length)];
    const TEXTS = ["서비스", " Sora 2 ", "20초", "\n  ", "A&amp;B", "&nbsp;", "1 < 2", "  ", "x"];
    const WRAPPERS = [
      "p", "h2", "h3", "h1", "h5", "div", "section", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "td", "th",
      "strong", "b", "em", "i", "u", "s", "del", "sub", "sup", "span", "font", "a",
    ];
    const fragment = (depth: number): string => {
      if (depth === 0 || random(4) === 0) {
        return pick([...TEXTS, "<br>", "<hr>", `<img src="${OWN_IMAGE}" alt="차트">`, '<img src="https://example.com/x.png">']);
      }
      const tag = pick(WRAPPERS);
      const attrs =
        tag === "a" ? pick([' href="https://example.com/a"', ' href="javascript:alert(1)"', ' href="mailto:desk@example.com" title="메일"'])
        : tag === "td" || tag === "th" ? pick(["", ' colspan="2"', ' rowspan="3"', ' colspan="0"'])
        : tag === "ol" ? pick(["", ' start="4"'])
        : "";
      const children = Array.from({ length: 1 + random(3) }, () => fragment(depth - 1)).join(pick(["", "\n", " "]));
      return `<${tag}${attrs}>${children}</${tag}>`;
    };
    for (let i = 0; i < 200; i++) {
      const body = Array.from({ length: 1 + random(3) }, () => fragment(4)).join("");
      const stored = sanitizeBody(body);
      expect(sanitizeBody(stored), body).toBe(stored);
      expect(editorHtml(stored), body).toBe(stored);
      expect(editorHtml(stored, false), body).toBe(stored);
      const saved = sanitizeBody(editorHtml(body, false));
      expect(editorHtml(saved), body).toBe(saved);
    }
  });
});

describe("what a body keeps", () => {
  it("a pasted office table keeps every cell and its text, in its own cell", () => {
    for (const [name, body] of [["Word", BODIES.wordTable], ["LibreOffice", BODIES.officeTable], ["a web page", BODIES.browserTable]]) {
      const stored = sanitizeBody(body);
      const rows = [...stored.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) => [...row.matchAll(/<t[hd]><p>(.*?)<\/p><\/t[hd]>/g)].map(([, text]) => text.replace(/<[^>]+>/g, "")));
      expect(rows, name).toEqual(KOREAN_TABLE_CELLS);
      expect(stored, name).toMatch(/^<(p|h3)>주요 동영상 생성 서비스 비교<\/\1><table><tbody><tr><t[hd]>/);
      expect(stored, name).not.toMatch(/style|class|mso|colgroup|width|o:p|<title|파트너 노트/);
    }
  });

  it("keeps footnote markers, links with one rel, and only this service's own images", () => {
    expect(sanitizeBody(BODIES.footnotes)).toBe(
      '<p>매출은 20%<sup>1</sup> 늘었고 CO<sub>2</sub> 배출은 줄었습니다.</p><p><sup>1</sup> <a href="https://example.com/ir" rel="noopener noreferrer nofollow">IR 자료</a> 기준</p>',
    );
    expect(sanitizeBody(`<p><a href="https://example.com" target="_blank" rel="opener" class="x">링크</a></p>`)).toBe(
      '<p><a href="https://example.com" rel="noopener noreferrer nofollow">링크</a></p>',
    );
    expect(sanitizeBody(`<img src="${OWN_IMAGE}" alt="차트" width="640" height="50%" title="t"><img src="https://example.com/x.png" alt="밖">`)).toBe(
      `<img src="${OWN_IMAGE}" alt="차트" width="640">`,
    );
    expect(sanitizeBody(`<img src="/images/${"A".repeat(64)}"><img src="/images/../secret"><img src="data:image/png;base64,AAAA">`)).toBe("");
  });

  it("drops what the toolbar no longer offers (colour, highlight, alignment, code, H1/H5/H6) but keeps the text", () => {
    expect(
      sanitizeBody(
        `<h1 style="text-align:center">제목</h1><p style="color:red;text-align:right"><mark>강조</mark> <code>x = 1</code> <span style="color:#f00">빨강</span></p><pre><code>코드</code></pre><h5>작은</h5><h6>더 작은</h6>`,
      ),
    ).toBe("<p>제목</p><p>강조 x = 1 빨강</p><p>코드</p><p>작은</p><p>더 작은</p>");
  });

  it("keeps blocks apart that unkept tags separated (div, section, h1): no two cells or lines run together", () => {
    expect(sanitizeBody("<div>Sora 2</div><div>20초</div><section><h1>요약</h1>본문</section>")).toBe("<p>Sora 2</p><p>20초</p><p>요약</p><p>본문</p>");
  });

  it("no script gets through, however a URL or tag is disguised", () => {
    const disguised = [
      `<a href=" javascript:alert(1)">a</a>`,
      `<a href="java&#x09;script:alert(1)">b</a>`,
      `<a href="JaVaScRiPt:alert(1)">c</a>`,
      `<a href="&#106;avascript:alert(1)">d</a>`,
      `<a href="data:text/html;base64,PHNjcmlwdD4=">e</a>`,
      `<a href="https://example.com" onclick="alert(1)" style="x">f</a>`,
      `<img src="${OWN_IMAGE}" onerror="alert(1)">`,
      `<svg><a href="javascript:alert(1)"><text>g</text></a></svg>`,
      `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
      `<p>h<script>alert(1)</script><iframe src="https://example.com"></iframe><object data="x"></object></p>`,
      `<table><tr><td background="javascript:alert(1)" onmouseover="alert(1)">i</td></tr></table>`,
    ].join("");
    const stored = sanitizeBody(disguised);
    expect(stored).not.toMatch(/javascript|data:|alert|on[a-z]+=|<script|<iframe|<object|<svg|<math|<style|style=/i);
    expect(stored).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">f</a>');
    expect(stored).toContain(`<img src="${OWN_IMAGE}">`);
  });

  it("an empty body is an empty string, as the editor saves it", () => {
    for (const empty of ["", "<p></p>", "<p> </p>", "<div>\n</div>", "<script>x</script>"]) expect(sanitizeBody(empty)).toBe("");
  });

  it("a body longer than the limit once in the editor's form → BAD_USER_INPUT on body: what is stored can be saved again", () => {
    const bold = "<p><b>굵게</b></p>";
    expect(sanitizeWithin(bold.repeat(4), 4 * "<p><strong>굵게</strong></p>".length)).toBe("<p><strong>굵게</strong></p>".repeat(4));
    expect(() => sanitizeWithin(bold.repeat(4), 4 * bold.length)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "body" }) }),
    );
  });

  it("a table of more than 100,000 cells in all → BAD_USER_INPUT on body", () => {
    const row = `<tr><td colspan="100"></td></tr>`;
    expect(() => sanitizeBody(`<table>${row.repeat(1_001)}</table>`)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "body" }) }));
    expect(sanitizeBody(`<table>${row.repeat(1_000)}</table>`)).toContain('colspan="100"');
  });
});
