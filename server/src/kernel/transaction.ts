import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager } from "typeorm";

const current = new AsyncLocalStorage<EntityManager>();

/**
 * Runs `work` in a transaction: the caller's, when a service method is called inside another's
 * transaction (the demo seed writes the catalogue as one), else a new one. Each public service
 * method that writes runs through this, so that it is a transaction boundary of its own and no
 * caller has to hand it a manager. Nested calls share the one connection, which the embedded
 * database's pool of one needs.
 */
export function transaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  const outer = current.getStore();
  if (outer) return work(outer);
  return dataSource.transaction((manager) => current.run(manager, () => work(manager)));
}
