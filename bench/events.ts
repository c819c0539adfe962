import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import pg from "pg";
import { encodeCursor } from "../server/src/kernel/pagination";
import { processCpu } from "./cpu";
import { eventStreamReader } from "./event-stream";
import { dataOf, send } from "./http";
import { LoadGenerator } from "./load";
import { Measurer, type RunFigures } from "./measure";
import { sourceAndCounts, UsageError } from "./options";
import { publishPaced } from "./publisher";
import { copyWithPool } from "./scratch";
import { BENCH_ADMIN, startAppServer, type RunningServer } from "./servers";
import { median, quantile } from "./stats";
import { loginRequest, publishRequest, type Workload } from "./workloads";

/**
 * What report events cost and how fast they arrive, on a copy of a seeded bench dataset
 * (publishing writes, so the dataset itself stays as it was):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:events -- rd_bench_100k
 *
 * 1. The outbox on W6: publishReport on fresh approved reports, in runs that alternate between the
 *    ReportEvents triggers in force and disabled on the copy (the same server, the same data), so
 *    that whatever else the machine does weighs on both alike.
 * 2. Commit → stream client: stream clients of GET /events split over two instances, publishes
 *    evenly spaced on the first; each event is timed from when its publish was sent (the commit is
 *    later, so this is an upper bound) and from when the publish's answer arrived (earlier than the
 *    client could know of the commit otherwise).
 */
const USAGE = `usage: BENCH_DATABASE_URL=postgres://…/postgres npm run bench:events -- <seeded bench database, e.g. rd_bench_100k>
       [--runs N] [--publishes N] [--clients N] [--rate N] [--seconds N]`;
const RESULTS = path.resolve(__dirname, "../../bench/results");

/** The ReportEvents migration's triggers: disabled, no event is written and no notification sent. */
const OUTBOX_TRIGGERS: [table: string, trigger: string][] = [
  ["publication_events", "publication_events_report_event"],
  ["reports", "reports_schedule_event"],
  ["disclaimer_templates", "disclaimer_templates_report_event"],
];

type Settings = ReturnType<typeof settingsOf>;

function settingsOf(argv: string[]) {
  const { source, counts } = sourceAndCounts(argv, USAGE, { runs: 5, publishes: 500, clients: 100, rate: 10, seconds: 30 });
  // Runs with the outbox and as many without, alternating; publishes per run.
  return { source, runs: counts.runs, publishesPerRun: counts.publishes, clients: counts.clients, rate: counts.rate, seconds: counts.seconds };
}

const count = async (db: pg.Client, statement: string): Promise<number> => (await db.query(statement)).rows[0].n;
const publishedEvents = (db: pg.Client): Promise<number> => count(db, `SELECT count(*)::int AS n FROM report_events WHERE type = 'REPORT_PUBLISHED'`);
const publishedReports = (db: pg.Client): Promise<number> =>
  count(db, `SELECT count(*)::int AS n FROM bench_pool p JOIN reports r ON r.id = p.report_id WHERE r.status = 'PUBLISHED'`);

async function setOutbox(db: pg.Client, on: boolean): Promise<void> {
  for (const [table, trigger] of OUTBOX_TRIGGERS) await db.query(`ALTER TABLE ${table} ${on ? "ENABLE" : "DISABLE"} TRIGGER ${trigger}`);
}

interface OutboxFigures {
  runs: { outbox: boolean; publishesPerSecond: number; serverCpuMs: number | null; postgresCpuMs: number | null; p99: number }[];
  withOutbox: number;
  withoutOutbox: number;
  /** 1 − with/without, of the medians. */
  cost: number;
}

/** W6 with and without the outbox, alternating; each run must publish its reports and write events only with the outbox. */
async function outboxCost(server: RunningServer, measurer: Measurer, db: pg.Client, w6: Workload, settings: Settings): Promise<OutboxFigures> {
  const runs: OutboxFigures["runs"] = [];
  const checkedRun = async (outbox: boolean): Promise<RunFigures> => {
    await setOutbox(db, outbox);
    const [reportsBefore, eventsBefore] = [await publishedReports(db), await publishedEvents(db)];
    const run = await measurer.measuredRun(server, w6);
    const [reports, events] = [(await publishedReports(db)) - reportsBefore, (await publishedEvents(db)) - eventsBefore];
    if (reports !== run.requests || events !== (outbox ? run.requests : 0)) {
      throw new Error(`W6 ${outbox ? "with" : "without"} the outbox: ${run.requests} requests published ${reports} reports and wrote ${events} events`);
    }
    return run;
  };
  process.stderr.write(`W6 (${settings.publishesPerRun} publishes a run), warm-up, then with / without the outbox: `);
  await checkedRun(true);
  for (let i = 0; i < settings.runs; i++) {
    // Which goes first alternates too, so neither always runs on a database the other just vacuumed.
    for (const outbox of i % 2 ? [false, true] : [true, false]) {
      const run = await checkedRun(outbox);
      runs.push({ outbox, publishesPerSecond: run.requestsPerSecond, serverCpuMs: run.serverCpuMs, postgresCpuMs: run.postgresCpuMs, p99: run.p99 });
      process.stderr.write(`${outbox ? "with" : "without"} ${Math.round(run.requestsPerSecond)} `);
    }
  }
  process.stderr.write("publishes/s\n");
  await setOutbox(db, true);
  const rate = (outbox: boolean): number => median(runs.filter((r) => r.outbox === outbox).map((r) => r.publishesPerSecond));
  const [withOutbox, withoutOutbox] = [rate(true), rate(false)];
  return { runs, withOutbox, withoutOutbox, cost: 1 - withOutbox / withoutOutbox };
}

