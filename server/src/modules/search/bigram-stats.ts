import type { DataSource } from "typeorm";

const REFRESH_MS = 10 * 60_000;

/**
 * How often each character bigram occurs in reports, as PostgreSQL's statistics of the search
 * index know it (the most common ones only; ANALYZE keeps them current). Read again every ten
 * minutes; empty where there are no statistics yet.
 */
export class BigramStats {
  private loaded: Promise<ReadonlyMap<string, number>> | null = null;
  private loadedAt = 0;

  constructor(private readonly dataSource: DataSource) {}

  /** The statistics when a list searches (they decide whether the index helps), else none. */
  forSearch(search: string | null | undefined): Promise<ReadonlyMap<string, number>> {
    return search ? this.frequencies() : Promise.resolve(new Map());
  }

  private frequencies(): Promise<ReadonlyMap<string, number>> {
    if (!this.loaded || Date.now() - this.loadedAt > REFRESH_MS) {
      this.loadedAt = Date.now();
      this.loaded = this.load().catch((error: unknown) => {
        this.loaded = null;
        throw error;
      });
    }
    return this.loaded;
  }

  private async load(): Promise<ReadonlyMap<string, number>> {
    const rows: { elems: string[] | null; freqs: number[] | null }[] = await this.dataSource.query(
      // Through a function owned by the index's owner: pg_stats hides an index's statistics from other roles.
      `SELECT elems, freqs FROM rd_search_bigram_stats(current_schema())`,
    );
    const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
    return new Map((elems ?? []).map((elem, i) => [elem, freqs![i]]));
  }
}
