import type { DataSource, EntityManager } from "typeorm";
import { execute } from "../../kernel/sql";
import { afterCommit, transaction } from "../../kernel/transaction";
import type { Actor, AuditAction, AuditService } from "../audit/audit.service";
import type { LockedReport, ReportStore } from "../report/report-store";
import { Report } from "../report/report.entity";
import { changesWhatClientsRead, targetOf, type Target } from "./workflow-rules";

/**
 * What a step did; `reportOnly` when it changed the report but not its correction in progress;
 * `from`, the state before it, when an earlier step of the same transaction recorded its own event;
 * `correctionNote`, the note a correction was submitted or applied with.
 */
export type Outcome = { action: AuditAction; note?: string | null; correctionNote?: string | null; reportOnly?: boolean; from?: LockedReport };

/** A step's own work on the locked report and what it acts on. */
export type Act = (manager: EntityManager, locked: LockedReport, target: Target) => Promise<Outcome>;

/**
 * How every workflow step runs: lock the report, act, bump the version of what changed and record
 * the audit event in the same transaction; once it has committed, tell the listeners when clients
 * may read something different.
 */
export class WorkflowSteps {
  private readonly liveListeners: (() => void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly store: ReportStore,
  ) {}

  onLiveChange(listener: () => void): void {
    this.liveListeners.push(listener);
  }

  /** Runs one step in a transaction of its own and returns the report as it then is. */
  async run(actor: Actor, reportId: string, act: Act): Promise<Report> {
    return transaction(this.dataSource, async (manager) => {
      await this.runIn(manager, actor, reportId, act);
      return manager.getRepository(Report).findOneByOrFail({ id: reportId });
    });
  }

  /** One step inside the caller's transaction: lock, act, bump the version of what changed, audit. */
  async runIn(manager: EntityManager, actor: Actor, reportId: string, act: Act): Promise<void> {
    const locked = await this.store.lock(manager, reportId);
    const outcome = await act(manager, locked, targetOf(locked));
    await this.record(manager, actor, outcome.from ?? locked, outcome);
  }

  /**
   * Bumps the version of what the step changed and writes the step's audit event. Versions never
   * repeat: when a correction ends, the report continues above the correction's last version, so
   * a page still holding that version cannot save over what comes next.
   */
  async record(manager: EntityManager, actor: Actor, before: LockedReport, outcome: Outcome): Promise<void> {
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
      after: {
        ...view(after),
        ...(outcome.note != null && { note: outcome.note }),
        ...(outcome.correctionNote != null && { correctionNote: outcome.correctionNote }),
      },
    });
    if (changesWhatClientsRead(outcome.action)) afterCommit(() => this.liveListeners.forEach((listener) => listener()));
  }
}
