import type { DataSource, EntityManager } from "typeorm";
import { AppError, badInput } from "../../kernel/errors";
import { decodeCursor, encodeCursor, pageSize } from "../../kernel/pagination";
import { transaction } from "../../kernel/transaction";
import type { Actor } from "../audit/audit.service";
import type { DisclaimerService } from "../disclaimer/disclaimer.service";
import { Firm } from "../firm/firm.entity";
import { WorkingCopyStatus } from "../report/working-copy.entity";

export const RENEWAL_BATCH_MAX = 500;

export enum RenewalSkipReason {
  /** A correction is in review: the reviewer decides it (or the editor withdraws it) first. */
  CORRECTION_IN_REVIEW = "CORRECTION_IN_REVIEW",
  /** Its correction already carries the current version. */
  ALREADY_RENEWED = "ALREADY_RENEWED",
}

export interface RenewalBatch {
  renewed: number;
  skipped: { reportId: string; reason: RenewalSkipReason }[];
  endCursor: string | null;
  hasMore: boolean;
}

/** Renews one report's disclaimer inside the batch's transaction, as attachDisclaimer would. */
export type RenewOne = (manager: EntityManager, actor: Actor, reportId: string) => Promise<unknown>;

/**
 * Which of a firm's live and scheduled reports carry an outdated disclaimer, a batch at a time:
 * each is renewed through `renewOne`, or skipped with the reason.
 */
export class DisclaimerRenewal {
  constructor(
    private readonly dataSource: DataSource,
    private readonly disclaimers: DisclaimerService,
    private readonly renewOne: RenewOne,
  ) {}

  /** `first` reports (by id) after the cursor. */
  async renewOutdated(actor: Actor, firmId: string, after: string | null, first: number | null): Promise<RenewalBatch> {
    const size = pageSize(first, { fallback: 100, max: RENEWAL_BATCH_MAX });
    const from = after === null ? null : decodeCursor(after, "renewal").id;
    return transaction(this.dataSource, async (manager) => {
      const template = await this.disclaimers.currentTemplate(manager, firmId);
      if (!template) {
        if (!(await manager.getRepository(Firm).existsBy({ id: firmId }))) throw badInput({ reason: "UNKNOWN_FIRM" }, "no such firm", "firmId");
        throw new AppError("DISCLAIMER_REQUIRED", { reason: "NO_DISCLAIMER_TEMPLATE" }, "the firm has no disclaimer template in effect");
      }
      // Locked in id order (as each step would lock them), so that a correction cannot start meanwhile.
      const rows: { id: string; copyStatus: string | null; copyTemplateId: string | null }[] = await manager.query(
        `SELECT r.id, c.status AS "copyStatus", cs.template_id AS "copyTemplateId"
         FROM live_report_disclaimers l
         JOIN reports r ON r.id = l.report_id
         LEFT JOIN report_working_copies c ON c.report_id = r.id
         LEFT JOIN disclaimer_snapshots cs ON cs.id = c.disclaimer_id
         WHERE l.firm_id = $1 AND l.template_id <> $2 AND ($3::uuid IS NULL OR l.report_id > $3)
         ORDER BY l.report_id LIMIT $4 FOR UPDATE OF r`,
        [firmId, template.id, from, size + 1],
      );
      const batch = rows.slice(0, size);
      const result: RenewalBatch = { renewed: 0, skipped: [], endCursor: null, hasMore: rows.length > size };
      for (const row of batch) {
        if (row.copyTemplateId === template.id) result.skipped.push({ reportId: row.id, reason: RenewalSkipReason.ALREADY_RENEWED });
        else if (row.copyStatus === WorkingCopyStatus.IN_REVIEW) result.skipped.push({ reportId: row.id, reason: RenewalSkipReason.CORRECTION_IN_REVIEW });
        else {
          await this.renewOne(manager, actor, row.id);
          result.renewed++;
        }
      }
      const last = batch.at(-1);
      result.endCursor = last ? encodeCursor({ order: "renewal", key: "", id: last.id }) : null;
      return result;
    });
  }
}
