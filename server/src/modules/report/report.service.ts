import type { DataSource, EntityManager } from "typeorm";
import { diffFields } from "../../kernel/diff";
import { AppError, badInput } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import { sanitizeBody } from "../../kernel/sanitize-html";
import { slugify, uniqueSlug } from "../../kernel/slug";
import * as valid from "../../kernel/validate";
import { transaction } from "../../kernel/transaction";
import type { Actor, AuditAction, AuditService } from "../audit/audit.service";
import { Firm } from "../firm/firm.entity";
import type { ImageService } from "../image/image.service";
import { ReportContent, REPORT_LIMITS, type NewReport, type ReportChanges } from "./report-content";
import { PublicationPeriod } from "../publishing/publication-period.entity";
import { ReportRevision } from "./report-revision.entity";
import { ReportStatus } from "./report-status";
import type { Report } from "./report.entity";
import { copyContent, type LockedReport, type ReportStore } from "./report-store";
import { WorkingCopy, WorkingCopyStatus } from "./working-copy.entity";

/** Edited in place. */
const EDITABLE: ReportStatus[] = [ReportStatus.DRAFT];
/** Edited through a working copy, so that clients keep the version that was approved. */
const CORRECTED_BY_COPY: ReportStatus[] = [ReportStatus.APPROVED, ReportStatus.SCHEDULED, ReportStatus.PUBLISHED];

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function ids(values: string[], field: string, limits: { min: number; max: number }): string[] {
  const unique = [...new Set(values.map((v) => requireUuid(v, field)))];
  if (unique.length !== values.length) throw badInput({ reason: "DUPLICATE_ID" }, `${field} lists an id twice`, field);
  return valid.list(unique, field, limits.min, limits.max);
}

/** Report content as it is stored and shown in revisions, or a BAD_USER_INPUT naming the field. */
async function validContent(manager: EntityManager, images: ImageService, c: ReportContent): Promise<ReportContent> {
  const content: ReportContent = {
    title: valid.text(c.title, "title", { max: REPORT_LIMITS.title }),
    subject: valid.text(c.subject, "subject", { max: REPORT_LIMITS.subject }),
    summary: valid
      .list(c.summary, "summary", REPORT_LIMITS.summaryBullets.min, REPORT_LIMITS.summaryBullets.max)
      .map((bullet) => valid.text(bullet, "summary", { max: REPORT_LIMITS.bullet })),
    body: sanitizeBody(images.toStored(valid.text(c.body, "body", { min: 0, max: REPORT_LIMITS.body, multiline: true, html: true })), REPORT_LIMITS.body),
    language: valid.text(c.language, "language", { max: REPORT_LIMITS.language }),
    firmId: requireUuid(c.firmId, "firmId"),
    analystIds: ids(c.analystIds, "analystIds", REPORT_LIMITS.analysts),
    sectorTagIds: ids(c.sectorTagIds, "sectorTagIds", REPORT_LIMITS.sectorTags).sort(),
  };
  if (!LANGUAGE.test(content.language)) throw badInput({ reason: "INVALID_LANGUAGE" }, "language must be a BCP 47 tag such as ko or en-US", "language");
  if (!(await manager.getRepository(Firm).existsBy({ id: content.firmId }))) throw badInput({ reason: "UNKNOWN_FIRM" }, "no such firm", "firmId");
  const [{ analysts, tags }] = await manager.query(
    `SELECT (SELECT count(*)::int FROM analysts WHERE id = ANY($1::uuid[]) AND firm_id = $2) AS analysts,
            (SELECT count(*)::int FROM sector_tags WHERE id = ANY($3::uuid[])) AS tags`,
    [content.analystIds, content.firmId, content.sectorTagIds],
  );
  if (analysts !== content.analystIds.length) throw badInput({ reason: "ANALYST_OF_OTHER_FIRM" }, "every analyst must be one of the report's firm", "analystIds");
  if (tags !== content.sectorTagIds.length) throw badInput({ reason: "UNKNOWN_SECTOR_TAG" }, "no such sector tag", "sectorTagIds");
  await images.requireKnown(manager, content.body);
  return content;
}

