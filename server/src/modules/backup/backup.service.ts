import type { DataSource } from "typeorm";
import type { Actor, AuditService } from "../audit/audit.service";

/** What the backup needs of the embedded database (db/embedded provides it). */
export interface DumpableDatabase {
  dump(): Promise<Buffer>;
}

/**
 * A consistent archive of the embedded database, taken by the running server (it owns DATA_DIR).
 * The request holds the pool's only connection meanwhile, so no transaction is half done in the
 * archive and writes queue behind it. The backup records itself in the audit log it contains.
 */
export async function dumpEmbeddedDatabase(dataSource: DataSource, audit: AuditService, embedded: DumpableDatabase, actor: Actor): Promise<Buffer> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await audit.record(runner.manager, actor, { action: "BACKUP", entityType: "Database", entityId: null });
    return await embedded.dump();
  } finally {
    await runner.release();
  }
}
