import type { DataSource } from "typeorm";
import type { Config } from "../config";
import { AnalystService } from "../modules/analyst/analyst.service";
import { ApiKeyService } from "../modules/api-key/api-key.service";
import { AuditService } from "../modules/audit/audit.service";
import { DisclaimerService } from "../modules/disclaimer/disclaimer.service";
import { FirmService } from "../modules/firm/firm.service";
import { ComplianceService } from "../modules/report/compliance.service";
import { BigramStats } from "../modules/report/bigram-stats";
import { ReportQueryService } from "../modules/report/report-query.service";
import { ReportRelationsService } from "../modules/report/report-relations.service";
import { ReportWorkflowService } from "../modules/report/report-workflow.service";
import { ReportService } from "../modules/report/report.service";
import { SectorTagService } from "../modules/sector-tag/sector-tag.service";
import { SessionService } from "../modules/user/session.service";
import { UserService } from "../modules/user/user.service";

/** One instance of each service per process; they hold no per-request state. */
export function createServices(dataSource: DataSource, config: Pick<Config, "sessionTtlHours" | "loginLimits">) {
  const audit = new AuditService(dataSource);
  const disclaimers = new DisclaimerService(dataSource, audit);
  const reports = new ReportService(dataSource, audit);
  const reportRelations = new ReportRelationsService(dataSource);
  return {
    dataSource,
    audit,
    disclaimers,
    analysts: new AnalystService(dataSource, audit),
    apiKeys: new ApiKeyService(dataSource, audit),
    compliance: new ComplianceService(dataSource),
    firms: new FirmService(dataSource, audit),
    reportQueries: new ReportQueryService(dataSource, reportRelations, new BigramStats(dataSource)),
    reportRelations,
    reports,
    workflow: new ReportWorkflowService(dataSource, audit, disclaimers, reports),
    sectorTags: new SectorTagService(dataSource, audit),
    sessions: new SessionService(dataSource, audit, config.sessionTtlHours, config.loginLimits),
    users: new UserService(dataSource, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
