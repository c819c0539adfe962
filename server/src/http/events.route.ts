import type { ServerResponse } from "node:http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../kernel/errors";
import type { Page } from "../kernel/pagination";
import type { EventBell } from "../modules/report-events/event-bell";
import type { ReportEvent, ReportEventFilter, ReportEventType } from "../modules/report-events/report-event";
import type { Services } from "../modules/services";
import type { Viewer } from "../modules/user/viewer";

export interface EventsRouteOptions {
  services: Services;
  bell: EventBell;
  maxConnections: number;
  heartbeatMs: number;
  /** Who sent the request (session cookie or Authorization), resolved as for /graphql. */
  viewerOf(request: FastifyRequest): Promise<Viewer>;
}

type ReadFrom = (after: string | null) => Promise<Page<ReportEvent>>;

/** One client's stream: it writes every event after its cursor, and reads again when the bell rings. */
class EventStream {
  private reading = false;
  private again = false;
  closed = false;

  constructor(
    private readonly raw: ServerResponse,
    private readonly read: ReadFrom,
    private cursor: string | null,
  ) {}

  /** Reads on until the feed has nothing more; a ring during a read makes it read once more. */
  async pull(): Promise<void> {
    if (this.reading) {
      this.again = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.again = false;
        let page: Page<ReportEvent>;
        do {
          page = await this.read(this.cursor);
          this.write(page);
        } while (page.hasNextPage && !this.closed);
      } while (this.again && !this.closed);
    } finally {
      this.reading = false;
    }
  }

  write(page: Page<ReportEvent>): void {
    if (this.closed || !page.nodes.length) return;
    // The id is the feed's cursor: a client that reconnects with it as Last-Event-ID misses nothing.
    this.raw.write(page.nodes.map((event, i) => `id: ${page.cursorAt(i)}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join(""));
    this.cursor = page.cursorAt(page.nodes.length - 1);
  }

  comment(text: string): void {
    if (!this.closed) this.raw.write(`: ${text}\n\n`);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.raw.end();
  }
}

const refuse = (reply: FastifyReply, statusCode: number, body: Record<string, unknown>): FastifyReply =>
  reply.code(statusCode).header("cache-control", "no-store").send({ statusCode, ...body });

const list = (value: unknown): string[] | null => (typeof value === "string" && value ? value.split(",") : null);

/** The feed's filter from the query string: comma-separated firmIds, sectorTagIds and types. */
function filterOf(query: Record<string, unknown>): ReportEventFilter {
  return { firmIds: list(query.firmIds), sectorTagIds: list(query.sectorTagIds), types: list(query.types) as ReportEventType[] | null };
}

/**
 * `GET /events`: the report event feed as a server-sent event stream, with the feed's filters and
 * visibility. Resumes after `Last-Event-ID` (or `?after=`, for a first connection from a cursor the
 * client kept); heartbeats keep proxies from closing an idle stream; at most `maxConnections` per
 * instance. Credentials as for /graphql, never in the URL.
 */
export async function eventsRoute(app: FastifyInstance, options: EventsRouteOptions): Promise<void> {
  const { services, bell, maxConnections, heartbeatMs, viewerOf } = options;
  const open = new Set<EventStream>();
  // Streams never end on their own: the server's close would wait for them through the grace period.
  app.addHook("preClose", async () => {
    for (const stream of open) stream.close();
  });

  app.get("/events", async (request, reply) => {
    const viewer = await viewerOf(request);
    if (viewer.credentialError) return refuse(reply, 401, { code: "UNAUTHENTICATED", message: viewer.credentialError });
    if (open.size >= maxConnections) {
      reply.header("retry-after", "5");
      return refuse(reply, 503, { code: "TOO_MANY_REQUESTS", message: "too many open event streams on this instance; try again shortly" });
    }
    const query = request.query as Record<string, unknown>;
    const filter = filterOf(query);
    const read: ReadFrom = (after) => services.reportEvents.feed(viewer, filter, 100, after);
    const header = request.headers["last-event-id"];
    const cursor = (typeof header === "string" && header) || (typeof query.after === "string" && query.after) || null;
    let first: Page<ReportEvent>;
    try {
      first = await read(cursor);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { code, field, reason, params } = error.extensions;
      return refuse(reply, 400, { code, message: error.message, field, reason, params });
    }

    reply.hijack();
    reply.raw.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      // Proxies such as nginx would otherwise hold events back in their buffers.
      "x-accel-buffering": "no",
    });
    const stream = new EventStream(reply.raw, read, cursor);
    open.add(stream);
    stream.comment("report events");
    stream.write(first);
    const pull = (): void => {
      stream.pull().catch((error: unknown) => {
        // The client reconnects with its Last-Event-ID and misses nothing.
        request.log.warn(`event stream ended: ${error instanceof Error ? error.message : String(error)}`);
        stream.close();
      });
    };
    const unsubscribe = bell.subscribe(pull);
    const heartbeat = setInterval(() => stream.comment("heartbeat"), heartbeatMs);
    request.raw.on("close", () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(stream);
      stream.close();
    });
    // An event may have committed between the first read and the subscription.
    pull();
  });
}
