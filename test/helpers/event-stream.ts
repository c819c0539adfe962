import { eventStreamReader } from "../../bench/event-stream";
import type { RunningServer } from "./server";

export interface StreamEvent {
  id: string;
  event: string;
  data: { id: string; type: string; reportId: string | null; firmId: string };
}

/** A client of GET /events: the server-sent events as they arrive, and the comments (heartbeats). */
export interface Stream {
  status: number;
  next(timeoutMs?: number): Promise<StreamEvent>;
  comments: string[];
  ended: Promise<void>;
  close(): void;
}

export function eventsUrl(server: RunningServer, query = ""): string {
  return server.url.replace("/graphql", `/events${query}`);
}

export async function openStream(server: RunningServer, query = "", headers: Record<string, string> = {}): Promise<Stream> {
  const abort = new AbortController();
  const response = await fetch(eventsUrl(server, query), { headers, signal: abort.signal });
  const queue: StreamEvent[] = [];
  const waiting: ((event: StreamEvent) => void)[] = [];
  const comments: string[] = [];
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    const read = eventStreamReader();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        for (const block of read(decoder.decode(chunk, { stream: true }))) {
          if ("comment" in block) {
            comments.push(block.comment);
            continue;
          }
          const { fields } = block;
          const event: StreamEvent = { id: fields.id, event: fields.event, data: JSON.parse(fields.data) };
          const taker = waiting.shift();
          if (taker) taker(event);
          else queue.push(event);
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    status: response.status,
    comments,
    ended,
    close: () => abort.abort(),
    next: (timeoutMs = 2_000) =>
      new Promise((resolve, reject) => {
        const queued = queue.shift();
        if (queued) return resolve(queued);
        const timer = setTimeout(() => reject(new Error(`no event within ${timeoutMs} ms`)), timeoutMs);
        waiting.push((event) => {
          clearTimeout(timer);
          resolve(event);
        });
      }),
  };
}
