import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pgDumpMismatch } from "../server/src/scripts/pg-tools";
import { SERVER_POSTGRES_URL } from "./helpers/server";

const backupScript = path.resolve(__dirname, "../dist/server/src/scripts/backup.js");
const CONTAINER_BACKUP = "docker compose exec -T db pg_dump -Fc -U research_desk research_desk > research-desk.dump";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rd-backup-versions-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** `npm run backup` in server mode, with only `bin` on the PATH (where its pg_dump comes from). */
function backup(bin: string, databaseUrl: string): Promise<{ code: number | null; output: string; out: string }> {
  const out = path.join(scratch, `backup-${Date.now()}.dump`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [backupScript, "--out", out], { env: { ...process.env, PATH: bin, DATABASE_URL: databaseUrl } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output, out }));
  });
}

describe("pg_dump's version against the server's", () => {
  it("accepts a pg_dump of the server's major version or a newer one", () => {
    expect(pgDumpMismatch("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n", 150020)).toBeNull();
    expect(pgDumpMismatch("pg_dump (PostgreSQL) 17.2\n", 150020)).toBeNull();
    expect(pgDumpMismatch("pg_dump (PostgreSQL) 9.6.24\n", 90624)).toBeNull();
  });

  it("refuses an older one, naming both versions and the database container's pg_dump", () => {
    const message = pgDumpMismatch("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n", 170002);
    expect(message).toMatch(/^pg_dump here is version 15 and the database server is PostgreSQL 17: pg_dump cannot dump a newer server\./);
    expect(message).toContain(CONTAINER_BACKUP);
  });

  it("leaves an output it cannot read to pg_dump", () => {
    expect(pgDumpMismatch("pg_dump: unknown", 170002)).toBeNull();
  });

  it("npm run backup says what to run when this machine has no pg_dump", async () => {
    const empty = fs.mkdtempSync(path.join(scratch, "bin-"));
    // Never reached: the missing pg_dump is found before any connection.
    const { code, output, out } = await backup(empty, "postgres://nobody@127.0.0.1:1/nothing");
    expect(code).toBe(1);
    expect(output.trim()).toBe(`backup: pg_dump is not installed here. Install the PostgreSQL client of the server's version, or run the one in the database container (Compose): ${CONTAINER_BACKUP}`);
    expect(fs.existsSync(out) || fs.existsSync(`${out}.partial`)).toBe(false);
  });

  it.runIf(SERVER_POSTGRES_URL)("npm run backup stops before dumping when its pg_dump is older than the server", async () => {
    // A pg_dump older than any server these tests run on; asked for anything but its version, it leaves a mark.
    const bin = fs.mkdtempSync(path.join(scratch, "bin-"));
    const dumped = path.join(bin, "dumped");
    fs.writeFileSync(
      path.join(bin, "pg_dump"),
      `#!/bin/sh\nif [ "$1" = --version ]; then echo "pg_dump (PostgreSQL) 9.6.24"; exit 0; fi\ntouch "${dumped}"; exit 1\n`,
      { mode: 0o755 },
    );
    const { code, output, out } = await backup(bin, SERVER_POSTGRES_URL!);
    expect(code).toBe(1);
    expect(output).toMatch(/^backup: pg_dump here is version 9 and the database server is PostgreSQL 1\d: pg_dump cannot dump a newer server\. Install pg_dump 1\d or newer here/);
    expect(output).toContain(CONTAINER_BACKUP);
    expect(fs.existsSync(dumped)).toBe(false);
    expect(fs.existsSync(out) || fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
