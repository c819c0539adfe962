import path from "node:path";
import { parseSecretKey } from "./kernel/secret-box";
import { DEFAULT_RETRY_SCHEDULE } from "./modules/webhook/retry-schedule";

export interface Config {
  port: number;
  host: string;
  /** Server PostgreSQL, as the runtime role; absent means the embedded PGlite database under `dataDir`. */
  databaseUrl: string | null;
  /** The schema owner, for migrations at start-up and restores only; defaults to `databaseUrl`. */
  databaseMigrationUrl: string | null;
  /** The role migrations grant the runtime privileges to, when it exists. */
  databaseAppRole: string;
  dataDir: string;
  databasePoolSize: number;
  /** How long a request waits for a pooled connection, and (server PostgreSQL) for one statement. */
  databaseTimeouts: { connectMs: number; statementMs: number; idleInTransactionMs: number };
  seedDemo: boolean;
  production: boolean;
  /** How long browsers and CDNs may keep an anonymous read (Cache-Control max-age); 0 = never. */
  cacheMaxAgeSeconds: number;
  /** The in-process cache of anonymous reads (off by default), bounded in memory. */
  responseCache: { enabled: boolean; maxBytes: number };
  /** Adds an `x-sql-statements` header to every response (tests and benchmarks). */
  sqlStats: boolean;
  /** Where clients reach this service (no trailing slash): image URLs in report bodies are made absolute under it. */
  publicUrl: string | null;
  /** The in-process cache of image bytes, bounded in memory. */
  imageCache: { maxBytes: number };
  sessionTtlHours: number;
  /** Ensured to exist as an admin at start when both are set. */
  adminEmail: string | null;
  adminPassword: string | null;
  /** Believe X-Forwarded-For/-Proto from a reverse proxy. */
  trustProxy: boolean;
  /** How often the scheduler looks for due reports. */
  schedulerIntervalMs: number;
  /** The report event stream (GET /events): open streams per instance, and the heartbeat. */
  events: { maxConnections: number; heartbeatMs: number };
  webhooks: {
    /** Seals endpoint secrets; null: the embedded mode keeps one under DATA_DIR, a server has no webhooks. */
    secretKey: Buffer | null;
    /** Seconds to wait after each failed attempt. */
    retrySchedule: readonly number[];
    logDays: number;
    /** Host names and addresses production may deliver to although they are loopback or private. */
    allowedHosts: ReadonlySet<string>;
    /** Attempts in flight at once per instance. */
    concurrency: number;
  };
  /** Failed sign-ins allowed per account and per client address within the window. */
  loginLimits: { perAccount: number; perIp: number; windowSeconds: number };
  limits: {
    depth: number;
    aliases: number;
    directives: number;
    tokens: number;
    cost: number;
    /** Request bodies, in bytes: small for anonymous clients, larger for signed-in staff. */
    anonymousBody: number;
    staffBody: number;
  };
}

export class ConfigError extends Error {}