/**
 * Creating and editing reports, with a revision and an audit event per save. Edits of approved,
 * scheduled and published reports go to their working copy (README: "Corrections").
 */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: ReportStore,
    private readonly images: ImageService,
  ) {}

  create(actor: Actor, input: NewReport): Promise<Report> {
    return transaction(this.dataSource, async (manager) => {
      const content = await validContent(manager, this.images, {
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
      await this.store.writeLinks(manager, row.id, content);
      await this.store.addRevision(manager, actor, row.id, content);
      await this.audit.record(manager, actor, { action: "CREATE", entityType: "Report", entityId: row.id, after: { ...content } });
      return this.store.load(manager, row.id);
    });
  }

  /**
   * Saves only if what is edited (the working copy when there is one) is still at
   * `expectedVersion`; otherwise CONFLICT and nothing changes.
   */
  update(actor: Actor, id: string, input: ReportChanges, expectedVersion: number): Promise<Report> {
    return transaction(this.dataSource, async (manager) => {
      const locked = await this.store.lock(manager, id);
      const current = await this.editedContent(manager, locked);
      const next: ReportContent = { ...current };
      for (const key of Object.keys(next) as (keyof ReportContent)[]) {
        const value = input[key];
        if (value !== undefined && value !== null) (next as unknown as Record<string, unknown>)[key] = value;
      }
      return this.save(manager, actor, locked, current, await validContent(manager, this.images, next), expectedVersion, "UPDATE");
    });
  }

  /** Restoring is a save like any other: a new revision with the old content (a correction if live). */
  restore(actor: Actor, revisionId: string, expectedVersion: number): Promise<Report> {
    return transaction(this.dataSource, async (manager) => {
      const revision = await manager.getRepository(ReportRevision).findOneBy({ id: revisionId });
      if (!revision) throw new AppError("NOT_FOUND", { reason: "UNKNOWN_REVISION" }, "no such revision");
      const locked = await this.store.lock(manager, revision.reportId);
      const current = await this.editedContent(manager, locked);
      const content = await validContent(manager, this.images, revision.content);
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
    return transaction(this.dataSource, async (manager) => {
      const locked = await this.store.lock(manager, id);
      const before = await this.editedContent(manager, locked);
      if (locked.copy) {
        await manager.query(`DELETE FROM report_working_copies WHERE report_id = $1`, [id]);
        await this.store.bumpVersion(manager, id, locked.copy.version);
      } else if (locked.report.status === ReportStatus.DRAFT && !locked.report.publishedAt && !(await this.wasApproved(manager, id))) {
        await manager.query(`DELETE FROM reports WHERE id = $1`, [id]);
      } else {
        throw new AppError("INVALID_TRANSITION", { reason: "DELETE_NOT_ALLOWED", params: { status: locked.report.status } }, `only drafts that were never approved can be deleted; the report is ${locked.report.status}`, {
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

  private async editedContent(manager: EntityManager, { report, copy }: LockedReport): Promise<ReportContent> {
    return copy ? copyContent(copy, report.firmId) : this.store.liveContent(manager, report);
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
      throw new AppError("INVALID_TRANSITION", { reason: "EDIT_NOT_ALLOWED", params: { status } }, `a ${status} ${copy ? "correction" : "report"} cannot be edited`, { status });
    }
    const version = copy ? copy.version : report.version;
    if (version !== expectedVersion) {
      throw new AppError("CONFLICT", { reason: "STALE_VERSION", params: { currentVersion: version } }, `the report changed since version ${expectedVersion}; reload it`, { currentVersion: version });
    }
    if (correcting && after.firmId !== report.firmId) throw badInput({ reason: "FIRM_FIXED" }, "the firm of a live or approved report cannot change", "firmId");

    if (copy) {
      await manager.query(
        `UPDATE report_working_copies SET title = $2, subject = $3, summary = $4, body = $5, language = $6,
           analyst_ids = $7, sector_tag_ids = $8, version = version + 1, updated_by_id = $9, updated_at = now()
         WHERE report_id = $1`,
        [report.id, after.title, after.subject, after.summary, after.body, after.language, after.analystIds, after.sectorTagIds, actor.id],
      );
    } else if (correcting) {
      await this.store.insertCopy(manager, report, after, actor.id, actor.id);
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
      await this.store.replaceLinks(manager, report.id, after);
    }
    await this.store.addRevision(manager, actor, report.id, after);
    const diff = diffFields({ ...before }, { ...after });
    await this.audit.record(manager, actor, {
      action,
      entityType: "Report",
      entityId: report.id,
      before: diff.before,
      after: { ...diff.after, ...(correcting && { workingCopy: true }) },
    });
    return this.store.load(manager, report.id);
  }
}
