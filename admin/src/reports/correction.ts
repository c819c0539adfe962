import type { ReportRecord } from "./operations";

/** The fields a correction can change, in the order a reviewer reads them; the body last, the longest. */
export const CORRECTION_FIELDS = ["title", "subject", "summary", "analysts", "sectorTags", "language", "disclaimer", "body"] as const;
export type CorrectionField = (typeof CORRECTION_FIELDS)[number];

type Copy = NonNullable<ReportRecord["workingCopy"]>;

/** The server's limit on a correction note (submitForReview), checked here to say so while typing. */
export const CORRECTION_NOTE_MAX = 500;

/** One version of a report as a correction compares it: the live (or approved) report, or its correction. */
export interface ComparedVersion {
  title: string;
  subject: string;
  summary: string[] | null;
  body: string | null;
  language: string;
  analysts: { name: string }[];
  sectorTags: { name: string }[];
  disclaimer: { templateVersion: number } | null;
}

/**
 * Each field as it is compared: a text, or a list of names (the analysts keep their order, the
 * lead first; tags have none, so they are sorted).
 */
export function comparable(version: ComparedVersion): { [F in CorrectionField]: F extends "analysts" | "sectorTags" ? string[] : string } {
  return {
    title: version.title,
    subject: version.subject,
    summary: (version.summary ?? []).join("\n"),
    analysts: version.analysts.map((a) => a.name),
    sectorTags: version.sectorTags.map((t) => t.name).sort((a, b) => a.localeCompare(b, "ko")),
    language: version.language,
    disclaimer: version.disclaimer ? String(version.disclaimer.templateVersion) : "",
    body: version.body ?? "",
  };
}

/** The fields in which the correction differs from the report it corrects. */
export function changedFields(report: ComparedVersion, copy: ComparedVersion): CorrectionField[] {
  const [before, after] = [comparable(report), comparable(copy)];
  return CORRECTION_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * A renewal: a correction that changes nothing but the disclaimer (attaching the firm's new version
 * to a live report opens one). Its note can say so for the editor.
 */
export function renewedVersion(report: ReportRecord, copy: Copy): number | null {
  const changed = changedFields(report, copy);
  return changed.length === 1 && changed[0] === "disclaimer" && copy.disclaimer ? copy.disclaimer.templateVersion : null;
}
