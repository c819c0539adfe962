import { badInput } from "./errors";

export interface TextRule {
  max: number;
  min?: number;
  /** Allows line breaks and tabs. */
  multiline?: boolean;
  /** HTML that the caller sanitizes; every other text refuses markup. */
  html?: boolean;
}

// Control characters other than tab and newlines never belong in content.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const CONTROL_OR_BREAK = /[\u0000-\u001F\u007F]/u;
// A lone UTF-16 surrogate (valid in JSON, not in UTF-8): PostgreSQL's json type refuses it.
const LONE_SURROGATE = /\p{Cs}/u;
// What an HTML parser would read as a tag, comment or declaration; `<` before a space or Hangul is text.
const MARKUP = /<[A-Za-z!/?]/;

/**
 * For text that is only looked up, never stored (slugs, search, cursors): PostgreSQL refuses the
 * NUL character outright, so it must be a client error here rather than a failed query.
 */
export function searchable(value: string, field: string, max = 1000): string {
  if (value.includes("\u0000") || LONE_SURROGATE.test(value) || value.length > max) throw badInput({ reason: "INVALID_TEXT", params: { max } }, `${field} is not valid`, field);
  return value;
}

/** Trimmed NFC text (macOS keyboards send decomposed Hangul), length counted in characters. */
export function text(value: string, field: string, rule: TextRule): string {
  const clean = value.normalize("NFC").trim();
  const length = [...clean].length;
  const min = rule.min ?? 1;
  if (length < min) {
    throw min === 1
      ? badInput({ reason: "REQUIRED" }, `${field} must not be empty`, field)
      : badInput({ reason: "TOO_SHORT", params: { min } }, `${field} needs at least ${min} characters`, field);
  }
  if (length > rule.max) throw badInput({ reason: "TOO_LONG", params: { max: rule.max } }, `${field} may have at most ${rule.max} characters`, field);
  if ((rule.multiline ? CONTROL : CONTROL_OR_BREAK).test(clean)) throw badInput({ reason: "CONTROL_CHARACTERS" }, `${field} contains control characters`, field);
  if (LONE_SURROGATE.test(clean)) throw badInput({ reason: "INVALID_UNICODE" }, `${field} is not valid Unicode text`, field);
  if (!rule.html && MARKUP.test(clean)) throw badInput({ reason: "MARKUP_NOT_ALLOWED" }, `${field} is plain text and may not contain HTML tags`, field);
  return clean;
}

export function optionalText(value: string | null | undefined, field: string, rule: TextRule): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return text(value, field, rule);
}

export function list<T>(values: T[], field: string, min: number, max: number): T[] {
  if (values.length < min || values.length > max) {
    throw badInput({ reason: "ITEM_COUNT", params: { min, max } }, min === max ? `${field} needs exactly ${min} items` : `${field} needs ${min}–${max} items`, field);
  }
  return values;
}

export function webUrl(value: string | null | undefined, field: string): string | null {
  const clean = optionalText(value, field, { max: 300 });
  if (clean === null) return null;
  let url: URL;
  try {
    url = new URL(clean);
  } catch {
    throw badInput({ reason: "NOT_A_URL" }, `${field} must be an http(s) URL`, field);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw badInput({ reason: "NOT_A_URL" }, `${field} must be an http(s) URL`, field);
  return url.toString();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

export function email(value: string, field = "email"): string {
  const clean = text(value, field, { max: 254 }).toLowerCase();
  if (!EMAIL.test(clean)) throw badInput({ reason: "NOT_AN_EMAIL" }, `${field} is not an e-mail address`, field);
  return clean;
}

const SLUG = /^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u;

/** Lower-case letters (Hangul included), digits and single hyphens. */
export function slug(value: string, field = "slug"): string {
  const clean = text(value, field, { max: 80 });
  if (!SLUG.test(clean)) throw badInput({ reason: "INVALID_SLUG" }, `${field} may contain lower-case letters, digits and single hyphens`, field);
  return clean;
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** NFC, so that a Hangul password typed on macOS (decomposed) matches one typed elsewhere. */
export function password(value: string, field = "password"): string {
  value = value.normalize("NFC");
  const length = [...value].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    throw badInput({ reason: "PASSWORD_LENGTH", params: { min: PASSWORD_MIN, max: PASSWORD_MAX } }, `${field} needs ${PASSWORD_MIN}–${PASSWORD_MAX} characters`, field);
  }
  return value;
}

