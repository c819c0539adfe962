import type { DataSource, EntityManager } from "typeorm";
import { sha256Hex } from "../../kernel/checksum";
import { AppError, badInput } from "../../kernel/errors";
import { gateRefusalOf } from "../../kernel/gate-refusal";
import { decodeCursor, encodeCursor, pageSize } from "../../kernel/pagination";
import { execute } from "../../kernel/sql";
import * as valid from "../../kernel/validate";
import { SYSTEM, type Actor, type AuditAction, type AuditService } from "../audit/audit.service";
import { ReviewStatus, type DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import type { DisclaimerService } from "../disclaimer/disclaimer.service";
import { Firm } from "../firm/firm.entity";
import type { ReportContent } from "../report/report-content";
import { ReportStatus } from "../report/report-status";
import { Report } from "../report/report.entity";
import { copyContent, type LockedReport, type ReportStore } from "../report/report-store";
import { WorkingCopy, WorkingCopyStatus } from "../report/working-copy.entity";

const YEAR_MS = 366 * 86_400_000;
export const REASON_MAX = 1_000;

/** What a workflow step acts on: the working copy while one exists, else the report itself. */
interface Target {
  kind: "report" | "copy";
  status: ReportStatus | WorkingCopyStatus;
  disclaimerId: string | null;
  createdById: string | null;
  updatedById: string | null;
}

function targetOf({ report, copy }: LockedReport): Target {
  return copy ? { kind: "copy", ...copy } : { kind: "report", ...report };
}

function requireStatus(target: Pick<Target, "kind" | "status">, allowed: string[]): void {
  if (!allowed.includes(target.status)) {
    const what = target.kind === "copy" ? "correction" : "report";
    throw new AppError("INVALID_TRANSITION", `not allowed while the ${what} is ${target.status}`, { status: target.status });
  }
}

/**
 * What a step did; `reportOnly` when it changed the report but not its correction in progress;
 * `from`, the state before it, when an earlier step of the same transaction recorded its own event.
 */
type Outcome = { action: AuditAction; note?: string | null; reportOnly?: boolean; from?: LockedReport };

type Act = (manager: EntityManager, locked: LockedReport, target: Target) => Promise<Outcome>;

/** Live or scheduled: their disclaimer is renewed through a correction, so clients keep the approved one meanwhile. */
const RENEWED_BY_CORRECTION: ReportStatus[] = [ReportStatus.PUBLISHED, ReportStatus.SCHEDULED];

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

/** A scheduled time: in the future, at most a year ahead. */
function scheduleTime(at: Date): Date {
  const ahead = at.getTime() - Date.now();
  if (ahead <= 0) throw badInput("the publication time must be in the future", "at");
  if (ahead > YEAR_MS) throw badInput("a report can be scheduled at most a year ahead", "at");
  return at;
}

/** Steps after which clients may read something different. */
const LIVE_ACTIONS = new Set<AuditAction>(["PUBLISH", "RETRACT", "PUBLISH_CORRECTION"]);

/**
 * The publishing state machine (README: "The publishing workflow"). Each step locks the report,
 * checks the state of what it acts on, changes it, and records an audit event, all in one
 * transaction.
 */
export class ReportWorkflowService {
  private readonly liveListeners: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly disclaimers: DisclaimerService,
    private readonly store: ReportStore,
  ) {}

  /** Calls `listener` after each committed step that changed what clients can read. */
  onLiveChange(listener: () => void): void {
    this.liveListeners.push(listener);
  }

  /**
   * Snapshots the firm's current template onto the draft (or correction) for review. Re-attaching
   * to an approved one (after the firm issued a new version) sends it back to DRAFT: the approval
   * was for the old text. On a live or scheduled report without a correction it opens one, with
   * the content unchanged, to renew the disclaimer through review.
   */
  attachDisclaimer(actor: Actor, reportId: string): Promise<Report> {
    return this.step(actor, reportId, (manager, locked, target) => this.attach(manager, actor, locked, target));
  }

  /**
   * Renews the disclaimer of the firm's live and scheduled reports that carry an outdated version,
   * `first` reports (by id) after the cursor: each gets a correction of its own, as
   * attachDisclaimer would open it, which then needs its own approval.
   */
  async renewOutdated(actor: Actor, firmId: string, after: string | null, first: number | null): Promise<RenewalBatch> {
    const size = pageSize(first, { fallback: 100, max: RENEWAL_BATCH_MAX });
    const from = after === null ? null : decodeCursor(after, "renewal").id;
    return this.dataSource.transaction(async (manager) => {
      const template = await this.disclaimers.currentTemplate(manager, firmId);
      if (!template) {
        if (!(await manager.getRepository(Firm).existsBy({ id: firmId }))) throw badInput("no such firm", "firmId");
        throw new AppError("DISCLAIMER_REQUIRED", "the firm has no disclaimer template in effect");
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
          await this.stepIn(manager, actor, row.id, (m, locked, target) => this.attach(m, actor, locked, target));
          result.renewed++;
        }
      }
      const last = batch.at(-1);
      result.endCursor = last ? encodeCursor({ order: "renewal", key: "", id: last.id }) : null;
      return result;
    });
  }

  submitForReview(actor: Actor, reportId: string): Promise<Report> {
    return this.step(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.DRAFT]);
      const snapshot = target.disclaimerId ? await this.disclaimers.findSnapshot(manager, target.disclaimerId) : null;
      if (snapshot?.reviewStatus !== ReviewStatus.PENDING) {
        throw new AppError("DISCLAIMER_REQUIRED", "attach the firm's disclaimer before submitting");
      }
      await this.requireCurrent(manager, locked.report.firmId, snapshot, "attach it again");
      const body = locked.copy ? locked.copy.body : locked.report.body;
      if (!body.trim()) throw badInput("a report needs a body before review", "body");
      await this.setTarget(manager, locked, target.kind, ReportStatus.IN_REVIEW);
      return { action: "SUBMIT" };
    });
  }

  /** The editor takes a report (or correction) back from review to change it. */
  withdraw(actor: Actor, reportId: string): Promise<Report> {
    return this.step(actor, reportId, async (manager, locked, target) => {
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
    return this.step(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.APPROVED]);
      const snapshot = await this.approvedSnapshot(manager, target);
      await this.requireCurrent(manager, locked.report.firmId, snapshot, "attach and approve it again");
      if (locked.report.status === ReportStatus.PUBLISHED) {
        if (at) throw badInput("a correction of a live report goes live when it is published; it cannot be scheduled", "at");
        return this.applyCopy(manager, locked, locked.copy!);
      }
      const when = at && scheduleTime(at);
      let current = locked;
      if (locked.copy) {
        await this.record(manager, actor, locked, await this.applyCopy(manager, locked, locked.copy));
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
    return this.step(actor, reportId, async (manager, locked) => {
      requireStatus({ kind: "report", status: locked.report.status }, [ReportStatus.SCHEDULED]);
      await manager.query(`UPDATE reports SET status = 'APPROVED', scheduled_at = NULL WHERE id = $1`, [reportId]);
      return { action: "UNSCHEDULE", reportOnly: true };
    });
  }

  /** Takes a live report down for good; a correction in progress is discarded with it. */
  retract(actor: Actor, reportId: string, reason: string): Promise<Report> {
    const why = valid.text(reason, "reason", { max: REASON_MAX, multiline: true });
    return this.step(actor, reportId, async (manager, locked) => {
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
      const published = await this.dataSource.transaction(async (manager) => {
        const due: { id: string }[] = await manager.query(
          `SELECT id FROM reports WHERE status = 'SCHEDULED' AND scheduled_at <= now()
           ORDER BY scheduled_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        );
        if (!due.length) return false;
        claimed = due[0].id;
        const locked = await this.store.lock(manager, claimed);
        await this.goLive(manager, locked.report);
        await this.record(manager, SYSTEM, locked, { action: "PUBLISH", reportOnly: true });
        return true;
      });
      if (published) this.committed("PUBLISH");
      return published;
    } catch (error) {
      const refusal = gateRefusalOf(error);
      if (!refusal || !claimed) throw error;
      await this.blockSchedule(claimed, refusal.message);
      return true;
    }
  }

  /** Returns a schedule the gate refused to APPROVED, unless another instance already did. */
  private async blockSchedule(reportId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.store.lock(manager, reportId);
      if (locked.report.status !== ReportStatus.SCHEDULED) return;
      await manager.query(
        `UPDATE reports SET status = 'APPROVED', scheduled_at = NULL, schedule_blocked_at = now(),
           schedule_blocked_reason = $2 WHERE id = $1`,
        [reportId, reason],
      );
      await this.record(manager, SYSTEM, locked, { action: "SCHEDULE_BLOCKED", note: reason, reportOnly: true });
    });
  }

  private review(actor: Actor, reportId: string, decision: ReviewStatus.APPROVED | ReviewStatus.REJECTED, note: string | null): Promise<Report> {
    return this.step(actor, reportId, async (manager, locked, target) => {
      requireStatus(target, [ReportStatus.IN_REVIEW]);
      const snapshot = await this.disclaimers.findSnapshot(manager, target.disclaimerId!);
      // The same four eyes as the database's review trigger (rule FOUR_EYES).
      const preparers = [snapshot?.attachedById, target.createdById, target.updatedById, locked.report.createdById];
      if (preparers.includes(actor.id)) {
        throw new AppError("FORBIDDEN", "a reviewer may not review a report they created or last edited, or whose disclaimer they attached", {
          rule: "FOUR_EYES",
        });
      }
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
    await this.store.applyToReport(manager, report.id, copyContent(copy, report.firmId), copy.updatedById);
    const live = report.status === ReportStatus.PUBLISHED;
    await manager.query(
      `UPDATE reports SET disclaimer_id = $2, corrected_at = CASE WHEN $3 THEN now() ELSE corrected_at END WHERE id = $1`,
      [report.id, copy.disclaimerId, live],
    );
    await manager.query(`DELETE FROM report_working_copies WHERE report_id = $1`, [report.id]);
    if (live) await this.logPublication(manager, report.id, "CORRECTED");
    return { action: live ? "PUBLISH_CORRECTION" : "APPLY_CORRECTION" };
  }

  private async goLive(manager: EntityManager, report: Report): Promise<void> {
    await manager.query(
      `UPDATE reports SET status = 'PUBLISHED', published_at = now(), scheduled_at = NULL,
         schedule_blocked_at = NULL, schedule_blocked_reason = NULL WHERE id = $1`,
      [report.id],
    );
    await this.logPublication(manager, report.id, "WENT_LIVE");
  }

  /** One row of the append-only publication log: what exactly became (or stopped being) readable. */
  private async logPublication(manager: EntityManager, reportId: string, event: "WENT_LIVE" | "CORRECTED" | "RETRACTED"): Promise<void> {
    const locked = await this.store.lock(manager, reportId);
    const content: ReportContent = await this.store.liveContent(manager, locked.report);
    const snapshot = locked.report.disclaimerId ? await this.disclaimers.findSnapshot(manager, locked.report.disclaimerId) : null;
    // The newest revision holding exactly the live content (a correction in progress has newer ones).
    await manager.query(
      `INSERT INTO publication_events (report_id, event, content_checksum, disclaimer_checksum, revision_id)
       SELECT $1, $2, $3, $4,
         (SELECT id FROM report_revisions WHERE report_id = $1 AND content = $5::jsonb ORDER BY number DESC LIMIT 1)`,
      [reportId, event, sha256Hex(JSON.stringify(content)), snapshot?.checksum ?? null, JSON.stringify(content)],
    );
  }

  private async approvedSnapshot(manager: EntityManager, target: Target): Promise<DisclaimerSnapshot> {
    const snapshot = target.disclaimerId ? await this.disclaimers.findSnapshot(manager, target.disclaimerId) : null;
    if (snapshot?.reviewStatus !== ReviewStatus.APPROVED) {
      throw new AppError("DISCLAIMER_REQUIRED", "publishing needs a disclaimer approved by a reviewer");
    }
    return snapshot;
  }

  /** The snapshot must come from the firm's current template version. */
  private async requireCurrent(manager: EntityManager, firmId: string, snapshot: DisclaimerSnapshot, remedy: string): Promise<void> {
    const template = await this.disclaimers.currentTemplate(manager, firmId);
    if (!template || snapshot.templateId !== template.id) {
      throw new AppError("DISCLAIMER_REQUIRED", `the firm's disclaimer has a newer version; ${remedy}`, {
        reason: "OUTDATED",
        currentVersion: template?.version ?? null,
        attachedVersion: snapshot.templateVersion,
      });
    }
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

  /** Runs one step in a transaction of its own. */
  private async step(actor: Actor, reportId: string, act: Act): Promise<Report> {
    const { report, action } = await this.dataSource.transaction(async (manager) => {
      const action = await this.stepIn(manager, actor, reportId, act);
      return { report: await manager.getRepository(Report).findOneByOrFail({ id: reportId }), action };
    });
    this.committed(action);
    return report;
  }

  /** One step inside the caller's transaction: lock, act, bump the version of what changed, audit. */
  private async stepIn(manager: EntityManager, actor: Actor, reportId: string, act: Act): Promise<AuditAction> {
    const locked = await this.store.lock(manager, reportId);
    const outcome = await act(manager, locked, targetOf(locked));
    await this.record(manager, actor, outcome.from ?? locked, outcome);
    return outcome.action;
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
      // The refusal was about the old disclaimer; this one starts the way back.
      await manager.query(`UPDATE reports SET schedule_blocked_at = NULL, schedule_blocked_reason = NULL WHERE id = $1`, [locked.report.id]);
    }
    return { action: "ATTACH_DISCLAIMER" };
  }

  private committed(action: AuditAction): void {
    if (LIVE_ACTIONS.has(action)) for (const listener of this.liveListeners) listener();
  }

  /**
   * Bumps the version of what the step changed and writes the step's audit event. Versions never
   * repeat: when a correction ends, the report continues above the correction's last version, so
   * a page still holding that version cannot save over what comes next.
   */
  private async record(manager: EntityManager, actor: Actor, before: LockedReport, outcome: Outcome): Promise<void> {
    // A step that is not the report's alone changes the correction while there (still) is one;
    // steps on the report alone never end a correction.
    const copyBumped =
      !outcome.reportOnly &&
      (await execute(manager, `UPDATE report_working_copies SET version = version + 1, updated_at = now() WHERE report_id = $1`, [before.report.id])) === 1;
    if (!copyBumped) await this.store.bumpVersion(manager, before.report.id, outcome.reportOnly ? 0 : (before.copy?.version ?? 0));
    const after = await this.store.lock(manager, before.report.id);
    const view = ({ report, copy }: LockedReport): Record<string, unknown> => ({
      status: report.status,
      version: report.version,
      ...(copy && { workingCopy: { status: copy.status, version: copy.version } }),
    });
    await this.audit.record(manager, actor, {
      action: outcome.action,
      entityType: "Report",
      entityId: before.report.id,
      before: view(before),
      after: { ...view(after), ...(outcome.note != null && { note: outcome.note }) },
    });
  }
}
