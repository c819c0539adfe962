import { dataOf, send } from "./http";
import { copyDataset, runSql } from "./scratch";
import { BENCH_ADMIN, startAppServer, type RunningServer } from "./servers";
import { median, timed } from "./stats";
import { graphql, loginRequest } from "./workloads";

/**
 * The compliance lists and a firm-wide disclaimer renewal, through the API, on a copy of a seeded
 * bench dataset (renewing writes, so the dataset itself stays as it was):
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:renewal -- rd_bench
 *
 * Prints the median of 5 reads of each list's first page, then renews the firm with the most
 * outdated live reports in batches of 200 and prints the rate.
 */
const READS = 5;
const BATCH = 200;

const ISSUES = `query BenchIssues($filter: ComplianceFilterInput) { complianceIssues(first: 20, filter: $filter) { nodes { reportId kind report { title } } } }`;
const ISSUES_COUNTED = `query BenchIssuesCounted($filter: ComplianceFilterInput) { complianceIssues(first: 20, filter: $filter) { totalCount nodes { reportId } } }`;
const QUEUE = `query BenchQueue { reviewQueue(first: 20) { totalCount nodes { reportId title } } }`;
const RENEW = `mutation BenchRenew($firmId: ID!, $after: String) {
  renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: ${BATCH}) { renewed skipped { reason } endCursor hasMore } }`;

async function measure(server: RunningServer, token: string): Promise<void> {
  const call = async (name: string, query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await send(server.origin, graphql(name, query, variables, token)), name);
  const read = async (label: string, name: string, query: string, variables: Record<string, unknown> = {}) => {
    const times: number[] = [];
    let data: Record<string, unknown> = {};
    for (let i = 0; i < READS; i++) {
      const { value, ms } = await timed(() => call(name, query, variables));
      times.push(ms);
      data = value;
    }
    console.log(`${label}: median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`);
    return data;
  };

  const counted = (await read("complianceIssues first page + totalCount", "BenchIssuesCounted", ISSUES_COUNTED)) as {
    complianceIssues: { totalCount: number };
  };
  console.log(`  ${counted.complianceIssues.totalCount.toLocaleString("en-US")} issues in all`);
  await read("complianceIssues first page", "BenchIssues", ISSUES);
  const queue = (await read("reviewQueue first page + totalCount", "BenchQueue", QUEUE)) as { reviewQueue: { totalCount: number } };
  console.log(`  ${queue.reviewQueue.totalCount.toLocaleString("en-US")} in review`);
}

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  const source = process.argv[2];
  if (!serverUrl || !source || !/^\w+$/.test(source)) {
    console.error("usage: BENCH_DATABASE_URL=postgres://…/postgres npm run bench:renewal -- <seeded bench database, e.g. rd_bench>");
    process.exit(2);
  }
  const scratch = await copyDataset(serverUrl, source, "renewal");
  console.log(`copied ${source} to ${scratch.database} in ${scratch.seconds.toFixed(1)} s`);
  let server: RunningServer | null = null;
  try {
    const started = await timed(() => startAppServer({ databaseUrl: scratch.url, poolSize: 10 }, { responseCache: false, sqlStats: false }));
    server = started.value;
    console.log(`server ready (migrations included) in ${(started.ms / 1000).toFixed(1)} s`);
    const { login } = dataOf(await send(server.origin, loginRequest(BENCH_ADMIN.email, BENCH_ADMIN.password)), "signing in") as { login: { token: string } };
    await measure(server, login.token);

    const [firm] = await runSql(
      scratch.url,
      `SELECT l.firm_id AS id, count(*)::int AS outdated FROM live_report_disclaimers l
       WHERE l.template_id <> rd_current_template(l.firm_id) GROUP BY l.firm_id ORDER BY 2 DESC LIMIT 1`,
    );
    const issues = async () =>
      dataOf(await send(server!.origin, graphql("BenchIssuesCounted", ISSUES_COUNTED, { filter: { firmId: firm.id } }, login.token)), "firm issues");
    const before = await timed(issues);
    console.log(`one firm's first page + totalCount: ${before.ms.toFixed(0)} ms, ${firm.outdated} outdated`);

    const batches: number[] = [];
    let renewed = 0;
    let skipped = 0;
    let after: string | null = null;
    const all = await timed(async () => {
      for (;;) {
        const { value, ms } = await timed(async () => dataOf(await send(server!.origin, graphql("BenchRenew", RENEW, { firmId: firm.id, after }, login.token)), "renewing"));
        const batch = (value as { renewOutdatedDisclaimers: { renewed: number; skipped: unknown[]; endCursor: string | null; hasMore: boolean } }).renewOutdatedDisclaimers;
        batches.push(ms);
        renewed += batch.renewed;
        skipped += batch.skipped.length;
        if (!batch.hasMore) return;
        after = batch.endCursor;
      }
    });
    const seconds = all.ms / 1000;
    console.log(
      `renewed ${renewed} reports (skipped ${skipped}) in ${batches.length} batches of ${BATCH}: ${seconds.toFixed(1)} s, ` +
        `${(renewed / seconds).toFixed(0)} reports/s; batch median ${median(batches).toFixed(0)} ms, max ${Math.max(...batches).toFixed(0)} ms`,
    );
  } finally {
    await server?.stop();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:renewal failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
