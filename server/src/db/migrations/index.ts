import { Initial1764230400000 } from "./1764230400000-Initial";
import { StaffAccounts1764316800000 } from "./1764316800000-StaffAccounts";
import { PublishingWorkflow1764403200000 } from "./1764403200000-PublishingWorkflow";
import { LoginAttempts1764489600000 } from "./1764489600000-LoginAttempts";
import { FasterBigrams1764576000000 } from "./1764576000000-FasterBigrams";
import { StoredSearchDocument1764662400000 } from "./1764662400000-StoredSearchDocument";
import { SectorTagKeys1764748800000 } from "./1764748800000-SectorTagKeys";
import { SearchIndexWithTags1764835200000 } from "./1764835200000-SearchIndexWithTags";
import { SectorTagTimelines1764921600000 } from "./1764921600000-SectorTagTimelines";
import { DisclaimerIntegrity1765008000000 } from "./1765008000000-DisclaimerIntegrity";
import { ApproveCurrentDisclaimer1765094400000 } from "./1765094400000-ApproveCurrentDisclaimer";
import { ComplianceIndexes1765180800000 } from "./1765180800000-ComplianceIndexes";
import { CorrectionNotes1765267200000 } from "./1765267200000-CorrectionNotes";
import { Images1765353600000 } from "./1765353600000-Images";
import { ReportEvents1765440000000 } from "./1765440000000-ReportEvents";
import { Webhooks1765612800000 } from "./1765612800000-Webhooks";

/** In order; every schema change adds a migration here. */
export const migrations = [
  Initial1764230400000,
  StaffAccounts1764316800000,
  PublishingWorkflow1764403200000,
  LoginAttempts1764489600000,
  FasterBigrams1764576000000,
  StoredSearchDocument1764662400000,
  SectorTagKeys1764748800000,
  SearchIndexWithTags1764835200000,
  SectorTagTimelines1764921600000,
  DisclaimerIntegrity1765008000000,
  ApproveCurrentDisclaimer1765094400000,
  ComplianceIndexes1765180800000,
  CorrectionNotes1765267200000,
  Images1765353600000,
  ReportEvents1765440000000,
  Webhooks1765612800000,
];
