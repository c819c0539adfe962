import type { DataSource, EntityManager } from "typeorm";
import { AppError, badInput } from "../../common/errors";
import { hydrate, selectList } from "../../common/sql";
import type { Actor, AuditService } from "../audit/audit.service";
import { ReviewStatus } from "../disclaimer/disclaimer-snapshot.entity";
import type { DisclaimerService } from "../disclaimer/disclaimer.service";
import { ReportStatus } from "./report-status";
import { Report } from "./report.entity";

type Transition = "ATTACH_DISCLAIMER" | "SUBMIT" | "APPROVE" | "PUBLISH" | "SCHEDULE" | "RETRACT";

/** The publishing state machine: each transition is one transaction with its audit event. */
export class ReportWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly disclaimers: DisclaimerService,
  ) {}

  attachDisclaimer(actor: Actor, reportId: string): Promise<Report> {
    return this.transition(actor, reportId, [ReportStatus.DRAFT], async (manager, report) => {
      const snapshot = await this.disclaimers.attach(manager, report.id, report.firmId, actor.id);
      return { action: "ATTACH_DISCLAIMER", patch: { disclaimerId: snapshot.id } };
    });
  }

  submitForReview(actor: Actor, reportId: string): Promise<Report> {
    return this.transition(actor, reportId, [ReportStatus.DRAFT], async (_manager, report) => {
      if (!report.disclaimerId) throw new AppError("DISCLAIMER_REQUIRED", "attach the firm's disclaimer before submitting");
      return { action: "SUBMIT", patch: { status: ReportStatus.IN_REVIEW } };
    });
  }

  approveDisclaimer(actor: Actor, reportId: string, note: string | null): Promise<Report> {
    return this.transition(actor, reportId, [ReportStatus.IN_REVIEW], async (manager, report) => {
      if (report.createdById === actor.id || report.updatedById === actor.id) {
        throw new AppError("FORBIDDEN", "a reviewer may not approve a report they created or last edited");
      }
      await this.disclaimers.review(manager, report.disclaimerId!, ReviewStatus.APPROVED, actor.id!, note);
      return { action: "APPROVE", patch: { status: ReportStatus.APPROVED } };
    });
  }

  /** Publishes now, or schedules for `at` when it lies in the future. */
  publish(actor: Actor, reportId: string, at: Date | null): Promise<Report> {
    return this.transition(actor, reportId, [ReportStatus.APPROVED], async (manager, report) => {
      const template = await this.disclaimers.currentTemplate(manager, report.firmId);
      const snapshot = await this.disclaimers.findSnapshot(manager, report.disclaimerId!);
      if (!template || snapshot?.reviewStatus !== ReviewStatus.APPROVED || snapshot.templateId !== template.id) {
        throw new AppError("DISCLAIMER_REQUIRED", "publishing needs an approved disclaimer of the firm's current version");
      }
      return at && at.getTime() > Date.now()
        ? { action: "SCHEDULE", patch: { status: ReportStatus.SCHEDULED, scheduledAt: at } }
        : { action: "PUBLISH", patch: { status: ReportStatus.PUBLISHED, publishedAt: new Date(), scheduledAt: null } };
    });
  }

  retract(actor: Actor, reportId: string, reason: string): Promise<Report> {
    return this.transition(actor, reportId, [ReportStatus.PUBLISHED], async () => {
      if (!reason.trim()) throw badInput("a retraction needs a reason", "reason");
      return { action: "RETRACT", patch: { status: ReportStatus.RETRACTED, retractedAt: new Date(), retractionReason: reason.trim() } };
    });
  }

  /** Locks the report, checks its state, applies the change, bumps the version and records it. */
  private transition(
    actor: Actor,
    reportId: string,
    from: ReportStatus[],
    change: (manager: EntityManager, report: Report) => Promise<{ action: Transition; patch: Partial<Report> }>,
  ): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Record<string, unknown>[] = await manager.query(
        `SELECT ${selectList(manager.connection.getMetadata(Report), "r")} FROM reports r WHERE r.id = $1 FOR UPDATE`,
        [reportId],
      );
      if (!rows.length) throw new AppError("NOT_FOUND", "no such report");
      const report = hydrate(Report, rows[0]);
      if (!from.includes(report.status)) {
        throw new AppError("INVALID_TRANSITION", `not allowed while the report is ${report.status}`, { status: report.status });
      }
      const { action, patch } = await change(manager, report);
      const repo = manager.getRepository(Report);
      await repo.update(report.id, { ...patch, version: report.version + 1 });
      const after = await repo.findOneByOrFail({ id: report.id });
      await this.audit.record(manager, actor, {
        action,
        entityType: "Report",
        entityId: report.id,
        before: { status: report.status, version: report.version },
        after: { status: after.status, version: after.version, ...patch },
      });
      return after;
    });
  }
}
