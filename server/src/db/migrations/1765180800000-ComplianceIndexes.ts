import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Which template each live or scheduled report's disclaimer copies, kept beside the reports so that
 * the compliance list and renewals find a firm's outdated reports through an index instead of
 * reading every live report and its snapshot (about 120,000 of 1,000,000 are outdated in the bench).
 *
 * A trigger on reports keeps it; it runs as the table's owner, and the runtime role may only read
 * it (see grantRuntimeRole), so the server cannot hide an outdated report from the list. Blocked
 * schedules and corrections in review get partial indexes, so that the lists read only their rows.
 */
export class ComplianceIndexes1765180800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE live_report_disclaimers (
        report_id uuid PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
        firm_id uuid NOT NULL,
        disclaimer_id uuid NOT NULL,
        template_id uuid NOT NULL
      )`);
    await q.query(`CREATE INDEX live_report_disclaimers_template_idx ON live_report_disclaimers (template_id, report_id)`);
    await q.query(`CREATE INDEX live_report_disclaimers_firm_idx ON live_report_disclaimers (firm_id, report_id)`);
    // The schema comes from the trigger, so that the owner's search path cannot be used to redirect it.
    await q.query(`
      CREATE FUNCTION rd_track_live_disclaimer() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF NEW.status IN ('PUBLISHED', 'SCHEDULED') AND NEW.disclaimer_id IS NOT NULL THEN
          EXECUTE format(
            'INSERT INTO %1$I.live_report_disclaimers (report_id, firm_id, disclaimer_id, template_id)
             SELECT $1, $2, s.id, s.template_id FROM %1$I.disclaimer_snapshots s WHERE s.id = $3
             ON CONFLICT (report_id) DO UPDATE
               SET firm_id = EXCLUDED.firm_id, disclaimer_id = EXCLUDED.disclaimer_id, template_id = EXCLUDED.template_id',
            TG_TABLE_SCHEMA) USING NEW.id, NEW.firm_id, NEW.disclaimer_id;
        ELSIF TG_OP = 'UPDATE' THEN
          EXECUTE format('DELETE FROM %I.live_report_disclaimers WHERE report_id = $1', TG_TABLE_SCHEMA) USING NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER reports_track_live_disclaimer AFTER INSERT OR UPDATE OF status, disclaimer_id, firm_id ON reports
        FOR EACH ROW EXECUTE FUNCTION rd_track_live_disclaimer()`);
    await q.query(`
      INSERT INTO live_report_disclaimers (report_id, firm_id, disclaimer_id, template_id)
      SELECT r.id, r.firm_id, s.id, s.template_id FROM reports r JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
      WHERE r.status IN ('PUBLISHED', 'SCHEDULED')`);
    await q.query(`ANALYZE live_report_disclaimers`);
    await q.query(`CREATE INDEX reports_schedule_blocked_idx ON reports (schedule_blocked_at) WHERE status = 'APPROVED' AND schedule_blocked_at IS NOT NULL`);
    await q.query(`CREATE INDEX report_working_copies_in_review_idx ON report_working_copies (report_id) WHERE status = 'IN_REVIEW'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_working_copies_in_review_idx`);
    await q.query(`DROP INDEX reports_schedule_blocked_idx`);
    await q.query(`DROP TRIGGER reports_track_live_disclaimer ON reports`);
    await q.query(`DROP FUNCTION rd_track_live_disclaimer()`);
    await q.query(`DROP TABLE live_report_disclaimers`);
  }
}
