import type { ReportWorkflowService } from "./report-workflow.service";

/**
 * Publishes due scheduled reports from inside the server process: at start (past-due ones) and
 * then every interval. Each report is claimed with SKIP LOCKED, so any number of instances may run
 * this side by side.
 */
export class ReportScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly workflow: ReportWorkflowService,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  /** Waits for a publication in progress to finish, so that shutdown never cuts one in half. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.workflow.publishNextDue()));
    } catch (error) {
      console.error(`scheduler: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
