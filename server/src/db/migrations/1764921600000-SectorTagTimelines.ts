import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each tag link carries its report's publication key, indexed per tag, so that a list filtered by
 * tag reads that tag's reports in date order instead of every report in date order, testing the
 * tag in each. A search for a common word under an unrelated tag used to fall to the bigram
 * index: about 2,000 candidates on 1,000,000 reports, each one's date read from the table. Along
 * the tag, the page is found after a few hundred reports.
 *
 * The key is a copy of `coalesce(reports.published_at, 'infinity')`, kept by triggers: links
 * take it after every statement that inserts them (the default until then, so that a statement
 * which writes reports and links together, such as the bench seed, can write it at once), and a
 * report's links follow every change of its publication time.
 */
export class SectorTagTimelines1764921600000 implements MigrationInterface {
  name = "SectorTagTimelines1764921600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_sector_tags ADD COLUMN publication_key timestamptz NOT NULL DEFAULT 'infinity'`);
    await q.query(`
      CREATE FUNCTION rd_refresh_link_publication_keys(report_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE report_sector_tags l SET publication_key = coalesce(r.published_at, 'infinity')
        FROM reports r
        WHERE r.id = ANY(report_ids) AND l.report_id = r.id
          AND l.publication_key IS DISTINCT FROM coalesce(r.published_at, 'infinity')
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rd_sync_sector_tag_ids() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- An update that moves no link, such as the refresh of their keys, has nothing to refresh
        -- (and would otherwise set this trigger off again, endlessly).
        IF TG_OP = 'UPDATE' THEN
          IF NOT EXISTS (SELECT report_id, sector_tag_id FROM new_links EXCEPT SELECT report_id, sector_tag_id FROM old_links) THEN
            RETURN NULL;
          END IF;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM new_links));
          PERFORM rd_refresh_link_publication_keys(ARRAY(SELECT DISTINCT report_id FROM new_links));
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          PERFORM rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM old_links));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION rd_report_publication_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM rd_refresh_link_publication_keys(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER reports_publication_changed AFTER UPDATE OF published_at ON reports
        FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
        EXECUTE FUNCTION rd_report_publication_changed()`);
    // After the trigger function's change: before it, this update would refresh every report's tag ids.
    await q.query(`
      UPDATE report_sector_tags l SET publication_key = r.published_at
      FROM reports r WHERE r.id = l.report_id AND r.published_at IS NOT NULL`);
    // The new index leads with the tag too, so it also serves the tag's foreign key.
    await q.query(`CREATE INDEX report_sector_tags_timeline_idx ON report_sector_tags (sector_tag_id, publication_key, report_id)`);
    await q.query(`DROP INDEX report_sector_tags_tag_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_publication_changed ON reports`);
    await q.query(`DROP FUNCTION rd_report_publication_changed()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rd_sync_sector_tag_ids() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM new_links));
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          PERFORM rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM old_links));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP FUNCTION rd_refresh_link_publication_keys(uuid[])`);
    await q.query(`CREATE INDEX report_sector_tags_tag_idx ON report_sector_tags (sector_tag_id, report_id)`);
    await q.query(`DROP INDEX report_sector_tags_timeline_idx`);
    await q.query(`ALTER TABLE report_sector_tags DROP COLUMN publication_key`);
  }
}
