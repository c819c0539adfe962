import { Analyst } from "../modules/analyst/analyst.entity";
import { DisclaimerSnapshot } from "../modules/disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "../modules/disclaimer/disclaimer-template.entity";
import { Firm } from "../modules/firm/firm.entity";
import { ReportAnalyst } from "../modules/report/report-analyst.entity";
import { Report } from "../modules/report/report.entity";
import { SectorTag } from "../modules/sector-tag/sector-tag.entity";
import { User } from "../modules/user/user.entity";

export const entities = [User, Firm, Analyst, SectorTag, DisclaimerTemplate, DisclaimerSnapshot, Report, ReportAnalyst];
