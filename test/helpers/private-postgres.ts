import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const BIN = "/usr/lib/postgresql/15/bin";

/** Whether a private PostgreSQL can be made here; CI sets REQUIRE_FAULT_TESTS=1 so it never skips. */
export function privatePostgresAvailable(): boolean {
  const ok = process.getuid?.() === 0 && fs.existsSync(path.join(BIN, "initdb"));
  if (ok) return true;
  if (process.env.REQUIRE_FAULT_TESTS === "1") throw new Error("REQUIRE_FAULT_TESTS=1 but initdb or root is missing");
  console.log(`Fault tests skipped: they need root and ${BIN}/initdb to run a private PostgreSQL.`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (command: string, args: string[]): string =>
  execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args], { encoding: "utf8", stdio: "pipe" });

/**
 * A PostgreSQL of the test's own (initdb into a temporary folder, its own port), which the test may
 * stop and start: never the shared server.
 */
export async function createPrivatePostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-pg-"));
  fs.chownSync(dir, Number(execFileSync("id", ["-u", "postgres"]).toString().trim()), Number(execFileSync("id", ["-g", "postgres"]).toString().trim()));
  const data = path.join(dir, "data");
  asPostgres("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = (): void => void asPostgres("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  const stop = (): void => void asPostgres("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy(): void {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
