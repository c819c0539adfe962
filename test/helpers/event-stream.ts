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
  let buffer = "";
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(": ")) {
            comments.push(block.slice(2));
            continue;
          }
          const fields = Object.fromEntries(block.split("\n").map((line) => [line.slice(0, line.indexOf(": ")), line.slice(line.indexOf(": ") + 2)]));
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
