import type { DataSource } from "typeorm";
import { ANONYMOUS, type Viewer } from "./viewer";
import { AppError } from "../../kernel/errors";
import { newToken, tokenHash, tokenKind, verifyPassword } from "../../kernel/secrets";
import { hydrate, selectList } from "../../kernel/sql";
import * as valid from "../../kernel/validate";
import { transaction } from "../../kernel/transaction";
import { SYSTEM, type AuditService } from "../audit/audit.service";
import { Session } from "./session.entity";
import { User } from "./user.entity";
import { auditView } from "./user.service";

export interface SignIn {
  token: string;
  expiresAt: Date;
  user: User;
}

// One message for an unknown e-mail and a wrong password, so that sign-in reveals no accounts.
const BAD_CREDENTIALS = "wrong e-mail or password";

export interface LoginLimits {
  perAccount: number;
  perIp: number;
  windowSeconds: number;
}

export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly ttlHours: number,
    private readonly limits: LoginLimits,
  ) {}

  /**
   * Counts this attempt as a failure up front (it becomes a success only once the password is
   * right), in the same statement that checks the limits, so that a burst of parallel guesses
   * cannot all slip through before any is counted. Over a limit it refuses at once (the server
   * never sleeps), and `retryAfter` says when the oldest counted failure stops counting.
   */
  private async countAttempt(email: string, ip: string): Promise<string> {
    const window = [email, ip, this.limits.windowSeconds];
    const inserted: { id: string }[] = await transaction(this.dataSource, async (manager) => {
      // Under READ COMMITTED, parallel statements do not see each other's uncommitted attempts
      // (a burst of 100 let 6 through); queued behind this lock, which is released at once on
      // commit, each one counts those before it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('research-desk:login-attempts'))`);
      return manager.query(
        `WITH recent AS (
           SELECT count(*) FILTER (WHERE email = $1) AS account, count(*) FILTER (WHERE ip = $2) AS ip
           FROM login_attempts WHERE NOT success AND at > now() - make_interval(secs => $3) AND (email = $1 OR ip = $2))
         INSERT INTO login_attempts (email, ip, success)
         SELECT $1, $2, false FROM recent WHERE recent.account < $4 AND recent.ip < $5
         RETURNING id`,
        [...window, this.limits.perAccount, this.limits.perIp],
      );
    });
    if (inserted.length) return inserted[0].id;
    const [{ wait }] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM min(at) + make_interval(secs => $3) - now()))::int AS wait
       FROM login_attempts WHERE NOT success AND at > now() - make_interval(secs => $3) AND (email = $1 OR ip = $2)`,
      window,
    );
    const retryAfter = Math.min(this.limits.windowSeconds, Math.max(1, Number(wait) || 1));
    throw new AppError("TOO_MANY_REQUESTS", { reason: "TOO_MANY_SIGN_INS", params: { retryAfter } }, `too many failed sign-ins; try again in ${retryAfter} seconds`, {
      retryAfter,
      http: { status: 429, headers: new Map([["retry-after", String(retryAfter)]]) },
    });
  }

  async login(emailAddress: string, password: string, ip: string): Promise<SignIn> {
    const email = valid.searchable(emailAddress, "email", 254).normalize("NFC").trim().toLowerCase();
    password = valid.searchable(password, "password", valid.PASSWORD_MAX * 4).normalize("NFC");
    const attempt = await this.countAttempt(email, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder("u")
      .addSelect("u.passwordHash")
      .where("u.email = :email", { email })
      .getOne();
    const correct = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !correct || user.disabledAt) {
      await transaction(this.dataSource, async (manager) => {
        await manager.query(`DELETE FROM login_attempts WHERE at < now() - interval '1 day'`);
        // Nobody proved who they are, so there is no actor; the account tried is the entity.
        await this.audit.record(manager, SYSTEM, { action: "LOGIN_FAILED", entityType: "User", entityId: user?.id ?? null, after: { email, ip } });
      });
      throw new AppError("UNAUTHENTICATED", { reason: user && correct ? "ACCOUNT_DISABLED" : "WRONG_CREDENTIALS" }, user && correct ? "this account is disabled" : BAD_CREDENTIALS);
    }
    const token = newToken("session");
    const expiresAt = new Date(Date.now() + this.ttlHours * 3_600_000);
    await transaction(this.dataSource, async (manager) => {
      await manager.getRepository(Session).insert({ userId: user.id, tokenHash: tokenHash(token), expiresAt });
      await manager.query(`UPDATE login_attempts SET success = true WHERE id = $1`, [attempt]);
      await this.audit.record(manager, { id: user.id, email: user.email }, {
        action: "LOGIN",
        entityType: "User",
        entityId: user.id,
        after: auditView(user),
      });
    });
    delete (user as Partial<User>).passwordHash;
    return { token, expiresAt, user };
  }

  async logout(viewer: Viewer): Promise<void> {
    if (!viewer.sessionId || !viewer.user) return;
    const user = viewer.user;
    await transaction(this.dataSource, async (manager) => {
      await manager.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [viewer.sessionId]);
      await this.audit.record(manager, { id: user.id, email: user.email }, { action: "LOGOUT", entityType: "User", entityId: user.id });
    });
  }

  /** Who a bearer token or session cookie belongs to; one statement per signed-in request. */
  async resolve(token: string | null): Promise<Viewer> {
    if (!token) return ANONYMOUS;
    const kind = tokenKind(token);
    if (kind === "apiKey") {
      const rows: { id: string }[] = await this.dataSource.query(
        `SELECT id FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
        [tokenHash(token)],
      );
      return rows.length
        ? { ...ANONYMOUS, apiKeyId: rows[0].id }
        : { ...ANONYMOUS, credentialError: "the API key is not valid (revoked or unknown)" };
    }
    if (kind === "session") {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT s.id AS "__session", ${selectList(this.dataSource.getMetadata(User), "u")}
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
        [tokenHash(token)],
      );
      if (rows.length) {
        const { __session, ...columns } = rows[0];
        return { ...ANONYMOUS, user: hydrate(User, columns), sessionId: __session as string };
      }
    }
    return { ...ANONYMOUS, credentialError: "the session has expired or was ended; sign in again" };
  }
}
