import sanitize from "sanitize-html";

/**
 * The HTML a report body may keep: structure and emphasis, links to http(s) and mailto. Scripts,
 * styles, event handlers, iframes and `javascript:`/`data:` URLs are dropped.
 */
const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    "h2", "h3", "h4", "p", "br", "hr", "ul", "ol", "li", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitize.simpleTransform("a", { rel: "noopener noreferrer nofollow" }) },
};

export const sanitizeBody = (html: string): string => sanitize(html, OPTIONS);