/** A client of GET /events that notes when each report's REPORT_PUBLISHED arrived. */
interface StreamClient {
  instance: string;
  arrivals: Map<string, number>;
  close(): void;
}

function openClient(server: RunningServer, after: string): Promise<StreamClient> {
  const arrivals = new Map<string, number>();
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.origin}/events?types=REPORT_PUBLISHED&after=${after}`, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`GET /events answered ${response.statusCode}`));
      const read = eventStreamReader();
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        const now = performance.now();
        for (const block of read(chunk)) {
          if ("fields" in block) arrivals.set((JSON.parse(block.fields.data) as { reportId: string }).reportId, now);
        }
      });
      // The server writes a comment as soon as the stream is open: from then on nothing is missed.
      response.once("data", () => resolve({ instance: server.name, arrivals, close: () => request.destroy() }));
    });
    request.on("error", reject);
  });
}

interface LatencyFigures {
  instance: string;
  clients: number;
  events: number;
  missing: number;
  fromSentP50: number;
  fromSentP99: number;
  fromSentMax: number;
  fromAnswerP50: number;
  fromAnswerP99: number;
}

interface StreamFigures {
  publishes: number;
  rate: number;
  publishP50: number;
  publishP99: number;
  serverCpuSeconds: Record<string, number>;
  byInstance: LatencyFigures[];
}

/** The feed's cursor of its newest event: clients start there, not at the dataset's first event. */
async function newestCursor(db: pg.Client): Promise<string> {
  const { rows } = await db.query(`SELECT position::text AS key, id::text AS id FROM report_events ORDER BY position DESC LIMIT 1`);
  return encodeCursor({ order: "position", key: rows[0].key, id: rows[0].id });
}

async function commitToStream(publisher: RunningServer, other: RunningServer, db: pg.Client, token: string, reportIds: string[], settings: Settings): Promise<StreamFigures> {
  const after = await newestCursor(db);
  const clients: StreamClient[] = [];
  for (let i = 0; i < settings.clients; i++) clients.push(await openClient(i % 2 ? other : publisher, after));
  const cpuBefore = [processCpu(publisher.pid), processCpu(other.pid)];
  process.stderr.write(`${settings.clients} stream clients, ${reportIds.length} publishes at ${settings.rate}/s on ${publisher.name}… `);
  const { sent, answered } = await publishPaced(publisher, token, reportIds, settings.rate);
  const everyone = (): boolean => clients.every((c) => reportIds.every((id) => c.arrivals.has(id)));
  const deadline = performance.now() + 10_000;
  while (!everyone() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const cpu = [processCpu(publisher.pid) - cpuBefore[0], processCpu(other.pid) - cpuBefore[1]];
  for (const client of clients) client.close();
  process.stderr.write("done\n");

  const byInstance = [publisher, other].map((server): LatencyFigures => {
    const mine = clients.filter((c) => c.instance === server.name);
    const fromSent: number[] = [];
    const fromAnswer: number[] = [];
    let missing = 0;
    for (const client of mine) {
      for (const id of reportIds) {
        const at = client.arrivals.get(id);
        if (at === undefined) missing += 1;
        else {
          fromSent.push(at - sent.get(id)!);
          fromAnswer.push(at - answered.get(id)!);
        }
      }
    }
    return {
      instance: server.name,
      clients: mine.length,
      events: fromSent.length,
      missing,
      fromSentP50: quantile(fromSent, 0.5),
      fromSentP99: quantile(fromSent, 0.99),
      fromSentMax: Math.max(...fromSent),
      fromAnswerP50: quantile(fromAnswer, 0.5),
      fromAnswerP99: quantile(fromAnswer, 0.99),
    };
  });
  const publishTimes = reportIds.map((id) => answered.get(id)! - sent.get(id)!);
  return {
    publishes: reportIds.length,
    rate: settings.rate,
    publishP50: quantile(publishTimes, 0.5),
    publishP99: quantile(publishTimes, 0.99),
    serverCpuSeconds: { [publisher.name]: cpu[0], [other.name]: cpu[1] },
    byInstance,
  };
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

function print(outbox: OutboxFigures, stream: StreamFigures): void {
  const cpu = (on: boolean, key: "serverCpuMs" | "postgresCpuMs"): string =>
    median(outbox.runs.filter((r) => r.outbox === on).map((r) => r[key] ?? Number.NaN)).toFixed(2);
  const spread = (on: boolean): string => {
    const rates = outbox.runs.filter((r) => r.outbox === on).map((r) => r.publishesPerSecond);
    return `${Math.min(...rates).toFixed(0)}–${Math.max(...rates).toFixed(0)}`;
  };
  console.log("");
  console.log("| W6 publishReport | publishes/s (median) | runs | server CPU ms/publish | PostgreSQL CPU ms/publish |");
  console.log("|---|---:|---:|---:|---:|");
  for (const on of [true, false]) {
    console.log(`| ${on ? "with the outbox" : "outbox triggers disabled"} | ${(on ? outbox.withOutbox : outbox.withoutOutbox).toFixed(0)} | ${spread(on)} | ${cpu(on, "serverCpuMs")} | ${cpu(on, "postgresCpuMs")} |`);
  }
  console.log(`\nThe outbox costs ${(100 * outbox.cost).toFixed(1)}% of W6's publishes/s (target: at most 10%).`);
  console.log("");
  console.log(`Commit → stream: ${stream.publishes} publishes at ${stream.rate}/s (publish p50 ${ms(stream.publishP50)}, p99 ${ms(stream.publishP99)})`);
  console.log("| instance | clients | events received | missing | from sent p50 / p99 / max | from answer p50 / p99 |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const f of stream.byInstance) {
    console.log(
      `| ${f.instance} | ${f.clients} | ${f.events.toLocaleString("en-US")} | ${f.missing} | ${ms(f.fromSentP50)} / ${ms(f.fromSentP99)} / ${ms(f.fromSentMax)} | ${ms(f.fromAnswerP50)} / ${ms(f.fromAnswerP99)} |`,
    );
  }
  const cpu2 = Object.entries(stream.serverCpuSeconds).map(([name, s]) => `${name} ${s.toFixed(1)} s`).join(", ");
  console.log(`\nServer CPU while streaming: ${cpu2}. Target: p99 under 1 s.`);
}

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  if (!serverUrl) throw new Error(USAGE);
  const settings = settingsOf(process.argv.slice(2));
  const streamPublishes = settings.rate * settings.seconds;
  const poolNeeded = settings.publishesPerRun * (1 + 2 * settings.runs) + streamPublishes;

  const { scratch, pool } = await copyWithPool(serverUrl, settings.source, "events", poolNeeded);
  let next = 0;
  const take = (n: number): string[] => pool.slice(next, (next += n));

  const db = new pg.Client({ connectionString: scratch.url, application_name: "research-desk-bench-events" });
  const monitor = new pg.Client({ connectionString: serverUrl, application_name: "research-desk-bench-monitor" });
  const load = LoadGenerator.start();
  const servers: RunningServer[] = [];
  try {
    await db.connect();
    await monitor.connect();
    const serverSettings = { databaseUrl: scratch.url, poolSize: 10 };
    const mode = { responseCache: false, sqlStats: false };
    const first = await startAppServer(serverSettings, mode);
    servers.push(first);
    const { login } = dataOf(await send(first.origin, loginRequest(BENCH_ADMIN.email, BENCH_ADMIN.password)), "signing in") as { login: { token: string } };
    const w6: Workload = {
      key: "W6",
      group: "W6",
      label: "publishReport (fresh approved report)",
      nextRun: () => {
        const requests = take(settings.publishesPerRun).map((id) => publishRequest(id, login.token));
        return { requests, amount: requests.length };
      },
    };
    const measurer = new Measurer(load, monitor, { connections: 10, warmup: 0, duration: 10, runs: 1, database: scratch.database });
    const outbox = await outboxCost(first, measurer, db, w6, settings);

    const second = await startAppServer(serverSettings, mode);
    servers.push({ ...second, name: "second instance" });
    const stream = await commitToStream({ ...first, name: "publishing instance" }, servers[1], db, login.token, take(streamPublishes), settings);
    print(outbox, stream);
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `events-${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}.json`);
    fs.writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), source: settings.source, settings, outbox, stream }, null, 2)}\n`);
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
  } finally {
    for (const server of servers) await server.stop();
    load.stop();
    await db.end();
    await monitor.end();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`bench:events failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
