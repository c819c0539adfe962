import { PUBLICATION_KEY, type KeysetCondition, type OrderSpec } from "./order";

/** A condition on the publication key, written for whichever rows carry it (Timeline). */
export type RangeCondition = (publicationKey: string) => string;

/**
 * Rows to read reports from in an order: the reports themselves, or, in publication order, one
 * tag's links with their copy of the publication key (SectorTagTimelines), which walk only that
 * tag's reports.
 */
export interface Timeline {
  from: string;
  publicationKey: string;
  orderKey: string;
  id: string;
  conditions: string[];
  /** The tag whose links these are (a parameter or column), whose test every row passes; or null. */
  tag: string | null;
  /**
   * How many reports a search walk (walkStatement) reads per row of the page, at most. A walk that
   * falls short costs its reads and then the index's candidates, each one's date read from the
   * table: as many as the word's share of the reports the index searches. Along every report
   * that share can be thousands, so the walk may go further (100 reports, of which a tag, when
   * there is one, lets a few through to the word test). Along a tag the index names at most the
   * tag's reports, and every report the walk reads has its document searched (about 20 µs each),
   * so it stops sooner: 20 finds a word in 5% of the tag's reports, where on 1,000,000 reports the
   * two paths cost about the same (8 ms).
   */
  walkRowsPerRow: number;
}

export const reportRows = (spec: OrderSpec): Timeline => ({
  from: "reports r",
  publicationKey: PUBLICATION_KEY,
  orderKey: spec.key,
  id: "r.id",
  conditions: [],
  tag: null,
  walkRowsPerRow: 100,
});

const tagRows = (tag: string): Timeline => ({
  from: "report_sector_tags t JOIN reports r ON r.id = t.report_id",
  publicationKey: "t.publication_key",
  orderKey: "t.publication_key",
  id: "t.report_id",
  conditions: [`t.sector_tag_id = ${tag}`],
  tag,
  walkRowsPerRow: 20,
});

/**
 * The rows a list reads in its order: by tag, in publication order, that tag's links, since a
 * walk then passes only the tag's reports (for a common word under an unrelated tag, a few
 * hundred instead of thousands).
 */
export function timeline(tag: string | null, spec: OrderSpec): Timeline {
  return tag && spec.key === PUBLICATION_KEY ? tagRows(tag) : reportRows(spec);
}

/** The timeline's own conditions with a list's date range and keyset, written for its rows. */
export function along(rows: Timeline, { range, keyset }: { range: RangeCondition[]; keyset: KeysetCondition[] }): string[] {
  return [...rows.conditions, ...range.map((c) => c(rows.publicationKey)), ...keyset.map((c) => c(rows.orderKey, rows.id))];
}
