import type { EntityManager } from "typeorm";
import { AppError } from "../../kernel/errors";
import { hydrate, selectList } from "../../kernel/sql";
import type { Actor } from "../audit/audit.service";
import type { ReportContent } from "./report-content";
import { Report } from "./report.entity";
import { WorkingCopy } from "./working-copy.entity";

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
 * The rows of a report, its links, working copy and revisions, read and written inside the
 * caller's transaction: what editing (ReportService) and the workflow (ReportWorkflowService)
 * both change, written one way.
 */
export class ReportStore {
  /** Locks the report row (and so its working copy) until the transaction ends. */
  async lock(manager: EntityManager, id: string): Promise<LockedReport> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${selectList(manager.connection.getMetadata(Report), "r")} FROM reports r WHERE r.id = $1 FOR UPDATE`,
      [id],
    );
    if (!rows.length) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such report");
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
   * Puts content and its correction note onto the report's live fields (publishing a working copy);
   * whoever last edited the copy becomes the report's last editor, whom the four-eyes rule excludes
   * from reviewing.
   */
  async applyToReport(manager: EntityManager, reportId: string, content: ReportContent, correctionNote: string | null, editorId: string | null): Promise<void> {
    await manager.query(
      `UPDATE reports SET title = $2, subject = $3, summary = $4, body = $5, language = $6, correction_note = $7, updated_by_id = $8
       WHERE id = $1`,
      [reportId, content.title, content.subject, content.summary, content.body, content.language, correctionNote, editorId],
    );
    await this.replaceLinks(manager, reportId, content);
  }

  /**
   * Opens a correction of a live or scheduled report with its content unchanged, so that its
   * disclaimer can be renewed through review while clients keep the approved version. Whoever
   * last edited that content stays its last editor, whom four eyes exclude from reviewing it.
   */
  async openCorrection(manager: EntityManager, actor: Actor, { report }: LockedReport): Promise<void> {
    await this.insertCopy(manager, report, await this.liveContent(manager, report), actor.id, report.updatedById);
  }

  /** A correction starts as a DRAFT one version above the report, so that versions never repeat. */
  async insertCopy(manager: EntityManager, report: Report, content: ReportContent, createdById: string | null, updatedById: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO report_working_copies (report_id, title, subject, summary, body, language, analyst_ids, sector_tag_ids,
         status, version, created_by_id, updated_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10, $11)`,
      [report.id, content.title, content.subject, content.summary, content.body, content.language, content.analystIds, content.sectorTagIds, report.version + 1, createdById, updatedById],
    );
  }

  async replaceLinks(manager: EntityManager, reportId: string, content: ReportContent): Promise<void> {
    await manager.query(`DELETE FROM report_analysts WHERE report_id = $1`, [reportId]);
    await manager.query(`DELETE FROM report_sector_tags WHERE report_id = $1`, [reportId]);
    await this.writeLinks(manager, reportId, content);
  }

  /** The analysts keep the order given (the lead analyst first); tags have none. */
  async writeLinks(manager: EntityManager, reportId: string, content: ReportContent): Promise<void> {
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

  /** The report's next revision number: a save holds the report's row lock, so two never take one number. */
  async addRevision(manager: EntityManager, actor: Actor, reportId: string, content: ReportContent): Promise<void> {
    await manager.query(
      `INSERT INTO report_revisions (report_id, number, content, created_by_id)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3 FROM report_revisions WHERE report_id = $1`,
      [reportId, JSON.stringify(content), actor.id],
    );
  }

  /** The report as this transaction sees it, after its writes. */
  async load(manager: EntityManager, id: string): Promise<Report> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT ${selectList(manager.connection.getMetadata(Report), "r")} FROM reports r WHERE r.id = $1`,
      [id],
    );
    if (!rows.length) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such report");
    return hydrate(Report, rows[0]);
  }
}
