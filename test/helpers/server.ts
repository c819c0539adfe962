import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { GraphQLClient } from "graphql-request";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
export const SERVER_ENTRY = path.join(ROOT, "dist/server/src/index.js");

/** Set to run the suite against a PostgreSQL server instead of the embedded database. */
export const SERVER_POSTGRES_URL = process.env.TEST_DATABASE_URL || null;
export const MODE = SERVER_POSTGRES_URL ? "server" : "embedded";
/**
 * On the server, the servers under test run as the runtime role and migrate as the owner of the
 * test database, as production does: two roles without superuser rights, created once by the
 * global setup. The test's own SQL (`TestDatabase.sql`) runs as TEST_DATABASE_URL's user.
 */
export const RUNTIME_ROLE = process.env.TEST_APP_ROLE || "research_desk_app";
export const OWNER_ROLE = process.env.TEST_OWNER_ROLE || "research_desk_owner";

/** `url` with another database and, when given, another user. */
export function databaseUrl(url: string, database: string, user?: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  if (user) {
    next.username = user;
    next.password = "";
  }
  return next.toString();
}

/** Where one test file keeps its data: a fresh DATA_DIR, or a fresh database on the server. */
export interface TestDatabase {
  env: Record<string, string>;
  /** Runs SQL directly, as a superuser (embedded: only while no server runs on it). */
  sql(text: string): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (SERVER_POSTGRES_URL) {
    const name = `rd_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: SERVER_POSTGRES_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} OWNER ${OWNER_ROLE}`);
    await admin.end();
    const superuser = databaseUrl(SERVER_POSTGRES_URL, name);
    return {
      env: {
        DATABASE_URL: databaseUrl(SERVER_POSTGRES_URL, name, RUNTIME_ROLE),
        DATABASE_MIGRATION_URL: databaseUrl(SERVER_POSTGRES_URL, name, OWNER_ROLE),
        DATABASE_APP_ROLE: RUNTIME_ROLE,
      },
      async sql(text) {
        const client = new pg.Client({ connectionString: superuser });
        await client.connect();
        try {
          const result = await client.query(text);
          return (Array.isArray(result) ? result.at(-1) : result).rows;
        } finally {
          await client.end();
        }
      },
      async drop() {
        const client = new pg.Client({ connectionString: SERVER_POSTGRES_URL });
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-test-"));
  return {
    env: { DATA_DIR: dataDir },
    async sql(text) {
      const { PGlite } = await import("@electric-sql/pglite");
      const db = await PGlite.create({ dataDir: path.join(dataDir, "pgdata") });
      try {
        const results = await db.exec(text);
        return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
      } finally {
        await db.close();
      }
    },
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  url: string;
  client: GraphQLClient;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<number | null>;
}

/** Starts the built server on a random port and waits until it listens. */
export async function startServer(database: TestDatabase, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SEED_DEMO: "true", SQL_STATS: "true", ...database.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 90_000);
    const onData = (): void => {
      const match = /listening on (http:\/\/\S+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout!.on("data", onData);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code ?? signal}:\n${output}`));
    });
  });

  return {
    url,
    client: new GraphQLClient(url),
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        // A process killed by a signal has no exit code, only a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once("exit", (code) => resolve(code));
        child.kill("SIGTERM");
      }),
  };
}

/** Runs the server expecting it to fail at start; returns its exit code and output. */
export function runUntilExit(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not exit:\n${output}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * One database and one running server for the calling test file, started before its tests and
 * stopped after them. Read them through the getters once the tests run.
 */
export function serverForThisFile(env: Record<string, string> = {}): { db: () => TestDatabase; server: () => RunningServer } {
  let db: TestDatabase | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer(db, env);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });
  return { db: () => db!, server: () => server! };
}

/**
 * SQL as the role the server runs as: on the server, the runtime role; embedded, the one user (the
 * server must be stopped first, since PGlite has one session).
 */
export async function runtimeSql(db: TestDatabase, text: string): Promise<void> {
  if (MODE === "embedded") {
    await db.sql(text);
    return;
  }
  const client = new pg.Client({ connectionString: db.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
