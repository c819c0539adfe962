import type { DataSource, EntityManager } from "typeorm";
import { diffFields } from "../../common/diff";
import { AppError, badInput } from "../../common/errors";
import { requireUuid } from "../../common/ids";
import { sanitizeBody } from "../../common/sanitize-html";
import { execute, hydrate, selectList } from "../../common/sql";
import { slugify, uniqueSlug } from "../../common/slug";
import * as valid from "../../common/validate";
import type { Actor, AuditAction, AuditService } from "../audit/audit.service";
import { Firm } from "../firm/firm.entity";
import { ReportContent, REPORT_LIMITS, type CreateReportInput, type UpdateReportInput } from "./report-content";
import { ReportRevision } from "./report-revision.entity";
import { ReportStatus } from "./report-status";
import { Report } from "./report.entity";

/** Statuses whose content may be edited in place. Live reports are corrected through working copies. */
const EDITABLE: ReportStatus[] = [ReportStatus.DRAFT];

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function ids(values: string[], field: string, limits: { min: number; max: number }): string[] {
  const unique = [...new Set(values.map((v) => requireUuid(v, field)))];
  if (unique.length !== values.length) throw badInput(`${field} lists an id twice`, field);
  return valid.list(unique, field, limits.min, limits.max);
}

/** Report content as it is stored and shown in revisions, or a BAD_USER_INPUT naming the field. */
async function validContent(manager: EntityManager, c: ReportContent): Promise<ReportContent> {
  const content: ReportContent = {
    title: valid.text(c.title, "title", { max: REPORT_LIMITS.title }),
    subject: valid.text(c.subject, "subject", { max: REPORT_LIMITS.subject }),
    summary: valid
      .list(c.summary, "summary", REPORT_LIMITS.summaryBullets.min, REPORT_LIMITS.summaryBullets.max)
      .map((bullet) => valid.text(bullet, "summary", { max: REPORT_LIMITS.bullet })),
    body: sanitizeBody(valid.text(c.body, "body", { min: 0, max: REPORT_LIMITS.body, multiline: true })),
    language: valid.text(c.language, "language", { max: REPORT_LIMITS.language }),
    firmId: requireUuid(c.firmId, "firmId"),
    analystIds: ids(c.analystIds, "analystIds", REPORT_LIMITS.analysts),
    sectorTagIds: ids(c.sectorTagIds, "sectorTagIds", REPORT_LIMITS.sectorTags).sort(),
  };
  if (!LANGUAGE.test(content.language)) throw badInput("language must be a BCP 47 tag such as ko or en-US", "language");
  if (!(await manager.getRepository(Firm).existsBy({ id: content.firmId }))) throw badInput("no such firm", "firmId");
  const [{ analysts, tags }] = await manager.query(
    `SELECT (SELECT count(*)::int FROM analysts WHERE id = ANY($1::uuid[]) AND firm_id = $2) AS analysts,
            (SELECT count(*)::int FROM sector_tags WHERE id = ANY($3::uuid[])) AS tags`,
    [content.analystIds, content.firmId, content.sectorTagIds],
  );
  if (analysts !== content.analystIds.length) throw badInput("every analyst must be one of the report's firm", "analystIds");
  if (tags !== content.sectorTagIds.length) throw badInput("no such sector tag", "sectorTagIds");
  return content;
}

