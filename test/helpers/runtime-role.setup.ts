import pg from "pg";
import { OWNER_ROLE, RUNTIME_ROLE, SERVER_POSTGRES_URL } from "./server";

/**
 * Vitest global setup: on a server PostgreSQL, the schema owner and the runtime role the servers
 * under test connect as. Roles belong to the cluster, not to a test database, so they are made
 * once, here (each test database belongs to the owner, and its migrations grant the runtime role
 * its privileges).
 */
export default async function setup(): Promise<void> {
  if (!SERVER_POSTGRES_URL) return;
  const client = new pg.Client({ connectionString: SERVER_POSTGRES_URL });
  await client.connect();
  try {
    for (const role of [OWNER_ROLE, RUNTIME_ROLE]) {
      const { rows } = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
      if (!rows.length) await client.query(`CREATE ROLE ${role} LOGIN`);
    }
  } finally {
    await client.end();
  }
}
