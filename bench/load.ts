import autocannon from "autocannon";
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
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
  /** Requests per second over all connections; unlimited when absent. */
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

function run(spec: LoadSpec): Promise<LoadResult> {
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
        timeout: 30,
        ...(spec.amount !== undefined && { amount: spec.amount }),
        ...(spec.overallRate !== undefined && { overallRate: spec.overallRate }),
        // One entry whose setupRequest hands out the workload's requests in turn, across connections.
        requests: [
          {
            setupRequest: (request) => {
              const r = spec.requests[next++ % spec.requests.length];
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
