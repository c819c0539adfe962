import type { MigrationInterface, QueryRunner } from "typeorm";

/** Sign-in attempts, so that every server instance applies the same rate limits. */
export class LoginAttempts1764489600000 implements MigrationInterface {
  name = "LoginAttempts1764489600000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL,
        ip text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        success boolean NOT NULL
      )`);
    await q.query(`CREATE INDEX login_attempts_email_idx ON login_attempts (email, at) WHERE NOT success`);
    await q.query(`CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, at) WHERE NOT success`);
    await q.query(`CREATE INDEX login_attempts_at_idx ON login_attempts (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_attempts`);
  }
}
