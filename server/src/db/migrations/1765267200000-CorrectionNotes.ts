import type { MigrationInterface, QueryRunner } from "typeorm";

/** What a correction note may be: 1–500 characters, at most 5 lines (the service says the same). */
const NOTE_CHECK = (column: string): string =>
  `CHECK (${column} IS NULL OR (btrim(${column}) <> '' AND char_length(${column}) <= 500
     AND cardinality(string_to_array(${column}, E'\\n')) <= 5))`;

/**
 * A correction carries a public correction note: what it changes, in the editor's words. The note
 * is reviewed content, so the rules that keep reviewed content keep it too:
 *
 * - `rd_content_checksum` takes the note as a fifth value, appended to the array only when there
 *   is one, so that every checksum recorded before (no note) is still the checksum of its content.
 *   An approval records the checksum of the correction's content with its note; the gate refuses a
 *   live report whose content and note are not what was approved (CONTENT_NOT_APPROVED), and
 *   changing a live report's note is checked like changing its body.
 * - A correction in review or approved cannot change its content or note (CORRECTION_FROZEN,
 *   RD205): the reviewer decides on what they saw, and an approved correction is published as
 *   approved. Sending it back to DRAFT (withdraw, reject, a new disclaimer) lets it change again,
 *   and a new review is then needed.
 * - The publication log records the note that became readable with a correction (and the content
 *   checksum covers it there too), so `report_live_periods` shows it.
 *
 * Not reversible, like the gate it extends: undoing it would let an approved note change.
 */
