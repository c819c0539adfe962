import type { DataSource, EntityManager } from "typeorm";
import { AppError, badInput } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import { decodeCursor, pageFromRows, pageSize, type Page, type PageArgs } from "../../kernel/pagination";
import { sealSecret } from "../../kernel/secret-box";
import { SqlParams, type Child } from "../../kernel/sql";
import { newWebhookSecret } from "../../kernel/standard-webhooks";
import { afterCommit, transaction } from "../../kernel/transaction";
import * as valid from "../../kernel/validate";
import type { Actor, AuditService } from "../audit/audit.service";
import { ReportEventType } from "../report-events/report-event";
import {
  WEBHOOK_TEST,
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  type NewWebhook,
  type StoppedWebhook,
  type Webhook,
  type WebhookAttempt,
  type WebhookChanges,
  type WebhookDelivery,
  type WebhookDeliveryFilter,
} from "./webhook";
import { checkWebhookUrl } from "./webhook-sender";

export interface WebhookSettings {
  /** Seals the endpoints' secrets (WEBHOOK_SECRET_KEY); without it no endpoint can be created. */
  secretKey: Buffer | null;
  /** Production: endpoints must use https. */
  production: boolean;
}

/** How long the secret before a rotation keeps signing, so receivers can switch without a gap. */
export const PREVIOUS_SECRET_HOURS = 24;
const FILTER_IDS_MAX = 100;
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.values(ReportEventType));
const MESSAGE_TYPES: ReadonlySet<string> = new Set([...EVENT_TYPES, WEBHOOK_TEST]);
const STATUSES: ReadonlySet<string> = new Set(Object.values(WebhookDeliveryStatus));
const ORDER = "SEQ_DESC";
const isSerial = (value: string): boolean => /^[1-9]\d{0,18}$/.test(value);

const WEBHOOK_COLUMNS = `w.id, w.url, w.description, w.event_types AS "eventTypes", w.firm_ids AS "firmIds",
  w.sector_tag_ids AS "sectorTagIds", w.enabled, w.disabled_reason AS "disabledReason", w.disabled_at AS "disabledAt",
  w.failing_since AS "failingSince", w.secret_rotated_at AS "secretRotatedAt", w.previous_secret_until AS "previousSecretUntil",
  w.created_at AS "createdAt", w.updated_at AS "updatedAt"`;
export const DELIVERY_COLUMNS = `d.id, d.webhook_id AS "webhookId", d.event_id AS "eventId", d.report_id AS "reportId", d.type, d.status,
  d.attempts, CASE WHEN d.status = 'PENDING' THEN d.next_attempt_at END AS "nextAttemptAt", d.created_at AS "createdAt",
  d.finished_at AS "finishedAt", d.last_status_code AS "lastStatusCode", d.last_error AS "lastError"`;

/** Refuses any of `values` outside `allowed`, naming what is allowed. */
function onlyOf(values: readonly string[] | null | undefined, allowed: ReadonlySet<string>, reason: "UNKNOWN_STATUS" | "UNKNOWN_EVENT_TYPE", field: string): void {
  if (!values?.some((value) => !allowed.has(value))) return;
  const names = [...allowed].join(", ");
  throw badInput({ reason, params: { allowed: names } }, `${field} may be ${names}`, field);
}

/** What the audit log keeps of an endpoint: never its secret. */
const view = (w: Webhook): Record<string, unknown> => ({
  url: w.url,
  description: w.description,
  eventTypes: w.eventTypes,
  firmIds: w.firmIds,
  sectorTagIds: w.sectorTagIds,
  enabled: w.enabled,
  disabledReason: w.disabledReason,
});

