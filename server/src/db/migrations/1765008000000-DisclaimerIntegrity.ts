import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The disclaimer gate checks in the database everything the services check, so that no code path
 * and no raw SQL can put a report live that the workflow would refuse:
 *
 * - A snapshot is inserted PENDING and reviewed once. The review is refused when the reviewer
 *   attached the disclaimer, created the report, or created or last edited the content under review
 *   (four eyes), or when that content is not IN_REVIEW. An approval records the checksum of the
 *   content the reviewer saw (`rd_content_checksum`).
 * - A report that moves into PUBLISHED or SCHEDULED, or changes its snapshot while live, needs a
 *   snapshot of its own, approved, copied exactly from a template of its own firm that is the firm's
 *   current version, and approved for exactly the content it carries. A live report's content
 *   changes only together with a snapshot approved for the new content (a correction), and its firm
 *   never changes. Unrelated updates of a live report are not checked again, so that a firm's new
 *   disclaimer version does not freeze its live reports.
 *
 * Each rule raises its own SQLSTATE (class RD), and its message starts with the rule's name; the
 * API reports them as DISCLAIMER_REQUIRED with that name.
 *
 * Existing rows are not rewritten: approvals from before this migration have no content checksum,
 * so such a report stays live as it is but cannot go live or change content without a new
 * approval. Live rows that fail the rules today are recorded in legacy_gate_findings, which the
 * compliance list shows.
 */
export class DisclaimerIntegrity1765008000000 implements MigrationInterface {
  name = "DisclaimerIntegrity1765008000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE disclaimer_snapshots ADD COLUMN content_checksum text`);
    await q.query(`
      CREATE FUNCTION rd_content_checksum(title text, subject text, summary text[], body text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(title, subject, summary, body)::text, 'UTF8')), 'hex')
      $$`);

    // One place states every rule of a live row; the trigger raises what it returns, and the
    // compliance list shows rows that fail it today (such as rows from before this migration).
    await q.query(`
      CREATE FUNCTION rd_live_gate_problem(report_id uuid, check_current boolean, OUT sqlstate text, OUT message text)
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
          ELSIF s.content_checksum IS DISTINCT FROM rd_content_checksum(r.title, r.subject, r.summary, r.body) THEN
            sqlstate := 'RD107';
            message := format('CONTENT_NOT_APPROVED: the content of report %s is not the content the reviewer approved%s', r.id,
              CASE WHEN s.content_checksum IS NULL THEN ' (the approval predates content records; approve it again)' ELSE '' END);
          END IF;
        END IF;
      END $$`);

    await q.query(`DROP TRIGGER reports_live_needs_approved_disclaimer ON reports`);
    await q.query(`DROP FUNCTION rd_check_live_report(), rd_live_disclaimer_problem(uuid)`);
    // Deferred to commit: a report and its snapshot are written in one transaction, in any order.
    // The row is read again at commit; the event only says which rules apply.
    await q.query(`
      CREATE FUNCTION rd_check_live_report() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        problem record;
      BEGIN
        SELECT * INTO problem FROM rd_live_gate_problem(NEW.id,
          TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status OR OLD.disclaimer_id IS DISTINCT FROM NEW.disclaimer_id);
        IF problem.sqlstate IS NOT NULL THEN
          RAISE EXCEPTION '%', problem.message USING ERRCODE = problem.sqlstate;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER reports_live_gate_insert AFTER INSERT ON reports DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.status IN ('PUBLISHED', 'SCHEDULED')) EXECUTE FUNCTION rd_check_live_report()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER reports_live_gate_update AFTER UPDATE ON reports DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW WHEN (NEW.status IN ('PUBLISHED', 'SCHEDULED') AND (
          OLD.status IS DISTINCT FROM NEW.status OR OLD.disclaimer_id IS DISTINCT FROM NEW.disclaimer_id
          OR (OLD.title, OLD.subject, OLD.summary, OLD.body) IS DISTINCT FROM (NEW.title, NEW.subject, NEW.summary, NEW.body)))
        EXECUTE FUNCTION rd_check_live_report()`);
    await q.query(`
      CREATE FUNCTION rd_lock_live_firm() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'FIRM_LOCKED: report % is %; its firm cannot change', OLD.id, OLD.status USING ERRCODE = 'RD108';
      END $$`);
    await q.query(`
      CREATE TRIGGER reports_live_firm_locked BEFORE UPDATE OF firm_id ON reports
        FOR EACH ROW WHEN (OLD.status IN ('PUBLISHED', 'SCHEDULED') AND OLD.firm_id IS DISTINCT FROM NEW.firm_id)
        EXECUTE FUNCTION rd_lock_live_firm()`);

