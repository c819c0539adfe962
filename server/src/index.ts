import "reflect-metadata";
import type { DataSource } from "typeorm";
import { ConfigError, loadConfig } from "./config";
import { createServices } from "./modules/services";
import { createDataSource, runMigrations, type DataSourceOptions } from "./db/data-source";
import { entities } from "./modules/entities";
import { runtimeRoleRisk } from "./db/runtime-role";
import { ReportEventSignal } from "./db/event-signal";
import { EventBell } from "./modules/report-events/event-bell";
import { onEveryCommit } from "./kernel/transaction";
import { DataDirLockedError } from "./db/embedded/data-dir-lock";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./db/embedded/embedded-database";
import { seedDemo } from "./app/seed/seed";
import { ReportScheduler } from "./modules/publishing/report-scheduler";
import { WebhookDispatcher } from "./modules/webhook/webhook-dispatcher";
import { embeddedWebhookKey } from "./db/embedded/webhook-key";
import { ResponseCache } from "./http/response-cache";
import { createHttpServer } from "./http/server";
import { buildAppSchema } from "./graphql/schema";

/** Start-up failures the operator can fix get one readable line, not a stack trace. */
function describeStartupError(error: unknown): string {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code && /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|3D000|28000)$/.test(code)) {
    return `cannot reach the database: ${message}`;
  }
  return message;
}

const SHUTDOWN_GRACE_MS = 10_000;
/** Each webhook attempt's limit, connection and answer together. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/** How often an instance looks for due webhook retries (new deliveries wake it at once). */
const WEBHOOK_POLL_MS = 1_000;

/**
 * Migrations run as the schema owner: through their own short-lived connection when it is
 * another role than the runtime one, which then gets its grants.
 */
async function migrate(runtime: DataSourceOptions, ownerUrl: string | null, appRole: string, dataSource: DataSource): Promise<void> {
  if (!ownerUrl || ownerUrl === runtime.url) return runMigrations(dataSource, appRole);
  const owner = createDataSource({ ...runtime, url: ownerUrl, poolSize: 1 });
  await owner.initialize();
  try {
    await runMigrations(owner, appRole);
  } finally {
    await owner.destroy();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  if (!config.databaseUrl) embedded = await startEmbeddedDatabase(config.dataDir);
  const options: DataSourceOptions = {
    url: config.databaseUrl ?? embedded!.url,
    entities,
    // PGlite is one session: through a single connection transactions queue instead of interleaving.
    poolSize: embedded ? 1 : config.databasePoolSize,
    connectTimeoutMs: config.databaseTimeouts.connectMs,
    serverSession: embedded ? null : config.databaseTimeouts,
  };
  const dataSource = createDataSource(options);
  try {
    await dataSource.initialize();
    await migrate(options, config.databaseMigrationUrl, config.databaseAppRole, dataSource);
    const risk = config.production && !embedded ? await runtimeRoleRisk(dataSource) : null;
    if (risk) console.warn(`warning: ${risk}`);
  } catch (error) {
    await dataSource.destroy().catch(() => {});
    await embedded?.close();
    throw error;
  }
  const webhookKey = config.webhooks.secretKey ?? (embedded ? embeddedWebhookKey(config.dataDir) : null);
  const services = createServices(dataSource, {
    ...config,
    images: { publicUrl: config.publicUrl, cacheMaxBytes: config.imageCache.maxBytes, visibilitySeconds: config.cacheMaxAgeSeconds },
    webhooks: { secretKey: webhookKey, production: config.production },
  });
  if (config.adminEmail && config.adminPassword) {
    const admin = await services.users.ensureAdmin(config.adminEmail, config.adminPassword);
    console.log(admin === "created" ? `Created the admin ${config.adminEmail}.` : `Admin ${config.adminEmail} exists.`);
  }
  if (config.seedDemo && (await seedDemo(services, dataSource, embedded !== null))) console.log("Seeded the demo catalogue.");

  const scheduler = new ReportScheduler(services.workflow, config.schedulerIntervalMs);
  const responseCache = config.responseCache.enabled ? new ResponseCache(config.cacheMaxAgeSeconds, config.responseCache.maxBytes) : null;
  if (responseCache) services.workflow.onLiveChange(() => responseCache.clear());
  // Event streams read the feed again when events may have committed: on every instance's commits
  // through the database (NOTIFY), or, embedded, on this process's own, the only writer's.
  const eventBell = new EventBell();
  const events = embedded ? null : new ReportEventSignal(options.url);
  if (events) {
    events.onEvent(() => eventBell.ring());
    // What another instance publishes or retracts changes which images are public here too.
    events.onEvent(() => services.images.forgetVisibility());
    if (responseCache) events.onEvent(() => responseCache.clear());
  } else {
    onEveryCommit(() => eventBell.ring());
  }
  await events?.start();
  const webhooks = new WebhookDispatcher(dataSource, services.audit, {
    ...config.webhooks,
    secretKey: webhookKey,
    send: { production: config.production, allowedHosts: config.webhooks.allowedHosts, timeoutMs: WEBHOOK_TIMEOUT_MS },
    pollMs: WEBHOOK_POLL_MS,
  });
  // New events queue their deliveries in the same commit: the bell rings for both.
  eventBell.subscribe(() => webhooks.wake());
  services.webhooks.onQueued(() => webhooks.wake());
  const app = await createHttpServer(config, services, await buildAppSchema(), { responseCache, embedded, eventBell });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const where = embedded ? `embedded database in ${config.dataDir}` : "PostgreSQL";
  scheduler.start();
  webhooks.start();

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    // close() stops accepting and waits for requests in flight. Keep-alive sockets that fall idle
    // afterwards would hold it until their timeout, so they are closed as they go idle; after the
    // grace period whatever remains is cut.
    const idle = setInterval(() => app.server.closeIdleConnections(), 100);
    const grace = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await app.close();
    clearInterval(idle);
    clearTimeout(grace);
    await scheduler.stop();
    await webhooks.stop();
    await events?.stop();
    await dataSource.destroy();
    await embedded?.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  // Announced only once the signal handlers are in place: a supervisor may send SIGTERM the moment
  // it reads this line, and without a handler that would kill the process with the database open.
  console.log(`Research Desk listening on http://localhost:${port}/graphql (${where}, ready in ${Date.now() - started} ms)`);
}

main().catch((error: unknown) => {
  console.error(`research-desk: ${describeStartupError(error)}`);
  process.exit(1);
});
