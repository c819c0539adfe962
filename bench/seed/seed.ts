import "reflect-metadata";
import pg from "pg";
import { createDataSource, runMigrations } from "../../server/src/db/data-source";
import { entities } from "../../server/src/modules/entities";
import { Progress } from "../progress";
import { buildCatalogue, buildReport, type Catalogue, type ReportRow } from "./content";

/** Bump when the generated data changes, so that --reuse does not measure an older dataset. */
const GENERATOR_VERSION = 3;
const BATCH = 500;
/** The GIN build keeps its entries in memory up to this much before it writes them out. */
const INDEX_BUILD_MEMORY = "1GB";

export interface SeedParameters {
  reports: number;
  seed: number;
}

export interface Dataset {
  /** The bench's own database on the server (dropped and re-created when seeding). */
  database: string;
  url: string;
  parameters: SeedParameters;
  reused: boolean;
  /** Seconds per seeding phase (empty when the dataset was reused). */
  phases: Record<string, number>;
  counts: Record<string, number>;
  sizes: { reportsTable: string; searchIndex: string; database: string };
  /** Approved reports kept for W6, oldest first. */
  pool: string[];
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: "research-desk-bench" });
  await client.connect();
  return client;
}

/** Times one phase, prints it, and records it. */
async function phase<T>(phases: Record<string, number>, name: string, run: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const result = await run();
  phases[name] = (Date.now() - started) / 1000;
  console.error(`  ${name}: ${phases[name].toFixed(1)} s`);
  return result;
}

/** INSERT … SELECT FROM json_to_recordset: one statement for many rows, typed in SQL. */
async function insertRows(client: pg.Client, table: string, columns: Record<string, string>, rows: object[]): Promise<void> {
  const names = Object.keys(columns);
  const record = names.map((c) => `"${c}" ${columns[c]}`).join(", ");
  const target = names.map((c) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)).join(", ");
  await client.query(
    `INSERT INTO ${table} (${target}) SELECT ${names.map((c) => `"${c}"`).join(", ")} FROM json_to_recordset($1::json) AS x(${record})`,
    [JSON.stringify(rows)],
  );
}

const TEMPLATE_COLUMNS = { id: "uuid", firmId: "uuid", version: "int", body: "text", effectiveFrom: "timestamptz", checksum: "text" };

async function insertCatalogue(client: pg.Client, catalogue: Catalogue): Promise<void> {
  await insertRows(client, "users", { id: "uuid", email: "text", name: "text", role: "text" }, catalogue.users);
  await insertRows(client, "firms", { id: "uuid", slug: "text", name: "text", nameEn: "text", website: "text" }, catalogue.firms);
  await insertRows(
    client,
    "analysts",
    { id: "uuid", slug: "text", name: "text", nameEn: "text", title: "text", email: "text", firmId: "uuid" },
    catalogue.analysts,
  );
  await insertRows(client, "sector_tags", { id: "uuid", slug: "text", name: "text", nameEn: "text" }, catalogue.tags);
  // Later versions come after the reports published under the first (see prepareDataset).
  await insertRows(client, "disclaimer_templates", TEMPLATE_COLUMNS, catalogue.templates.filter((t) => t.version === 1));
}

/**
 * One batch of reports with everything the app would have written for them, in the order the
 * workflow writes it, since the database's triggers hold the bulk load to the same rules: reports
 * that will be approved or published are inserted IN_REVIEW with a PENDING disclaimer snapshot,
 * then a reviewer other than the author approves the snapshots (the database records the content
 * checksum), then the reports take their final status, and the publish gate checks each published
 * row at commit. Analysts, tags, the publication log row of each published report and the first
 * revision of W6 pool reports go with the insert. Each report's copy of its tag ids, and each
 * link's copy of the publication key, is written as the triggers on report_sector_tags would leave
 * it, so they find nothing to change.
 */
