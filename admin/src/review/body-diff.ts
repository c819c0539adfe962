import { diffTokens } from "../diff";

const VOID_ELEMENTS = new Set(["br", "hr", "img", "wbr"]);

const escapeText = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (value: string): string => escapeText(value).replace(/"/g, "&quot;");

/**
 * A report body (HTML the server sanitized) as tokens: each tag, and each word of the text with the
 * whitespace after it, escaped again. A text token never starts with "<", so a tag is told apart by
 * its first character.
 */
function tokens(html: string): string[] {
  const out: string[] = [];
  const walk = (parent: Node): void => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        out.push(...(escapeText(node.textContent ?? "").match(/^\s+|\S+\s*/g) ?? []));
      } else if (node instanceof Element) {
        const name = node.localName;
        const attributes = Array.from(node.attributes, (a) => ` ${a.name}="${escapeAttribute(a.value)}"`).join("");
        out.push(`<${name}${attributes}>`);
        walk(node);
        if (!VOID_ELEMENTS.has(name)) out.push(`</${name}>`);
      }
    }
  };
  walk(new DOMParser().parseFromString(html, "text/html").body);
  return out;
}

/**
 * The corrected body rendered with the words it adds in <ins> and the words it removes in <del>,
 * inside the corrected body's own structure: its tags are kept, the removed ones dropped (the
 * words they held stay, struck through, where they were). The result is as safe as the two
 * sanitized bodies it is made of: it holds only their tags and their escaped text.
 */
export function bodyDiff(before: string, after: string): { html: string; changed: boolean } {
  let html = "";
  let open: "ins" | "del" | null = null;
  // The whitespace after the last word, written inside the mark only if the mark goes on.
  let space = "";
  const close = (): void => {
    if (open) html += `</${open}>`;
    open = null;
    html += space;
    space = "";
  };
  const steps = diffTokens(tokens(before), tokens(after));
  for (const { kind, token } of steps) {
    if (token.startsWith("<")) {
      close();
      if (kind !== "removed") html += token;
      continue;
    }
    const mark = kind === "added" ? "ins" : kind === "removed" ? "del" : null;
    if (mark !== open) {
      // Words replaced at the end of a text have no space after them: one keeps them apart.
      if (open === "del" && mark === "ins" && space === "") space = " ";
      close();
      if (mark) html += `<${mark} data-testid="diff-${kind}">`;
      open = mark;
    }
    const word = token.trimEnd();
    html += space + word;
    space = token.slice(word.length);
  }
  close();
  return { html, changed: steps.some((s) => s.kind !== "same") };
}
