import type { DataSource, EntityManager } from "typeorm";
import { AppError, badInput } from "../../common/errors";
import { slugify, uniqueSlug } from "../../common/slug";
import { ReviewStatus } from "../disclaimer/disclaimer-snapshot.entity";
import type { DisclaimerService } from "../disclaimer/disclaimer.service";
import { ReportAnalyst } from "./report-analyst.entity";
import { ReportStatus } from "./report-status";
import { Report } from "./report.entity";

export interface NewReport {
  firmId: string;
  analystIds: string[];
  sectorTagIds: string[];
  title: string;
  subject: string;
  summary: string[];
  body: string;
  language?: string;
}

/** Writes to reports and the publishing state machine; every transition is one transaction. */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disclaimers: DisclaimerService,
  ) {}

  create(input: NewReport, userId: string | null): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      if (input.analystIds.length === 0) throw badInput("a report needs at least one analyst", "analystIds");
      const [{ n }] = await manager.query(
        `SELECT count(*)::int AS n FROM analysts WHERE id = ANY($1::uuid[]) AND firm_id = $2`,
        [input.analystIds, input.firmId],
      );
      if (n !== new Set(input.analystIds).size) throw badInput("every analyst must belong to the report's firm", "analystIds");

      const title = input.title.normalize("NFC").trim();
      const repo = manager.getRepository(Report);
      const report = await repo.save(
        repo.create({
          firmId: input.firmId,
          title,
          subject: input.subject.normalize("NFC").trim(),
          summary: input.summary.map((s) => s.normalize("NFC").trim()),
          body: input.body.normalize("NFC"),
          language: input.language ?? "ko",
          slug: await uniqueSlug(manager, "reports", slugify(title)),
          status: ReportStatus.DRAFT,
          createdById: userId,
          updatedById: userId,
        }),
      );
      await manager.getRepository(ReportAnalyst).insert(
        input.analystIds.map((analystId, position) => ({ reportId: report.id, analystId, position })),
      );
      if (input.sectorTagIds.length) {
        await manager.query(
          `INSERT INTO report_sector_tags (report_id, sector_tag_id) SELECT $1, unnest($2::uuid[])`,
          [report.id, input.sectorTagIds],
        );
      }
      return report;
    });
  }

  attachDisclaimer(reportId: string, userId: string | null): Promise<Report> {
    return this.transition(reportId, [ReportStatus.DRAFT], async (manager, report) => {
      const snapshot = await this.disclaimers.attach(manager, report.id, report.firmId, userId);
      return { disclaimerId: snapshot.id, updatedById: userId };
    });
  }

  submitForReview(reportId: string, userId: string | null): Promise<Report> {
    return this.transition(reportId, [ReportStatus.DRAFT], async (_manager, report) => {
      if (!report.disclaimerId) throw new AppError("DISCLAIMER_REQUIRED", "attach the firm's disclaimer before submitting");
      return { status: ReportStatus.IN_REVIEW, updatedById: userId };
    });
  }

  approveDisclaimer(reportId: string, reviewerId: string, note: string | null): Promise<Report> {
    return this.transition(reportId, [ReportStatus.IN_REVIEW], async (manager, report) => {
      if (report.createdById === reviewerId || report.updatedById === reviewerId) {
        throw new AppError("FORBIDDEN", "a reviewer may not approve a report they created or last edited");
      }
      await this.disclaimers.review(manager, report.disclaimerId!, ReviewStatus.APPROVED, reviewerId, note);
      return { status: ReportStatus.APPROVED };
    });
  }

  /** Publishes now, or schedules for `at` when it lies in the future. */
  publish(reportId: string, at: Date | null): Promise<Report> {
    return this.transition(reportId, [ReportStatus.APPROVED], async (manager, report) => {
      const template = await this.disclaimers.currentTemplate(manager, report.firmId);
      const snapshot = await this.disclaimers.findSnapshot(manager, report.disclaimerId!);
      if (!template || snapshot?.reviewStatus !== ReviewStatus.APPROVED || snapshot.templateId !== template.id) {
        throw new AppError("DISCLAIMER_REQUIRED", "publishing needs an approved disclaimer of the firm's current version");
      }
      return at && at.getTime() > Date.now()
        ? { status: ReportStatus.SCHEDULED, scheduledAt: at }
        : { status: ReportStatus.PUBLISHED, publishedAt: new Date(), scheduledAt: null };
    });
  }

  retract(reportId: string, reason: string): Promise<Report> {
    return this.transition(reportId, [ReportStatus.PUBLISHED], async () => {
      if (!reason.trim()) throw badInput("a retraction needs a reason", "reason");
      return { status: ReportStatus.RETRACTED, retractedAt: new Date(), retractionReason: reason.trim() };
    });
  }

  /** Locks the report, checks its state, applies the change and bumps the version, all in one transaction. */
  private transition(
    reportId: string,
    from: ReportStatus[],
    change: (manager: EntityManager, report: Report) => Promise<Partial<Report>>,
  ): Promise<Report> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Report);
      const report = await repo.createQueryBuilder("r").setLock("pessimistic_write").where("r.id = :reportId", { reportId }).getOne();
      if (!report) throw new AppError("NOT_FOUND", "no such report");
      if (!from.includes(report.status)) {
        throw new AppError("INVALID_TRANSITION", `not allowed while the report is ${report.status}`, { status: report.status });
      }
      const patch = await change(manager, report);
      await repo.update(report.id, { ...patch, version: report.version + 1 });
      return repo.findOneByOrFail({ id: report.id });
    });
  }
}
