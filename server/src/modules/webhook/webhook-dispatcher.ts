import type { DataSource, EntityManager } from "typeorm";
import { openSecret } from "../../kernel/secret-box";
import { webhookHeaders } from "../../kernel/standard-webhooks";
import { afterCommit, transaction } from "../../kernel/transaction";
import { SYSTEM, type AuditService } from "../audit/audit.service";
import { WebhookDeliveryStatus, WebhookDisabledReason } from "./webhook";
import { messageBody, messageId, type MessageSource } from "./webhook-message";
import { sendWebhook, type AttemptOutcome, type SendPolicy } from "./webhook-sender";
import { retryDelaySeconds } from "./retry-schedule";

export interface DispatcherSettings {
  /** Opens the endpoints' sealed secrets (WEBHOOK_SECRET_KEY). */
  secretKey: Buffer | null;
  send: SendPolicy;
  /** Seconds to wait after each failed attempt (WEBHOOK_RETRY_SCHEDULE). */
  retrySchedule: readonly number[];
  /** Finished deliveries and attempts are kept this many days (WEBHOOK_LOG_DAYS). */
  logDays: number;
  /** Attempts in flight at once on this instance. */
  concurrency: number;
  /** How often due retries are looked for when nothing rings. */
  pollMs: number;
}

/** An endpoint whose every attempt has failed for this long is disabled (and listed for compliance). */
export const FAILING_DISABLES_AFTER_HOURS = 72;
const PRUNE_EVERY_MS = 3_600_000;

interface Claimed extends MessageSource {
  lease: string;
  attempts: number;
  url: string;
  secretSealed: string;
  previousSecretSealed: string | null;
}

/**
 * Sends queued webhook deliveries, at least once each. A delivery is claimed with a lease in one
 * short statement (SKIP LOCKED, so instances never claim the same one) and sent outside any
 * transaction; only the oldest pending delivery of an endpoint and report can be claimed, so a
 * receiver gets a report's events in order even while one of them is being retried. A server that
 * dies mid-attempt leaves the lease to expire, and the delivery is claimed again.
 */
