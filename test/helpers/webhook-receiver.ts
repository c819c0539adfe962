import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Arrival {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** performance.now() when the whole body had arrived. */
  at: number;
}

/** The status to answer a request with. */
export type Rule = (arrival: Arrival) => number;

/**
 * A local webhook receiver on 127.0.0.1: it keeps every request, and answers each path with the
 * statuses queued for it, in turn, or by its rule (200 once they run out, or without either).
 * `hold` keeps a path's next request open until `release`, as a slow receiver would.
 */
export interface Receiver {
  url(path: string): string;
  arrivals(path?: string): Arrival[];
  answer(path: string, ...statuses: number[]): void;
  answerBy(path: string, rule: Rule): void;
  hold(path: string): void;
  release(path: string, status?: number): void;
  /** Resolves once `path` has had `count` requests. */
  received(path: string, count: number, timeoutMs?: number): Promise<Arrival[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const arrivals: Arrival[] = [];
  const queued = new Map<string, number[]>();
  const rules = new Map<string, Rule>();
  const held = new Map<string, http.ServerResponse | null>();
  const waiters = new Set<() => void>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      const arrival = { path, headers, body: Buffer.concat(chunks).toString("utf8"), at: performance.now() };
      arrivals.push(arrival);
      for (const wake of waiters) wake();
      if (held.has(path) && held.get(path) === null) {
        held.set(path, response);
        return;
      }
      const status = queued.get(path)?.shift() ?? rules.get(path)?.(arrival) ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : `no: ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const of = (path?: string): Arrival[] => arrivals.filter((a) => path === undefined || a.path === path);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    arrivals: of,
    answer: (path, ...statuses) => queued.set(path, [...(queued.get(path) ?? []), ...statuses]),
    answerBy: (path, rule) => rules.set(path, rule),
    hold: (path) => held.set(path, null),
    release: (path, status = 200) => {
      held.get(path)?.writeHead(status).end(status < 300 ? "ok" : `no: ${status}`);
      held.delete(path);
    },
    received: (path, count, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          if (of(path).length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(of(path));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`${path}: ${of(path).length} of ${count} requests within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        for (const response of held.values()) response?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
