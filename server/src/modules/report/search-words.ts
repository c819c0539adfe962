import { badInput } from "../../common/errors";
import { searchable } from "../../common/validate";

export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_WORDS = 8;

/**
 * Splits a search query into words that must all occur. One-character words are refused: every
 * row would match their single character, so no index could narrow the search.
 */
export function searchWords(search: string): string[] {
  const text = searchable(search, "search").normalize("NFC").trim();
  if (text.length > MAX_SEARCH_LENGTH) throw badInput(`search may have at most ${MAX_SEARCH_LENGTH} characters`, "search");
  const words = [...new Set(text.split(/\s+/u).filter(Boolean))];
  if (words.length > MAX_SEARCH_WORDS) throw badInput(`search may have at most ${MAX_SEARCH_WORDS} words`, "search");
  const short = words.find((w) => [...w].length < 2);
  if (short !== undefined) throw badInput(`search words need at least 2 characters: "${short}"`, "search");
  return words;
}
