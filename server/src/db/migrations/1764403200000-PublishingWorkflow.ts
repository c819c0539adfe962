import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The disclaimer gate in the database, working copies for corrections, blocked schedules and the
 * append-only publication log with its live periods.
 */
export class PublishingWorkflow1764403200000 implements MigrationInterface {
  name = "PublishingWorkflow1764403200000";

  async up(q: QueryRunner): Promise<void> {
    // Whatever the application does, a live row must point to an approved, intact snapshot of its
    // own. Deferred to commit, because the snapshot and the report are written in one transaction.
    await q.query(`
      CREATE FUNCTION rd_live_disclaimer_problem(live_report uuid) RETURNS text
      LANGUAGE sql STABLE AS $$
        SELECT CASE
          WHEN s.id IS NULL THEN 'has no disclaimer'
          WHEN s.report_id <> r.id THEN 'points to another report''s disclaimer'
          WHEN s.review_status <> 'APPROVED' THEN 'has a disclaimer that is not approved'
          WHEN s.reviewed_by_id IS NULL THEN 'has a disclaimer without a reviewer'
          WHEN btrim(s.text) = '' THEN 'has an empty disclaimer'
          WHEN s.checksum <> encode(sha256(convert_to(s.text, 'UTF8')), 'hex') THEN 'has a disclaimer whose checksum does not match its text'
        END
        FROM reports r LEFT JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
        WHERE r.id = live_report AND r.status IN ('PUBLISHED', 'SCHEDULED')
      $$`);
    await q.query(`
      DO $$
      DECLARE bad int;
      BEGIN
        SELECT count(*) INTO bad FROM reports WHERE rd_live_disclaimer_problem(id) IS NOT NULL;
        IF bad > 0 THEN
          RAISE EXCEPTION '% published or scheduled reports lack an approved disclaimer; fix them before upgrading', bad;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION rd_check_live_report() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE problem text := rd_live_disclaimer_problem(NEW.id);
      BEGIN
        IF problem IS NOT NULL THEN
          RAISE EXCEPTION 'report % is live but %', NEW.id, problem USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER reports_live_needs_approved_disclaimer
        AFTER INSERT OR UPDATE ON reports DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION rd_check_live_report()`);

    // Snapshots are evidence: once approved nothing changes, and the text never changes at all.
    await q.query(`
      CREATE FUNCTION rd_guard_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.review_status = 'APPROVED' THEN
            RAISE EXCEPTION 'an approved disclaimer snapshot cannot be deleted' USING ERRCODE = 'insufficient_privilege';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.review_status = 'APPROVED' THEN
          RAISE EXCEPTION 'an approved disclaimer snapshot cannot change' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.report_id, NEW.template_id, NEW.template_version, NEW.text, NEW.checksum, NEW.attached_by_id, NEW.attached_at)
           IS DISTINCT FROM (OLD.report_id, OLD.template_id, OLD.template_version, OLD.text, OLD.checksum, OLD.attached_by_id, OLD.attached_at) THEN
          RAISE EXCEPTION 'a disclaimer snapshot is never rewritten; attach a new one' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER disclaimer_snapshots_guard BEFORE UPDATE OR DELETE ON disclaimer_snapshots
        FOR EACH ROW EXECUTE FUNCTION rd_guard_snapshot()`);
    await q.query(`
      CREATE FUNCTION rd_guard_template() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM disclaimer_snapshots WHERE template_id = OLD.id) THEN
          RAISE EXCEPTION 'disclaimer template % v% is used by a report and cannot change', OLD.firm_id, OLD.version
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(`
      CREATE TRIGGER disclaimer_templates_guard BEFORE UPDATE OR DELETE ON disclaimer_templates
        FOR EACH ROW EXECUTE FUNCTION rd_guard_template()`);

    // The firm's current template: its highest version already in effect.
    await q.query(`
      CREATE FUNCTION rd_current_template(firm uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT id FROM disclaimer_templates WHERE firm_id = firm AND effective_from <= now() ORDER BY version DESC LIMIT 1
      $$`);
    await q.query(`ALTER TABLE reports ADD COLUMN schedule_blocked_at timestamptz, ADD COLUMN schedule_blocked_reason text`);
    await q.query(`CREATE INDEX reports_due_idx ON reports (scheduled_at) WHERE status = 'SCHEDULED'`);

    // A correction of an approved, scheduled or published report: edited and reviewed here while
    // clients keep reading the report's live fields.
    await q.query(`
      CREATE TABLE report_working_copies (
        report_id uuid PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
        title text NOT NULL,
        subject text NOT NULL,
        summary text[] NOT NULL CHECK (cardinality(summary) BETWEEN 1 AND 5),
        body text NOT NULL,
        language text NOT NULL,
        analyst_ids uuid[] NOT NULL,
        sector_tag_ids uuid[] NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED')),
        disclaimer_id uuid REFERENCES disclaimer_snapshots (id) ON DELETE RESTRICT,
        version int NOT NULL,
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        updated_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_working_copies_status_idx ON report_working_copies (status)`);

    await q.query(`
      CREATE TABLE publication_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports (id) ON DELETE RESTRICT,
        event text NOT NULL CHECK (event IN ('WENT_LIVE', 'CORRECTED', 'RETRACTED')),
        content_checksum text NOT NULL,
        disclaimer_checksum text,
        revision_id uuid REFERENCES report_revisions (id) ON DELETE RESTRICT,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX publication_events_report_idx ON publication_events (report_id, at, id)`);
    await q.query(`
      CREATE TRIGGER publication_events_append_only BEFORE UPDATE OR DELETE ON publication_events
        FOR EACH ROW EXECUTE FUNCTION rd_refuse_audit_change()`);
    await q.query(`
      CREATE TRIGGER publication_events_no_truncate BEFORE TRUNCATE ON publication_events
        FOR EACH STATEMENT EXECUTE FUNCTION rd_refuse_audit_change()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION rd_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    // What clients could read, and when: each WENT_LIVE or CORRECTED event opens a period that the
    // report's next event closes.
    await q.query(`
      CREATE VIEW report_live_periods AS
      SELECT report_id, content_checksum, disclaimer_checksum, revision_id, at AS live_from, live_until
      FROM (
        SELECT e.*, lead(e.at) OVER (PARTITION BY e.report_id ORDER BY e.at, e.id) AS live_until
        FROM publication_events e
      ) periods
      WHERE event <> 'RETRACTED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW report_live_periods`);
    await q.query(`DROP TABLE publication_events, report_working_copies`);
    await q.query(`DROP INDEX reports_due_idx`);
    await q.query(`ALTER TABLE reports DROP COLUMN schedule_blocked_at, DROP COLUMN schedule_blocked_reason`);
    await q.query(`DROP TRIGGER disclaimer_templates_guard ON disclaimer_templates`);
    await q.query(`DROP TRIGGER disclaimer_snapshots_guard ON disclaimer_snapshots`);
    await q.query(`DROP TRIGGER reports_live_needs_approved_disclaimer ON reports`);
    await q.query(
      `DROP FUNCTION rd_current_template(uuid), rd_guard_template(), rd_guard_snapshot(), rd_check_live_report(), rd_live_disclaimer_problem(uuid)`,
    );
  }
}
