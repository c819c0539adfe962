import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager } from "typeorm";

interface Scope {
  manager: EntityManager;
  committed: (() => void)[];
}

const current = new AsyncLocalStorage<Scope>();
const commitListeners: (() => void)[] = [];
// While an AsyncLocalStorage is enabled, Node 20 runs a hook on every promise the process makes,
// reads included; it is switched off whenever no transaction is open (run() switches it on again).
let open = 0;

/**
 * Runs `work` in a transaction: the caller's, when a service method is called inside another's
 * transaction (the demo seed writes the catalogue as one), else a new one. Each public service
 * method that writes runs through this, so that it is a transaction boundary of its own and no
 * caller has to hand it a manager. Nested calls share the one connection, which the embedded
 * database's pool of one needs.
 */
export async function transaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: { announce: boolean } = { announce: true },
): Promise<T> {
  const outer = current.getStore();
  if (outer) return work(outer.manager);
  const committed: (() => void)[] = [];
  open += 1;
  let result: T;
  try {
    result = await dataSource.transaction((manager) => current.run({ manager, committed }, () => work(manager)));
  } finally {
    open -= 1;
    if (open === 0) current.disable();
  }
  for (const callback of committed) callback();
  if (options.announce) for (const listener of commitListeners) listener();
  return result;
}

/**
 * Calls `listener` after every transaction this process commits through `transaction` (except
 * those that say `announce: false`, which can write no report event): how the
 * embedded mode, where this process is the database's only writer, learns that report events may
 * have been written (a server PostgreSQL tells every instance with NOTIFY instead).
 */
export function onEveryCommit(listener: () => void): void {
  commitListeners.push(listener);
}

/**
 * Runs `callback` once the transaction in progress has committed, and never if it rolls back: what
 * tells the world of a change (clearing caches) must not run before the change is there, even
 * when the method that made it was joined into a caller's transaction. Outside one it runs at once.
 */
export function afterCommit(callback: () => void): void {
  const scope = current.getStore();
  if (scope) scope.committed.push(callback);
  else callback();
}