const INSERT_REPORTS = `
  WITH x AS (
    SELECT * FROM json_to_recordset($1::json) AS x(
      id uuid, slug text, title text, subject text, summary text[], body text, status text, version int,
      "publishedAt" timestamptz, "createdAt" timestamptz, "firmId" uuid, "analystIds" uuid[], "tagIds" uuid[],
      "createdById" uuid, "snapshotId" uuid, "templateId" uuid, "contentChecksum" text, revision text)
  ),
  reports_in AS (
    INSERT INTO reports (id, slug, title, subject, summary, body, language, status, published_at, version, firm_id,
      disclaimer_id, created_by_id, updated_by_id, created_at, updated_at, sector_tag_ids)
    SELECT id, slug, title, subject, summary, body, 'ko', CASE WHEN status IN ('APPROVED', 'PUBLISHED') THEN 'IN_REVIEW' ELSE status END,
      "publishedAt", version, "firmId", "snapshotId", "createdById", "createdById", "createdAt", coalesce("publishedAt", "createdAt"),
      ARRAY(SELECT t FROM unnest("tagIds") AS t ORDER BY t)
    FROM x
  ),
  snapshots_in AS (
    INSERT INTO disclaimer_snapshots (id, report_id, template_id, template_version, text, checksum, attached_by_id, attached_at)
    SELECT x."snapshotId", x.id, t.id, t.version, t.body, t.checksum, x."createdById", x."createdAt"
    FROM x JOIN disclaimer_templates t ON t.id = x."templateId"
  ),
  analysts_in AS (
    INSERT INTO report_analysts (report_id, analyst_id, position)
    SELECT x.id, a.id, a.n - 1 FROM x, unnest(x."analystIds") WITH ORDINALITY AS a(id, n)
  ),
  tags_in AS (
    INSERT INTO report_sector_tags (report_id, sector_tag_id, publication_key)
    SELECT x.id, t.id, coalesce(x."publishedAt", 'infinity') FROM x, unnest(x."tagIds") AS t(id)
  ),
  revisions_in AS (
    INSERT INTO report_revisions (report_id, number, content, created_by_id, created_at)
    SELECT x.id, 1, x.revision::jsonb, x."createdById", x."createdAt" FROM x WHERE x.revision IS NOT NULL
  ),
  events_in AS (
    INSERT INTO publication_events (report_id, event, content_checksum, disclaimer_checksum, at)
    SELECT x.id, 'WENT_LIVE', x."contentChecksum", t.checksum, x."publishedAt"
    FROM x JOIN disclaimer_templates t ON t.id = x."templateId" WHERE x.status = 'PUBLISHED'
  )
  SELECT count(*)::int AS n FROM x`;

const APPROVE_SNAPSHOTS = `
  UPDATE disclaimer_snapshots s SET review_status = 'APPROVED', reviewed_by_id = a.reviewer
  FROM unnest($1::uuid[], $2::uuid[]) AS a(id, reviewer) WHERE s.id = a.id`;

const FINAL_STATUS = `
  UPDATE reports r SET status = f.status FROM unnest($1::uuid[], $2::text[]) AS f(id, status) WHERE r.id = f.id`;

