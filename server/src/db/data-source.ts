import { DataSource, MigrationExecutor, type DataSourceOptions as TypeOrmOptions } from "typeorm";
import { CountingLogger } from "../kernel/sql-stats";
import { migrations } from "./migrations";
import { SnakeNamingStrategy } from "./naming-strategy";
import { grantRuntimeRole } from "./runtime-role";

export interface DataSourceOptions {
  url: string;
  /** The entity classes (the modules' list): the database layer knows no module. */
  entities: NonNullable<TypeOrmOptions["entities"]>;
  poolSize: number;
  connectTimeoutMs: number;
  /**
   * How the sessions of a server PostgreSQL run; null for PGlite, which can neither time out or
   * cancel a statement nor run parallel workers.
   */
  serverSession: { statementMs: number; idleInTransactionMs: number } | null;
}

/** The same TypeORM setup for the embedded and the server database; only the pool differs. */
export function createDataSource({ url, entities, poolSize, connectTimeoutMs, serverSession }: DataSourceOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url,
    entities,
    migrations,
    migrationsTransactionMode: "each",
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(),
    uuidExtension: "pgcrypto",
    installExtensions: false,
    applicationName: "research-desk",
    poolSize,
    extra: {
      // A request never waits forever for a connection (with the embedded pool of one, a caller
      // that wanted a second one would), nor for a statement or an abandoned transaction.
      connectionTimeoutMillis: connectTimeoutMs,
      ...(serverSession && {
        statement_timeout: serverSession.statementMs,
        idle_in_transaction_session_timeout: serverSession.idleInTransactionMs,
        // Many short statements run at once here. A parallel worker takes a few milliseconds to
        // start, more than it saves on a page of reports, and it takes a core that another
        // request needs: searches by tag on 1,000,000 reports served 259 instead of 311 a second.
        options: "-c max_parallel_workers_per_gather=0",
      }),
    },
  });
}

/**
 * Any number of servers may start together: the first migrates, the others wait for the lock.
 * Run as the schema owner; afterwards `appRole` (when it exists) gets the runtime privileges.
 */
export async function runMigrations(dataSource: DataSource, appRole: string | null): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    // A migration may rebuild an index of a large table, and another instance may wait here for
    // it: neither is a runaway request. RESET restores the connection's own timeout afterwards.
    await runner.query("SET statement_timeout = 0");
    await runner.query("SELECT pg_advisory_lock(hashtext('research-desk:migrations'))");
    try {
      // On the lock's own connection: the embedded pool has only one.
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = "each";
      await executor.executePendingMigrations();
      if (appRole) await grantRuntimeRole(runner, appRole);
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtext('research-desk:migrations'))");
    }
    await runner.query("RESET statement_timeout");
  } finally {
    await runner.release();
  }
}