    // The review of a snapshot, in the database: written once, by someone other than those who
    // prepared what is reviewed, and recording what they approved.
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
               rd_content_checksum(c.title, c.subject, c.summary, c.body) AS checksum
          INTO reviewed
          FROM report_working_copies c JOIN reports r ON r.id = c.report_id
          WHERE c.report_id = NEW.report_id AND c.disclaimer_id = NEW.id;
        IF NOT FOUND THEN
          SELECT r.status, r.created_by_id, r.updated_by_id, r.created_by_id AS report_creator,
                 rd_content_checksum(r.title, r.subject, r.summary, r.body) AS checksum
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
    await q.query(`DROP TRIGGER disclaimer_snapshots_guard ON disclaimer_snapshots`);
    await q.query(`
      CREATE TRIGGER disclaimer_snapshots_guard BEFORE INSERT OR UPDATE OR DELETE ON disclaimer_snapshots
        FOR EACH ROW EXECUTE FUNCTION rd_guard_snapshot()`);

    // What this upgrade found: live rows that the rules, had they been in force, would have
    // refused. They are listed (complianceIssues), never changed. Such a row cannot change
    // afterwards except through the gate, so the list is checked once, here.
    await q.query(`
      CREATE TABLE legacy_gate_findings (
        report_id uuid PRIMARY KEY REFERENCES reports (id) ON DELETE RESTRICT,
        disclaimer_id uuid NOT NULL REFERENCES disclaimer_snapshots (id) ON DELETE RESTRICT,
        sqlstate text NOT NULL,
        message text NOT NULL,
        found_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION rd_record_legacy_gate_findings() RETURNS int LANGUAGE sql AS $$
        WITH found AS (
          INSERT INTO legacy_gate_findings (report_id, disclaimer_id, sqlstate, message)
          SELECT r.id, r.disclaimer_id, p.sqlstate, p.message
          FROM reports r CROSS JOIN LATERAL rd_live_gate_problem(r.id, false) p
          WHERE r.status IN ('PUBLISHED', 'SCHEDULED') AND p.sqlstate IS NOT NULL
            -- An approval without a content record still covers a live report whose content is
            -- what its last publication-log entry recorded going live.
            AND NOT (p.sqlstate = 'RD107' AND r.status = 'PUBLISHED' AND EXISTS (
              SELECT 1 FROM disclaimer_snapshots s, report_revisions v
              WHERE s.id = r.disclaimer_id AND s.content_checksum IS NULL
                AND v.id = (SELECT e.revision_id FROM publication_events e WHERE e.report_id = r.id ORDER BY e.at DESC, e.id DESC LIMIT 1)
                AND v.content->>'title' = r.title AND v.content->>'subject' = r.subject AND v.content->>'body' = r.body
                AND v.content->'summary' = to_jsonb(r.summary)))
          ON CONFLICT (report_id) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int FROM found
      $$`);
    await q.query(`SELECT rd_record_legacy_gate_findings()`);

    // The search planner reads how common each bigram is from the index's statistics, which
    // pg_stats shows only to the index's owner: the runtime role reads them through this function.
    await q.query(`
      CREATE FUNCTION rd_search_bigram_stats(in_schema name, OUT elems text[], OUT freqs float8[])
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        SELECT most_common_elems::text::text[], most_common_elem_freqs::float8[]
        FROM pg_stats WHERE schemaname = in_schema AND tablename = 'reports_search_idx' AND attname = 'rd_bigrams'
      $$`);
  }

  /** Not reversible: undoing it would weaken the gate on a database that relies on it. */
  async down(): Promise<void> {
    throw new Error("DisclaimerIntegrity cannot be undone; restore a backup taken before it instead");
  }
}
