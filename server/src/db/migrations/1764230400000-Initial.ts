import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The content model. Search uses a GIN index over character bigrams (see rd_bigrams): pg_trgm finds
 * no trigram in two-syllable Korean words such as 영상, and pg_bigm is not available in PGlite.
 */
export class Initial1764230400000 implements MigrationInterface {
  name = "Initial1764230400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN', 'EDITOR', 'REVIEWER')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE firms (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        name_en text,
        website text,
        is_partner boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX firms_name_idx ON firms (name COLLATE "C", id)`);
    await q.query(`
      CREATE TABLE analysts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        name_en text,
        title text,
        email text,
        firm_id uuid NOT NULL REFERENCES firms (id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX analysts_firm_idx ON analysts (firm_id, name COLLATE "C", id)`);
    await q.query(`CREATE INDEX analysts_name_idx ON analysts (name COLLATE "C", id)`);
    await q.query(`
      CREATE TABLE sector_tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        name text NOT NULL,
        name_en text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX sector_tags_name_idx ON sector_tags (name COLLATE "C", id)`);
    await q.query(`
      CREATE TABLE disclaimer_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firms (id) ON DELETE RESTRICT,
        version int NOT NULL CHECK (version >= 1),
        body text NOT NULL CHECK (btrim(body) <> ''),
        effective_from timestamptz NOT NULL,
        checksum text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (firm_id, version)
      )`);
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        subject text NOT NULL,
        summary text[] NOT NULL CHECK (cardinality(summary) BETWEEN 1 AND 5),
        body text NOT NULL,
        language text NOT NULL DEFAULT 'ko',
        status text NOT NULL DEFAULT 'DRAFT'
          CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED', 'RETRACTED')),
        published_at timestamptz,
        scheduled_at timestamptz,
        corrected_at timestamptz,
        retracted_at timestamptz,
        retraction_reason text,
        version int NOT NULL DEFAULT 1,
        firm_id uuid NOT NULL REFERENCES firms (id) ON DELETE RESTRICT,
        disclaimer_id uuid,
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reports_live_has_disclaimer
          CHECK (status NOT IN ('PUBLISHED', 'SCHEDULED') OR disclaimer_id IS NOT NULL),
        CONSTRAINT reports_published_has_time CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL),
        CONSTRAINT reports_scheduled_has_time CHECK (status <> 'SCHEDULED' OR scheduled_at IS NOT NULL),
        CONSTRAINT reports_retracted_has_reason
          CHECK (status <> 'RETRACTED' OR (retracted_at IS NOT NULL AND retraction_reason IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE disclaimer_snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        template_id uuid NOT NULL REFERENCES disclaimer_templates (id) ON DELETE RESTRICT,
        template_version int NOT NULL,
        text text NOT NULL,
        checksum text NOT NULL,
        attached_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        attached_at timestamptz NOT NULL DEFAULT now(),
        review_status text NOT NULL DEFAULT 'PENDING' CHECK (review_status IN ('PENDING', 'APPROVED', 'REJECTED')),
        reviewed_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        reviewed_at timestamptz,
        review_note text
      )`);
    await q.query(`CREATE INDEX disclaimer_snapshots_report_idx ON disclaimer_snapshots (report_id)`);
    await q.query(`
      ALTER TABLE reports ADD CONSTRAINT reports_disclaimer_fk
        FOREIGN KEY (disclaimer_id) REFERENCES disclaimer_snapshots (id) ON DELETE RESTRICT`);
    await q.query(`
      CREATE TABLE report_analysts (
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        analyst_id uuid NOT NULL REFERENCES analysts (id) ON DELETE RESTRICT,
        position int NOT NULL,
        PRIMARY KEY (report_id, analyst_id)
      )`);
    await q.query(`CREATE INDEX report_analysts_analyst_idx ON report_analysts (analyst_id, report_id)`);
    await q.query(`
      CREATE TABLE report_sector_tags (
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
        sector_tag_id uuid NOT NULL REFERENCES sector_tags (id) ON DELETE RESTRICT,
        PRIMARY KEY (report_id, sector_tag_id)
      )`);
    await q.query(`CREATE INDEX report_sector_tags_tag_idx ON report_sector_tags (sector_tag_id, report_id)`);

    // Keyset orders. The publication key puts unpublished rows (staff views) first in newest-first order.
    await q.query(`
      CREATE INDEX reports_published_key_idx ON reports
        ((coalesce(published_at, 'infinity'::timestamptz)), id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX reports_staff_key_idx ON reports ((coalesce(published_at, 'infinity'::timestamptz)), id)`);
    await q.query(`
      CREATE INDEX reports_firm_published_key_idx ON reports
        (firm_id, (coalesce(published_at, 'infinity'::timestamptz)), id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX reports_firm_idx ON reports (firm_id)`);
    await q.query(`CREATE INDEX reports_title_key_idx ON reports ((title COLLATE "C"), id) WHERE status = 'PUBLISHED'`);
    await q.query(`CREATE INDEX reports_status_idx ON reports (status)`);

    // Linear-time bigrams: one pass over the characters (substr() in a loop rescans the UTF-8 text
    // for every offset and is quadratic). Whitespace never occurs inside a search word, so bigrams
    // that contain it are left out of the index.
    await q.query(`
      CREATE FUNCTION rd_bigrams(t text) RETURNS text[]
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT g), '{}')
        FROM (
          SELECT c || lead(c) OVER (ORDER BY i) AS g
          FROM unnest(string_to_array(lower(t), NULL)) WITH ORDINALITY AS u(c, i)
        ) pairs
        WHERE g IS NOT NULL AND g !~ '\\s'
      $$`);
    // What search sees: every text field, tags stripped from the body and common entities decoded.
    await q.query(`
      CREATE FUNCTION rd_report_search_doc(title text, subject text, summary text[], body text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT lower(concat_ws(' ', title, subject, array_to_string(summary, ' '),
          replace(replace(replace(replace(replace(
            regexp_replace(body, '<[^>]*>', ' ', 'g'),
            '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&')))
      $$`);
    await q.query(`
      CREATE INDEX reports_search_idx ON reports
        USING gin (rd_bigrams(rd_report_search_doc(title, subject, summary, body)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_sector_tags, report_analysts`);
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_disclaimer_fk`);
    await q.query(`DROP TABLE disclaimer_snapshots, reports, disclaimer_templates, sector_tags, analysts, firms, users`);
    await q.query(`DROP FUNCTION rd_report_search_doc(text, text, text[], text), rd_bigrams(text)`);
  }
}
