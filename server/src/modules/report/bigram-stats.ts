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

  frequencies(): Promise<ReadonlyMap<string, number>> {
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
      `SELECT most_common_elems::text::text[] AS elems, most_common_elem_freqs::float8[] AS freqs
       FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'reports_search_idx' AND attname = 'rd_bigrams'`,
    );
    const { elems, freqs } = rows[0] ?? { elems: null, freqs: null };
    return new Map((elems ?? []).map((elem, i) => [elem, freqs![i]]));
  }
}
