import { badInput } from "../../kernel/errors";
import { searchable } from "../../kernel/validate";

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 8;

/**
 * Splits a search query into words that must all occur. One-character words are refused: every
 * row would match their single character, so no index could narrow the search.
 */
export function searchWords(search: string): string[] {
  const text = searchable(search, "search").normalize("NFC").trim();
  if (text.length > MAX_SEARCH_LENGTH) throw badInput({ reason: "TOO_LONG", params: { max: MAX_SEARCH_LENGTH } }, `search may have at most ${MAX_SEARCH_LENGTH} characters`, "search");
  const words = [...new Set(text.split(/\s+/u).filter(Boolean))];
  if (words.length > MAX_SEARCH_WORDS) throw badInput({ reason: "TOO_MANY_WORDS", params: { max: MAX_SEARCH_WORDS } }, `search may have at most ${MAX_SEARCH_WORDS} words`, "search");
  const short = words.find((w) => [...w].length < 2);
  if (short !== undefined) throw badInput({ reason: "WORD_TOO_SHORT", params: { min: 2, word: short } }, `search words need at least 2 characters: "${short}"`, "search");
  return words;
}

/** A bigram in at least this share of reports narrows nothing worth an index lookup. */
const COMMON_BIGRAM = 0.02;

/**
 * Whether the bigram index would return most of the table for `word` (`frequencies` from
 * BigramStats): a two-character word is one bigram, so its share of reports is known, and a
 * common one is faster found by reading reports in order and testing the word. A longer word is
 * rarer than each of its bigrams, by how much no statistic tells, so it always uses the index.
 */
export function isUnselective(word: string, frequencies: ReadonlyMap<string, number>): boolean {
  const chars = [...word.toLowerCase()];
  return chars.length === 2 && (frequencies.get(chars.join("")) ?? 0) >= COMMON_BIGRAM;
}
