import { DataSource, MigrationExecutor } from "typeorm";
import { CountingLogger } from "../common/sql-stats";
import { entities } from "./entities";
import { migrations } from "./migrations";
import { SnakeNamingStrategy } from "./naming-strategy";

export interface DataSourceOptions {
  url: string;
  poolSize: number;
}

/** The same TypeORM setup for the embedded and the server database; only the pool differs. */
export function createDataSource({ url, poolSize }: DataSourceOptions): DataSource {
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
      // With the embedded pool of one, a caller that waits for a second connection would wait
      // forever; fail instead.
      connectionTimeoutMillis: 10_000,
    },
  });
}

/** Any number of servers may start together: the first migrates, the others wait for the lock. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext('research-desk:migrations'))");
    try {
      // On the lock's own connection: the embedded pool has only one.
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = "each";
      await executor.executePendingMigrations();
    } finally {
      await runner.query("SELECT pg_advisory_unlock(hashtext('research-desk:migrations'))");
    }
  } finally {
    await runner.release();
  }
}
