import { Analyst } from "./analyst/analyst.entity";
import { ApiKey } from "./api-key/api-key.entity";
import { AuditEvent } from "./audit/audit-event.entity";
import { DisclaimerSnapshot } from "./disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "./disclaimer/disclaimer-template.entity";
import { Firm } from "./firm/firm.entity";
import { PublicationPeriod } from "./publishing/publication-period.entity";
import { ReportAnalyst } from "./report/report-analyst.entity";
import { ReportRevision } from "./report/report-revision.entity";
import { Report } from "./report/report.entity";
import { SectorTag } from "./sector-tag/sector-tag.entity";
import { WorkingCopy } from "./report/working-copy.entity";
import { Session } from "./user/session.entity";
import { User } from "./user/user.entity";

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
