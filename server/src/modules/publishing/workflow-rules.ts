import { AppError, badInput } from "../../kernel/errors";
import * as valid from "../../kernel/validate";
import type { AuditAction } from "../audit/audit.service";
import { ReviewStatus, type DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import type { DisclaimerTemplate } from "../disclaimer/disclaimer-template.entity";
import type { LockedReport } from "../report/report-store";
import { ReportStatus } from "../report/report-status";
import type { WorkingCopyStatus } from "../report/working-copy.entity";

/*
 * What the publishing workflow allows (README: "The publishing workflow"), decided from what a
 * step has already read: no statement runs here. The database's triggers keep the same promises
 * at commit (docs/architecture.md, "Where each promise is kept").
 */

const YEAR_MS = 366 * 86_400_000;
export const REASON_MAX = 1_000;
/** A correction note is a short public notice: a line or a few (the database checks the same). */
export const CORRECTION_NOTE_LIMITS = { chars: 500, lines: 5 } as const;

/** What a workflow step acts on: the working copy while one exists, else the report itself. */
export interface Target {
  kind: "report" | "copy";
  status: ReportStatus | WorkingCopyStatus;
  disclaimerId: string | null;
  createdById: string | null;
  updatedById: string | null;
}

export function targetOf({ report, copy }: LockedReport): Target {
  return copy ? { kind: "copy", ...copy } : { kind: "report", ...report };
}

export function requireStatus(target: Pick<Target, "kind" | "status">, allowed: string[]): void {
  if (!allowed.includes(target.status)) {
    const what = target.kind === "copy" ? "correction" : "report";
    throw new AppError("INVALID_TRANSITION", { reason: "STEP_NOT_ALLOWED", params: { status: target.status } }, `not allowed while the ${what} is ${target.status}`, { status: target.status });
  }
}

/** Live or scheduled: their disclaimer is renewed through a correction, so clients keep the approved one meanwhile. */
export const RENEWED_BY_CORRECTION: ReportStatus[] = [ReportStatus.PUBLISHED, ReportStatus.SCHEDULED];

/** A scheduled time: in the future, at most a year ahead. */
export function scheduleTime(at: Date): Date {
  const ahead = at.getTime() - Date.now();
  if (ahead <= 0) throw badInput({ reason: "SCHEDULE_IN_PAST" }, "the publication time must be in the future", "at");
  if (ahead > YEAR_MS) throw badInput({ reason: "SCHEDULE_TOO_FAR" }, "a report can be scheduled at most a year ahead", "at");
  return at;
}

const LIVE_ACTIONS = new Set<AuditAction>(["PUBLISH", "RETRACT", "PUBLISH_CORRECTION"]);

/** Whether clients may read something different after a step that did `action`. */
export const changesWhatClientsRead = (action: AuditAction): boolean => LIVE_ACTIONS.has(action);

/**
 * The correction note a submission carries: required for a correction (it is reviewed with the
 * correction and shown to clients when it goes live), refused for a report that is not one.
 */
export function correctionNoteFor(target: Pick<Target, "kind">, note: string | null): string | null {
  if (target.kind === "report") {
    if (note !== null) throw badInput({ reason: "NOTE_WITHOUT_CORRECTION" }, "only a correction takes a correction note; this report has none in progress", "correctionNote");
    return null;
  }
  if (note === null || note.trim() === "") {
    throw badInput({ reason: "CORRECTION_NOTE_REQUIRED" }, "a correction needs a correction note: say briefly what it changes, for clients", "correctionNote");
  }
  const clean = valid.text(note.replace(/\r\n?/g, "\n"), "correctionNote", { max: CORRECTION_NOTE_LIMITS.chars, multiline: true });
  if (clean.split("\n").length > CORRECTION_NOTE_LIMITS.lines) {
    throw badInput({ reason: "TOO_MANY_LINES", params: { max: CORRECTION_NOTE_LIMITS.lines } }, `correctionNote may have at most ${CORRECTION_NOTE_LIMITS.lines} lines`, "correctionNote");
  }
  return clean;
}

/** Only a disclaimer attached and not yet reviewed goes to review. */
export function requirePendingDisclaimer(snapshot: DisclaimerSnapshot | null): DisclaimerSnapshot {
  if (snapshot?.reviewStatus !== ReviewStatus.PENDING) {
    throw new AppError("DISCLAIMER_REQUIRED", { reason: "DISCLAIMER_NOT_ATTACHED" }, "attach the firm's disclaimer before submitting");
  }
  return snapshot;
}

export function requireApprovedDisclaimer(snapshot: DisclaimerSnapshot | null): DisclaimerSnapshot {
  if (snapshot?.reviewStatus !== ReviewStatus.APPROVED) {
    throw new AppError("DISCLAIMER_REQUIRED", { reason: "DISCLAIMER_NOT_APPROVED" }, "publishing needs a disclaimer approved by a reviewer");
  }
  return snapshot;
}

/** The snapshot must come from the firm's current template version (`current`, null when none is in effect). */
export function requireCurrentVersion(current: DisclaimerTemplate | null, snapshot: DisclaimerSnapshot, remedy: string): void {
  if (!current || snapshot.templateId !== current.id) {
    const versions = { currentVersion: current?.version ?? null, attachedVersion: snapshot.templateVersion };
    throw new AppError("DISCLAIMER_REQUIRED", { reason: "DISCLAIMER_OUTDATED", params: versions }, `the firm's disclaimer has a newer version; ${remedy}`, versions);
  }
}

/**
 * Four eyes, as the database's review trigger has them (rule FOUR_EYES): the reviewer is none of
 * those who prepared what is reviewed (`preparers`: who attached the disclaimer, who created or
 * last edited the target, who created the report).
 */
export function requireFourEyes(reviewerId: string | null, preparers: (string | null | undefined)[]): void {
  if (preparers.includes(reviewerId)) {
    throw new AppError("FORBIDDEN", { reason: "FOUR_EYES" }, "a reviewer may not review a report they created or last edited, or whose disclaimer they attached", {
      rule: "FOUR_EYES",
    });
  }
}