/** Endpoints, their secrets and their delivery log, for admins. Deliveries themselves: WebhookDispatcher. */
export class WebhookService {
  private readonly queuedListeners: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: WebhookSettings,
  ) {}

  /** Called after a commit that queued a delivery by hand (redelivery, test), to send it at once. */
  onQueued(listener: () => void): void {
    this.queuedListeners.push(listener);
  }

  list(): Promise<Webhook[]> {
    return this.dataSource.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks w ORDER BY w.created_at DESC, w.id`);
  }

  /** Endpoints the server stopped, most recently stopped first; an admin's own switching off is not listed. */
  async stopped(): Promise<StoppedWebhook[]> {
    const rows: (Omit<StoppedWebhook, "host"> & { url: string })[] = await this.dataSource.query(
      `SELECT w.id, w.description, w.url, w.disabled_reason AS "disabledReason", w.disabled_at AS "disabledAt", w.failing_since AS "failingSince",
              (SELECT d.last_error FROM webhook_deliveries d WHERE d.webhook_id = w.id AND d.last_error IS NOT NULL ORDER BY d.seq DESC LIMIT 1) AS "lastError"
       FROM webhooks w
       WHERE NOT w.enabled AND w.disabled_reason IN ($1, $2)
       ORDER BY w.disabled_at DESC, w.id`,
      [WebhookDisabledReason.GONE, WebhookDisabledReason.FAILING],
    );
    return rows.map(({ url, ...stopped }) => ({ ...stopped, host: new URL(url).host }));
  }

  async find(id: string): Promise<Webhook | null> {
    const [found] = await this.dataSource.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1`, [requireUuid(id, "id")]);
    return found ?? null;
  }

  /** Returns the secret once; it is stored sealed and never shown again. */
  create(actor: Actor, input: NewWebhook): Promise<{ webhook: Webhook; secret: string }> {
    return transaction(this.dataSource, async (manager) => {
      const key = this.secretKey();
      const fields = await this.validFields(manager, input, true);
      const secret = newWebhookSecret();
      const [{ id }] = await manager.query(
        `INSERT INTO webhooks (url, description, event_types, firm_ids, sector_tag_ids, secret_sealed, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [fields.url, fields.description ?? "", fields.eventTypes, fields.firmIds, fields.sectorTagIds, sealSecret(key, secret), actor.id],
      );
      const webhook = await this.locked(manager, id);
      await this.audit.record(manager, actor, { action: "CREATE", entityType: "Webhook", entityId: id, after: view(webhook) });
      return { webhook, secret };
    });
  }

  update(actor: Actor, id: string, changes: WebhookChanges): Promise<Webhook> {
    return transaction(this.dataSource, async (manager) => {
      const before = await this.locked(manager, requireUuid(id, "id"));
      const fields = await this.validFields(manager, changes, false);
      const params = new SqlParams();
      const sets = ["updated_at = now()"];
      if (fields.url !== undefined) sets.push(`url = ${params.add(fields.url)}`);
      if (fields.description !== undefined) sets.push(`description = ${params.add(fields.description ?? "")}`);
      if (fields.eventTypes !== undefined) sets.push(`event_types = ${params.add(fields.eventTypes, "text[]")}`);
      if (fields.firmIds !== undefined) sets.push(`firm_ids = ${params.add(fields.firmIds, "uuid[]")}`);
      if (fields.sectorTagIds !== undefined) sets.push(`sector_tag_ids = ${params.add(fields.sectorTagIds, "uuid[]")}`);
      if (changes.enabled === true && !before.enabled) {
        sets.push("enabled = true", "disabled_reason = NULL", "disabled_at = NULL", "failing_since = NULL");
      } else if (changes.enabled === false && before.enabled) {
        sets.push("enabled = false", `disabled_reason = '${WebhookDisabledReason.MANUAL}'`, "disabled_at = now()");
      }
      await manager.query(`UPDATE webhooks SET ${sets.join(", ")} WHERE id = ${params.add(before.id, "uuid")}`, params.values);
      const after = await this.locked(manager, before.id);
      await this.audit.record(manager, actor, { action: "UPDATE", entityType: "Webhook", entityId: before.id, before: view(before), after: view(after) });
      // Deliveries that waited for a disabled endpoint go out now.
      if (after.enabled && !before.enabled) afterCommit(() => this.queued());
      return after;
    });
  }

  /** A new secret, shown once; the one before it keeps signing beside it for PREVIOUS_SECRET_HOURS. */
  rotateSecret(actor: Actor, id: string): Promise<{ webhook: Webhook; secret: string }> {
    return transaction(this.dataSource, async (manager) => {
      const key = this.secretKey();
      const before = await this.locked(manager, requireUuid(id, "id"));
      const secret = newWebhookSecret();
      await manager.query(
        `UPDATE webhooks SET previous_secret_sealed = secret_sealed, previous_secret_until = now() + make_interval(hours => $3),
                secret_sealed = $2, secret_rotated_at = now(), updated_at = now()
         WHERE id = $1`,
        [before.id, sealSecret(key, secret), PREVIOUS_SECRET_HOURS],
      );
      const webhook = await this.locked(manager, before.id);
      await this.audit.record(manager, actor, {
        action: "UPDATE",
        entityType: "Webhook",
        entityId: before.id,
        before: { secretRotatedAt: before.secretRotatedAt },
        after: { secretRotatedAt: webhook.secretRotatedAt, previousSecretUntil: webhook.previousSecretUntil },
      });
      return { webhook, secret };
    });
  }

  /** Deletes the endpoint with its delivery log; the audit log keeps what it was. */
  delete(actor: Actor, id: string): Promise<Webhook> {
    return transaction(this.dataSource, async (manager) => {
      const before = await this.locked(manager, requireUuid(id, "id"));
      await manager.query(`DELETE FROM webhooks WHERE id = $1`, [before.id]);
      await this.audit.record(manager, actor, { action: "DELETE", entityType: "Webhook", entityId: before.id, before: view(before) });
      return before;
    });
  }

  /** An endpoint's deliveries, newest first. */
  async deliveries(webhookId: string, filter: WebhookDeliveryFilter | null | undefined, args: PageArgs): Promise<Page<WebhookDelivery>> {
    const size = pageSize(args.first);
    const params = new SqlParams();
    const where = [`d.webhook_id = ${params.add(requireUuid(webhookId, "webhookId"), "uuid")}`];
    onlyOf(filter?.statuses, STATUSES, "UNKNOWN_STATUS", "statuses");
    if (filter?.statuses?.length) where.push(`d.status = ANY (${params.add(filter.statuses, "text[]")})`);
    onlyOf(filter?.types, MESSAGE_TYPES, "UNKNOWN_EVENT_TYPE", "types");
    if (filter?.types?.length) where.push(`d.type = ANY (${params.add(filter.types, "text[]")})`);
    const counted = [...where];
    const countValues = [...params.values];
    if (args.after) where.push(`d.seq < ${params.add(decodeCursor(args.after, ORDER, { key: isSerial }).key, "bigint")}`);
    const rows: (WebhookDelivery & { seq: string })[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, d.seq::text AS seq FROM webhook_deliveries d
       WHERE ${where.join(" AND ")} ORDER BY d.seq DESC LIMIT ${params.add(size + 1, "int")}`,
      params.values,
    );
    const count = async (): Promise<number> =>
      (await this.dataSource.query(`SELECT count(*)::int AS n FROM webhook_deliveries d WHERE ${counted.join(" AND ")}`, countValues))[0].n;
    return pageFromRows(rows.map(({ seq, ...node }) => ({ node, key: seq })), size, ORDER, count);
  }

  /** The attempts of many deliveries in one statement, oldest first (the delivery log's loader). */
  async attempts(deliveryIds: readonly string[]): Promise<Child<WebhookAttempt>[]> {
    const rows: WebhookAttempt[] = await this.dataSource.query(
      `SELECT a.id, a.delivery_id AS "deliveryId", a.attempt, a.at, a.duration_ms AS "durationMs", a.status_code AS "statusCode",
              a.response_head AS "responseHead", a.error
       FROM webhook_attempts a WHERE a.delivery_id = ANY ($1::uuid[]) ORDER BY a.delivery_id, a.attempt, a.at`,
      [deliveryIds],
    );
    return rows.map((item) => ({ parentId: item.deliveryId, item }));
  }

  /** Queues an event again for one endpoint (after a failure, or for a receiver that lost it). */
  redeliver(actor: Actor, webhookId: string, eventId: string): Promise<WebhookDelivery> {
    return this.queue(actor, webhookId, async (manager, webhook) => {
      const [delivery]: WebhookDelivery[] = await manager.query(
        `INSERT INTO webhook_deliveries AS d (webhook_id, event_id, report_id, type)
         SELECT $1, e.id, e.report_id, e.type FROM report_events e WHERE e.id = $2 RETURNING ${DELIVERY_COLUMNS}`,
        [webhook.id, requireUuid(eventId, "eventId")],
      );
      if (!delivery) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such report event", { field: "eventId" });
      return delivery;
    });
  }

  /** Queues a WEBHOOK_TEST message, signed like every other, so a receiver can check its setup. */
  sendTest(actor: Actor, webhookId: string): Promise<WebhookDelivery> {
    return this.queue(actor, webhookId, async (manager, webhook) => {
      const [delivery]: WebhookDelivery[] = await manager.query(
        `INSERT INTO webhook_deliveries AS d (webhook_id, type) VALUES ($1, $2) RETURNING ${DELIVERY_COLUMNS}`,
        [webhook.id, WEBHOOK_TEST],
      );
      return delivery;
    });
  }

  private queue(actor: Actor, webhookId: string, insert: (manager: EntityManager, webhook: Webhook) => Promise<WebhookDelivery>): Promise<WebhookDelivery> {
    return transaction(this.dataSource, async (manager) => {
      const webhook = await this.locked(manager, requireUuid(webhookId, "webhookId"));
      if (!webhook.enabled) throw new AppError("CONFLICT", { reason: "WEBHOOK_DISABLED" }, "the webhook is disabled: enable it first", { field: "webhookId" });
      const delivery = await insert(manager, webhook);
      await this.audit.record(manager, actor, {
        action: "CREATE",
        entityType: "WebhookDelivery",
        entityId: delivery.id,
        after: { webhookId: webhook.id, type: delivery.type, eventId: delivery.eventId },
      });
      afterCommit(() => this.queued());
      return delivery;
    });
  }

  private queued(): void {
    for (const listener of this.queuedListeners) listener();
  }

  private secretKey(): Buffer {
    if (!this.settings.secretKey) {
      throw new AppError("CONFLICT", { reason: "WEBHOOKS_NOT_SET_UP" }, "webhooks are not set up on this server: WEBHOOK_SECRET_KEY is missing");
    }
    return this.settings.secretKey;
  }

  /** The endpoint, locked for the rest of the transaction. */
  private async locked(manager: EntityManager, id: string): Promise<Webhook> {
    const [found] = await manager.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1 FOR UPDATE`, [id]);
    if (!found) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such webhook", { field: "id" });
    return found;
  }

  /** The given fields, checked; an empty list means every type, firm or tag (null). */
  private async validFields(manager: EntityManager, input: WebhookChanges, creating: boolean): Promise<WebhookChanges> {
    const fields: WebhookChanges = {};
    if (creating || input.url !== undefined) {
      const url = valid.text(input.url ?? "", "url", { max: 2000 });
      const problem = checkWebhookUrl(url, { production: this.settings.production });
      if (problem) throw badInput(problem.why, problem.message, "url");
      fields.url = url;
    }
    if (input.description !== undefined) fields.description = valid.optionalText(input.description, "description", { max: 500 }) ?? "";
    if (input.eventTypes !== undefined) {
      onlyOf(input.eventTypes, EVENT_TYPES, "UNKNOWN_EVENT_TYPE", "eventTypes");
      fields.eventTypes = input.eventTypes?.length ? [...new Set(input.eventTypes)] : null;
    }
    if (input.firmIds !== undefined) fields.firmIds = await this.existing(manager, "firms", input.firmIds, "firmIds");
    if (input.sectorTagIds !== undefined) fields.sectorTagIds = await this.existing(manager, "sector_tags", input.sectorTagIds, "sectorTagIds");
    return fields;
  }

  private async existing(manager: EntityManager, table: "firms" | "sector_tags", ids: string[] | null | undefined, field: string): Promise<string[] | null> {
    if (!ids?.length) return null;
    const unique = [...new Set(valid.list(ids, field, 1, FILTER_IDS_MAX).map((id) => requireUuid(id, field)))];
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM ${table} WHERE id = ANY ($1::uuid[])`, [unique]);
    if (n !== unique.length) {
      throw badInput({ reason: table === "firms" ? "UNKNOWN_FIRM" : "UNKNOWN_SECTOR_TAG" }, `${field} names ${unique.length - n} that do not exist`, field);
    }
    return unique;
  }
}
