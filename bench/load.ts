import autocannon from "autocannon";
import { fork, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { quantile } from "./stats";
import type { BenchRequest } from "./workloads";

// The load generator runs in its own process (forked from the harness), so that autocannon never
// shares an event loop, or a core's time slice, with the harness's bookkeeping or a server.

export interface LoadSpec {
  origin: string;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  duration: number;
  /** Exactly this many requests (W6: one per fresh report). */
  amount?: number;
  /** Requests per second, evenly spaced (see `paced`); as fast as answers come when absent. */
  overallRate?: number;
  requests: BenchRequest[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** Answers with HTTP 200 whose body carries GraphQL errors (e.g. a statement timeout). */
  graphqlErrors: number;
  errors: number;
  timeouts: number;
}

const TIMEOUT_S = 30;

/** The requests of a spec in turn, across connections. */
const requestAt = (spec: LoadSpec, i: number): BenchRequest => spec.requests[i % spec.requests.length];

function run(spec: LoadSpec): Promise<LoadResult> {
  return spec.overallRate === undefined ? saturating(spec) : paced(spec, spec.overallRate);
}

/** autocannon with every connection sending its next request as soon as the last is answered. */
function saturating(spec: LoadSpec): Promise<LoadResult> {
  let next = 0;
  let graphqlErrors = 0;
  // autocannon ends an `amount` run on its once-a-second tick, so its own duration would be rounded
  // up to whole seconds: time the run from its start to the last response instead.
  const started = Date.now();
  let lastResponse = started;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        duration: spec.duration,
        // Longer than the servers' 15 s statement timeout: a slow answer is measured, not dropped.
        timeout: TIMEOUT_S,
        ...(spec.amount !== undefined && { amount: spec.amount }),
        // One entry whose setupRequest hands out the workload's requests in turn, across connections.
        requests: [
          {
            setupRequest: (request) => {
              const r = requestAt(spec, next++);
              return { ...request, method: r.method, path: r.path, headers: r.headers, body: r.body };
            },
            onResponse: (status, body) => {
              if (status === 200 && body.includes('"errors":[')) graphqlErrors += 1;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const seconds = Math.max(lastResponse - started, 1) / 1000;
        resolve({
          requests: result.requests.total,
          seconds,
          requestsPerSecond: result.requests.total / seconds,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          graphqlErrors,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on("response", () => {
      lastResponse = Date.now();
    });
  });
}

/**
 * Requests sent at evenly spaced times, `rate` a second for the spec's duration, on at most
 * `connections` keep-alive connections, whatever the answers do; each is timed from when it was
 * due, so time spent waiting for a free connection counts. autocannon's own rate limit does not
 * spread requests: each connection sends its share of a second back to back when the second
 * starts, all connections together, which measures a burst at full concurrency every second.
 */
function paced(spec: LoadSpec, rate: number): Promise<LoadResult> {
  const origin = new URL(spec.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: spec.connections });
  const latencies: number[] = [];
  const outcome = { non2xx: 0, graphqlErrors: 0, errors: 0, timeouts: 0 };
  const count = Math.max(1, Math.round(rate * spec.duration));
  const started = performance.now();
  let lastResponse = started;

  const send = (r: BenchRequest, due: number): Promise<void> =>
    new Promise((resolve) => {
      let timedOut = false;
      const request = http.request(
        { host: origin.hostname, port: origin.port, agent, method: r.method, path: r.path, headers: r.headers, timeout: TIMEOUT_S * 1000 },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            lastResponse = performance.now();
            latencies.push(lastResponse - due);
            if (response.statusCode !== 200) outcome.non2xx += 1;
            else if (Buffer.concat(chunks).includes('"errors":[')) outcome.graphqlErrors += 1;
            resolve();
          });
        },
      );
      request.on("timeout", () => {
        timedOut = true;
        outcome.timeouts += 1;
        request.destroy();
      });
      request.on("error", () => {
        if (!timedOut) outcome.errors += 1;
        resolve();
      });
      request.end(r.body);
    });

  return (async () => {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(send(requestAt(spec, i), due));
    }
    await Promise.all(inFlight);
    agent.destroy();
    const at = (q: number): number => (latencies.length ? quantile(latencies, q) : 0);
    const seconds = Math.max(lastResponse - started, 1) / 1000;
    return { requests: latencies.length, seconds, requestsPerSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ...outcome };
  })();
}

/** The harness's handle on the load generator process. */
export class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadGenerator {
    return new LoadGenerator(fork(path.join(__dirname, "load.js"), ["--child"], { stdio: "inherit" }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  run(spec: LoadSpec): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the load generator exited with ${code}`));
      this.child.once("exit", onExit);
      this.child.once("message", (message: { result?: LoadResult; error?: string }) => {
        this.child.off("exit", onExit);
        if (message.error) reject(new Error(`load generator: ${message.error}`));
        else resolve(message.result!);
      });
      this.child.send(spec);
    });
  }

  stop(): void {
    this.child.disconnect();
  }
}

if (process.argv.includes("--child")) {
  process.on("message", (spec: LoadSpec) => {
    run(spec).then(
      (result) => process.send!({ result }),
      (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
  process.on("disconnect", () => process.exit(0));
}
