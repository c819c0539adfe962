import type { DataSource } from "typeorm";
import type { Actor, AuditService } from "../audit/audit.service";

/** What the backup needs of the embedded database (db/embedded provides it). */
export interface DumpableDatabase {
  dump(): Promise<Buffer>;
}

/** The database as a whole: whether it answers, and the embedded mode's backup. */
export class DatabaseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Resolves once the database has answered a trivial statement (the health check). */
  async ping(): Promise<void> {
    await this.dataSource.query("SELECT 1");
  }

  /**
   * A consistent archive of the embedded database, taken by the running server (it owns DATA_DIR).
   * The request holds the pool's only connection meanwhile, so no transaction is half done in the
   * archive and writes queue behind it. The backup records itself in the audit log it contains.
   */
  async backup(actor: Actor, embedded: DumpableDatabase): Promise<Buffer> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await this.audit.record(runner.manager, actor, { action: "BACKUP", entityType: "Database", entityId: null });
      return await embedded.dump();
    } finally {
      await runner.release();
    }
  }
}