export class WebhookDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  private pass: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: DispatcherSettings,
  ) {}

  start(): void {
    this.wake();
    void this.prune();
    this.timers = [setInterval(() => this.wake(), this.settings.pollMs), setInterval(() => void this.prune(), PRUNE_EVERY_MS)];
  }

  /** Claims and sends what is due; called when events commit, when a delivery is queued, and on a timer. */
  wake(): void {
    if (this.stopped) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    this.pass = this.fill().finally(() => {
      this.pass = null;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private wakeIn(ms: number): void {
    const timer = setTimeout(() => {
      this.timers = this.timers.filter((t) => t !== timer);
      this.wake();
    }, ms);
    this.timers.push(timer);
  }

  /** Stops claiming and waits for the attempts in flight (each bounded by the send timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    // clearTimeout clears intervals and timeouts alike.
    for (const timer of this.timers) clearTimeout(timer);
    await this.pass;
    await Promise.allSettled([...this.inFlight]);
  }

  private async fill(): Promise<void> {
    try {
      while (!this.stopped && this.inFlight.size < this.settings.concurrency) {
        const claimed = await this.claim(this.settings.concurrency - this.inFlight.size);
        if (!claimed.length) return;
        for (const delivery of claimed) {
          const attempt = this.deliver(delivery).finally(() => {
            this.inFlight.delete(attempt);
            // Claims run one at a time, so under load they are made for half the slots at once
            // rather than one per finished attempt; with little to send every finish claims, since
            // the next delivery of the same report may be waiting for this one.
            if (this.inFlight.size <= this.settings.concurrency / 2) this.wake();
          });
          this.inFlight.add(attempt);
        }
      }
    } catch (error) {
      console.error(`webhooks: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private claim(limit: number): Promise<Claimed[]> {
    const leaseSeconds = this.settings.send.timeoutMs / 1000 + 5;
    return this.bookkeeping((manager) => manager.query(
      `WITH picked AS (
         SELECT d.seq, w.url, w.secret_sealed, CASE WHEN w.previous_secret_until > now() THEN w.previous_secret_sealed END AS previous_secret_sealed,
                coalesce(e.at, d.created_at) AS at, e.position, e.slug, e.firm_id, e.sector_tag_ids, e.version,
                e.content_checksum, e.disclaimer_checksum, e.template_id
         FROM webhook_deliveries d
         JOIN webhooks w ON w.id = d.webhook_id
         LEFT JOIN report_events e ON e.id = d.event_id
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now()) AND w.enabled
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries o
                           WHERE o.webhook_id = d.webhook_id AND o.report_id = d.report_id AND o.status = 'PENDING' AND o.seq < d.seq)
         ORDER BY d.next_attempt_at, d.seq
         LIMIT $1
         FOR UPDATE OF d SKIP LOCKED)
       , claimed AS (
         UPDATE webhook_deliveries d
         SET attempts = d.attempts + 1, locked_until = now() + make_interval(secs => $2), lease = gen_random_uuid()
         FROM picked WHERE d.seq = picked.seq
         RETURNING d.id AS "deliveryId", d.webhook_id AS "webhookId", d.type, d.lease, d.attempts, picked.at, d.event_id AS "eventId",
                   picked.position::text AS position, d.report_id AS "reportId", picked.slug, picked.firm_id AS "firmId",
                   picked.sector_tag_ids AS "sectorTagIds", picked.version, picked.content_checksum AS "contentChecksum",
                   picked.disclaimer_checksum AS "disclaimerChecksum", picked.template_id AS "templateId", picked.url,
                   picked.secret_sealed AS "secretSealed", picked.previous_secret_sealed AS "previousSecretSealed")
       -- A SELECT, so that the rows come back as rows (TypeORM answers an UPDATE with [rows, count]).
       SELECT * FROM claimed`,
      [limit, leaseSeconds],
    ));
  }

  /**
   * A transaction of the dispatcher's own bookkeeping (claims, attempts), committed without
   * waiting for the disk: a commit lost in a database crash only means the delivery is sent again,
   * which at-least-once delivery allows, and waiting for every commit's flush would hold deliveries
   * to the disk's pace. Other sessions see the commit at once either way.
   */
  private bookkeeping<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    // Not announced: the embedded mode's bell would wake this dispatcher for its own commits.
    return transaction(
      this.dataSource,
      async (manager) => {
        await manager.query(`SET LOCAL synchronous_commit TO off`);
        return work(manager);
      },
      { announce: false },
    );
  }

  private async deliver(delivery: Claimed): Promise<void> {
    const at = new Date();
    let outcome: AttemptOutcome;
    try {
      const secrets = this.secrets(delivery);
      const body = messageBody(delivery);
      outcome = await sendWebhook(delivery.url, webhookHeaders(secrets, messageId(delivery), Math.floor(Date.now() / 1000), body), body, this.settings.send);
    } catch (error) {
      outcome = { statusCode: null, durationMs: Date.now() - at.getTime(), responseHead: null, error: error instanceof Error ? error.message : String(error) };
    }
    try {
      await this.record(delivery, at, outcome);
    } catch (error) {
      // The lease expires and the delivery is tried again: at least once, never lost.
      console.error(`webhooks: could not record an attempt of ${delivery.deliveryId}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private secrets(delivery: Claimed): string[] {
    const key = this.settings.secretKey;
    if (!key) throw new Error("cannot sign: WEBHOOK_SECRET_KEY is not set on this server");
    try {
      return [delivery.secretSealed, delivery.previousSecretSealed].filter((s): s is string => s !== null).map((sealed) => openSecret(key, sealed));
    } catch {
      throw new Error("cannot sign: the secret does not open with this WEBHOOK_SECRET_KEY");
    }
  }

  /** The attempt, the delivery's next state and the endpoint's health, in one short transaction. */
  private record(delivery: Claimed, at: Date, outcome: AttemptOutcome): Promise<void> {
    const code = outcome.statusCode;
    const delivered = code !== null && code >= 200 && code < 300;
    const gone = code === 410;
    const delay = delivered || gone ? null : retryDelaySeconds(this.settings.retrySchedule, delivery.attempts);
    const status = delivered ? WebhookDeliveryStatus.DELIVERED : delay === null ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING;
    const error = outcome.error ?? (delivered ? null : `HTTP ${code}`);
    return this.bookkeeping(async (manager) => {
      // This instance wakes when the retry is due; the others' polling would find it up to pollMs late.
      if (delay !== null) afterCommit(() => this.wakeIn(delay * 1000));
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, attempt, at, duration_ms, status_code, response_head, error) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [delivery.deliveryId, delivery.attempts, at, Math.round(outcome.durationMs), code, outcome.responseHead, outcome.error],
      );
      // Only while the lease is ours: after it expired another instance may have taken the delivery on.
      await manager.query(
        `UPDATE webhook_deliveries
         SET status = $3, finished_at = CASE WHEN $3 = 'PENDING' THEN NULL ELSE now() END,
             next_attempt_at = now() + make_interval(secs => coalesce($4::float8, 0)), locked_until = NULL, lease = NULL,
             last_status_code = $5, last_error = $6
         WHERE id = $1 AND lease = $2`,
        [delivery.deliveryId, delivery.lease, status, delay, code, error],
      );
      if (delivered) {
        await manager.query(`UPDATE webhooks SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`, [delivery.webhookId]);
        return;
      }
      const [health] = await manager.query(
        `WITH failing AS (
           UPDATE webhooks SET failing_since = coalesce(failing_since, now()) WHERE id = $1 AND enabled
           RETURNING failing_since <= now() - make_interval(hours => $2) AS "failingTooLong")
         SELECT * FROM failing`,
        [delivery.webhookId, FAILING_DISABLES_AFTER_HOURS],
      );
      const reason = gone ? WebhookDisabledReason.GONE : health?.failingTooLong ? WebhookDisabledReason.FAILING : null;
      if (!health || !reason) return;
      await manager.query(`UPDATE webhooks SET enabled = false, disabled_reason = $2, disabled_at = now() WHERE id = $1`, [delivery.webhookId, reason]);
      await this.audit.record(manager, SYSTEM, {
        action: "DISABLE",
        entityType: "Webhook",
        entityId: delivery.webhookId,
        after: { enabled: false, disabledReason: reason, lastStatusCode: code, lastError: error },
      });
    });
  }

  /** Forgets finished deliveries and attempts older than WEBHOOK_LOG_DAYS. */
  private async prune(): Promise<void> {
    try {
      await this.bookkeeping(async (manager) => {
        await manager.query(`DELETE FROM webhook_attempts WHERE at < now() - make_interval(days => $1)`, [this.settings.logDays]);
        await manager.query(`DELETE FROM webhook_deliveries WHERE status <> 'PENDING' AND finished_at < now() - make_interval(days => $1)`, [
          this.settings.logDays,
        ]);
      });
    } catch (error) {
      console.error(`webhooks: pruning the delivery log failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
