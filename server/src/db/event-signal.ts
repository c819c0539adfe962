import pg from "pg";

/** The NOTIFY channel on which the outbox's trigger announces each committed event's position. */
export const REPORT_EVENTS_CHANNEL = "research_desk_report_events";

/** `position` of the event, or null after a lost connection: events may have been missed. */
export type EventListener = (position: string | null) => void;

/**
 * Tells this process when any instance has committed a report event, through PostgreSQL's
 * LISTEN on a connection of its own outside the pool (a pooled connection goes back to the pool
 * and its LISTEN with it). Notifications sent while the connection is down are lost: it connects
 * again every `retryMs` and, once back, signals null so that listeners catch up (clear caches,
 * read the feed from their cursor). Only for a server PostgreSQL: the embedded database is one
 * session shared by the whole process, which learns of its own commits in-process.
 */
export class ReportEventSignal {
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly listeners: EventListener[] = [];

  constructor(
    private readonly url: string,
    private readonly retryMs = 1_000,
  ) {}

  onEvent(listener: EventListener): void {
    this.listeners.push(listener);
  }

  /** Resolves once listening; a first connection that fails is an error for the caller. */
  async start(): Promise<void> {
    await this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => {});
    this.client = null;
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on("notification", ({ channel, payload }) => {
      if (channel === REPORT_EVENTS_CHANNEL) this.emit(payload ?? null);
    });
    // A dropped connection emits error and end; both lead to one reconnection.
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${REPORT_EVENTS_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    const again = (): void => {
      this.retry = null;
      if (this.stopped) return;
      this.listen().then(
        () => this.emit(null),
        () => (this.retry = setTimeout(again, this.retryMs)),
      );
    };
    this.retry = setTimeout(again, this.retryMs);
  }

  private emit(position: string | null): void {
    for (const listener of this.listeners) listener(position);
  }
}
