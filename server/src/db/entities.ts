import { Analyst } from "../modules/analyst/analyst.entity";
import { ApiKey } from "../modules/api-key/api-key.entity";
import { AuditEvent } from "../modules/audit/audit-event.entity";
import { DisclaimerSnapshot } from "../modules/disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "../modules/disclaimer/disclaimer-template.entity";
import { Firm } from "../modules/firm/firm.entity";
import { PublicationPeriod } from "../modules/report/publication-period.entity";
import { ReportAnalyst } from "../modules/report/report-analyst.entity";
import { ReportRevision } from "../modules/report/report-revision.entity";
import { Report } from "../modules/report/report.entity";
import { SectorTag } from "../modules/sector-tag/sector-tag.entity";
import { WorkingCopy } from "../modules/report/working-copy.entity";
import { Session } from "../modules/user/session.entity";
import { User } from "../modules/user/user.entity";

export const entities = [
  User,
  Session,
  ApiKey,
  AuditEvent,
  Firm,
  Analyst,
  SectorTag,
  DisclaimerTemplate,
  DisclaimerSnapshot,
  Report,
  ReportAnalyst,
  ReportRevision,
  WorkingCopy,
  PublicationPeriod,
];
