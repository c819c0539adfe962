import DataLoader from "dataloader";
import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "../user/viewer";
import { isUuid, requireUuid } from "../../kernel/ids";
import { decodeCursor, pageFromRows, pageSize, type Page, type PageArgs } from "../../kernel/pagination";
import { hydrate, selectList, SqlParams } from "../../kernel/sql";
import { searchable } from "../../kernel/validate";
import { AUDIT_ACTIONS, type AuditAction, type AuditEntityType } from "./audit-action";
import { AuditEvent } from "./audit-event.entity";

export type { AuditAction, AuditEntityType } from "./audit-action";

export interface AuditEntry {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  /** Plain snapshots built by the caller from allow-listed fields: never hashes or tokens. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface Actor {
  id: string | null;
  email: string | null;
}

export const SYSTEM: Actor = { id: null, email: null };

export const actorOf = (viewer: Viewer): Actor =>
  viewer.user ? { id: viewer.user.id, email: viewer.user.email } : { id: null, email: null };

export interface AuditQuery {
  actorId?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
  first?: number | null;
  after?: string | null;
}

/** An entity an audit event names. */
export interface AuditEntityRef {
  type: string;
  id: string;
}

/** What the log shows of an entity that still exists: its name now, and the firm whose page shows it. */
export interface AuditSubject {
  title: string;
  firmId: string | null;
}

export const subjectKey = (ref: AuditEntityRef): string => `${ref.type}:${ref.id}`;

/**
 * How each kind of entity is named, as rows (id, title, firmId) of the ids in the placeholder.
 * A disclaimer template has no page of its own: it goes by its firm's name and links to the firm.
 * An endpoint's description is optional, so one without goes by its URL; a delivery goes by its
 * endpoint's name.
 */
const SUBJECTS: Partial<Record<AuditEntityType, (ids: string) => string>> = {
  Report: (ids) => `SELECT id, title, NULL::uuid FROM reports WHERE id = ANY(${ids})`,
  Firm: (ids) => `SELECT id, name, NULL::uuid FROM firms WHERE id = ANY(${ids})`,
  Analyst: (ids) => `SELECT id, name, NULL::uuid FROM analysts WHERE id = ANY(${ids})`,
  SectorTag: (ids) => `SELECT id, name, NULL::uuid FROM sector_tags WHERE id = ANY(${ids})`,
  User: (ids) => `SELECT id, name, NULL::uuid FROM users WHERE id = ANY(${ids})`,
  ApiKey: (ids) => `SELECT id, name, NULL::uuid FROM api_keys WHERE id = ANY(${ids})`,
  DisclaimerTemplate: (ids) => `SELECT t.id, f.name, f.id FROM disclaimer_templates t JOIN firms f ON f.id = t.firm_id WHERE t.id = ANY(${ids})`,
  Webhook: (ids) => `SELECT id, coalesce(nullif(description, ''), url), NULL::uuid FROM webhooks WHERE id = ANY(${ids})`,
  WebhookDelivery: (ids) =>
    `SELECT d.id, coalesce(nullif(w.description, ''), w.url), NULL::uuid FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ANY(${ids})`,
};

/**
 * The name an event's own snapshot gives its entity, for one that is gone (a deleted draft) or has
 * no name of its own (an image's alt text).
 */
export function recordedTitle(event: Pick<AuditEvent, "before" | "after">): string | null {
  for (const snapshot of [event.after, event.before]) {
    for (const field of ["title", "name", "alt"]) {
      const value = snapshot?.[field];
      if (typeof value === "string" && value) return value;
    }
  }
  return null;
}

const ORDER = "ID_DESC";
const isSerial = (value: string): boolean => /^[1-9]\d{0,17}$/.test(value);

export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Always inside the caller's transaction: the event commits with the change or not at all. */
  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_events (actor_id, actor_email, action, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [actor.id, actor.email, entry.action, entry.entityType, entry.entityId, entry.before ?? null, entry.after ?? null],
    );
  }

  /** Every action the log records, for a client's list of choices. */
  actions(): readonly AuditAction[] {
    return AUDIT_ACTIONS;
  }

  /**
   * The entities that still exist among `refs`, by `subjectKey`: one statement for all of them,
   * whatever their types. Ids that are not UUIDs (an image's hash) name nothing here.
   */
  async subjects(refs: readonly AuditEntityRef[]): Promise<Map<string, AuditSubject>> {
    const params = new SqlParams();
    const parts: string[] = [];
    for (const [type, select] of Object.entries(SUBJECTS)) {
      const ids = [...new Set(refs.filter((ref) => ref.type === type && isUuid(ref.id)).map((ref) => ref.id))];
      if (ids.length) parts.push(`SELECT ${params.add(type)}::text AS type, s.* FROM (${select(params.add(ids, "uuid[]"))}) s(id, title, "firmId")`);
    }
    if (!parts.length) return new Map();
    const rows: { type: string; id: string; title: string; firmId: string | null }[] = await this.dataSource.query(parts.join(" UNION ALL "), params.values);
    return new Map(rows.map((row) => [subjectKey(row), { title: row.title, firmId: row.firmId }]));
  }

  /** Newest first. */
  async search(query: AuditQuery): Promise<Page<AuditEvent>> {
    const size = pageSize(query.first);
    const conditions = (params: SqlParams): string[] => {
      const c = ["TRUE"];
      if (query.actorId) c.push(`e.actor_id = ${params.add(requireUuid(query.actorId, "actorId"), "uuid")}`);
      if (query.entityType) c.push(`e.entity_type = ${params.add(searchable(query.entityType, "entityType"))}`);
      if (query.entityId) c.push(`e.entity_id = ${params.add(searchable(query.entityId, "entityId"))}`);
      if (query.action) c.push(`e.action = ${params.add(searchable(query.action, "action"))}`);
      if (query.from) c.push(`e.at >= ${params.add(query.from, "timestamptz")}`);
      if (query.to) c.push(`e.at < ${params.add(query.to, "timestamptz")}`);
      return c;
    };
    const params = new SqlParams();
    const where = conditions(params);
    if (query.after) where.push(this.afterCondition(query.after, params));
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${this.columns()} FROM audit_events e
       WHERE ${where.join(" AND ")} ORDER BY e.id DESC LIMIT ${size + 1}`,
      params.values,
    );
    const count = async (): Promise<number> => {
      const countParams = new SqlParams();
      const [{ n }] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_events e WHERE ${conditions(countParams).join(" AND ")}`,
        countParams.values,
      );
      return n as number;
    };
    return this.page(rows, size, count);
  }

  /**
   * The same page of events for many entities of one type in one statement (the audit trail of
   * each report in a list), newest first; the counts, when asked for, in one more.
   */
  async trails(entityType: AuditEntityType, entityIds: readonly string[], args: PageArgs): Promise<Page<AuditEvent>[]> {
    const size = pageSize(args.first);
    const params = new SqlParams();
    const ids = params.add(entityIds, "text[]");
    const type = params.add(entityType);
    const where = [`e.entity_type = ${type}`, "e.entity_id = p.entity"];
    if (args.after) where.push(this.afterCondition(args.after, params));
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT p.entity AS "__entity", x.*
       FROM unnest(${ids}) AS p(entity)
       CROSS JOIN LATERAL (
         SELECT ${this.columns()} FROM audit_events e WHERE ${where.join(" AND ")} ORDER BY e.id DESC LIMIT ${size + 1}
       ) x`,
      params.values,
    );
    const counts = new DataLoader<string, number>(async (keys) => {
      const found: { entity: string; n: number }[] = await this.dataSource.query(
        `SELECT p.entity, (SELECT count(*)::int FROM audit_events e WHERE e.entity_type = $2 AND e.entity_id = p.entity) AS n
         FROM unnest($1::text[]) AS p(entity)`,
        [keys, entityType],
      );
      const byEntity = new Map(found.map((r) => [r.entity, r.n]));
      return keys.map((id) => byEntity.get(id) ?? 0);
    });
    const byEntity = new Map<string, Record<string, unknown>[]>(entityIds.map((id) => [id, []]));
    for (const { __entity, ...row } of rows) byEntity.get(__entity as string)?.push(row);
    return entityIds.map((id) => this.page(byEntity.get(id)!, size, () => counts.load(id)));
  }

  private columns(): string {
    return selectList(this.dataSource.getMetadata(AuditEvent), "e");
  }

  private afterCondition(after: string, params: SqlParams): string {
    return `e.id < ${params.add(decodeCursor(after, ORDER, { id: isSerial, key: isSerial }).id, "bigint")}`;
  }

  private page(rows: Record<string, unknown>[], size: number, count: () => Promise<number>): Page<AuditEvent> {
    return pageFromRows(
      rows.map((row) => {
        const event = hydrate(AuditEvent, row);
        return { node: event, key: String(event.id) };
      }),
      size,
      ORDER,
      count,
    );
  }
}
