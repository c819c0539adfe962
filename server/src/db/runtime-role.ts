import type { DataSource, QueryRunner } from "typeorm";

/**
 * The logs of what happened and of what clients could read, what the gate's upgrade found, and
 * images (a hash names its bytes for good): the runtime role reads and appends, never rewrites.
 */
const APPEND_ONLY = ["audit_events", "publication_events", "legacy_gate_findings", "images"];

/** Kept by the database's own triggers; the runtime role reads them. */
const READ_ONLY = ["live_report_disclaimers", "report_events", "report_images"];

/**
 * Gives the runtime role what the server needs and nothing more: reading and writing rows (only
 * reading and appending on the logs, only reading what triggers keep), using sequences, and the same on tables that later
 * migrations create. It owns nothing, so it can neither change the schema nor switch off a
 * trigger. Roles belong to the whole cluster, so they are never created here: nothing happens when
 * `role` does not exist, or when it is the role running the migrations. Run by the schema owner
 * after every migration run, so a role created later gets its grants at the next start.
 */
export async function grantRuntimeRole(runner: QueryRunner, role: string): Promise<boolean> {
  const [{ exists, self, schema }] = await runner.query(
    `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists, current_user = $1 AS self, quote_ident(current_schema()) AS schema`,
    [role],
  );
  if (!exists || self) return false;
  const grantee = `"${role}"`;
  for (const statement of [
    `GRANT USAGE ON SCHEMA ${schema} TO ${grantee}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${grantee}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY.join(", ")} FROM ${grantee}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${READ_ONLY.join(", ")} FROM ${grantee}`,
    // The migration history is the owner's record.
    `REVOKE INSERT, UPDATE, DELETE ON migrations FROM ${grantee}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${grantee}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${grantee}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${grantee}`,
  ]) {
    await runner.query(statement);
  }
  return true;
}

/**
 * What the role the server runs as could rewrite, for a warning at start: a superuser can switch
 * off every trigger, an owner those of its tables. Null when it owns nothing and is no superuser.
 */
export async function runtimeRoleRisk(dataSource: DataSource): Promise<string | null> {
  const [{ role, superuser, owned }]: { role: string; superuser: boolean; owned: string[] }[] = await dataSource.query(
    `SELECT current_user AS role, r.rolsuper AS superuser,
            array(SELECT c.relname::text FROM pg_class c
                  WHERE c.relowner = r.oid AND c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
                  ORDER BY 1) AS owned
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  const remedy = "connect DATABASE_URL as a runtime role that owns nothing, and DATABASE_MIGRATION_URL as the owner (README: database roles)";
  if (superuser) {
    return (
      `the database role ${role} is a superuser: it can switch off triggers (session_replication_role) and so rewrite ` +
      `the audit log, the publication log, approved disclaimers and live reports; ${remedy}`
    );
  }
  if (owned.length) {
    const logs = owned.filter((table) => APPEND_ONLY.includes(table));
    return (
      `the database role ${role} owns ${owned.length} tables (${owned.join(", ")}): it can disable their triggers and alter them` +
      `${logs.length ? `, and so rewrite ${logs.join(", ")}` : ""}; ${remedy}`
    );
  }
  return null;
}
