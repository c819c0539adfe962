import type { DataSource, EntityManager } from "typeorm";
import { diffFields } from "../../kernel/diff";
import { AppError, badInput } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import { sanitizeBody } from "../../kernel/sanitize-html";
import { hydrate, selectList } from "../../kernel/sql";
import { slugify, uniqueSlug } from "../../kernel/slug";
import * as valid from "../../kernel/validate";
import type { Actor, AuditAction, AuditService } from "../audit/audit.service";
import { Firm } from "../firm/firm.entity";
import { ReportContent, REPORT_LIMITS, type NewReport, type ReportChanges } from "./report-content";
import { PublicationPeriod } from "../publishing/publication-period.entity";
import { ReportRevision } from "./report-revision.entity";
import { ReportStatus } from "./report-status";
import { Report } from "./report.entity";
import { WorkingCopy, WorkingCopyStatus } from "./working-copy.entity";

/** Edited in place. */
const EDITABLE: ReportStatus[] = [ReportStatus.DRAFT];
/** Edited through a working copy, so that clients keep the version that was approved. */
const CORRECTED_BY_COPY: ReportStatus[] = [ReportStatus.APPROVED, ReportStatus.SCHEDULED, ReportStatus.PUBLISHED];

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
    body: sanitizeBody(valid.text(c.body, "body", { min: 0, max: REPORT_LIMITS.body, multiline: true, html: true })),
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

/** A report locked for the rest of the transaction, with its working copy if one exists. */
export interface LockedReport {
  report: Report;
  copy: WorkingCopy | null;
}

export const copyContent = (copy: WorkingCopy, firmId: string): ReportContent => ({
  title: copy.title,
  subject: copy.subject,
  summary: copy.summary,
  body: copy.body,
  language: copy.language,
  firmId,
  analystIds: copy.analystIds,
  sectorTagIds: [...copy.sectorTagIds].sort(),
});

