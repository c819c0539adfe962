import { beforeAll, describe, expect, it } from "vitest";
import { isUnselective } from "../server/src/modules/search/search-words";
import { expectedSearch } from "./helpers/demo";
import { codesOf, errorsOf } from "./helpers/graphql";
import { MODE, serverForThisFile } from "./helpers/server";

const running = serverForThisFile();

// On the server PostgreSQL the index has statistics before the first search, so words whose
// bigrams are all common are searched without the index (the embedded runs keep using it): both
// ways must give the same answers.
beforeAll(async () => {
  if (MODE === "server") await running.db().sql("ANALYZE reports");
});

const SEARCH = `query($search: String, $first: Int) {
  reports(filter: { search: $search }, first: $first) { totalCount nodes { title status } }
}`;

async function search(text: string): Promise<{ totalCount: number; titles: string[] }> {
  const { reports } = await running.server().client.request<{ reports: { totalCount: number; nodes: { title: string; status: string }[] } }>(
    SEARCH,
    { search: text, first: 100 },
  );
  expect(reports.nodes.every((r) => r.status === "PUBLISHED")).toBe(true);
  return { totalCount: reports.totalCount, titles: reports.nodes.map((r) => r.title).sort() };
}

describe("full-text search", () => {
  // Each expectation comes from the demo texts themselves (substring match), not from the database.
  it.each([
    ["a three-syllable Korean word", "동영상"],
    ["a two-syllable Korean word inside longer words", "영상"],
    ["another two-syllable word", "주식"],
    ["an English term", "Sora"],
    ["an English term in other case", "sORA"],
    ["English that appears in several cases", "battery"],
    ["two words that must both occur", "영상 AI"],
    ["Korean and English mixed in one word list", "주식 GPU"],
    ["a word from a title only", "루미나모션"],
  ])("finds %s (%s)", async (_label, text) => {
    const expected = expectedSearch(text);
    expect(expected.length).toBeGreaterThan(0);
    const found = await search(text);
    expect(found.titles).toEqual(expected);
    expect(found.totalCount).toBe(expected.length);
  });

  it.runIf(MODE === "server")("searches a common two-character word without the index, with the same answers", async () => {
    const [stats] = await running.db().sql(
      `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs::float8[] AS freqs FROM pg_stats WHERE tablename = 'reports_search_idx' AND attname = 'rd_bigrams'`,
    );
    const elems = stats.elems as string[];
    const frequencies = new Map(elems.map((e, i) => [e, (stats.freqs as number[])[i]]));
    expect(isUnselective("영상", frequencies)).toBe(true);
    expect((await search("영상")).titles).toEqual(expectedSearch("영상"));
  });

  it("narrows: 동영상 finds a strict subset of 영상", async () => {
    const long = await search("동영상");
    const short = await search("영상");
    expect(short.titles.length).toBeGreaterThan(long.titles.length);
    expect(short.titles).toEqual(expect.arrayContaining(long.titles));
  });

  it("returns nothing when one of the words is absent", async () => {
    expect(await search("동영상 양자컴퓨터")).toEqual({ totalCount: 0, titles: [] });
  });

  it("refuses one-character words, since they would need a full scan", async () => {
    for (const text of ["영", "AI 주 식", "a"]) {
      const errors = await errorsOf(running.server().client, SEARCH, { search: text });
      expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
      expect(errors[0].message).toMatch(/at least 2 characters/);
    }
  });

  it("ignores surrounding and repeated whitespace", async () => {
    expect((await search("  영상   AI  ")).titles).toEqual(expectedSearch("영상 AI"));
  });
});

describe("isUnselective", () => {
  const frequencies = new Map([["영상", 0.8], ["주식", 1], ["식시", 0.001]]);
  it("is true only for a two-character word whose bigram is common", () => {
    expect(isUnselective("영상", frequencies)).toBe(true);
    expect(isUnselective("주식", frequencies)).toBe(true);
    expect(isUnselective("양자", frequencies)).toBe(false); // unknown bigrams are rare
    expect(isUnselective("영상영", frequencies)).toBe(false); // longer words always use the index
  });
});
