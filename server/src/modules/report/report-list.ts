import type { ReportStatus } from "./report-status";

/** How a list of reports is ordered; cursors name the order they were made for. */
export enum ReportOrder {
  PUBLISHED_AT_DESC = "PUBLISHED_AT_DESC",
  PUBLISHED_AT_ASC = "PUBLISHED_AT_ASC",
  TITLE_ASC = "TITLE_ASC",
  TITLE_DESC = "TITLE_DESC",
}

/** What a list of reports may be narrowed by; every condition given must hold. */
export interface ReportListFilter {
  firmId?: string | null;
  analystId?: string | null;
  sectorTagId?: string | null;
  /** Words separated by spaces, each a substring of the title, subject, summary or body. */
  search?: string | null;
  /** Staff only; anyone else sees PUBLISHED whatever they ask. */
  status?: ReportStatus | null;
  publishedAfter?: Date | null;
  publishedBefore?: Date | null;
}
