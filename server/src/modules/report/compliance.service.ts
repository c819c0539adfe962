import type { DataSource } from "typeorm";
import { gateRuleOf } from "../../common/gate-refusal";

export interface ReviewQueueRow {
  reportId: string;
  correction: boolean;
  title: string;
  disclaimerId: string;
  currentTemplateId: string | null;
  differsFromCurrent: boolean;
  submittedAt: Date;
}

export type ComplianceIssueKind = "OUTDATED_DISCLAIMER" | "BLOCKED_SCHEDULE" | "GATE_VIOLATION";

export interface ComplianceRow {
  reportId: string;
  kind: ComplianceIssueKind;
  disclaimerId: string | null;
  currentTemplateId: string | null;
  since: Date;
  reason: string | null;
  rule: string | null;
}

/** The reviewers' lists: what waits for review, and live reports that need attention. */
export class ComplianceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Reports and corrections in review, oldest first, with the firm's current template beside. */
  reviewQueue(): Promise<ReviewQueueRow[]> {
    return this.dataSource.query(
      `SELECT r.id AS "reportId", c.report_id IS NOT NULL AS correction, coalesce(c.title, r.title) AS title,
              s.id AS "disclaimerId", cur.id AS "currentTemplateId",
              s.template_id IS DISTINCT FROM cur.id OR s.checksum IS DISTINCT FROM cur.checksum AS "differsFromCurrent",
              coalesce(c.updated_at, r.updated_at) AS "submittedAt"
       FROM reports r
       LEFT JOIN report_working_copies c ON c.report_id = r.id
       JOIN disclaimer_snapshots s ON s.id = coalesce(c.disclaimer_id, r.disclaimer_id)
       LEFT JOIN disclaimer_templates cur ON cur.id = rd_current_template(r.firm_id)
       WHERE (c.report_id IS NULL AND r.status = 'IN_REVIEW') OR c.status = 'IN_REVIEW'
       ORDER BY "submittedAt", r.id`,
    );
  }

  /**
   * Live or scheduled reports whose disclaimer is not the firm's current version; schedules the
   * scheduler refused; and rows that the upgrade to the database's gate found failing it, while
   * they stay live with the same disclaimer (rows written since were checked as they were written;
   * only a superuser with the triggers off can change them: see the README's full check).
   */
  async issues(): Promise<ComplianceRow[]> {
    const rows: (ComplianceRow & { sqlstate: string | null })[] = await this.dataSource.query(
      `SELECT r.id AS "reportId", 'OUTDATED_DISCLAIMER' AS kind, s.id AS "disclaimerId", cur.id AS "currentTemplateId",
              coalesce(cur.effective_from, s.attached_at) AS since, NULL AS reason, NULL AS sqlstate
       FROM reports r
       JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
       LEFT JOIN disclaimer_templates cur ON cur.id = rd_current_template(r.firm_id)
       WHERE r.status IN ('PUBLISHED', 'SCHEDULED') AND s.template_id IS DISTINCT FROM cur.id
       UNION ALL
       SELECT r.id, 'BLOCKED_SCHEDULE', r.disclaimer_id, rd_current_template(r.firm_id), r.schedule_blocked_at, r.schedule_blocked_reason, NULL
       FROM reports r
       WHERE r.status = 'APPROVED' AND r.schedule_blocked_at IS NOT NULL
       UNION ALL
       SELECT r.id, 'GATE_VIOLATION', r.disclaimer_id, rd_current_template(r.firm_id), f.found_at, f.message, f.sqlstate
       FROM legacy_gate_findings f
       JOIN reports r ON r.id = f.report_id AND r.disclaimer_id = f.disclaimer_id
       WHERE r.status IN ('PUBLISHED', 'SCHEDULED')
       ORDER BY since, "reportId"`,
    );
    return rows.map(({ sqlstate, ...row }) => ({ ...row, rule: sqlstate ? gateRuleOf(sqlstate) : null }));
  }
}
