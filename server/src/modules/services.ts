import type { DataSource } from "typeorm";
import { AnalystService } from "./analyst/analyst.service";
import { ApiKeyService } from "./api-key/api-key.service";
import { AuditService } from "./audit/audit.service";
import { DisclaimerService } from "./disclaimer/disclaimer.service";
import { FirmService } from "./firm/firm.service";
import { ImageService, type ImageSettings } from "./image/image.service";
import { ComplianceService } from "./compliance/compliance.service";
import { DatabaseService } from "./database/database.service";
import { BigramStats } from "./search/bigram-stats";
import { ReportEventService } from "./report-events/report-event.service";
import { ReportQueryService } from "./report/report-query.service";
import { ReportRelationsService } from "./report/report-relations.service";
import { ReportWorkflowService } from "./publishing/report-workflow.service";
import { ReportService } from "./report/report.service";
import { ReportStore } from "./report/report-store";
import { SectorTagService } from "./sector-tag/sector-tag.service";
import { SessionService, type LoginLimits } from "./user/session.service";
import { UserService } from "./user/user.service";
import { WebhookService, type WebhookSettings } from "./webhook/webhook.service";

/** One instance of each service per process; they hold no per-request state. */
export function createServices(dataSource: DataSource, config: { sessionTtlHours: number; loginLimits: LoginLimits; images: ImageSettings; webhooks: WebhookSettings }) {
  const audit = new AuditService(dataSource);
  const disclaimers = new DisclaimerService(dataSource, audit);
  const reportStore = new ReportStore();
  const reportRelations = new ReportRelationsService(dataSource);
  const images = new ImageService(dataSource, audit, config.images);
  const workflow = new ReportWorkflowService(dataSource, audit, disclaimers, reportStore);
  // Whether an image is public follows the live reports that show it.
  workflow.onLiveChange(() => images.forgetVisibility());
  return {
    audit,
    disclaimers,
    analysts: new AnalystService(dataSource, audit),
    apiKeys: new ApiKeyService(dataSource, audit),
    compliance: new ComplianceService(dataSource),
    database: new DatabaseService(dataSource, audit),
    firms: new FirmService(dataSource, audit),
    images,
    reportQueries: new ReportQueryService(dataSource, reportRelations, new BigramStats(dataSource)),
    reportEvents: new ReportEventService(dataSource),
    reportRelations,
    reports: new ReportService(dataSource, audit, reportStore, images),
    workflow,
    sectorTags: new SectorTagService(dataSource, audit),
    sessions: new SessionService(dataSource, audit, config.sessionTtlHours, config.loginLimits),
    users: new UserService(dataSource, audit),
    webhooks: new WebhookService(dataSource, audit, config.webhooks),
  };
}

export type Services = ReturnType<typeof createServices>;
