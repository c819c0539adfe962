import pg from "pg";
import { sha256Hex } from "../server/src/kernel/checksum";
import { dataOf, send } from "./http";
import type { RunningServer } from "./servers";
import { publishRequest, registerPersistedQuery, type BenchRequest, type Workload } from "./workloads";

/** Where two JSON values first differ, or null when they are equal (key order aside). */
function difference(a: unknown, b: unknown, path = "data"): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const d = difference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (d) return d;
    }
    return null;
  }
  return a === b ? null : `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
}

/** Rows an answer carries: the nodes of a connection, or 1 for a single object. */
export function rowsOf(data: Record<string, unknown>): number {
  const value = Object.values(data)[0] as { nodes?: unknown[] } | null;
  return value?.nodes ? value.nodes.length : value ? 1 : 0;
}

/** W7 needs its hash registered in each server process (Apollo keeps APQs in memory). */
export async function registerPersistedQueries(server: RunningServer, slug: string): Promise<void> {
  dataOf(await send(server.origin, registerPersistedQuery(slug)), `registering the W7 persisted query on ${server.name}`);
}

const CHECKED_REQUESTS = 3;

/**
 * The first requests of every read workload must get the same data from the server and from the
 * baseline, without errors: otherwise the two would not be doing the same work, and the bench stops.
 * Returns the rows of the first answer of each.
 */
export async function checkSameAnswers(server: RunningServer, baseline: RunningServer, workloads: Workload[]): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const workload of workloads) {
    const requests: BenchRequest[] = workload.nextRun().requests.slice(0, CHECKED_REQUESTS);
    for (const [i, request] of requests.entries()) {
      const fromServer = dataOf(await send(server.origin, request), `${workload.key} on the server`);
      const fromBaseline = dataOf(await send(baseline.origin, request), `${workload.key} on the baseline`);
      const d = difference(fromServer, fromBaseline);
      if (d) throw new Error(`${workload.key} request ${i + 1}: the server and the baseline answer differently at ${d}`);
      rows[workload.key] ??= rowsOf(fromServer);
    }
  }
  return rows;
}

/** x-sql-statements of `count` requests of a workload, sent one after another. */
export async function sampleStatements(server: RunningServer, workload: Workload, count: number): Promise<number[]> {
  const { requests } = workload.nextRun();
  const counts: number[] = [];
  for (let i = 0; i < count; i++) {
    const answer = await send(server.origin, requests[i % requests.length]);
    dataOf(answer, `${workload.key} sample on ${server.name}`);
    if (answer.statements === null) throw new Error(`${server.name} sent no x-sql-statements header (SQL_STATS)`);
    counts.push(answer.statements);
  }
  return counts;
}

/**
 * W6: one publishReport on each side. Both must take their report live and log the same thing the
 * app logs: the publication event's content checksum (SHA-256 of the app's JSON of the live
 * content, computed here independently) and the matching revision. Returns the server's statement count.
 */
export async function checkPublish(
  server: RunningServer,
  baseline: RunningServer,
  ids: [string, string],
  token: string,
  client: pg.Client,
): Promise<number> {
  const answers = [await send(server.origin, publishRequest(ids[0], token)), await send(baseline.origin, publishRequest(ids[1], token))];
  answers.forEach((answer, i) => {
    const result = dataOf(answer, `W6 on the ${i ? "baseline" : "server"}`).publishReport as { status?: string };
    if (result?.status !== "PUBLISHED") throw new Error(`W6: the ${i ? "baseline" : "server"} answered ${JSON.stringify(result)}`);
  });
  const { rows } = await client.query(
    `SELECT r.id, r.title, r.subject, r.summary, r.body, r.language, r.firm_id::text AS "firmId",
       array(SELECT analyst_id::text FROM report_analysts WHERE report_id = r.id ORDER BY position) AS "analystIds",
       array(SELECT sector_tag_id::text FROM report_sector_tags WHERE report_id = r.id ORDER BY sector_tag_id) AS "sectorTagIds",
       e.content_checksum AS checksum, e.revision_id AS revision, e.disclaimer_checksum = s.checksum AS "disclaimerLogged",
       (SELECT count(*)::int FROM audit_events a WHERE a.entity_id = r.id::text AND a.action = 'PUBLISH') AS audited
     FROM reports r JOIN publication_events e ON e.report_id = r.id JOIN disclaimer_snapshots s ON s.id = r.disclaimer_id
     WHERE r.id = ANY($1::uuid[]) AND r.status = 'PUBLISHED'`,
    [ids],
  );
  if (rows.length !== 2) throw new Error(`W6: expected two published reports with one publication event each, found ${rows.length}`);
  for (const row of rows) {
    const content = { title: row.title, subject: row.subject, summary: row.summary, body: row.body, language: row.language, firmId: row.firmId, analystIds: row.analystIds, sectorTagIds: row.sectorTagIds };
    const side = row.id === ids[0] ? "server" : "baseline";
    if (row.checksum !== sha256Hex(JSON.stringify(content)) || !row.revision || !row.disclaimerLogged || row.audited !== 1) {
      throw new Error(`W6: the ${side}'s publication of ${row.id} is not logged as the app logs it: ${JSON.stringify({ ...row, body: undefined })}`);
    }
  }
  return answers[0].statements ?? 0;
}
