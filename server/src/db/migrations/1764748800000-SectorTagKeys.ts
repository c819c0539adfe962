import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each report's sector tag ids, kept on the report itself with a GIN index, so that a search by
 * tag and word tests the tag in the row before it reads the document for the word (it used to
 * confirm the word in every date-matching candidate first, then look for the tag: thousands of
 * documents per search on 1,000,000 reports), and a tag filter alone can use an index. The link
 * table stays the truth: statement triggers on it keep the copy, so no write path can forget it.
 */
export class SectorTagKeys1764748800000 implements MigrationInterface {
  name = "SectorTagKeys1764748800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports ADD COLUMN sector_tag_ids uuid[] NOT NULL DEFAULT '{}'`);
    // Before the rows are filled in: each update leaves a deferred publish-gate check pending,
    // and PostgreSQL builds no index on a table with pending trigger events.
    await q.query(`CREATE INDEX reports_sector_tags_idx ON reports USING gin (sector_tag_ids)`);
    await q.query(`
      CREATE FUNCTION rd_refresh_sector_tag_ids(report_ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE reports r SET sector_tag_ids = x.ids
        FROM (
          SELECT u.id, ARRAY(SELECT l.sector_tag_id FROM report_sector_tags l WHERE l.report_id = u.id ORDER BY l.sector_tag_id) AS ids
          FROM unnest(report_ids) AS u(id)
        ) x
        WHERE r.id = x.id AND r.sector_tag_ids IS DISTINCT FROM x.ids
      $$`);
    await q.query(`SELECT rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM report_sector_tags))`);
    // Statement triggers with transition tables: a bulk insert of links updates each report once.
    await q.query(`
      CREATE FUNCTION rd_sync_sector_tag_ids() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM new_links));
        END IF;
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          PERFORM rd_refresh_sector_tag_ids(ARRAY(SELECT DISTINCT report_id FROM old_links));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_sector_tags_inserted AFTER INSERT ON report_sector_tags
        REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION rd_sync_sector_tag_ids()`);
    await q.query(`
      CREATE TRIGGER report_sector_tags_deleted AFTER DELETE ON report_sector_tags
        REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION rd_sync_sector_tag_ids()`);
    await q.query(`
      CREATE TRIGGER report_sector_tags_updated AFTER UPDATE ON report_sector_tags
        REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION rd_sync_sector_tag_ids()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reports_sector_tags_idx`);
    await q.query(`DROP TRIGGER report_sector_tags_updated ON report_sector_tags`);
    await q.query(`DROP TRIGGER report_sector_tags_deleted ON report_sector_tags`);
    await q.query(`DROP TRIGGER report_sector_tags_inserted ON report_sector_tags`);
    await q.query(`DROP FUNCTION rd_sync_sector_tag_ids()`);
    await q.query(`DROP FUNCTION rd_refresh_sector_tag_ids(uuid[])`);
    await q.query(`ALTER TABLE reports DROP COLUMN sector_tag_ids`);
  }
}