/** Creating and editing reports, with a revision and an audit event per save. */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, input: CreateReportInput): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const content = await validContent(manager, {
        ...input,
        language: input.language ?? "ko",
        sectorTagIds: input.sectorTagIds ?? [],
      });
      const [row] = await manager.query(
        `INSERT INTO reports (slug, title, subject, summary, body, language, firm_id, created_by_id, updated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
        [
          await uniqueSlug(manager, "reports", slugify(content.title)),
          content.title,
          content.subject,
          content.summary,
          content.body,
          content.language,
          content.firmId,
          actor.id,
        ],
      );
      await this.writeLinks(manager, row.id, content);
      await this.addRevision(manager, actor, row.id, content);
      await this.audit.record(manager, actor, { action: "CREATE", entityType: "Report", entityId: row.id, after: { ...content } });
      return this.load(manager, row.id);
    });
  }

  /** Saves only if the report is still at `expectedVersion`; otherwise CONFLICT and nothing changes. */
  update(actor: Actor, id: string, input: UpdateReportInput, expectedVersion: number): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.content(manager, id);
      const next: ReportContent = { ...current };
      for (const key of Object.keys(next) as (keyof ReportContent)[]) {
        const value = input[key];
        if (value !== undefined && value !== null) (next as unknown as Record<string, unknown>)[key] = value;
      }
      return this.save(manager, actor, id, current, await validContent(manager, next), expectedVersion, "UPDATE");
    });
  }

  /** Restoring is a save like any other: a new revision with the old content. */
  restore(actor: Actor, revisionId: string, expectedVersion: number): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const revision = await manager.getRepository(ReportRevision).findOneBy({ id: revisionId });
      if (!revision) throw new AppError("NOT_FOUND", "no such revision");
      const current = await this.content(manager, revision.reportId);
      const content = await validContent(manager, revision.content);
      return this.save(manager, actor, revision.reportId, current, content, expectedVersion, "RESTORE");
    });
  }

  /** Drafts that never went live can be deleted; the audit log keeps what they said. */
  delete(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.content(manager, id);
      const deleted = await execute(manager, `DELETE FROM reports WHERE id = $1 AND status = 'DRAFT' AND published_at IS NULL`, [id]);
      if (deleted === 0) {
        const report = await this.load(manager, id);
        throw new AppError("INVALID_TRANSITION", `only drafts can be deleted; the report is ${report.status}`, {
          status: report.status,
        });
      }
      await this.audit.record(manager, actor, { action: "DELETE", entityType: "Report", entityId: id, before: { ...before } });
      return id;
    });
  }

  revisions(reportIds: readonly string[]): Promise<ReportRevision[]> {
    return this.dataSource
      .getRepository(ReportRevision)
      .createQueryBuilder("v")
      .where("v.report_id = ANY(:reportIds)", { reportIds })
      .orderBy("v.number", "DESC")
      .getMany();
  }

  async findRevisions(revisionIds: string[]): Promise<ReportRevision[]> {
    return this.dataSource.getRepository(ReportRevision).findBy(revisionIds.map((id) => ({ id })));
  }

  private async save(
    manager: EntityManager,
    actor: Actor,
    id: string,
    before: ReportContent,
    after: ReportContent,
    expectedVersion: number,
    action: AuditAction,
  ): Promise<Report> {
    const slug = after.title === before.title ? null : await uniqueSlug(manager, "reports", slugify(after.title), id);
    // One statement checks state and version and writes, so concurrent saves cannot both win. A new
    // firm drops the attached disclaimer: it was the old firm's.
    const updated = await execute(
      manager,
      `UPDATE reports SET title = $3, subject = $4, summary = $5, body = $6, language = $7, firm_id = $8,
         slug = CASE WHEN published_at IS NULL AND $9::text IS NOT NULL THEN $9 ELSE slug END,
         disclaimer_id = CASE WHEN firm_id = $8 THEN disclaimer_id END,
         version = version + 1, updated_by_id = $10, updated_at = now()
       WHERE id = $1 AND version = $2 AND status = ANY($11::text[])`,
      [id, expectedVersion, after.title, after.subject, after.summary, after.body, after.language, after.firmId, slug, actor.id, EDITABLE],
    );
    if (updated === 0) {
      const report = await this.load(manager, id);
      if (!EDITABLE.includes(report.status)) {
        throw new AppError("INVALID_TRANSITION", `a ${report.status} report cannot be edited`, { status: report.status });
      }
      throw new AppError("CONFLICT", `the report changed since version ${expectedVersion}; reload it`, {
        currentVersion: report.version,
      });
    }
    await manager.query(`DELETE FROM report_analysts WHERE report_id = $1`, [id]);
    await manager.query(`DELETE FROM report_sector_tags WHERE report_id = $1`, [id]);
    await this.writeLinks(manager, id, after);
    await this.addRevision(manager, actor, id, after);
    const diff = diffFields({ ...before }, { ...after });
    await this.audit.record(manager, actor, { action, entityType: "Report", entityId: id, before: diff.before, after: diff.after });
    return this.load(manager, id);
  }

  private async writeLinks(manager: EntityManager, reportId: string, content: ReportContent): Promise<void> {
    await manager.query(
      `INSERT INTO report_analysts (report_id, analyst_id, position)
       SELECT $1, a.id, a.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)`,
      [reportId, content.analystIds],
    );
    await manager.query(
      `INSERT INTO report_sector_tags (report_id, sector_tag_id) SELECT $1, unnest($2::uuid[])`,
      [reportId, content.sectorTagIds],
    );
  }

  private async addRevision(manager: EntityManager, actor: Actor, reportId: string, content: ReportContent): Promise<void> {
    await manager.query(
      `INSERT INTO report_revisions (report_id, number, content, created_by_id)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3 FROM report_revisions WHERE report_id = $1`,
      [reportId, JSON.stringify(content), actor.id],
    );
  }

  private async load(manager: EntityManager, id: string): Promise<Report> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${selectList(manager.connection.getMetadata(Report), "r")} FROM reports r WHERE r.id = $1`,
      [id],
    );
    if (!rows.length) throw new AppError("NOT_FOUND", "no such report");
    return hydrate(Report, rows[0]);
  }

  /** The stored content of a report with its authors and tags. */
  private async content(manager: EntityManager, id: string): Promise<ReportContent> {
    const report = await this.load(manager, id);
    const [{ analysts, tags }] = await manager.query(
      `SELECT array(SELECT analyst_id::text FROM report_analysts WHERE report_id = $1 ORDER BY position) AS analysts,
              array(SELECT sector_tag_id::text FROM report_sector_tags WHERE report_id = $1 ORDER BY sector_tag_id) AS tags`,
      [id],
    );
    return {
      title: report.title,
      subject: report.subject,
      summary: report.summary,
      body: report.body,
      language: report.language,
      firmId: report.firmId,
      analystIds: analysts,
      sectorTagIds: tags,
    };
  }
}