export class CorrectionNotes1765267200000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_working_copies ADD COLUMN correction_note text ${NOTE_CHECK("correction_note")}`);
    await q.query(`ALTER TABLE reports ADD COLUMN correction_note text ${NOTE_CHECK("correction_note")}`);
    await q.query(`
      ALTER TABLE publication_events ADD COLUMN correction_note text
        CHECK (correction_note IS NULL OR event IN ('CORRECTED', 'RETRACTED'))`);
    await q.query(`
      CREATE OR REPLACE VIEW report_live_periods AS
      SELECT report_id, content_checksum, disclaimer_checksum, revision_id, at AS live_from, live_until, correction_note
      FROM (
        SELECT e.*, lead(e.at) OVER (PARTITION BY e.report_id ORDER BY e.at, e.id) AS live_until
        FROM publication_events e
      ) periods
      WHERE event <> 'RETRACTED'`);

    await q.query(`DROP FUNCTION rd_content_checksum(text, text, text[], text)`);
    await q.query(`
      CREATE FUNCTION rd_content_checksum(title text, subject text, summary text[], body text, correction_note text DEFAULT NULL)
      RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT encode(sha256(convert_to((jsonb_build_array(title, subject, summary, body)
          || CASE WHEN correction_note IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(correction_note) END)::text, 'UTF8')), 'hex')
      $$`);

    // As in DisclaimerIntegrity, with the note in the content the reviewer approved.
    await q.query(`
      CREATE OR REPLACE FUNCTION rd_live_gate_problem(report_id uuid, check_current boolean, OUT sqlstate text, OUT message text)
      LANGUAGE plpgsql STABLE AS $$
      DECLARE
        r reports;
        s disclaimer_snapshots;
        t disclaimer_templates;
      BEGIN
        SELECT * INTO r FROM reports WHERE id = report_id;
        IF NOT FOUND OR r.status NOT IN ('PUBLISHED', 'SCHEDULED') THEN RETURN; END IF;
        SELECT * INTO s FROM disclaimer_snapshots WHERE id = r.disclaimer_id;
        IF NOT FOUND THEN
          sqlstate := 'RD101'; message := format('NO_DISCLAIMER: report %s is %s without a disclaimer', r.id, r.status);
        ELSIF s.report_id <> r.id THEN
          sqlstate := 'RD102'; message := format('FOREIGN_DISCLAIMER: report %s points to the disclaimer of report %s', r.id, s.report_id);
        ELSIF s.review_status <> 'APPROVED' OR s.reviewed_by_id IS NULL THEN
          sqlstate := 'RD103'; message := format('NOT_APPROVED: the disclaimer of report %s is %s, not approved by a reviewer', r.id, s.review_status);
        ELSIF s.reviewed_by_id IN (s.attached_by_id, r.created_by_id) THEN
          sqlstate := 'RD203'; message := format('FOUR_EYES: the disclaimer of report %s was approved by whoever attached it or wrote the report', r.id);
        ELSE
          SELECT * INTO t FROM disclaimer_templates WHERE id = s.template_id;
          IF t.firm_id <> r.firm_id THEN
            sqlstate := 'RD104'; message := format('WRONG_FIRM: the disclaimer of report %s is a template of another firm', r.id);
          ELSIF s.template_version <> t.version OR s.text <> t.body OR s.checksum <> t.checksum
             OR s.checksum <> encode(sha256(convert_to(s.text, 'UTF8')), 'hex') OR btrim(s.text) = '' THEN
            sqlstate := 'RD105'; message := format('TEXT_MISMATCH: the disclaimer of report %s is not the exact text of template v%s', r.id, t.version);
          ELSIF check_current AND s.template_id IS DISTINCT FROM rd_current_template(r.firm_id) THEN
            sqlstate := 'RD106';
            message := format('OUTDATED_TEMPLATE: report %s carries v%s of its firm''s disclaimer; the current version is v%s',
              r.id, t.version, (SELECT version FROM disclaimer_templates WHERE id = rd_current_template(r.firm_id)));
          ELSIF s.content_checksum IS DISTINCT FROM rd_content_checksum(r.title, r.subject, r.summary, r.body, r.correction_note) THEN
            sqlstate := 'RD107';
            message := format('CONTENT_NOT_APPROVED: the content of report %s is not the content the reviewer approved%s', r.id,
              CASE WHEN s.content_checksum IS NULL THEN ' (the approval predates content records; approve it again)' ELSE '' END);
          END IF;
        END IF;
      END $$`);
    await q.query(`DROP TRIGGER reports_live_gate_update ON reports`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER reports_live_gate_update AFTER UPDATE ON reports DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.status IN ('PUBLISHED', 'SCHEDULED') AND (
          OLD.status IS DISTINCT FROM NEW.status OR OLD.disclaimer_id IS DISTINCT FROM NEW.disclaimer_id
          OR (OLD.title, OLD.subject, OLD.summary, OLD.body, OLD.correction_note)
             IS DISTINCT FROM (NEW.title, NEW.subject, NEW.summary, NEW.body, NEW.correction_note)))
        EXECUTE FUNCTION rd_check_live_report()`);

    // As in DisclaimerIntegrity, with the note in the checksum an approval records.
    await q.query(`
      CREATE OR REPLACE FUNCTION rd_guard_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        reviewed record;
        review_written boolean := TG_OP <> 'DELETE' AND (NEW.reviewed_by_id IS NOT NULL OR NEW.reviewed_at IS NOT NULL
          OR NEW.review_note IS NOT NULL OR NEW.content_checksum IS NOT NULL);
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.review_status <> 'PENDING' OR review_written THEN
            RAISE EXCEPTION 'INSERTED_REVIEWED: a disclaimer snapshot is inserted PENDING; a reviewer approves it afterwards'
              USING ERRCODE = 'RD201';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' THEN
          IF OLD.review_status = 'APPROVED' THEN
            RAISE EXCEPTION 'REVIEW_FROZEN: an approved disclaimer snapshot cannot be deleted' USING ERRCODE = 'RD202';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.review_status <> 'PENDING' THEN
          RAISE EXCEPTION 'REVIEW_FROZEN: a reviewed disclaimer snapshot cannot change' USING ERRCODE = 'RD202';
        END IF;
        IF (NEW.report_id, NEW.template_id, NEW.template_version, NEW.text, NEW.checksum, NEW.attached_by_id, NEW.attached_at)
           IS DISTINCT FROM (OLD.report_id, OLD.template_id, OLD.template_version, OLD.text, OLD.checksum, OLD.attached_by_id, OLD.attached_at) THEN
          RAISE EXCEPTION 'REVIEW_FROZEN: a disclaimer snapshot is never rewritten; attach a new one' USING ERRCODE = 'RD202';
        END IF;
        IF NEW.review_status = 'PENDING' THEN
          IF review_written THEN
            RAISE EXCEPTION 'REVIEW_FROZEN: review fields are written only by the review' USING ERRCODE = 'RD202';
          END IF;
          RETURN NEW;
        END IF;

        -- What is under review: the correction that carries this snapshot, else the report.
        SELECT c.status, c.created_by_id, c.updated_by_id, r.created_by_id AS report_creator,
               rd_content_checksum(c.title, c.subject, c.summary, c.body, c.correction_note) AS checksum
          INTO reviewed
          FROM report_working_copies c JOIN reports r ON r.id = c.report_id
          WHERE c.report_id = NEW.report_id AND c.disclaimer_id = NEW.id;
        IF NOT FOUND THEN
          SELECT r.status, r.created_by_id, r.updated_by_id, r.created_by_id AS report_creator,
                 rd_content_checksum(r.title, r.subject, r.summary, r.body, r.correction_note) AS checksum
            INTO reviewed
            FROM reports r WHERE r.id = NEW.report_id AND r.disclaimer_id = NEW.id;
        END IF;
        IF reviewed.status IS DISTINCT FROM 'IN_REVIEW' THEN
          RAISE EXCEPTION 'NOT_IN_REVIEW: disclaimer snapshot % is not attached to a report or correction in review', NEW.id
            USING ERRCODE = 'RD204';
        END IF;
        IF NEW.reviewed_by_id IS NULL THEN
          RAISE EXCEPTION 'FOUR_EYES: a review names its reviewer' USING ERRCODE = 'RD203';
        END IF;
        IF NEW.reviewed_by_id = ANY (ARRAY[NEW.attached_by_id, reviewed.created_by_id, reviewed.updated_by_id, reviewed.report_creator]) THEN
          RAISE EXCEPTION 'FOUR_EYES: the reviewer attached this disclaimer, created the report, or created or last edited the content under review'
            USING ERRCODE = 'RD203';
        END IF;
        NEW.reviewed_at := now();
        NEW.content_checksum := CASE WHEN NEW.review_status = 'APPROVED' THEN reviewed.checksum END;
        RETURN NEW;
      END $$`);

    await q.query(`
      CREATE FUNCTION rd_freeze_correction() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'CORRECTION_FROZEN: the correction of report % is %; its content and correction note change only while it is a draft',
          OLD.report_id, OLD.status USING ERRCODE = 'RD205';
      END $$`);
    await q.query(`
      CREATE TRIGGER report_working_copies_frozen BEFORE UPDATE ON report_working_copies
        FOR EACH ROW WHEN (OLD.status <> 'DRAFT' AND (
          (OLD.title, OLD.subject, OLD.summary, OLD.body, OLD.language, OLD.analyst_ids, OLD.sector_tag_ids, OLD.correction_note)
          IS DISTINCT FROM (NEW.title, NEW.subject, NEW.summary, NEW.body, NEW.language, NEW.analyst_ids, NEW.sector_tag_ids, NEW.correction_note)))
        EXECUTE FUNCTION rd_freeze_correction()`);
  }

  async down(): Promise<void> {
    throw new Error("CorrectionNotes cannot be undone; restore a backup taken before it instead");
  }
}
