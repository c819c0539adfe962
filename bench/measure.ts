import pg from "pg";
import { backendCpuDelta, backendPids, cpuByPid, machineCpu, processCpu } from "./cpu";
import type { LoadGenerator, LoadResult } from "./load";
import type { RunningServer } from "./servers";
import type { Workload } from "./workloads";

/** Share of the machine's cores (100% = all of them) over one run. */
export interface CoreShares {
  server: number;
  postgres: number;
  loadGenerator: number;
  /** Everything else that ran meanwhile: other processes on the machine, PostgreSQL's background work. */
  other: number;
  idle: number;
}

export interface RunFigures extends LoadResult {
  /** Server process CPU per request, milliseconds (null when no request completed). */
  serverCpuMs: number | null;
  /** CPU of the PostgreSQL backends serving the bench database, per request, milliseconds. */
  postgresCpuMs: number | null;
  shares: CoreShares;
}

export interface Measurement {
  workload: string;
  target: string;
  runs: RunFigures[];
  /** The run with the median requests/s. */
  median: RunFigures;
}

export interface MeasureSettings {
  connections: number;
  warmup: number;
  duration: number;
  runs: number;
  database: string;
}

/** Says so on stderr when a run had transport errors, timeouts or non-2xx answers (the table counts them too). */
function warnUnclean(result: LoadResult, what: string): void {
  if (result.errors || result.timeouts || result.non2xx || result.graphqlErrors) {
    process.stderr.write(
      `\n  warning: ${what}: ${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers, ` +
        `${result.graphqlErrors} answers with GraphQL errors\n  `,
    );
  }
}

const QUIET_TIMEOUT_MS = 300_000;

export class Measurer {
  /** Seconds spent waiting for the database to finish statements of earlier runs. */
  private waited = 0;

  constructor(
    private readonly load: LoadGenerator,
    private readonly monitor: pg.Client,
    private readonly settings: MeasureSettings,
  ) {}

  /**
   * Waits until no statement runs on the bench database: when a run ends, queries the load
   * generator gave up on may still be running, and would be measured as part of the next run.
   */
  private async quiet(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const { rows } = await this.monitor.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
        [this.settings.database],
      );
      if (rows[0].n === 0) break;
      if (Date.now() - started > QUIET_TIMEOUT_MS) throw new Error(`statements still running on ${this.settings.database} after ${QUIET_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (Date.now() - started) / 1000;
  }

  /**
   * One run with the CPU of server, PostgreSQL backends, load generator and machine around it
   * (no warm-up: `measure` does one first; a caller interleaving variants warms up itself).
   */
  async measuredRun(server: RunningServer, workload: Workload, overallRate?: number): Promise<RunFigures> {
    const { requests, amount } = workload.nextRun();
    this.waited += await this.quiet();
    const pgBefore = cpuByPid(await backendPids(this.monitor, this.settings.database));
    const serverBefore = processCpu(server.pid);
    const loadBefore = processCpu(this.load.pid);
    const machineBefore = machineCpu();
    const result = await this.load.run({
      origin: server.origin,
      connections: this.settings.connections,
      duration: this.settings.duration,
      amount,
      overallRate,
      requests,
    });
    const machineAfter = machineCpu();
    const server_ = processCpu(server.pid) - serverBefore;
    const loadGenerator = processCpu(this.load.pid) - loadBefore;
    const postgres = backendCpuDelta(pgBefore, cpuByPid(await backendPids(this.monitor, this.settings.database)));
    warnUnclean(result, `${workload.key} on ${server.name}`);
    const total = machineAfter.total - machineBefore.total;
    const busy = machineAfter.busy - machineBefore.busy;
    const pct = (seconds: number): number => (100 * seconds) / total;
    const perRequest = (seconds: number): number | null => (result.requests ? (1000 * seconds) / result.requests : null);
    return {
      ...result,
      serverCpuMs: perRequest(server_),
      postgresCpuMs: perRequest(postgres),
      shares: {
        server: pct(server_),
        postgres: pct(postgres),
        loadGenerator: pct(loadGenerator),
        other: pct(Math.max(0, busy - server_ - postgres - loadGenerator)),
        idle: pct(total - busy),
      },
    };
  }

  /** A warm-up (not recorded), then the measured runs; the median run by requests/s stands for them. */
  async measure(server: RunningServer, workload: Workload, check: (run: LoadResult) => Promise<void> = async () => {}): Promise<Measurement> {
    process.stderr.write(`  ${server.name.padEnd(14)} ${workload.key.padEnd(10)} `);
    const started = Date.now();
    this.waited = 0;
    const { requests, amount } = workload.nextRun();
    if (this.settings.warmup > 0 || amount !== undefined) {
      this.waited += await this.quiet();
      const warm = await this.load.run({
        origin: server.origin,
        connections: this.settings.connections,
        duration: this.settings.warmup,
        amount,
        requests,
      });
      warnUnclean(warm, `${workload.key} warm-up on ${server.name}`);
      await check(warm);
    }
    const runs: RunFigures[] = [];
    for (let i = 0; i < this.settings.runs; i++) {
      const run = await this.measuredRun(server, workload);
      await check(run);
      runs.push(run);
      process.stderr.write(`${Math.round(run.requestsPerSecond)} `);
    }
    const waited = this.waited >= 1 ? ` (waited ${this.waited.toFixed(0)} s for statements of earlier runs to finish)` : "";
    process.stderr.write(`req/s in ${((Date.now() - started) / 1000).toFixed(0)} s${waited}\n`);
    const sorted = [...runs].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    return { workload: workload.key, target: server.name, runs, median: sorted[Math.floor(sorted.length / 2)] };
  }

  /** One run at a fixed rate (W3's latency at half the measured maximum). */
  async atRate(server: RunningServer, workload: Workload, rate: number): Promise<RunFigures> {
    return this.measuredRun(server, workload, Math.max(1, Math.round(rate)));
  }
}
