import "reflect-metadata";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { checkPublish, checkSameAnswers, registerPersistedQueries, sampleStatements } from "./check";
import { dataOf, send } from "./http";
import { LoadGenerator, type LoadResult } from "./load";
import { Measurer, type Measurement } from "./measure";
import { parseOptions, UsageError, type Options } from "./options";
import { markdownTable, printTable, resultRows, summaryNotes, svgChart, writeResults, type RateRun } from "./report";
import { prepareDataset, type Dataset } from "./seed/seed";
import { BENCH_ADMIN, startAppServer, startBaseline, type RunningServer, type ServerSettings } from "./servers";
import { buildWorkloads, loadParameters, loginRequest, type Workload } from "./workloads";

const ROOT = path.resolve(__dirname, "../..");
const RESULTS = path.join(ROOT, "bench/results");

function git(args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return null;
  }
}

async function machine(client: pg.Client): Promise<Record<string, unknown>> {
  const { rows } = await client.query(`SELECT version() AS version, current_setting('shared_buffers') AS shared_buffers`);
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: rows[0].version,
    sharedBuffers: rows[0].shared_buffers,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

/** Approved reports for W6, handed out in order; running out is a bug in the pool's sizing. */
function poolTaker(dataset: Dataset): (count: number) => string[] {
  let next = 0;
  return (count) => {
    const ids = dataset.pool.slice(next, next + count);
    next += count;
    if (ids.length < count) throw new Error(`the W6 pool ran out (${dataset.pool.length} approved reports)`);
    return ids;
  };
}

/** Each W6 run must publish exactly one pool report per request: a repeated or refused id is caught here. */
async function publishCounter(db: pg.Client): Promise<(run: LoadResult) => Promise<void>> {
  const published = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM bench_pool p JOIN reports r ON r.id = p.report_id WHERE r.status = 'PUBLISHED'`)).rows[0].n;
  let last = await published();
  return async (run) => {
    const now = await published();
    if (now - last !== run.requests) throw new Error(`W6: ${run.requests} requests published ${now - last} reports`);
    last = now;
  };
}

function describeDataset(dataset: Dataset): void {
  const counts = Object.entries(dataset.counts).map(([status, n]) => `${n.toLocaleString("en-US")} ${status}`).join(", ");
  console.log(`Dataset ${dataset.database}: ${counts}; reports table ${dataset.sizes.reportsTable}, search index ${dataset.sizes.searchIndex}, database ${dataset.sizes.database}`);
  if (!dataset.reused) {
    const total = Object.values(dataset.phases).reduce((a, b) => a + b, 0);
    console.log(`Seeding took ${total.toFixed(0)} s: ${Object.entries(dataset.phases).map(([p, s]) => `${p} ${s.toFixed(1)} s`).join("; ")}`);
  }
}

async function run(options: Options): Promise<void> {
  const started = Date.now();
  const w6 = options.workloads.has("W6");
  // Two for the correctness check, then a warm-up and the runs on each of the two servers.
  const poolNeeded = w6 ? 2 + 2 * (options.runs + 1) * options.publishesPerRun : 0;
  const dataset = await prepareDataset(options.serverUrl, options.database, { reports: options.reports, seed: options.seed }, options.reuse, poolNeeded);
  describeDataset(dataset);
  if (options.seedOnly) return;
  const parameters = await loadParameters(dataset.url);

  const monitor = new pg.Client({ connectionString: options.serverUrl, application_name: "research-desk-bench-monitor" });
  const db = new pg.Client({ connectionString: dataset.url, application_name: "research-desk-bench-check" });
  await monitor.connect();
  await db.connect();
  const machineInfo = await machine(monitor);
  const settings: ServerSettings = { databaseUrl: dataset.url, poolSize: options.poolSize };
  const load = LoadGenerator.start();
  const measurer = new Measurer(load, monitor, { ...options, database: dataset.database });
  const running = new Set<RunningServer>();
  const launch = async (start: Promise<RunningServer>): Promise<RunningServer> => {
    const server = await start;
    running.add(server);
    return server;
  };
  const stop = async (server: RunningServer): Promise<void> => {
    running.delete(server);
    await server.stop();
  };

  const measurements: Measurement[] = [];
  const statements = new Map<string, number[]>();
  const atHalfRate: Record<string, RateRun> = {};
  let firstRows: Record<string, number> = {};
  const labels: Record<string, string> = {};
  try {
    // This server checks the answers and counts statements; the one measured counts none.
    let server = await launch(startAppServer(settings, { responseCache: false, sqlStats: true }));
    const login = dataOf(await send(server.origin, loginRequest(BENCH_ADMIN.email, BENCH_ADMIN.password)), "signing in") as {
      login: { token: string };
    };
    const token = login.login.token;
    const takeFromPool = poolTaker(dataset);
    const workloads = buildWorkloads(parameters, token, takeFromPool, options.publishesPerRun).filter((w) => options.workloads.has(w.group));
    for (const w of workloads) labels[w.key] = w.label;
    const reads = workloads.filter((w) => w.group !== "W6");
    const cached = reads.filter((w) => w.group === "W1" || w.group === "W7");
    const w7 = options.workloads.has("W7");

    const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(0)} s`;
    console.error(`Checking that the server and the baseline answer alike (at ${elapsed()}):`);
    let baseline = await launch(startBaseline(settings));
    if (w7) await registerPersistedQueries(server, parameters.slugs[0]);
    firstRows = await checkSameAnswers(server, baseline, reads);
    if (w6) {
      const [a, b] = takeFromPool(2);
      statements.set(`server/W6`, [await checkPublish(server, baseline, [a, b], token, db)]);
      statements.set(`baseline/W6`, [1]);
    }
    console.error(`  same data for ${Object.entries(firstRows).map(([k, n]) => `${k} (${n} rows)`).join(", ")}${w6 ? ", W6 logged alike" : ""}`);
    await stop(baseline);
    for (const workload of reads) statements.set(`${server.name}/${workload.key}`, await sampleStatements(server, workload, options.statementSamples));
    await stop(server);

    const w6Check = await publishCounter(db);
    const measureAll = async (target: RunningServer, list: Workload[], w3HalfRate: boolean, sample: boolean): Promise<void> => {
      if (w7 && list.some((w) => w.group === "W7")) await registerPersistedQueries(target, parameters.slugs[0]);
      for (const workload of list) {
        if (sample && workload.group !== "W6") {
          statements.set(`${target.name}/${workload.key}`, await sampleStatements(target, workload, options.statementSamples));
        }
        const measured = await measurer.measure(target, workload, workload.group === "W6" ? w6Check : undefined);
        measurements.push(measured);
        if (w3HalfRate && workload.group === "W3") {
          const rate = measured.median.requestsPerSecond / 2;
          atHalfRate[workload.key] = { ...(await measurer.atRate(target, workload, rate)), rate };
        }
      }
    };
    console.error(`Measuring from ${elapsed()} (${options.connections} connections, warm-up ${options.warmup} s, ${options.runs} runs of ${options.duration} s; W6 ${options.publishesPerRun} publishes per run):`);
    // W3 at half its rate is a target on 1,000,000 reports; a quick run skips it.
    server = await launch(startAppServer(settings, { responseCache: false, sqlStats: false }));
    await measureAll(server, workloads, !options.quick, false);
    await stop(server);
    baseline = await launch(startBaseline(settings));
    await measureAll(baseline, workloads, false, true);
    await stop(baseline);
    if (cached.length) {
      // Counting here shows how many statements the cache saves; a hit returns before any is run.
      server = await launch(startAppServer(settings, { responseCache: true, sqlStats: true }));
      await measureAll(server, cached, false, true);
      await stop(server);
    }
  } finally {
    for (const server of running) await server.stop();
    load.stop();
    await monitor.end();
    await db.end();
  }

  const rows = resultRows(measurements, labels, statements, firstRows);
  const notes = summaryNotes(rows, {
    cores: os.cpus().length,
    database: dataset.database,
    statementSamples: options.statementSamples,
    deepPage: parameters.deepPage,
    atHalfRate,
  });
  console.log("");
  console.log(printTable(rows));
  console.log("");
  for (const note of notes) console.log(`- ${note}`);
  const seconds = (Date.now() - started) / 1000;
  const runName = `${new Date(started).toISOString().slice(0, 19).replace(/:/g, "-")}-${options.reports}-reports`;
  console.log(`Bench took ${seconds.toFixed(0)} s. Results: bench/results/latest.json and latest.svg (also as ${runName}.*)`);

  const commit = git(["rev-parse", "HEAD"]);
  const title = `Research Desk bench: ${options.reports.toLocaleString("en-US")} reports, requests/s (server ÷ baseline)`;
  writeResults(
    RESULTS,
    runName,
    {
      generatedAt: new Date().toISOString(),
      git: { commit, dirty: Boolean(git(["status", "--porcelain"])) },
      machine: { ...machineInfo, loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))) },
      parameters: { ...options, serverUrl: undefined, workloads: [...options.workloads] },
      dataset: { reused: dataset.reused, seedingSeconds: dataset.phases, counts: dataset.counts, sizes: dataset.sizes, deepPage: parameters.deepPage },
      results: rows,
      w3AtHalfRate: atHalfRate,
      notes,
      markdown: markdownTable(rows),
      seconds,
    },
    svgChart(rows, title),
  );
}

run(parseOptionsOrExit()).catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});

function parseOptionsOrExit(): Options {
  try {
    return parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}
