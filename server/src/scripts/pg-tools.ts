import { execFile, spawn } from "node:child_process";
import pg from "pg";

/**
 * Runs pg_dump or pg_restore against `databaseUrl`. The password travels in PGPASSWORD, never on
 * the command line, where every user of the machine could read it.
 */
export function runPgTool(command: "pg_dump" | "pg_restore", args: string[], databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(command, [`--dbname=${url}`, ...args], { stdio: ["ignore", "inherit", "inherit"], env });
    child.on("error", (error) => reject(new Error(`cannot run ${command}: ${error.message}`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (exit code ${code})`))));
  });
}

/** The backup that works whatever pg_dump this machine has: the one in the Compose file's database container. */
export const CONTAINER_BACKUP = "docker compose exec -T db pg_dump -Fc -U research_desk research_desk > research-desk.dump";

/**
 * Why `pg_dump --version` (its output) cannot dump a server of `serverVersionNum`
 * (`SHOW server_version_num`), or null when it can. pg_dump refuses a server of a newer major
 * version, with a message that does not say what to do; this one does. An output that does not
 * parse is left to pg_dump itself.
 */
export function pgDumpMismatch(versionOutput: string, serverVersionNum: number): string | null {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionOutput);
  if (!match) return null;
  const dumpMajor = Number(match[1]);
  // 170002 is 17.2; before version 10 the major was two numbers (90624 is 9.6), and 9 compares the same.
  const serverMajor = Math.floor(serverVersionNum / 10_000);
  if (dumpMajor >= serverMajor) return null;
  return (
    `pg_dump here is version ${dumpMajor} and the database server is PostgreSQL ${serverMajor}: pg_dump cannot dump a newer server. ` +
    `Install pg_dump ${serverMajor} or newer here, or run the one in the database container, ` +
    `which always matches it (Compose): ${CONTAINER_BACKUP} (the README's "Deploying" has its restore)`
  );
}

/** Fails with what to do instead when this machine's pg_dump is missing or older than the server. */
export async function checkPgDump(databaseUrl: string): Promise<void> {
  const versionOutput = await new Promise<string>((resolve, reject) =>
    execFile("pg_dump", ["--version"], (error, stdout) => {
      if (!error) resolve(stdout);
      else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(new Error(`pg_dump is not installed here. Install the PostgreSQL client of the server's version, or run the one in the database container (Compose): ${CONTAINER_BACKUP}`));
      } else reject(new Error(`cannot run pg_dump --version: ${error.message}`));
    }),
  );
  const client = new pg.Client({ connectionString: databaseUrl });
  let serverVersionNum: number;
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    serverVersionNum = Number(rows[0].server_version_num);
  } catch (error) {
    throw new Error(`cannot reach the database: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const mismatch = pgDumpMismatch(versionOutput, serverVersionNum);
  if (mismatch) throw new Error(mismatch);
}
