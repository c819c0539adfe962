import { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "typeorm";

interface SqlCounter {
  statements: number;
}

const counters = new AsyncLocalStorage<SqlCounter>();

/** Runs `fn` with a fresh statement counter; everything it awaits counts into it. */
export function withSqlCounter<T>(fn: () => T): T {
  return counters.run({ statements: 0 }, fn);
}

export function sqlStatementsSoFar(): number | undefined {
  return counters.getStore()?.statements;
}

/** A TypeORM logger that counts statements per request and logs only errors. */
export class CountingLogger implements Logger {
  logQuery(): void {
    const counter = counters.getStore();
    if (counter) counter.statements += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    console.error(`SQL error: ${error instanceof Error ? error.message : error} in: ${query.slice(0, 500)}`);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    console.log(message);
  }
  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") console.warn(message);
  }
}
