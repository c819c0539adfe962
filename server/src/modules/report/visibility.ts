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

/**
 * The SQL condition on `r` for reading a report's content and what the content shows (its
 * images). A retracted report is a tombstone without content, so it is the condition of lists.
 */
export const contentVisible = (viewer: Viewer): string => listedVisible(viewer);

/** A retracted report is a tombstone: its content is gone for everyone reading through the API. */
export const isTombstone = (report: Pick<Report, "status">): boolean => report.status === ReportStatus.RETRACTED;

/**
 * The correction note clients read with a report's content: the note of the correction that last
 * went live. A correction applied before the report first went live also leaves its note on the
 * row (it was approved with the content), but clients never read the version it corrected, so
 * they are told of no correction (`correctedAt` is null too).
 */
export const liveCorrectionNote = (report: Pick<Report, "correctedAt" | "correctionNote">): string | null =>
  report.correctedAt ? report.correctionNote : null;

/** Report.correctionNote: the live note, and none on a tombstone, which says nothing of its content. */
export const publicCorrectionNote = (report: Pick<Report, "status" | "correctedAt" | "correctionNote">): string | null =>
  isTombstone(report) ? null : liveCorrectionNote(report);