/**
 * Creating and editing reports, with a revision and an audit event per save. Edits of approved,
 * scheduled and published reports go to their working copy (README: "Corrections").
 */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, input: NewReport): Promise<Report> {
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

  /**
   * Saves only if what is edited (the working copy when there is one) is still at
   * `expectedVersion`; otherwise CONFLICT and nothing changes.
   */
  update(actor: Actor, id: string, input: ReportChanges, expectedVersion: number): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, id);
      const current = await this.editedContent(manager, locked);
      const next: ReportContent = { ...current };
      for (const key of Object.keys(next) as (keyof ReportContent)[]) {
        const value = input[key];
        if (value !== undefined && value !== null) (next as unknown as Record<string, unknown>)[key] = value;
      }
      return this.save(manager, actor, locked, current, await validContent(manager, next), expectedVersion, "UPDATE");
    });
  }

  /** Restoring is a save like any other: a new revision with the old content (a correction if live). */
  restore(actor: Actor, revisionId: string, expectedVersion: number): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const revision = await manager.getRepository(ReportRevision).findOneBy({ id: revisionId });
      if (!revision) throw new AppError("NOT_FOUND", "no such revision");
      const locked = await this.lock(manager, revision.reportId);
      const current = await this.editedContent(manager, locked);
      const content = await validContent(manager, revision.content);
      return this.save(manager, actor, locked, current, content, expectedVersion, "RESTORE");
    });
  }

  /** Whether a reviewer ever approved a disclaimer for the report. */
  private async wasApproved(manager: EntityManager, id: string): Promise<boolean> {
    const [{ approved }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM disclaimer_snapshots WHERE report_id = $1 AND review_status = 'APPROVED') AS approved`,
      [id],
    );
    return approved as boolean;
  }

  /**
   * Discards a working copy, or deletes a draft that was never approved; the audit log keeps the
   * text. Once a reviewer approved a disclaimer for it, the report is evidence and stays.
   */
  delete(actor: Actor, id: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, id);
      const before = await this.editedContent(manager, locked);
      if (locked.copy) {
        await manager.query(`DELETE FROM report_working_copies WHERE report_id = $1`, [id]);
        await this.bumpVersion(manager, id, locked.copy.version);
      } else if (locked.report.status === ReportStatus.DRAFT && !locked.report.publishedAt && !(await this.wasApproved(manager, id))) {
        await manager.query(`DELETE FROM reports WHERE id = $1`, [id]);
      } else {
        throw new AppError("INVALID_TRANSITION", `only drafts that were never approved can be deleted; the report is ${locked.report.status}`, {
          status: locked.report.status,
        });
      }
      await this.audit.record(manager, actor, {
        action: "DELETE",
        entityType: "Report",
        entityId: id,
        before: { ...before, ...(locked.copy && { workingCopy: true }) },
      });
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

  findRevisions(revisionIds: string[]): Promise<ReportRevision[]> {
    return this.dataSource.getRepository(ReportRevision).findBy(revisionIds.map((id) => ({ id })));
  }

  publicationPeriods(reportIds: readonly string[]): Promise<PublicationPeriod[]> {
    return this.dataSource
      .getRepository(PublicationPeriod)
      .createQueryBuilder("p")
      .where("p.report_id = ANY(:reportIds)", { reportIds })
      .orderBy("p.live_from", "ASC")
      .getMany();
  }

  findWorkingCopies(reportIds: readonly string[]): Promise<WorkingCopy[]> {
    return this.dataSource.getRepository(WorkingCopy).findBy(reportIds.map((reportId) => ({ reportId })));
  }

  /** Locks the report row (and so its working copy) until the transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<LockedReport> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${selectList(manager.connection.getMetadata(Report), "r")} FROM reports r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows.length) throw new AppError("NOT_FOUND", "no such report");
    const copy = await manager.getRepository(WorkingCopy).findOneBy({ reportId: id });
    return { report: hydrate(Report, rows[0]), copy };
  }

  /** The report's live content: what clients read. */
  async liveContent(manager: EntityManager, report: Report): Promise<ReportContent> {
    const [{ analysts, tags }] = await manager.query(
      `SELECT array(SELECT analyst_id::text FROM report_analysts WHERE report_id = $1 ORDER BY position) AS analysts,
              array(SELECT sector_tag_id::text FROM report_sector_tags WHERE report_id = $1 ORDER BY sector_tag_id) AS tags`,
      [report.id],
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

  /** The next report version, above `atLeast` (the last version of a correction that ended). */
  async bumpVersion(manager: EntityManager, reportId: string, atLeast: number): Promise<void> {
    await manager.query(`UPDATE reports SET version = greatest(version, $2) + 1, updated_at = now() WHERE id = $1`, [reportId, atLeast]);
  }

  /**
   * Puts content onto the report's live fields (publishing a working copy); whoever last edited
   * the copy becomes the report's last editor, whom the four-eyes rule excludes from reviewing.
   */
  async applyToReport(manager: EntityManager, reportId: string, content: ReportContent, editorId: string | null): Promise<void> {
    await manager.query(
      `UPDATE reports SET title = $2, subject = $3, summary = $4, body = $5, language = $6, updated_by_id = $7 WHERE id = $1`,
      [reportId, content.title, content.subject, content.summary, content.body, content.language, editorId],
    );
    await this.replaceLinks(manager, reportId, content);
  }

  private async editedContent(manager: EntityManager, { report, copy }: LockedReport): Promise<ReportContent> {
    return copy ? copyContent(copy, report.firmId) : this.liveContent(manager, report);
  }

  private async save(
    manager: EntityManager,
    actor: Actor,
    { report, copy }: LockedReport,
    before: ReportContent,
    after: ReportContent,
    expectedVersion: number,
    action: AuditAction,
  ): Promise<Report> {
    const correcting = copy !== null || CORRECTED_BY_COPY.includes(report.status);
    const status = copy ? copy.status : report.status;
    if (copy ? copy.status !== WorkingCopyStatus.DRAFT : !correcting && !EDITABLE.includes(report.status)) {
      throw new AppError("INVALID_TRANSITION", `a ${status} ${copy ? "correction" : "report"} cannot be edited`, { status });
    }
    const version = copy ? copy.version : report.version;
    if (version !== expectedVersion) {
      throw new AppError("CONFLICT", `the report changed since version ${expectedVersion}; reload it`, { currentVersion: version });
    }
    if (correcting && after.firmId !== report.firmId) throw badInput("the firm of a live or approved report cannot change", "firmId");

    if (copy) {
      await manager.query(
        `UPDATE report_working_copies SET title = $2, subject = $3, summary = $4, body = $5, language = $6,
           analyst_ids = $7, sector_tag_ids = $8, version = version + 1, updated_by_id = $9, updated_at = now()
         WHERE report_id = $1`,
        [report.id, after.title, after.subject, after.summary, after.body, after.language, after.analystIds, after.sectorTagIds, actor.id],
      );
    } else if (correcting) {
      await this.insertCopy(manager, report, after, actor.id, actor.id);
    } else {
      const slug = after.title === before.title ? null : await uniqueSlug(manager, "reports", slugify(after.title), report.id);
      // A new firm drops the attached disclaimer: it was the old firm's. The slug follows the title
      // until the report is first published.
      await manager.query(
        `UPDATE reports SET title = $2, subject = $3, summary = $4, body = $5, language = $6, firm_id = $7,
           slug = CASE WHEN published_at IS NULL AND $8::text IS NOT NULL THEN $8 ELSE slug END,
           disclaimer_id = CASE WHEN firm_id = $7 THEN disclaimer_id END,
           version = version + 1, updated_by_id = $9, updated_at = now()
         WHERE id = $1`,
        [report.id, after.title, after.subject, after.summary, after.body, after.language, after.firmId, slug, actor.id],
      );
      await this.replaceLinks(manager, report.id, after);
    }
    await this.addRevision(manager, actor, report.id, after);
    const diff = diffFields({ ...before }, { ...after });
    await this.audit.record(manager, actor, {
      action,
      entityType: "Report",
      entityId: report.id,
      before: diff.before,
      after: { ...diff.after, ...(correcting && { workingCopy: true }) },
    });
    return this.load(manager, report.id);
  }

  /**
   * Opens a correction of a live or scheduled report with its content unchanged, so that its
   * disclaimer can be renewed through review while clients keep the approved version. Whoever
   * last edited that content stays its last editor, whom four eyes exclude from reviewing it.
   */
  async openCorrection(manager: EntityManager, actor: Actor, { report }: LockedReport): Promise<void> {
    await this.insertCopy(manager, report, await this.liveContent(manager, report), actor.id, report.updatedById);
  }

  private async insertCopy(manager: EntityManager, report: Report, content: ReportContent, createdById: string | null, updatedById: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO report_working_copies (report_id, title, subject, summary, body, language, analyst_ids, sector_tag_ids,
         status, version, created_by_id, updated_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10, $11)`,
      [report.id, content.title, content.subject, content.summary, content.body, content.language, content.analystIds, content.sectorTagIds, report.version + 1, createdById, updatedById],
    );
  }

  private async replaceLinks(manager: EntityManager, reportId: string, content: ReportContent): Promise<void> {
    await manager.query(`DELETE FROM report_analysts WHERE report_id = $1`, [reportId]);
    await manager.query(`DELETE FROM report_sector_tags WHERE report_id = $1`, [reportId]);
    await this.writeLinks(manager, reportId, content);
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
}
