import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { registerPersistedQueries } from "./check";
import { summarise, type CpuProfile, type SelfTime } from "./cpu-profile";
import { processCpu } from "./cpu";
import { dataOf, send } from "./http";
import { LoadGenerator } from "./load";
import { parseOptions, UsageError, type Options } from "./options";
import { prepareDataset } from "./seed/seed";
import { BENCH_ADMIN, startAppServer, startBaseline, type RunningServer } from "./servers";
import { buildWorkloads, loadParameters, loginRequest, type Workload } from "./workloads";

/**
 * Where the server's CPU goes under a read workload: the server runs with bench/profile-hook.js,
 * the load generator warms it up, then V8's CPU profiler records one run of `--duration` seconds.
 * Prints self time per area (package, server layer, Node, GC) and the top functions, per request,
 * and keeps the .cpuprofile for Chrome DevTools (Performance → load profile) or speedscope.
 * `--baseline` profiles the raw baseline instead, to see what any server pays for the same answers:
 *
 *   BENCH_DATABASE_URL=… npm run bench:profile -- --database rd_bench_100k --reuse --workloads W1,W2 [--baseline]
 */
const ROOT = path.resolve(__dirname, "../..");
const TOP_AREAS = 25;
const TOP_FUNCTIONS = 30;

const kill = (server: RunningServer): void => {
  process.kill(server.pid, "SIGUSR2");
};

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 600; i++) {
    if (fs.existsSync(file)) return file;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no profile at ${file} after 60 s`);
}

function table(title: string, rows: SelfTime[], requests: number, busyMs: number, limit: number): string {
  const lines = [`| ${title} | ms/request | share of busy time |`, "|---|---:|---:|"];
  for (const row of rows.slice(0, limit)) {
    lines.push(`| ${row.name.replace(/\|/g, "\\|")} | ${(row.ms / requests).toFixed(3)} | ${((100 * row.ms) / busyMs).toFixed(1)}% |`);
  }
  return lines.join("\n");
}

async function profileWorkload(server: RunningServer, load: LoadGenerator, workload: Workload, options: Options, file: string): Promise<void> {
  const { requests } = workload.nextRun();
  const spec = { origin: server.origin, connections: options.connections, requests };
  process.stderr.write(`${workload.key}: warm-up ${options.warmup} s, `);
  await load.run({ ...spec, duration: options.warmup });
  kill(server);
  const cpuBefore = processCpu(server.pid);
  const result = await load.run({ ...spec, duration: options.duration });
  const cpu = processCpu(server.pid) - cpuBefore;
  kill(server);
  const profile = JSON.parse(fs.readFileSync(await waitForFile(file), "utf8")) as CpuProfile;
  process.stderr.write(`profiled ${result.requests.toLocaleString("en-US")} requests in ${options.duration} s\n`);
  const summary = summarise(profile);
  console.log(`\n## ${workload.key} ${workload.label}\n`);
  console.log(
    `${result.requests.toLocaleString("en-US")} requests, ${Math.round(result.requestsPerSecond)} req/s; server process CPU ` +
      `${((1000 * cpu) / result.requests).toFixed(3)} ms/request (all threads); main thread not idle ${(summary.busyMs / result.requests).toFixed(3)} ms/request (wall time: it includes time the machine gave other processes), ` +
      `idle ${((100 * summary.idleMs) / summary.wallMs).toFixed(0)}% of ${(summary.wallMs / 1000).toFixed(1)} s. Profile: ${path.relative(ROOT, file)}\n`,
  );
  console.log(table("area (self time)", summary.areas, result.requests, summary.busyMs, TOP_AREAS));
  console.log("");
  console.log(table("function (self time)", summary.functions, result.requests, summary.busyMs, TOP_FUNCTIONS));
}

async function run(options: Options, baseline: boolean): Promise<void> {
  const dataset = await prepareDataset(options.serverUrl, options.database, { reports: options.reports, seed: options.seed }, options.reuse, 0);
  if (options.seedOnly) return;
  const parameters = await loadParameters(dataset.url);
  const directory = path.join(ROOT, "bench/results/profiles", new Date().toISOString().slice(0, 19).replace(/:/g, "-"));
  fs.mkdirSync(directory, { recursive: true });
  const settings = { databaseUrl: dataset.url, poolSize: options.poolSize };
  const server = baseline
    ? await startBaseline(settings, directory)
    : await startAppServer(settings, { responseCache: false, sqlStats: false, profileDir: directory });
  const load = LoadGenerator.start();
  try {
    // The baseline has no sign-in; it answers the staff workloads by their shape alone.
    const token = baseline ? "" : (dataOf(await send(server.origin, loginRequest(BENCH_ADMIN.email, BENCH_ADMIN.password)), "signing in") as { login: { token: string } }).login.token;
    const takeFromPool = (): string[] => {
      throw new UsageError("bench:profile measures reads: W6 writes, profile it from a copy");
    };
    const workloads = buildWorkloads(parameters, token, takeFromPool, 0).filter((w) => options.workloads.has(w.group) && w.group !== "W6");
    if (!baseline && workloads.some((w) => w.group === "W7")) await registerPersistedQueries(server, parameters.slugs[0]);
    for (const [i, workload] of workloads.entries()) await profileWorkload(server, load, workload, options, path.join(directory, `profile-${i + 1}.cpuprofile`));
  } finally {
    load.stop();
    await server.stop();
  }
}

const baseline = process.argv.includes("--baseline");
const argv = process.argv.slice(2).filter((arg) => arg !== "--baseline");
try {
  // One workload unless told otherwise: profiling all of them takes a while and W1 is the usual question.
  const options = parseOptions(argv.includes("--workloads") ? argv : [...argv, "--workloads", "W1"], process.env);
  run(options, baseline).catch((error: unknown) => {
    console.error(`bench:profile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
