import type { DataSource } from "typeorm";
import { gateRuleOf } from "../../kernel/gate-refusal";
import { decodeCursor, pageFromRows, pageSize, type Page, type PageArgs } from "../../kernel/pagination";
import { ComplianceIssueKind } from "./compliance-issue";
import { isTimestampText } from "../search/order";

export interface ReviewQueueRow {
  reportId: string;
  correction: boolean;
  title: string;
  disclaimerId: string;
  currentTemplateId: string | null;
  differsFromCurrent: boolean;
  submittedAt: Date;
  /** Who wrote what is in review: the correction's creator for a correction, else the report's. */
  authorId: string | null;
}

const KINDS: string[] = Object.values(ComplianceIssueKind);

export interface ComplianceRow {
  reportId: string;
  kind: ComplianceIssueKind;
  disclaimerId: string | null;
  currentTemplateId: string | null;
  since: Date;
  reason: string | null;
  rule: string | null;
}

export interface ComplianceFilter {
  firmId?: string | null;
  kinds?: ComplianceIssueKind[] | null;
}

/**
 * The ids of reports with something in review: the correction while one exists, else the report
 * (read through the partial indexes of each).
 */
const IN_REVIEW = `
  SELECT r.id AS report_id FROM reports r
  WHERE r.status = 'IN_REVIEW' AND NOT EXISTS (SELECT 1 FROM report_working_copies c WHERE c.report_id = r.id)
  UNION ALL
  SELECT c.report_id FROM report_working_copies c WHERE c.status = 'IN_REVIEW'`;

/** Rows read with their sort key in PostgreSQL's text form (microseconds kept) for the cursor. */
type Keyed<T> = T & { __key: string };

/** The reviewers' lists: what waits for review, and live reports that need attention. */
export class ComplianceService {
  constructor(private readonly dataSource: DataSource) {}

  /** Reports and corrections in review, oldest first, with the firm's current template beside. */
  async reviewQueue(args: PageArgs): Promise<Page<ReviewQueueRow>> {
    const size = pageSize(args.first);
    const at = args.after ? decodeCursor(args.after, "submitted", { key: isTimestampText }) : null;
    const rows: Keyed<ReviewQueueRow>[] = await this.dataSource.query(
      `SELECT q.*, q."submittedAt"::text AS "__key" FROM (
         SELECT r.id AS "reportId", c.report_id IS NOT NULL AS correction, coalesce(c.title, r.title) AS title,
                s.id AS "disclaimerId", cur.id AS "currentTemplateId",
                s.template_id IS DISTINCT FROM cur.id OR s.checksum IS DISTINCT FROM cur.checksum AS "differsFromCurrent",
                coalesce(c.updated_at, r.updated_at) AS "submittedAt",
                CASE WHEN c.report_id IS NULL THEN r.created_by_id ELSE c.created_by_id END AS "authorId"
         FROM (${IN_REVIEW}) queue
         JOIN reports r ON r.id = queue.report_id
         LEFT JOIN report_working_copies c ON c.report_id = r.id
         JOIN disclaimer_snapshots s ON s.id = coalesce(c.disclaimer_id, r.disclaimer_id)
         LEFT JOIN disclaimer_templates cur ON cur.id = rd_current_template(r.firm_id)
       ) q
       WHERE $1::timestamptz IS NULL OR (q."submittedAt", q."reportId") > ($1::timestamptz, $2::uuid)
       ORDER BY q."submittedAt", q."reportId" LIMIT $3`,
      [at?.key ?? null, at?.id ?? null, size + 1],
    );
    const count = async (): Promise<number> => Number((await this.dataSource.query(`SELECT count(*) AS n FROM (${IN_REVIEW}) queue`))[0].n);
    return pageFromRows(
      rows.map(({ __key, ...node }) => ({ node, key: __key })),
      size,
      "submitted",
      count,
      (node) => node.reportId,
    );
  }

  /**
   * Live or scheduled reports whose disclaimer is not the firm's current version; schedules the
   * scheduler refused; and rows that the upgrade to the database's gate found failing it, while
   * they stay live with the same disclaimer (rows written since were checked as they were written;
   * only a superuser with the triggers off can change them: see the README's full check). Oldest
   * first.
   */
  async issues(filter: ComplianceFilter, args: PageArgs): Promise<Page<ComplianceRow>> {
    const size = pageSize(args.first);
    const at = args.after ? decodeCursor(args.after, "since", { key: isIssueKey }) : null;
    const [kind, since] = at ? splitIssueKey(at.key) : [null, null];
    const params = [filter.firmId ?? null, filter.kinds?.length ? filter.kinds : null];
    const issues = `(
       SELECT l.report_id AS "reportId", l.firm_id, 'OUTDATED_DISCLAIMER' AS kind, l.disclaimer_id AS "disclaimerId",
              cur.id AS "currentTemplateId", cur.effective_from AS since, NULL AS reason, NULL AS sqlstate
       FROM disclaimer_templates t
       JOIN disclaimer_templates cur ON cur.id = rd_current_template(t.firm_id)
       JOIN live_report_disclaimers l ON l.template_id = t.id
       WHERE t.id <> cur.id
       UNION ALL
       SELECT r.id, r.firm_id, 'BLOCKED_SCHEDULE', r.disclaimer_id, rd_current_template(r.firm_id), r.schedule_blocked_at,
              r.schedule_blocked_reason, NULL
       FROM reports r
       WHERE r.status = 'APPROVED' AND r.schedule_blocked_at IS NOT NULL
       UNION ALL
       SELECT r.id, r.firm_id, 'GATE_VIOLATION', r.disclaimer_id, rd_current_template(r.firm_id), f.found_at, f.message, f.sqlstate
       FROM legacy_gate_findings f
       JOIN reports r ON r.id = f.report_id AND r.disclaimer_id = f.disclaimer_id
       WHERE r.status IN ('PUBLISHED', 'SCHEDULED')
     ) i
     WHERE ($1::uuid IS NULL OR i.firm_id = $1) AND ($2::text[] IS NULL OR i.kind = ANY ($2))`;
    const rows: Keyed<ComplianceRow & { sqlstate: string | null; firm_id?: string }>[] = await this.dataSource.query(
      `SELECT i.*, i.since::text AS "__key" FROM ${issues}
         AND ($3::timestamptz IS NULL OR (i.since, i."reportId", i.kind) > ($3::timestamptz, $4::uuid, $5::text))
       ORDER BY i.since, i."reportId", i.kind LIMIT $6`,
      [...params, since, at?.id ?? null, kind, size + 1],
    );
    const count = async (): Promise<number> => Number((await this.dataSource.query(`SELECT count(*) AS n FROM ${issues}`, params))[0].n);
    return pageFromRows(
      rows.map(({ __key, sqlstate, firm_id: _firm, ...row }) => ({
        node: { ...row, rule: sqlstate ? gateRuleOf(sqlstate) : null },
        key: `${row.kind} ${__key}`,
      })),
      size,
      "since",
      count,
      (node) => node.reportId,
    );
  }
}

/** A compliance cursor's key: the issue's kind, a space, and its time in PostgreSQL's text form. */
function splitIssueKey(key: string): [string, string] {
  const space = key.indexOf(" ");
  return [key.slice(0, space), key.slice(space + 1)];
}

const isIssueKey = (key: string): boolean => {
  const [kind, since] = splitIssueKey(key);
  return KINDS.includes(kind) && isTimestampText(since);
};
