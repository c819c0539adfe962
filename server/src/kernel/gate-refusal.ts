import { QueryFailedError } from "typeorm";

/**
 * The rules the database enforces on disclaimers and live reports, by the SQLSTATE each refusal
 * raises (class RD, see the DisclaimerIntegrity and CorrectionNotes migrations). The first group
 * guards live rows, the second the review of snapshots and what is under review.
 */
const RULES: Readonly<Record<string, string>> = {
  RD101: "NO_DISCLAIMER",
  RD102: "FOREIGN_DISCLAIMER",
  RD103: "NOT_APPROVED",
  RD104: "WRONG_FIRM",
  RD105: "TEXT_MISMATCH",
  RD106: "OUTDATED_TEMPLATE",
  RD107: "CONTENT_NOT_APPROVED",
  RD108: "FIRM_LOCKED",
  RD201: "INSERTED_REVIEWED",
  RD202: "REVIEW_FROZEN",
  RD203: "FOUR_EYES",
  RD204: "NOT_IN_REVIEW",
  RD205: "CORRECTION_FROZEN",
};

export interface GateRefusal {
  rule: string;
  /** The database's message, which starts with the rule and names the report. */
  message: string;
}

/** The rule of a gate SQLSTATE (RD101…). */
export const gateRuleOf = (sqlstate: string): string => RULES[sqlstate] ?? sqlstate;

/** The gate rule a database error names, or null when it is some other error. */
export function gateRefusalOf(error: unknown): GateRefusal | null {
  if (!(error instanceof QueryFailedError)) return null;
  const { code, message } = error.driverError as { code?: string; message?: string };
  const rule = code ? RULES[code] : undefined;
  return rule ? { rule, message: message ?? rule } : null;
}
