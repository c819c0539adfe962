import type { MigrationInterface, QueryRunner } from "typeorm";
import { REPORT_EVENTS_CHANNEL } from "../event-signal";

const TYPES = [
  "REPORT_PUBLISHED",
  "REPORT_CORRECTED",
  "REPORT_RETRACTED",
  "REPORT_SCHEDULED",
  "REPORT_UNSCHEDULED",
  "SCHEDULE_BLOCKED",
  "DISCLAIMER_TEMPLATE_CREATED",
];

/**
 * The outbox of report events: the database writes them itself, from the changes they describe,
 * so that a committed change always has its event and a rolled-back one never does, whichever
 * path made the change (the workflow, the scheduler, or SQL).
 *
 * The triggers are deferred to the commit, where each takes one transaction-level advisory lock
 * before taking its position: event writers then commit in position order, so a reader that has
 * seen position N never finds a lower one later (the feed's promise). The lock is held only from
 * the commit's triggers to the end of the commit. They run as the owner; the runtime role may only
 * read the events (see grantRuntimeRole) and cannot call the function that appends them. Each
 * event is also announced with NOTIFY, which PostgreSQL delivers at the commit (ReportEventSignal).
 */
export class ReportEvents1765440000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_events (
        position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN (${TYPES.map((t) => `'${t}'`).join(", ")})),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        report_id uuid,
        slug text,
        firm_id uuid NOT NULL,
        sector_tag_ids uuid[] NOT NULL DEFAULT '{}',
        version integer,
        content_checksum text,
        disclaimer_checksum text,
        template_id uuid,
        CHECK ((type = 'DISCLAIMER_TEMPLATE_CREATED') = (report_id IS NULL))
      )`);
    await q.query(`CREATE INDEX report_events_firm_idx ON report_events (firm_id, position)`);
    await q.query(`CREATE INDEX report_events_tags_idx ON report_events USING gin (sector_tag_ids)`);
    await q.query(`
      CREATE TRIGGER report_events_append_only BEFORE UPDATE OR DELETE ON report_events
        FOR EACH ROW EXECUTE FUNCTION rd_refuse_audit_change()`);
    await q.query(`
      CREATE TRIGGER report_events_no_truncate BEFORE TRUNCATE ON report_events
        FOR EACH STATEMENT EXECUTE FUNCTION rd_refuse_audit_change()`);

    // The report's slug, firm, tags and version as they are at the commit.
    await q.query(`
      CREATE FUNCTION rd_append_report_event(event_schema name, event_type text, report uuid, firm uuid,
                                             content_sum text, disclaimer_sum text, template uuid) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        appended bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('research-desk:report-events'));
        EXECUTE format(
          'INSERT INTO %1$I.report_events (type, report_id, slug, firm_id, sector_tag_ids, version, content_checksum, disclaimer_checksum, template_id)
           SELECT $1, $2, r.slug, coalesce(r.firm_id, $3), coalesce(r.sector_tag_ids, ''{}''), r.version, $4, $5, $6
           FROM (SELECT 1) one LEFT JOIN %1$I.reports r ON r.id = $2
           RETURNING position',
          event_schema) INTO appended USING event_type, report, firm, content_sum, disclaimer_sum, template;
        -- Delivered at the commit, and only if it commits: every instance listening learns of it.
        PERFORM pg_notify('${REPORT_EVENTS_CHANNEL}', appended::text);
      END $$`);
    await q.query(`REVOKE EXECUTE ON FUNCTION rd_append_report_event(name, text, uuid, uuid, text, text, uuid) FROM PUBLIC`);

    await q.query(`
      CREATE FUNCTION rd_report_event_of_publication() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        EXECUTE format('SELECT %I.rd_append_report_event($1, $2, $3, NULL, $4, $5, NULL)', TG_TABLE_SCHEMA)
          USING TG_TABLE_SCHEMA,
                CASE NEW.event WHEN 'WENT_LIVE' THEN 'REPORT_PUBLISHED' WHEN 'CORRECTED' THEN 'REPORT_CORRECTED' ELSE 'REPORT_RETRACTED' END,
                NEW.report_id, NEW.content_checksum, NEW.disclaimer_checksum;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER publication_events_report_event AFTER INSERT ON publication_events
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rd_report_event_of_publication()`);

    // Going live and retracting are the publication log's events; this one tells of schedules.
    await q.query(`
      CREATE FUNCTION rd_report_event_of_schedule() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      DECLARE
        event_type text;
      BEGIN
        IF NEW.status = 'SCHEDULED' THEN
          event_type := 'REPORT_SCHEDULED';
        ELSIF NEW.status = 'PUBLISHED' THEN
          RETURN NULL;
        ELSIF NEW.schedule_blocked_at IS NOT NULL AND NEW.schedule_blocked_at IS DISTINCT FROM OLD.schedule_blocked_at THEN
          event_type := 'SCHEDULE_BLOCKED';
        ELSE
          event_type := 'REPORT_UNSCHEDULED';
        END IF;
        EXECUTE format('SELECT %I.rd_append_report_event($1, $2, $3, NULL, NULL, NULL, NULL)', TG_TABLE_SCHEMA)
          USING TG_TABLE_SCHEMA, event_type, NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER reports_schedule_event AFTER UPDATE OF status, scheduled_at ON reports
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN ((OLD.status = 'SCHEDULED' OR NEW.status = 'SCHEDULED')
              AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.scheduled_at IS DISTINCT FROM NEW.scheduled_at))
        EXECUTE FUNCTION rd_report_event_of_schedule()`);

    await q.query(`
      CREATE FUNCTION rd_report_event_of_template() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        EXECUTE format('SELECT %I.rd_append_report_event($1, $2, NULL, $3, NULL, NULL, $4)', TG_TABLE_SCHEMA)
          USING TG_TABLE_SCHEMA, 'DISCLAIMER_TEMPLATE_CREATED', NEW.firm_id, NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER disclaimer_templates_report_event AFTER INSERT ON disclaimer_templates
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rd_report_event_of_template()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER disclaimer_templates_report_event ON disclaimer_templates`);
    await q.query(`DROP FUNCTION rd_report_event_of_template()`);
    await q.query(`DROP TRIGGER reports_schedule_event ON reports`);
    await q.query(`DROP FUNCTION rd_report_event_of_schedule()`);
    await q.query(`DROP TRIGGER publication_events_report_event ON publication_events`);
    await q.query(`DROP FUNCTION rd_report_event_of_publication()`);
    await q.query(`DROP FUNCTION rd_append_report_event(name, text, uuid, uuid, text, text, uuid)`);
    await q.query(`DROP TABLE report_events`);
  }
}