function integer(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function decimal(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a number between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${process.env[name]}"`);
}

function secretKey(name: string): Buffer | null {
  const raw = process.env[name]?.trim();
  if (!raw) return null;
  try {
    return parseSecretKey(raw);
  } catch (error) {
    throw new ConfigError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Comma-separated seconds, each from 0.1 s to a week. */
function seconds(name: string, fallback: readonly number[]): readonly number[] {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const values = raw.split(",").map((part) => Number(part.trim()));
  if (values.some((v) => !Number.isFinite(v) || v < 0.1 || v > 7 * 86_400)) {
    throw new ConfigError(`${name} must be comma-separated seconds (0.1 to 604800 each), such as 5,30,120; got "${raw}"`);
  }
  return values;
}

const names = (name: string): ReadonlySet<string> =>
  new Set((process.env[name] ?? "").split(",").map((part) => part.trim().toLowerCase()).filter(Boolean));

/**
 * An absolute http(s) URL without a trailing slash, query or credentials. It is written into HTML
 * attributes, so characters that could end or escape one are refused.
 */
function publicUrl(name: string): string | null {
  const raw = process.env[name]?.trim();
  if (!raw) return null;
  const refuse = (): never => {
    throw new ConfigError(`${name} must be an absolute http(s) URL such as https://research.example.com, got "${raw}"`);
  };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse();
  }
  if (!["http:", "https:"].includes(url.protocol) || url.username || url.password || url.search || url.hash) refuse();
  const clean = url.toString().replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s"'<>&\\`?#]+$/.test(clean)) refuse();
  return clean;
}

/** A role name as PostgreSQL stores it unquoted, since it is written into GRANT statements. */
function roleName(name: string, fallback: string): string {
  const raw = process.env[name]?.trim() || fallback;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) {
    throw new ConfigError(`${name} must be a lower-case role name (letters, digits, _), got "${raw}"`);
  }
  return raw;
}

export function loadConfig(): Config {
  const databaseUrl = process.env.DATABASE_URL?.trim() || null;
  const databaseMigrationUrl = process.env.DATABASE_MIGRATION_URL?.trim() || null;
  if (databaseMigrationUrl && !databaseUrl) throw new ConfigError("DATABASE_MIGRATION_URL needs DATABASE_URL (the runtime role) too");
  // A retraction reaches cached clients within this time, so it stays short.
  const cacheMaxAgeSeconds = integer("CACHE_MAX_AGE", 30, 0, 60);
  const responseCacheEnabled = flag("RESPONSE_CACHE", false);
  if (responseCacheEnabled && cacheMaxAgeSeconds === 0) {
    throw new ConfigError("RESPONSE_CACHE needs CACHE_MAX_AGE above 0: it keeps answers for that long");
  }
  return {
    port: integer("PORT", 4000, 0, 65535),
    host: process.env.HOST?.trim() || "0.0.0.0",
    databaseUrl,
    databaseMigrationUrl: databaseMigrationUrl ?? databaseUrl,
    databaseAppRole: roleName("DATABASE_APP_ROLE", "research_desk_app"),
    dataDir: path.resolve(process.env.DATA_DIR?.trim() || "data"),
    databasePoolSize: integer("DATABASE_POOL_SIZE", 10, 1, 500),
    databaseTimeouts: {
      connectMs: integer("DATABASE_CONNECTION_TIMEOUT_MS", 10_000, 100, 600_000),
      statementMs: integer("DATABASE_STATEMENT_TIMEOUT_MS", 15_000, 100, 3_600_000),
      idleInTransactionMs: integer("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 60_000, 100, 3_600_000),
    },
    // Demo data is on by default only for the embedded database, where a first start should show something.
    seedDemo: flag("SEED_DEMO", databaseUrl === null),
    production: process.env.NODE_ENV === "production",
    cacheMaxAgeSeconds,
    responseCache: { enabled: responseCacheEnabled, maxBytes: integer("RESPONSE_CACHE_MAX_MB", 64, 1, 16_384) * 1024 * 1024 },
    sqlStats: flag("SQL_STATS", false),
    publicUrl: publicUrl("PUBLIC_URL"),
    imageCache: { maxBytes: integer("IMAGE_CACHE_MAX_MB", 64, 1, 16_384) * 1024 * 1024 },
    sessionTtlHours: decimal("SESSION_TTL_HOURS", 12, 0.0001, 24 * 90),
    adminEmail: process.env.ADMIN_EMAIL?.trim() || null,
    adminPassword: process.env.ADMIN_PASSWORD || null,
    trustProxy: flag("TRUST_PROXY", false),
    schedulerIntervalMs: integer("SCHEDULER_INTERVAL_MS", 5_000, 100, 3_600_000),
    events: {
      maxConnections: integer("EVENTS_MAX_CONNECTIONS", 1_000, 1, 100_000),
      heartbeatMs: integer("EVENTS_HEARTBEAT_SECONDS", 15, 1, 300) * 1000,
    },
    webhooks: {
      secretKey: secretKey("WEBHOOK_SECRET_KEY"),
      retrySchedule: seconds("WEBHOOK_RETRY_SCHEDULE", DEFAULT_RETRY_SCHEDULE),
      logDays: integer("WEBHOOK_LOG_DAYS", 30, 1, 3_650),
      allowedHosts: names("WEBHOOK_ALLOWED_HOSTS"),
      concurrency: integer("WEBHOOK_CONCURRENCY", 64, 1, 1_000),
    },
    loginLimits: {
      perAccount: integer("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5, 1, 1_000),
      perIp: integer("LOGIN_MAX_FAILURES_PER_IP", 20, 1, 100_000),
      // The longest anyone waits: an attacker cannot lock a reviewer out for hours.
      windowSeconds: integer("LOGIN_WINDOW_SECONDS", 900, 10, 3_600),
    },
    limits: {
      depth: integer("QUERY_MAX_DEPTH", 8, 2, 100),
      aliases: integer("QUERY_MAX_ALIASES", 15, 0, 10_000),
      directives: integer("QUERY_MAX_DIRECTIVES", 50, 0, 10_000),
      tokens: integer("QUERY_MAX_TOKENS", 1_000, 100, 1_000_000),
      // The admin panel's heaviest real query (50 reports with every relation) costs about 3,750.
      cost: integer("QUERY_MAX_COST", 8_000, 10, 10_000_000),
      anonymousBody: integer("BODY_LIMIT_ANONYMOUS", 100 * 1024, 1024, 100 * 1024 * 1024),
      staffBody: integer("BODY_LIMIT_STAFF", 2 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    },
  };
}
