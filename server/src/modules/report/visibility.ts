import { isStaff, type Viewer } from "../user/viewer";
import { ReportStatus } from "./report-status";
import type { Report } from "./report.entity";

/**
 * Who may see which report, for every read path: staff see every status; anonymous clients and API
 * keys see published reports in lists and searches, and also reach a retracted one directly (by id
 * or slug), as a tombstone.
 */

/** The SQL condition on `r` for reading reports one by one (by id or slug). */
export const directlyVisible = (viewer: Viewer): string => (isStaff(viewer) ? "TRUE" : `r.status IN ('PUBLISHED', 'RETRACTED')`);

/** The SQL condition on `r` for lists and searches. */
export const listedVisible = (viewer: Viewer): string => (isStaff(viewer) ? "TRUE" : `r.status = 'PUBLISHED'`);

/** A retracted report is a tombstone: its content is gone for everyone reading through the API. */
export const isTombstone = (report: Pick<Report, "status">): boolean => report.status === ReportStatus.RETRACTED;
