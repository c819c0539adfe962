import "reflect-metadata";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { processCpu } from "./cpu";
import { sourceAndCounts, UsageError } from "./options";
import { dataOf, send } from "./http";
import { publishPaced } from "./publisher";
import { copyWithPool, runSql } from "./scratch";
import { BENCH_ADMIN, startAppServer, type RunningServer } from "./servers";
import { quantile } from "./stats";
import { graphql, loginRequest } from "./workloads";

/**
 * Webhook deliveries, on a copy of a seeded bench dataset, to a receiver in this process (50
 * endpoints on 127.0.0.1 that answer 200 at once):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:webhooks -- rd_bench_100k
 *
 * 1. Publish → webhook received: publishes evenly spaced at 10 a second; each delivery is timed
 *    from when its publish was sent.
 * 2. Throughput: with the server stopped, 1,000 events are queued for every endpoint in SQL (as
 *    the outbox's trigger queues them); then the server starts and the time until every delivery
 *    arrived is measured.
 */
const USAGE = `usage: BENCH_DATABASE_URL=postgres://…/postgres npm run bench:webhooks -- <seeded bench database, e.g. rd_bench_100k>
       [--endpoints N] [--rate N] [--seconds N] [--queued N]`;
const RESULTS = path.resolve(__dirname, "../../bench/results");
const SECRET_KEY = "42".repeat(32);

/** `queued`: events queued for every endpoint in the throughput part. */
const settingsOf = (argv: string[]) => {
  const { source, counts } = sourceAndCounts(argv, USAGE, { endpoints: 50, rate: 10, seconds: 30, queued: 1_000 });
  return { source, ...counts };
};

/** The receiver: every POST noted by its endpoint path and report, answered 200 at once. */
class Receiver {
  readonly arrivals: { endpoint: string; reportId: string; at: number }[] = [];
  private readonly server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const at = performance.now();
      const { data } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { reportId: string } };
      this.arrivals.push({ endpoint: request.url ?? "", reportId: data.reportId, at });
      response.writeHead(200).end();
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async until(count: number, timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (this.arrivals.length < count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return this.arrivals.length >= count;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

// Production delivers to https endpoints on public addresses only; the receiver is plain http on
// loopback, so this server runs as development does (nothing on the measured path differs).
const serverOn = (url: string): Promise<RunningServer> =>
  startAppServer({ databaseUrl: url, poolSize: 10 }, { responseCache: false, sqlStats: false, env: { WEBHOOK_SECRET_KEY: SECRET_KEY, NODE_ENV: "development" } });

async function signIn(server: RunningServer): Promise<string> {
  const { login } = dataOf(await send(server.origin, loginRequest(BENCH_ADMIN.email, BENCH_ADMIN.password)), "signing in") as { login: { token: string } };
  return login.token;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  if (!serverUrl) throw new Error(USAGE);
  const settings = settingsOf(process.argv.slice(2));
  const publishes = settings.rate * settings.seconds;
  const { scratch, pool } = await copyWithPool(serverUrl, settings.source, "webhooks", publishes);
  const receiver = new Receiver();
  const origin = await receiver.start();
  let server: RunningServer | null = null;
  try {
    server = await serverOn(scratch.url);
    const token = await signIn(server);
    for (let i = 0; i < settings.endpoints; i++) {
      dataOf(
        await send(server.origin, graphql("BenchWebhook", `mutation BenchWebhook($url: String!) { createWebhook(input: { url: $url }) { secret } }`, { url: `${origin}/e${i}` }, token)),
        "creating a webhook",
      );
    }

    // 1. Publish → received.
    process.stderr.write(`${publishes} publishes at ${settings.rate}/s, ${settings.endpoints} endpoints… `);
    const cpuBefore = processCpu(server.pid);
    const { sent } = await publishPaced(server, token, pool, settings.rate);
    const expected = publishes * settings.endpoints;
    const complete = await receiver.until(expected, 60_000);
    const cpu = processCpu(server.pid) - cpuBefore;
    const latencies = receiver.arrivals.filter((a) => sent.has(a.reportId)).map((a) => a.at - sent.get(a.reportId)!);
    process.stderr.write("done\n");
    const latency = {
      publishes,
      endpoints: settings.endpoints,
      deliveries: latencies.length,
      missing: expected - latencies.length,
      complete,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      max: Math.max(...latencies),
      serverCpuSeconds: cpu,
    };
    await server.stop();
    server = null;

    // 2. Throughput: the newest events queued for every endpoint while no server runs.
    receiver.arrivals.length = 0;
    await runSql(
      scratch.url,
      `INSERT INTO webhook_deliveries (webhook_id, event_id, report_id, type)
       SELECT w.id, e.id, e.report_id, e.type
       FROM (SELECT * FROM report_events ORDER BY position DESC LIMIT $1) e CROSS JOIN webhooks w
       ORDER BY e.position, w.id`,
      [settings.queued],
    );
    const queuedDeliveries = settings.queued * settings.endpoints;
    process.stderr.write(`${queuedDeliveries.toLocaleString("en-US")} deliveries queued; draining… `);
    server = await serverOn(scratch.url);
    const started = performance.now();
    const drainCpuBefore = processCpu(server.pid);
    const drained = await receiver.until(queuedDeliveries, 600_000);
    const seconds = (performance.now() - started) / 1000;
    const drainCpu = processCpu(server.pid) - drainCpuBefore;
    process.stderr.write("done\n");
    const throughput = {
      queued: queuedDeliveries,
      delivered: receiver.arrivals.length,
      drained,
      seconds,
      perSecond: receiver.arrivals.length / seconds,
      serverCpuMsPerDelivery: (1000 * drainCpu) / Math.max(1, receiver.arrivals.length),
    };

    console.log("");
    console.log(`Publish → webhook received: ${publishes} publishes at ${settings.rate}/s to ${settings.endpoints} endpoints`);
    console.log(
      `  ${latency.deliveries.toLocaleString("en-US")} deliveries (${latency.missing} missing): p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}; ` +
        `server CPU ${latency.serverCpuSeconds.toFixed(1)} s. Target: p99 under 1 s.`,
    );
    console.log(
      `Throughput: ${throughput.queued.toLocaleString("en-US")} queued deliveries (${settings.queued} events × ${settings.endpoints} endpoints) ` +
        `delivered in ${throughput.seconds.toFixed(1)} s: ${throughput.perSecond.toFixed(0)} deliveries/s, ${throughput.serverCpuMsPerDelivery.toFixed(2)} ms of server CPU each` +
        (throughput.drained ? "" : ` (NOT drained: ${throughput.delivered} arrived)`),
    );
    fs.mkdirSync(RESULTS, { recursive: true });
    const file = path.join(RESULTS, `webhooks-${new Date().toISOString().slice(0, 19).replace(/:/g, "-")}.json`);
    fs.writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), settings, latency, throughput }, null, 2)}\n`);
    console.log(`Results: ${path.relative(process.cwd(), file)}`);
  } finally {
    await server?.stop();
    await receiver.close();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(`bench:webhooks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
