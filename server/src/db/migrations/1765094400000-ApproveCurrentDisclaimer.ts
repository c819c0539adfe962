import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A reviewer approves only a snapshot of the firm's current disclaimer version: an approval of an
 * outdated one could never go live (the gate refuses it at publication), so it is refused when it is
 * given, with the gate's rule OUTDATED_TEMPLATE (RD106). Rejections stay possible, so that the
 * reviewer can send it back for the current version.
 */
export class ApproveCurrentDisclaimer1765094400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION rd_require_current_approval() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        current_id uuid;
      BEGIN
        SELECT rd_current_template(r.firm_id) INTO current_id FROM reports r WHERE r.id = NEW.report_id;
        IF NEW.template_id IS DISTINCT FROM current_id THEN
          RAISE EXCEPTION 'OUTDATED_TEMPLATE: disclaimer snapshot % carries v% of its firm''s disclaimer; the current version is v%; reject it so that the current version is attached',
            NEW.id, NEW.template_version, (SELECT version FROM disclaimer_templates WHERE id = current_id)
            USING ERRCODE = 'RD106';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER disclaimer_snapshots_approve_current BEFORE UPDATE OF review_status ON disclaimer_snapshots
        FOR EACH ROW WHEN (NEW.review_status = 'APPROVED' AND OLD.review_status = 'PENDING')
        EXECUTE FUNCTION rd_require_current_approval()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER disclaimer_snapshots_approve_current ON disclaimer_snapshots`);
    await q.query(`DROP FUNCTION rd_require_current_approval()`);
  }
}
