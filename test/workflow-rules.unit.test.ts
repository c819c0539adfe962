// The entities the rules read are declared with decorators that use the metadata API.
import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { AppError } from "../server/src/kernel/errors";
import { DisclaimerSnapshot, ReviewStatus } from "../server/src/modules/disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "../server/src/modules/disclaimer/disclaimer-template.entity";
import {
  CORRECTION_NOTE_LIMITS,
  correctionNoteFor,
  requireApprovedDisclaimer,
  requireCurrentVersion,
  requireFourEyes,
  requirePendingDisclaimer,
  requireStatus,
  scheduleTime,
} from "../server/src/modules/publishing/workflow-rules";
import { ReportStatus } from "../server/src/modules/report/report-status";

// The publishing workflow's rules on what a step has read, without a database.

const DAY_MS = 86_400_000;

function refusal(check: () => unknown): Record<string, unknown> {
  try {
    check();
  } catch (error) {
    if (error instanceof AppError) return { ...error.extensions, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

const snapshot = (reviewStatus: ReviewStatus, templateId = "t2"): DisclaimerSnapshot =>
  Object.assign(new DisclaimerSnapshot(), { reviewStatus, templateId, templateVersion: 1 });
const template = (id: string, version: number): DisclaimerTemplate => Object.assign(new DisclaimerTemplate(), { id, version });

describe("workflow rules", () => {
  it("name the correction or the report that is in the wrong state", () => {
    expect(() => requireStatus({ kind: "report", status: ReportStatus.DRAFT }, [ReportStatus.DRAFT])).not.toThrow();
    expect(refusal(() => requireStatus({ kind: "copy", status: ReportStatus.IN_REVIEW }, [ReportStatus.DRAFT]))).toMatchObject({
      code: "INVALID_TRANSITION",
      status: ReportStatus.IN_REVIEW,
      message: "not allowed while the correction is IN_REVIEW",
    });
  });

  it("schedule only within the coming year", () => {
    const soon = new Date(Date.now() + DAY_MS);
    expect(scheduleTime(soon)).toBe(soon);
    expect(refusal(() => scheduleTime(new Date(Date.now() - 1000)))).toMatchObject({ code: "BAD_USER_INPUT", field: "at" });
    expect(refusal(() => scheduleTime(new Date(Date.now() + 367 * DAY_MS)))).toMatchObject({ code: "BAD_USER_INPUT", field: "at" });
  });

  it("send to review a pending disclaimer, and publish an approved one", () => {
    expect(requirePendingDisclaimer(snapshot(ReviewStatus.PENDING)).reviewStatus).toBe(ReviewStatus.PENDING);
    expect(refusal(() => requirePendingDisclaimer(null))).toMatchObject({ code: "DISCLAIMER_REQUIRED" });
    expect(refusal(() => requirePendingDisclaimer(snapshot(ReviewStatus.REJECTED)))).toMatchObject({ code: "DISCLAIMER_REQUIRED" });
    expect(requireApprovedDisclaimer(snapshot(ReviewStatus.APPROVED)).reviewStatus).toBe(ReviewStatus.APPROVED);
    expect(refusal(() => requireApprovedDisclaimer(snapshot(ReviewStatus.PENDING)))).toMatchObject({ code: "DISCLAIMER_REQUIRED" });
  });

  it("want the disclaimer of the firm's current template version", () => {
    expect(() => requireCurrentVersion(template("t2", 2), snapshot(ReviewStatus.APPROVED, "t2"), "attach it again")).not.toThrow();
    expect(refusal(() => requireCurrentVersion(template("t3", 3), snapshot(ReviewStatus.APPROVED, "t2"), "attach it again"))).toEqual({
      code: "DISCLAIMER_REQUIRED",
      reason: "DISCLAIMER_OUTDATED",
      params: { currentVersion: 3, attachedVersion: 1 },
      currentVersion: 3,
      attachedVersion: 1,
      message: "the firm's disclaimer has a newer version; attach it again",
    });
    expect(refusal(() => requireCurrentVersion(null, snapshot(ReviewStatus.APPROVED), "attach it again"))).toMatchObject({ currentVersion: null });
  });

  it("want a short plain-text correction note with a correction, and none without one", () => {
    const copy = { kind: "copy" } as const;
    // Decomposed Hangul (as macOS keyboards send it) is stored composed; Windows line ends become \n.
    expect(correctionNoteFor(copy, "  목표주가를 고쳤습니다.\r\n요약 둘째 줄도 고쳤습니다.  ".normalize("NFD"))).toBe(
      "목표주가를 고쳤습니다.\n요약 둘째 줄도 고쳤습니다.",
    );
    expect(correctionNoteFor(copy, "가".repeat(CORRECTION_NOTE_LIMITS.chars))).toHaveLength(CORRECTION_NOTE_LIMITS.chars);
    expect(correctionNoteFor({ kind: "report" }, null)).toBeNull();
    for (const note of [null, "", " \n ", "가".repeat(CORRECTION_NOTE_LIMITS.chars + 1), "한 줄\n".repeat(CORRECTION_NOTE_LIMITS.lines + 1), "<b>굵게</b>", "종\u0007"]) {
      expect(refusal(() => correctionNoteFor(copy, note)), String(note)).toMatchObject({ code: "BAD_USER_INPUT", field: "correctionNote" });
    }
    expect(refusal(() => correctionNoteFor({ kind: "report" }, "정정이 아닌 보고서"))).toMatchObject({ code: "BAD_USER_INPUT", field: "correctionNote" });
  });

  it("keep a reviewer from reviewing what they prepared", () => {
    expect(() => requireFourEyes("reviewer", ["editor", null, undefined, "author"])).not.toThrow();
    expect(refusal(() => requireFourEyes("author", ["editor", null, "author"]))).toMatchObject({ code: "FORBIDDEN", rule: "FOUR_EYES" });
  });
});
