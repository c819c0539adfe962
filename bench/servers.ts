import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const DIST = path.resolve(__dirname, "..");
export const SERVER_ENTRY = path.join(DIST, "server/src/index.js");
export const BASELINE_ENTRY = path.join(DIST, "bench/baseline.js");

/** The staff account the bench signs in with (W5, W6); created by the server from ADMIN_EMAIL/ADMIN_PASSWORD. */
export const BENCH_ADMIN = { email: "bench-admin@bench.example", password: "bench-admin-password-not-secret" };

export interface RunningServer {
  name: string;
  /** Origin, e.g. http://127.0.0.1:41234 */
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a process that prints "listening on http://…/graphql" when ready, and waits for that line. */
function start(name: string, entry: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, entry], {
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s:\n${output}`)), 60_000);
    const onExit = (code: number | null): void => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    };
    const onOutput = (): void => {
      const match = /listening on http:\/\/[^:]+:(\d+)\/graphql/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      child.stdout!.off("data", onOutput);
      child.stdout!.off("data", collect);
      child.stderr!.off("data", collect);
      // Errors a server logs while measured would otherwise go unseen.
      child.stderr!.on("data", (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk.toString()}`));
      child.stdout!.resume();
      resolve({
        name,
        origin: `http://127.0.0.1:${match[1]}`,
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    };
    child.once("exit", onExit);
    child.stdout!.on("data", onOutput);
  });
}

export interface ServerSettings {
  databaseUrl: string;
  poolSize: number;
}

export interface AppServerMode {
  responseCache: boolean;
  /** Statement counts in a response header: they cost every request an async context. */
  sqlStats: boolean;
  /** With bench/profile-hook.js preloaded: SIGUSR2 starts and stops a CPU profile written here. */
  profileDir?: string;
  /** More settings (e.g. WEBHOOK_SECRET_KEY). */
  env?: Record<string, string>;
}

/** The real server as production runs it (optionally counting statements). */
export function startAppServer(settings: ServerSettings, mode: AppServerMode): Promise<RunningServer> {
  return start(mode.responseCache ? "server (cache)" : "server", SERVER_ENTRY, {
    NODE_ENV: "production",
    SQL_STATS: mode.sqlStats ? "1" : "0",
    DATABASE_URL: settings.databaseUrl,
    DATABASE_POOL_SIZE: String(settings.poolSize),
    SEED_DEMO: "false",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    RESPONSE_CACHE: mode.responseCache ? "on" : "off",
    LOG_LEVEL: "warn",
    ...profiled(mode.profileDir).env,
    ...mode.env,
  }, profiled(mode.profileDir).nodeArgs);
}

/** With bench/profile-hook.js preloaded when a profile directory is given. */
function profiled(profileDir: string | undefined): { env: Record<string, string>; nodeArgs: string[] } {
  if (!profileDir) return { env: {}, nodeArgs: [] };
  return { env: { PROFILE_DIR: profileDir }, nodeArgs: ["--require", path.join(DIST, "bench/profile-hook.js")] };
}

export function startBaseline(settings: ServerSettings, profileDir?: string): Promise<RunningServer> {
  const { env, nodeArgs } = profiled(profileDir);
  return start("baseline", BASELINE_ENTRY, { DATABASE_URL: settings.databaseUrl, DATABASE_POOL_SIZE: String(settings.poolSize), ...env }, nodeArgs);
}