/** One batch in one transaction, so that the deferred publish gate checks it at commit. */
async function insertBatch(client: pg.Client, rows: ReportRow[]): Promise<void> {
  const reviewed = rows.filter((r) => r.status === "APPROVED" || r.status === "PUBLISHED");
  await client.query("BEGIN");
  try {
    await client.query(INSERT_REPORTS, [JSON.stringify(rows)]);
    await client.query(APPROVE_SNAPSHOTS, [reviewed.map((r) => r.snapshotId), reviewed.map((r) => r.reviewerId)]);
    await client.query(FINAL_STATUS, [reviewed.map((r) => r.id), reviewed.map((r) => r.status)]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * Inserts the reports `build` makes for `from`…`to - 1` (it returns null for those to leave out),
 * generating the next batch while the database writes the last one, so that Node and PostgreSQL
 * each keep a core busy.
 */
async function insertReports(
  client: pg.Client,
  build: (index: number) => ReportRow | null,
  from: number,
  to: number,
  label: string,
): Promise<void> {
  const progress = new Progress(label, to - from, "reports");
  let pending: Promise<unknown> = Promise.resolve();
  for (let i = from; i < to; ) {
    const rows: ReportRow[] = [];
    for (; i < to && rows.length < BATCH; i++) {
      const row = build(i);
      if (row) rows.push(row);
    }
    await pending;
    progress.update(i - from);
    if (rows.length) pending = insertBatch(client, rows);
  }
  await pending;
  progress.update(to - from);
  progress.done();
}

/** Builds the search index with the definition the migration created (read back from the database). */
async function createIndex(url: string, client: pg.Client, definition: string): Promise<void> {
  const monitor = await connect(url);
  const { rows: me } = await client.query(`SELECT pg_backend_pid() AS pid`);
  // PostgreSQL reports how much of the table the build has scanned; the total is known once it starts.
  let progress = null as Progress | null;
  const poll = setInterval(() => {
    void monitor
      .query(`SELECT blocks_total, blocks_done FROM pg_stat_progress_create_index WHERE pid = $1`, [me[0].pid])
      .then(({ rows }) => {
        if (!rows[0]?.blocks_total) return;
        progress ??= new Progress("search index", Number(rows[0].blocks_total), "table blocks");
        progress.update(Number(rows[0].blocks_done));
      })
      .catch(() => {});
  }, 1_000);
  try {
    await client.query(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
    await client.query(definition);
    await client.query(`RESET maintenance_work_mem`);
  } finally {
    clearInterval(poll);
    progress?.done();
    await monitor.end();
  }
}

async function markerMatches(client: pg.Client, parameters: SeedParameters): Promise<boolean> {
  const { rows } = await client.query(`SELECT to_regclass('bench_dataset') IS NOT NULL AS present`);
  if (!rows[0].present) return false;
  const marker = await client.query(`SELECT reports, seed, generator FROM bench_dataset`);
  const m = marker.rows[0];
  return Boolean(m) && m.reports === parameters.reports && m.seed === parameters.seed && m.generator === GENERATOR_VERSION;
}

async function databaseExists(serverUrl: string, database: string): Promise<boolean> {
  const admin = await connect(serverUrl);
  try {
    const { rows } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

async function recreateDatabase(serverUrl: string, database: string): Promise<void> {
  const admin = await connect(serverUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
}

/** The app's own migration runner, exactly as the server runs it at start-up. */
async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ url, entities, poolSize: 1, connectTimeoutMs: 10_000, serverSession: null });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, null);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Makes sure at least `needed` approved reports wait for W6: the pool is used up by each run
 * (published reports never go back), so a reused dataset gets new ones.
 */
async function topUpPool(client: pg.Client, seed: number, catalogue: Catalogue, needed: number): Promise<string[]> {
  const available = async (): Promise<string[]> =>
    (
      await client.query(
        `SELECT p.report_id AS id FROM bench_pool p JOIN reports r ON r.id = p.report_id WHERE r.status = 'APPROVED' ORDER BY p.n`,
      )
    ).rows.map((r: { id: string }) => r.id);
  const have = await available();
  if (have.length >= needed) return have;
  const { rows } = await client.query(`SELECT coalesce(max(n) + 1, 0)::int AS next FROM bench_pool`);
  const from: number = rows[0].next;
  const to = from + needed - have.length;
  const ids: string[] = [];
  await insertReports(client, (i) => {
    const report = buildReport(seed, catalogue, i, true);
    ids.push(report.id);
    return report;
  }, from, to, "W6 pool   ");
  await client.query(`INSERT INTO bench_pool (n, report_id) SELECT $1 + i - 1, id FROM unnest($2::uuid[]) WITH ORDINALITY AS p(id, i)`, [
    from,
    ids,
  ]);
  return available();
}

async function describe(client: pg.Client): Promise<Pick<Dataset, "counts" | "sizes">> {
  const { rows } = await client.query(`SELECT status, count(*)::int AS n FROM reports GROUP BY status ORDER BY status`);
  const counts: Record<string, number> = Object.fromEntries(rows.map((r: { status: string; n: number }) => [r.status, r.n]));
  const sizes = await client.query(
    `SELECT pg_size_pretty(pg_total_relation_size('reports')) AS "reportsTable",
            pg_size_pretty(pg_relation_size('reports_search_idx')) AS "searchIndex",
            pg_size_pretty(pg_database_size(current_database())) AS database`,
  );
  return { counts, sizes: sizes.rows[0] };
}

/**
 * The bench database with `reports` reports, seeded unless --reuse finds one made with the same
 * parameters. Bulk SQL, not the app's services (far too slow at 100,000 rows), but with every
 * trigger of the schema in force: the publish gate checks each published row as it commits.
 */
export async function prepareDataset(
  serverUrl: string,
  database: string,
  parameters: SeedParameters,
  reuse: boolean,
  poolNeeded: number,
): Promise<Dataset> {
  const url = databaseUrl(serverUrl, database);
  const catalogue = buildCatalogue(parameters.seed);
  const phases: Record<string, number> = {};
  let reused = false;
  if (reuse && (await databaseExists(serverUrl, database))) {
    const probe = await connect(url);
    reused = await markerMatches(probe, parameters);
    await probe.end();
    // Seeding 1,000,000 reports takes an hour: --reuse never drops a dataset it cannot use.
    if (!reused) {
      throw new Error(
        `${database} was not seeded with these parameters and generator version ${GENERATOR_VERSION}; ` +
          `run without --reuse to seed it again, or name another --database`,
      );
    }
  }
  console.error(reused ? `Reusing ${database} (${parameters.reports} reports, seed ${parameters.seed}).` : `Seeding ${database}:`);

  if (!reused) {
    await phase(phases, "create database", () => recreateDatabase(serverUrl, database));
    await phase(phases, "migrations", () => migrate(url));
  }
  const client = await connect(url);
  try {
    if (!reused) {
      await phase(phases, "firms, analysts, tags, users, disclaimers", async () => {
        await insertCatalogue(client, catalogue);
        await client.query(`CREATE TABLE bench_pool (n int PRIMARY KEY, report_id uuid NOT NULL REFERENCES reports (id))`);
      });
      // The search index is built once after the load (with the definition the migration created,
      // read back from the database). rd_bigrams() dominates either way: on 2,400 reports this was
      // 5% faster than inserting with the index in place, and it keeps the load phase short.
      const { rows } = await client.query(`SELECT pg_get_indexdef('reports_search_idx'::regclass) AS definition`);
      const definition: string = rows[0].definition;
      await client.query(`DROP INDEX reports_search_idx`);
      // In the order they went live: the gate takes a report live only with its firm's current
      // disclaimer, so the reports carrying first versions go in before the later versions exist.
      const firstVersions = new Set(catalogue.templates.filter((t) => t.version === 1).map((t) => t.id));
      const later: number[] = [];
      await phase(phases, "reports under first disclaimer versions (search index dropped)", () =>
        insertReports(client, (i) => {
          const report = buildReport(parameters.seed, catalogue, i, false);
          if (report.templateId === null || firstVersions.has(report.templateId)) return report;
          later.push(i);
          return null;
        }, 0, parameters.reports, "reports v1"),
      );
      await phase(phases, "reports under later versions", async () => {
        await insertRows(client, "disclaimer_templates", TEMPLATE_COLUMNS, catalogue.templates.filter((t) => t.version > 1));
        await insertReports(client, (k) => buildReport(parameters.seed, catalogue, later[k], false), 0, later.length, "reports v2");
      });
      // Each approved or published report was written twice (IN_REVIEW, then its final status):
      // rewritten compactly before the search index is built, so reads meet no dead rows.
      await phase(phases, "vacuum full reports", () => client.query(`VACUUM FULL reports`));
      await phase(phases, "W6 pool of approved reports", () => topUpPool(client, parameters.seed, catalogue, poolNeeded));
      await phase(phases, "search index (GIN over bigrams and tag ids)", () => createIndex(url, client, definition));
      await phase(phases, "vacuum analyze", () => client.query(`VACUUM (ANALYZE)`));
      await phase(phases, "publish gate check", async () => {
        const { rows: bad } = await client.query(
          `SELECT count(*)::int AS n FROM reports r, rd_live_gate_problem(r.id, false) p
           WHERE r.status IN ('PUBLISHED', 'SCHEDULED') AND p.sqlstate IS NOT NULL`,
        );
        if (bad[0].n !== 0) throw new Error(`${bad[0].n} published reports fail the publish gate`);
      });
      await client.query(
        `CREATE TABLE bench_dataset (reports int NOT NULL, seed int NOT NULL, generator int NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now(), phases jsonb)`,
      );
      await client.query(`INSERT INTO bench_dataset (reports, seed, generator, phases) VALUES ($1, $2, $3, $4)`, [
        parameters.reports,
        parameters.seed,
        GENERATOR_VERSION,
        JSON.stringify(phases),
      ]);
    }
    const pool = await topUpPool(client, parameters.seed, catalogue, poolNeeded);
    return { database, url, parameters, reused, phases, pool, ...(await describe(client)) };
  } finally {
    await client.end();
  }
}
