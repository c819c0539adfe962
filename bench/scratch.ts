import pg from "pg";
import { databaseUrl, prepareDataset } from "./seed/seed";

/** One statement on its own connection (CREATE DATABASE cannot run in a connection that is reused). */
export async function runSql(url: string, statement: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(statement, params)).rows;
  } finally {
    await client.end();
  }
}

export interface ScratchCopy {
  database: string;
  url: string;
  /** How long PostgreSQL took to copy the dataset. */
  seconds: number;
  drop(): Promise<void>;
}

/**
 * A copy of a seeded bench database for a bench that writes (renewals, publishes), so that the
 * dataset itself stays as it was for the next run.
 */
export async function copyDataset(serverUrl: string, source: string, suffix: string): Promise<ScratchCopy> {
  const database = `${source}_${suffix}`;
  await runSql(serverUrl, `DROP DATABASE IF EXISTS ${database}`);
  const started = performance.now();
  await runSql(serverUrl, `CREATE DATABASE ${database} TEMPLATE ${source}`);
  return {
    database,
    url: databaseUrl(serverUrl, database),
    seconds: (performance.now() - started) / 1000,
    drop: async () => {
      await runSql(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

/**
 * A copy of a seeded dataset with at least `poolNeeded` approved reports for publishing: the pool
 * is topped up in the source (under its own seed) before the copy is made.
 */
export async function copyWithPool(serverUrl: string, source: string, suffix: string, poolNeeded: number): Promise<{ scratch: ScratchCopy; pool: string[] }> {
  const [marker] = await runSql(databaseUrl(serverUrl, source), `SELECT reports, seed FROM bench_dataset`);
  const dataset = await prepareDataset(serverUrl, source, { reports: marker.reports as number, seed: marker.seed as number }, true, poolNeeded);
  const scratch = await copyDataset(serverUrl, source, suffix);
  console.error(`copied ${source} to ${scratch.database} in ${scratch.seconds.toFixed(1)} s`);
  return { scratch, pool: dataset.pool.slice(0, poolNeeded) };
}
