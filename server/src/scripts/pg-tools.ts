import { spawn } from "node:child_process";

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
