import "reflect-metadata";
import pg from "pg";
import { createDataSource, runMigrations } from "../../server/src/db/data-source";
import { Progress } from "../progress";
import { buildCatalogue, buildReport, type Catalogue, type ReportRow } from "./content";

/** Bump when the generated data changes, so that --reuse does not measure an older dataset. */
const GENERATOR_VERSION = 2;
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

function databaseUrl(serverUrl: string, database: string): string {
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
  await insertRows(
    client,
    "disclaimer_templates",
    { id: "uuid", firmId: "uuid", version: "int", body: "text", effectiveFrom: "timestamptz", checksum: "text" },
    catalogue.templates,
  );
}

/**
 * One batch of reports with everything the app would have written for them: disclaimer snapshots
 * (approved, with reviewer and checksum, for approved and published rows), analysts and tags, the
 * publication log row of each published report, and the first revision of W6 pool reports. One
 * statement: the foreign keys between reports and snapshots are checked at its end, and the
 * database's deferred publish gate checks every published row at commit. Each report's copy of its
 * tag ids, and each link's copy of the publication key, is written as the triggers on
 * report_sector_tags would leave it, so they find nothing to change (or every report would be
 * written twice, and the table bloated by half).
 */
const INSERT_REPORTS = `
  WITH x AS (
    SELECT * FROM json_to_recordset($1::json) AS x(
      id uuid, slug text, title text, subject text, summary text[], body text, status text, version int,
      "publishedAt" timestamptz, "createdAt" timestamptz, "firmId" uuid, "analystIds" uuid[], "tagIds" uuid[],
      "createdById" uuid, "reviewerId" uuid, "snapshotId" uuid, "templateId" uuid, "contentChecksum" text, revision text)
  ),
  reports_in AS (
    INSERT INTO reports (id, slug, title, subject, summary, body, language, status, published_at, version, firm_id,
      disclaimer_id, created_by_id, updated_by_id, created_at, updated_at, sector_tag_ids)
    SELECT id, slug, title, subject, summary, body, 'ko', status, "publishedAt", version, "firmId",
      "snapshotId", "createdById", "createdById", "createdAt", coalesce("publishedAt", "createdAt"),
      ARRAY(SELECT t FROM unnest("tagIds") AS t ORDER BY t)
    FROM x
  ),
  snapshots_in AS (
    INSERT INTO disclaimer_snapshots (id, report_id, template_id, template_version, text, checksum, attached_by_id,
      attached_at, review_status, reviewed_by_id, reviewed_at)
    SELECT x."snapshotId", x.id, t.id, t.version, t.body, t.checksum, x."createdById", x."createdAt",
      CASE WHEN x.status = 'IN_REVIEW' THEN 'PENDING' ELSE 'APPROVED' END,
      CASE WHEN x.status <> 'IN_REVIEW' THEN x."reviewerId" END,
      CASE WHEN x.status <> 'IN_REVIEW' THEN x."createdAt" + interval '1 day' END
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

/**
 * Inserts reports `from`…`to - 1`, generating the next batch while the database writes the last
 * one, so that Node and PostgreSQL each keep a core busy.
 */
async function insertReports(
  client: pg.Client,
  build: (index: number) => ReportRow,
  from: number,
  to: number,
  label: string,
): Promise<void> {
  const progress = new Progress(label, to - from, "reports");
  let pending: Promise<unknown> = Promise.resolve();
  for (let start = from; start < to; start += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, to - start) }, (_, i) => build(start + i));
    const json = JSON.stringify(rows);
    await pending;
    progress.update(start - from);
    pending = client.query(INSERT_REPORTS, [json]);
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
  const dataSource = createDataSource({ url, poolSize: 1, connectTimeoutMs: 10_000, serverSession: null });
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
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
      await phase(phases, "reports (bulk insert, search index dropped)", () =>
        insertReports(client, (i) => buildReport(parameters.seed, catalogue, i, false), 0, parameters.reports, "reports   "),
      );
      await phase(phases, "W6 pool of approved reports", () => topUpPool(client, parameters.seed, catalogue, poolNeeded));
      await phase(phases, "search index (GIN over bigrams and tag ids)", () => createIndex(url, client, definition));
      await phase(phases, "vacuum analyze", () => client.query(`VACUUM (ANALYZE)`));
      await phase(phases, "publish gate check", async () => {
        const { rows: bad } = await client.query(
          `SELECT count(*)::int AS n FROM reports WHERE status IN ('PUBLISHED', 'SCHEDULED') AND rd_live_disclaimer_problem(id) IS NOT NULL`,
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
