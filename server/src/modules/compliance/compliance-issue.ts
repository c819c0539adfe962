/** Why a report is listed among the compliance issues; a cursor carries the kind, so the values are stable. */
export enum ComplianceIssueKind {
  OUTDATED_DISCLAIMER = "OUTDATED_DISCLAIMER",
  BLOCKED_SCHEDULE = "BLOCKED_SCHEDULE",
  GATE_VIOLATION = "GATE_VIOLATION",
}
