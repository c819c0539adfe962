import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * One GIN index over each report's bigrams and its tag ids. A search by tag and word then
 * intersects both inside the index and reads only the rows that have both: with two separate
 * indexes PostgreSQL read every row the bigram index named (16,804 for `반도체` on 1,000,000
 * reports) and tested the tag in each. A multicolumn GIN index serves a tag filter alone as well
 * as the old tag index did, so that one goes.
 *
 * Builds the bigram index again (22 minutes for 1,000,000 reports with 1 GB of
 * maintenance_work_mem). The README advises dropping it before migrating a large database,
 * hence IF EXISTS.
 */
export class SearchIndexWithTags1764835200000 implements MigrationInterface {
  name = "SearchIndexWithTags1764835200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS reports_search_idx`);
    await q.query(`DROP INDEX reports_sector_tags_idx`);
    await q.query(`CREATE INDEX reports_search_idx ON reports USING gin (rd_bigrams(search_doc), sector_tag_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_search_idx`);
    await q.query(`CREATE INDEX reports_sector_tags_idx ON reports USING gin (sector_tag_ids)`);
    await q.query(`CREATE INDEX reports_search_idx ON reports USING gin (rd_bigrams(search_doc))`);
  }
}
