import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Images (charts and figures) stored by content hash, in the database so that both modes and every
 * backup carry them, and which live report bodies show each one.
 *
 * `images` rows never change: the hash is the SHA-256 of the bytes (the database checks it), so the
 * same bytes are one row however often they are uploaded. The runtime role may insert and read
 * them, nothing more (see grantRuntimeRole).
 *
 * `report_images` links a report to the images its live body shows; an image is public exactly
 * while a report that clients may read links it. A trigger keeps it from the body itself, so that
 * every path that writes a body (editing a draft, applying a correction, restoring, raw SQL) keeps
 * it without knowing of it; it runs as the owner, and the runtime role may only read the links, so
 * the server cannot make an image public that no live body shows. The foreign key refuses a body
 * that shows an image the database does not have. No existing body shows one: the sanitizer
 * dropped every <img> until now, so there is nothing to link here.
 */
export class Images1765353600000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE images (
        hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
        content_type text NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
        width int NOT NULL CHECK (width > 0),
        height int NOT NULL CHECK (height > 0),
        bytes int NOT NULL CHECK (bytes BETWEEN 1 AND 5242880),
        data bytea NOT NULL,
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT images_size CHECK (octet_length(data) = bytes),
        CONSTRAINT images_content_hash CHECK (hash = encode(sha256(data), 'hex'))
      )`);
    // PNG, JPEG and WebP are compressed already: PostgreSQL's own compression would only cost time.
    await q.query(`ALTER TABLE images ALTER COLUMN data SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE TABLE report_images (
        hash text NOT NULL REFERENCES images (hash),
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        PRIMARY KEY (hash, report_id)
      )`);
    await q.query(`CREATE INDEX report_images_report_idx ON report_images (report_id)`);
    // The form the sanitizer writes (double quotes, lower-case hex); modules/image/image-urls.ts reads the same.
    await q.query(`
      CREATE FUNCTION rd_track_report_images() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          EXECUTE format('DELETE FROM %I.report_images WHERE report_id = $1', TG_TABLE_SCHEMA) USING NEW.id;
        END IF;
        EXECUTE format(
          'INSERT INTO %I.report_images (hash, report_id)
           SELECT DISTINCT m[1], $1 FROM regexp_matches($2, ''src="/images/([0-9a-f]{64})"'', ''g'') AS m',
          TG_TABLE_SCHEMA) USING NEW.id, NEW.body;
        RETURN NULL;
      END $$`);
    // Only bodies that show or showed an image call the function: the others cost a LIKE.
    await q.query(`
      CREATE TRIGGER reports_track_images_insert AFTER INSERT ON reports
        FOR EACH ROW WHEN (NEW.body LIKE '%/images/%') EXECUTE FUNCTION rd_track_report_images()`);
    await q.query(`
      CREATE TRIGGER reports_track_images_update AFTER UPDATE OF body ON reports
        FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body AND (OLD.body LIKE '%/images/%' OR NEW.body LIKE '%/images/%'))
        EXECUTE FUNCTION rd_track_report_images()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER reports_track_images_update ON reports`);
    await q.query(`DROP TRIGGER reports_track_images_insert ON reports`);
    await q.query(`DROP FUNCTION rd_track_report_images()`);
    await q.query(`DROP TABLE report_images`);
    await q.query(`DROP TABLE images`);
  }
}
