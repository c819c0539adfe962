import type { DataSource, EntityManager } from "typeorm";
import { sha256Hex } from "../../kernel/checksum";
import { badInput } from "../../kernel/errors";
import { gateRefusalOf } from "../../kernel/gate-refusal";
import * as valid from "../../kernel/validate";
import { transaction } from "../../kernel/transaction";
import { SYSTEM, type Actor, type AuditService } from "../audit/audit.service";
import { ReviewStatus, type DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import type { DisclaimerService } from "../disclaimer/disclaimer.service";
import type { ReportContent } from "../report/report-content";
import { ReportStatus } from "../report/report-status";
import type { Report } from "../report/report.entity";
import { copyContent, type LockedReport, type ReportStore } from "../report/report-store";
import { liveCorrectionNote } from "../report/visibility";
import type { WorkingCopy } from "../report/working-copy.entity";
import { DisclaimerRenewal, type RenewalBatch } from "./disclaimer-renewal";
import {
  correctionNoteFor,
  REASON_MAX,
  RENEWED_BY_CORRECTION,
  requireApprovedDisclaimer,
  requireCurrentVersion,
  requireFourEyes,
  requirePendingDisclaimer,
  requireStatus,
  scheduleTime,
  type Target,
} from "./workflow-rules";
import { WorkflowSteps, type Outcome } from "./workflow-steps";

// Where the resolver and the GraphQL types import them from.
export { RENEWAL_BATCH_MAX, RenewalSkipReason } from "./disclaimer-renewal";
export { CORRECTION_NOTE_LIMITS } from "./workflow-rules";

/**
 * The publishing state machine (README: "The publishing workflow"). Each step locks the report,
 * checks the state of what it acts on (workflow-rules.ts), changes it, and records an audit event,
 * all in one transaction (WorkflowSteps).
 */
export class ReportWorkflowService {
  private readonly steps: WorkflowSteps;
  private readonly renewal: DisclaimerRenewal;

  constructor(
    private readonly dataSource: DataSource,
    audit: AuditService,
    private readonly disclaimers: DisclaimerService,
    private readonly store: ReportStore,
  ) {
    this.steps = new WorkflowSteps(dataSource, audit, store);
    this.renewal = new DisclaimerRenewal(dataSource, disclaimers, (manager, actor, reportId) =>
      this.steps.runIn(manager, actor, reportId, (m, locked, target) => this.attach(m, actor, locked, target)),
    );
  }

  /** Calls `listener` after each committed step that changed what clients can read. */
  onLiveChange(listener: () => void): void {
    this.steps.onLiveChange(listener);
  }

  /**
   * Snapshots the firm's current template onto the draft (or correction) for review. Re-attaching
   * to an approved one (after the firm issued a new version) sends it back to DRAFT: the approval
   * was for the old text. On a live or scheduled report without a correction it opens one, with
   * the content unchanged, to renew the disclaimer through review.
   */
  attachDisclaimer(actor: Actor, reportId: string): Promise<Report> {
    return this.steps.run(actor, reportId, (manager, locked, target) => this.attach(manager, actor, locked, target));
  }

  /**
   * Renews the disclaimer of the firm's live and scheduled reports that carry an outdated version,
   * `first` reports (by id) after the cursor: each gets a correction of its own, as
   * attachDisclaimer would open it, which then needs its own approval.
   */
  renewOutdated(actor: Actor, firmId: string, after: string | null, first: number | null): Promise<RenewalBatch> {
    return this.renewal.renewOutdated(actor, firmId, after, first);
  }

  /** A correction goes with its correction note, which is reviewed with it (correctionNoteFor). */
  submitForReview(actor: Actor, reportId: string, correctionNote: string | null): Promise<Report> {
    return this.steps.run(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.DRAFT]);
      const note = correctionNoteFor(target, correctionNote);
      const snapshot = requirePendingDisclaimer(target.disclaimerId ? await this.disclaimers.findSnapshot(manager, target.disclaimerId) : null);
      await this.requireCurrent(manager, locked.report.firmId, snapshot, "attach it again");
      const body = locked.copy ? locked.copy.body : locked.report.body;
      if (!body.trim()) throw badInput({ reason: "BODY_REQUIRED" }, "a report needs a body before review", "body");
      if (note !== null) await manager.query(`UPDATE report_working_copies SET correction_note = $2 WHERE report_id = $1`, [reportId, note]);
      await this.setTarget(manager, locked, target.kind, ReportStatus.IN_REVIEW);
      return { action: "SUBMIT", correctionNote: note };
    });
  }

  /** The editor takes a report (or correction) back from review to change it. */
  withdraw(actor: Actor, reportId: string): Promise<Report> {
    return this.steps.run(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.IN_REVIEW]);
      await this.setTarget(manager, locked, target.kind, ReportStatus.DRAFT);
      return { action: "WITHDRAW" };
    });
  }

  approveDisclaimer(actor: Actor, reportId: string, note: string | null): Promise<Report> {
    return this.review(actor, reportId, ReviewStatus.APPROVED, note);
  }

  rejectDisclaimer(actor: Actor, reportId: string, note: string): Promise<Report> {
    return this.review(actor, reportId, ReviewStatus.REJECTED, valid.text(note, "note", { max: REASON_MAX, multiline: true }));
  }

  /**
   * An approved report goes live now, or is scheduled for `at` (future, at most a year ahead). An
   * approved correction of a live report goes live now, onto it. An approved correction of a report
   * that is not live (approved or scheduled) first replaces the report's content and disclaimer;
   * the report then goes live now or is scheduled for `at`, in the same transaction.
   */
  publish(actor: Actor, reportId: string, at: Date | null): Promise<Report> {
    return this.steps.run(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.APPROVED]);
      const snapshot = requireApprovedDisclaimer(target.disclaimerId ? await this.disclaimers.findSnapshot(manager, target.disclaimerId) : null);
      await this.requireCurrent(manager, locked.report.firmId, snapshot, "attach and approve it again");
      if (locked.report.status === ReportStatus.PUBLISHED) {
        if (at) throw badInput({ reason: "CORRECTION_NOT_SCHEDULABLE" }, "a correction of a live report goes live when it is published; it cannot be scheduled", "at");
        return this.applyCopy(manager, locked, locked.copy!);
      }
      const when = at && scheduleTime(at);
      let current = locked;
      if (locked.copy) {
        await this.steps.record(manager, actor, locked, await this.applyCopy(manager, locked, locked.copy));
        current = await this.store.lock(manager, reportId);
      }
      if (when) {
        await manager.query(
          `UPDATE reports SET status = 'SCHEDULED', scheduled_at = $2, schedule_blocked_at = NULL, schedule_blocked_reason = NULL
           WHERE id = $1`,
          [reportId, when],
        );
        return { action: "SCHEDULE", reportOnly: true, from: current };
      }
      await this.goLive(manager, current.report);
      return { action: "PUBLISH", reportOnly: true, from: current };
    });
  }

  unschedule(actor: Actor, reportId: string): Promise<Report> {
    return this.steps.run(actor, reportId, async (manager, locked) => {
      requireStatus({ kind: "report", status: locked.report.status }, [ReportStatus.SCHEDULED]);
      await manager.query(`UPDATE reports SET status = 'APPROVED', scheduled_at = NULL WHERE id = $1`, [reportId]);
      return { action: "UNSCHEDULE", reportOnly: true };
    });
  }

  /** Takes a live report down for good; a correction in progress is discarded with it. */
  retract(actor: Actor, reportId: string, reason: string): Promise<Report> {
    const why = valid.text(reason, "reason", { max: REASON_MAX, multiline: true });
    return this.steps.run(actor, reportId, async (manager, locked) => {
      requireStatus({ kind: "report", status: locked.report.status }, [ReportStatus.PUBLISHED]);
      await manager.query(`DELETE FROM report_working_copies WHERE report_id = $1`, [reportId]);
      await manager.query(
        `UPDATE reports SET status = 'RETRACTED', retracted_at = now(), retraction_reason = $2 WHERE id = $1`,
        [reportId, why],
      );
      await this.logPublication(manager, reportId, "RETRACTED");
      return { action: "RETRACT", note: why };
    });
  }

  /**
   * Publishes one due scheduled report, claimed with SKIP LOCKED so that several server processes
   * never take the same one. The database's gate decides at commit (the firm may have issued a new
   * disclaimer since the approval): a report it refuses goes back to APPROVED, with the rule as the
   * reason, in a transaction of its own. Returns false when nothing is due.
   */
  async publishNextDue(): Promise<boolean> {
    let claimed: string | null = null;
    try {
      return await transaction(this.dataSource, async (manager) => {
        const due: { id: string }[] = await manager.query(
          `SELECT id FROM reports WHERE status = 'SCHEDULED' AND scheduled_at <= now()
           ORDER BY scheduled_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        if (!due.length) return false;
        claimed = due[0].id;
        const locked = await this.store.lock(manager, claimed);
        await this.goLive(manager, locked.report);
        await this.steps.record(manager, SYSTEM, locked, { action: "PUBLISH", reportOnly: true });
        return true;
      });
    } catch (error) {
      const refusal = gateRefusalOf(error);
      if (!refusal || !claimed) throw error;
      await this.blockSchedule(claimed, refusal.message);
      return true;
    }
  }

  /** Returns a schedule the gate refused to APPROVED, unless another instance already did. */
  private async blockSchedule(reportId: string, reason: string): Promise<void> {
    await transaction(this.dataSource, async (manager) => {
      const locked = await this.store.lock(manager, reportId);
      if (locked.report.status !== ReportStatus.SCHEDULED) return;
      await manager.query(
        `UPDATE reports SET status = 'APPROVED', scheduled_at = NULL, schedule_blocked_at = now(),
           schedule_blocked_reason = $2 WHERE id = $1`,
        [reportId, reason],
      );
      await this.steps.record(manager, SYSTEM, locked, { action: "SCHEDULE_BLOCKED", note: reason, reportOnly: true });
    });
  }

  private review(actor: Actor, reportId: string, decision: ReviewStatus.APPROVED | ReviewStatus.REJECTED, note: string | null): Promise<Report> {
    return this.steps.run(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.IN_REVIEW]);
      const snapshot = await this.disclaimers.findSnapshot(manager, target.disclaimerId!);
      requireFourEyes(actor.id, [snapshot?.attachedById, target.createdById, target.updatedById, locked.report.createdById]);
      const clean = note === null ? null : valid.optionalText(note, "note", { max: REASON_MAX, multiline: true });
      if (decision === ReviewStatus.APPROVED) {
        await this.requireCurrent(manager, locked.report.firmId, snapshot!, "reject it, so that the editor attaches the current version");
      }
      await this.disclaimers.review(manager, target.disclaimerId!, decision, actor.id!, clean);
      const approved = decision === ReviewStatus.APPROVED;
      await this.setTarget(manager, locked, target.kind, approved ? ReportStatus.APPROVED : ReportStatus.DRAFT);
      return { action: approved ? "APPROVE" : "REJECT", note: clean };
    });
  }

  /**
   * Copies an approved correction onto the report: if the report is live, it is corrected now;
   * otherwise only its content and disclaimer change (the caller then publishes or schedules it).
   */
  private async applyCopy(manager: EntityManager, locked: LockedReport, copy: WorkingCopy): Promise<Outcome> {
    const { report } = locked;
    await this.store.applyToReport(manager, report.id, copyContent(copy, report.firmId), copy.correctionNote, copy.updatedById);
    const live = report.status === ReportStatus.PUBLISHED;
    await manager.query(
      `UPDATE reports SET disclaimer_id = $2, corrected_at = CASE WHEN $3 THEN now() ELSE corrected_at END WHERE id = $1`,
      [report.id, copy.disclaimerId, live],
    );
    await manager.query(`DELETE FROM report_working_copies WHERE report_id = $1`, [report.id]);
    if (live) await this.logPublication(manager, report.id, "CORRECTED");
    return { action: live ? "PUBLISH_CORRECTION" : "APPLY_CORRECTION", correctionNote: copy.correctionNote };
  }

  private async goLive(manager: EntityManager, report: Report): Promise<void> {
    await manager.query(
      `UPDATE reports SET status = 'PUBLISHED', published_at = now(), scheduled_at = NULL,
         schedule_blocked_at = NULL, schedule_blocked_reason = NULL WHERE id = $1`,
      [report.id],
    );
    await this.logPublication(manager, report.id, "WENT_LIVE");
  }

  /**
   * One row of the append-only publication log: what exactly became (or stopped being) readable.
   * The content checksum covers the correction note clients read with the content, when there is
   * one; without one it is the checksum of the content alone, as it always was.
   */
  private async logPublication(manager: EntityManager, reportId: string, event: "WENT_LIVE" | "CORRECTED" | "RETRACTED"): Promise<void> {
    const locked = await this.store.lock(manager, reportId);
    const content: ReportContent = await this.store.liveContent(manager, locked.report);
    const note = liveCorrectionNote(locked.report);
    const snapshot = locked.report.disclaimerId ? await this.disclaimers.findSnapshot(manager, locked.report.disclaimerId) : null;
    // The newest revision holding exactly the live content (a correction in progress has newer ones).
    await manager.query(
      `INSERT INTO publication_events (report_id, event, content_checksum, disclaimer_checksum, correction_note, revision_id)
       SELECT $1, $2, $3, $4, $5,
         (SELECT id FROM report_revisions WHERE report_id = $1 AND content = $6::jsonb ORDER BY number DESC LIMIT 1)`,
      [
        reportId,
        event,
        sha256Hex(JSON.stringify(note === null ? content : { ...content, correctionNote: note })),
        snapshot?.checksum ?? null,
        note,
        JSON.stringify(content),
      ],
    );
  }

  private async requireCurrent(manager: EntityManager, firmId: string, snapshot: DisclaimerSnapshot, remedy: string): Promise<void> {
    requireCurrentVersion(await this.disclaimers.currentTemplate(manager, firmId), snapshot, remedy);
  }

  /** Moves what the step acts on to `status`, with a newly attached disclaimer if given. */
  private async setTarget(manager: EntityManager, { report }: LockedReport, kind: Target["kind"], status: ReportStatus, disclaimerId?: string): Promise<void> {
    const [table, key] = kind === "copy" ? ["report_working_copies", "report_id"] : ["reports", "id"];
    await manager.query(`UPDATE ${table} SET status = $2, disclaimer_id = coalesce($3, disclaimer_id) WHERE ${key} = $1`, [
      report.id,
      status,
      disclaimerId ?? null,
    ]);
  }

  /** attachDisclaimer's step; the bulk renewal runs it for each report. */
  private async attach(manager: EntityManager, actor: Actor, locked: LockedReport, target: Target): Promise<Outcome> {
    const renewal = !locked.copy && RENEWED_BY_CORRECTION.includes(locked.report.status);
    if (renewal) await this.store.openCorrection(manager, actor, locked);
    else requireStatus(target, [ReportStatus.DRAFT, ReportStatus.APPROVED]);
    const snapshot = await this.disclaimers.attach(manager, locked.report.id, locked.report.firmId, actor.id);
    const kind = renewal ? "copy" : target.kind;
    await this.setTarget(manager, locked, kind, ReportStatus.DRAFT, snapshot.id);
    if (kind === "report") {
      // The refusal was about the old disclaimer; this one starts the way back. The report is
      // reviewed again as itself, not as a correction, so a note a correction left on it goes.
      await manager.query(
        `UPDATE reports SET schedule_blocked_at = NULL, schedule_blocked_reason = NULL, correction_note = NULL WHERE id = $1`,
        [locked.report.id],
      );
    }
    return { action: "ATTACH_DISCLAIMER" };
  }
}
