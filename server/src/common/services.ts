import type { DataSource } from "typeorm";
import { AnalystService } from "../modules/analyst/analyst.service";
import { DisclaimerService } from "../modules/disclaimer/disclaimer.service";
import { FirmService } from "../modules/firm/firm.service";
import { ReportQueryService } from "../modules/report/report-query.service";
import { ReportService } from "../modules/report/report.service";
import { SectorTagService } from "../modules/sector-tag/sector-tag.service";
import { UserService } from "../modules/user/user.service";

/** One instance of each service per process; they hold no per-request state. */
export function createServices(dataSource: DataSource) {
  const disclaimers = new DisclaimerService(dataSource);
  return {
    dataSource,
    analysts: new AnalystService(dataSource),
    disclaimers,
    firms: new FirmService(dataSource),
    reportQueries: new ReportQueryService(dataSource),
    reports: new ReportService(dataSource, disclaimers),
    sectorTags: new SectorTagService(dataSource),
    users: new UserService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;
