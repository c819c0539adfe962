// `npm run restore -- <file> [--force]`, with the servers stopped. With DATABASE_URL: pg_restore
// into that database (meant to be a new, empty one), as the schema owner (DATABASE_MIGRATION_URL). Otherwise the archive of GET /backup is
// loaded into DATA_DIR with PGlite's loadDataDir.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { loadConfig } from "../config";
import { lockDataDir } from "../db/embedded/data-dir-lock";
import { pgdataOf } from "../db/embedded/embedded-database";
import { runPgTool } from "./pg-tools";
import { runScript } from "./run-script";

async function restoreServer(file: string, databaseUrl: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number; servers: number }>(
      `SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')::int AS tables,
              (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'research-desk')::int AS servers`,
    );
    if (rows[0].servers > 0) throw new Error(`${rows[0].servers} Research Desk connection(s) are open on this database: stop the servers first`);
    if (rows[0].tables > 0 && !force) throw new Error("the database is not empty: restore into a new database, or pass --force to replace its contents");
  } finally {
    await client.end();
  }
  // Grants are left out, so a dump restores whichever roles the target cluster has: the next server
  // start grants the runtime role its privileges again.
  await runPgTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", file], databaseUrl);
}

async function restoreEmbedded(file: string, dataDir: string, force: boolean): Promise<void> {
  const unlock = lockDataDir(dataDir); // refuses while a server runs on DATA_DIR
  try {
    const target = pgdataOf(dataDir);
    if (fs.existsSync(path.join(target, "PG_VERSION")) && !force) {
      throw new Error(`${dataDir} already holds a database: restore into a new DATA_DIR, or pass --force to replace it`);
    }
    // Loaded beside the current database and swapped in at the end: a failed restore changes nothing.
    const staging = `${target}.restoring`;
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      const db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([fs.readFileSync(file)]) });
      try {
        await db.query("SELECT FROM reports LIMIT 1"); // the archive holds a Research Desk database
      } finally {
        await db.close();
      }
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
  } finally {
    unlock();
  }
}

runScript("restore", async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
  if (positionals.length !== 1) throw new Error("usage: npm run restore -- <file> [--force]");
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const config = loadConfig();
  const started = Date.now();
  if (config.databaseMigrationUrl) await restoreServer(file, config.databaseMigrationUrl, values.force);
  else await restoreEmbedded(file, config.dataDir, values.force);
  console.log(`restore: restored ${file} in ${Date.now() - started} ms`);
});
