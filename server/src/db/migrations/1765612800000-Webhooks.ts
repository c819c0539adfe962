import type { MigrationInterface, QueryRunner } from "typeorm";

const EVENT_TYPES = [
  "REPORT_PUBLISHED",
  "REPORT_CORRECTED",
  "REPORT_RETRACTED",
  "REPORT_SCHEDULED",
  "REPORT_UNSCHEDULED",
  "SCHEDULE_BLOCKED",
  "DISCLAIMER_TEMPLATE_CREATED",
];
const list = (values: string[]): string => values.map((v) => `'${v}'`).join(", ");

/**
 * Webhooks: endpoints, their deliveries and every attempt. A delivery is queued by the database
 * in the transaction that appends its report event (a trigger on report_events), so a committed
 * event always has a delivery for each endpoint that wants it and a rolled-back one never does.
 * Deliveries are claimed with a lease (locked_until, lease) in a short transaction; the HTTP call
 * happens outside any transaction. Secrets are stored sealed (AES-256-GCM under
 * WEBHOOK_SECRET_KEY), since they must be readable to sign.
 */
export class Webhooks1765612800000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 500),
        event_types text[] CHECK (event_types IS NULL OR (cardinality(event_types) > 0 AND event_types <@ ARRAY[${list(EVENT_TYPES)}])),
        firm_ids uuid[] CHECK (firm_ids IS NULL OR cardinality(firm_ids) > 0),
        sector_tag_ids uuid[] CHECK (sector_tag_ids IS NULL OR cardinality(sector_tag_ids) > 0),
        secret_sealed text NOT NULL,
        previous_secret_sealed text,
        previous_secret_until timestamptz,
        secret_rotated_at timestamptz,
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text CHECK (disabled_reason IN ('MANUAL', 'GONE', 'FAILING')),
        disabled_at timestamptz,
        failing_since timestamptz,
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (enabled = (disabled_reason IS NULL)),
        CHECK ((previous_secret_sealed IS NULL) = (previous_secret_until IS NULL))
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_id uuid REFERENCES report_events (id),
        report_id uuid,
        type text NOT NULL CHECK (type IN (${list([...EVENT_TYPES, "WEBHOOK_TEST"])})),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        lease uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        last_status_code integer,
        last_error text,
        CHECK ((type = 'WEBHOOK_TEST') = (event_id IS NULL)),
        CHECK ((status = 'PENDING') = (finished_at IS NULL))
      )`);
    // What is due, in order; what waits behind an older delivery of the same endpoint and report.
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at, seq) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (webhook_id, report_id, seq) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (webhook_id, seq)`);
    await q.query(`CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (finished_at) WHERE status <> 'PENDING'`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        at timestamptz NOT NULL,
        duration_ms integer NOT NULL,
        status_code integer,
        response_head text,
        error text
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempt)`);
    await q.query(`CREATE INDEX webhook_attempts_at_idx ON webhook_attempts (at)`);

    // Runs inside the outbox's append (as the owner): one delivery per enabled endpoint whose
    // filters the event passes. Filters mirror the feed's: any of the firms, any of the tags.
    await q.query(`
      CREATE FUNCTION rd_queue_webhook_deliveries() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        EXECUTE format(
          'INSERT INTO %1$I.webhook_deliveries (webhook_id, event_id, report_id, type)
           SELECT w.id, $1, $2, $3 FROM %1$I.webhooks w
           WHERE w.enabled
             AND (w.event_types IS NULL OR $3 = ANY (w.event_types))
             AND (w.firm_ids IS NULL OR $4 = ANY (w.firm_ids))
             AND (w.sector_tag_ids IS NULL OR w.sector_tag_ids && $5)
           ORDER BY w.id',
          TG_TABLE_SCHEMA) USING NEW.id, NEW.report_id, NEW.type, NEW.firm_id, NEW.sector_tag_ids;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_events_webhook_deliveries AFTER INSERT ON report_events
        FOR EACH ROW EXECUTE FUNCTION rd_queue_webhook_deliveries()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER report_events_webhook_deliveries ON report_events`);
    await q.query(`DROP FUNCTION rd_queue_webhook_deliveries()`);
    await q.query(`DROP TABLE webhook_attempts`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
  }
}
