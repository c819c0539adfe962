import type { DataSource, EntityManager } from "typeorm";
import { catalogPage, type CatalogPageArgs } from "../catalog/catalog-page";
import { AppError } from "../../kernel/errors";
import type { Page } from "../../kernel/pagination";
import { hashPassword, verifyPassword } from "../../kernel/secrets";
import { execute } from "../../kernel/sql";
import * as valid from "../../kernel/validate";
import { transaction } from "../../kernel/transaction";
import { SYSTEM, type Actor, type AuditAction, type AuditService } from "../audit/audit.service";
import { Role, User } from "./user.entity";

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string | null;
}

export interface UserChanges {
  name?: string | null;
  role?: Role | null;
  disabled?: boolean | null;
}

/** What the audit log may know of a user: never the password hash. */
export const auditView = (u: User): Record<string, unknown> => ({
  email: u.email,
  name: u.name,
  role: u.role,
  disabledAt: u.disabledAt,
});

function changeAction(before: User, after: User): AuditAction {
  if (after.role !== before.role) return "ROLE_CHANGE";
  if (after.disabledAt && !before.disabledAt) return "DISABLE";
  if (!after.disabledAt && before.disabledAt) return "ENABLE";
  return "UPDATE";
}

export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  findByIds(ids: readonly string[]): Promise<User[]> {
    return this.dataSource.getRepository(User).findBy(ids.map((id) => ({ id })));
  }

  /** In name order; a search looks in the name and the e-mail. */
  list(args: CatalogPageArgs): Promise<Page<User>> {
    return catalogPage(this.dataSource.manager, User, { ...args, searchIn: ["name", "email"] });
  }

  /** Hashes first: argon2 takes tens of milliseconds that no transaction should hold a connection for. */
  async create(actor: Actor, input: NewUser): Promise<User> {
    const email = valid.email(input.email);
    const name = valid.text(input.name, "name", { max: 100 });
    const passwordHash = input.password === null ? null : await hashPassword(valid.password(input.password));
    return transaction(this.dataSource, async (manager) => {
      if (await manager.getRepository(User).existsBy({ email })) {
        throw new AppError("CONFLICT", { reason: "EMAIL_TAKEN" }, "a user with this e-mail exists", { field: "email" });
      }
      const repo = manager.getRepository(User);
      const user = await repo.save(repo.create({ email, name, role: input.role, passwordHash, disabledAt: null }));
      delete (user as Partial<User>).passwordHash;
      await this.audit.record(manager, actor, { action: "CREATE", entityType: "User", entityId: user.id, after: auditView(user) });
      return user;
    });
  }

  /** Admin changes; disabling or re-roling ends the user's sessions, so the change applies at once. */
  update(actor: Actor, id: string, changes: UserChanges): Promise<User> {
    return transaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(User);
      const before = await repo.findOneBy({ id });
      if (!before) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such user");
      if (changes.disabled && id === actor.id) throw new AppError("FORBIDDEN", { reason: "SELF_DISABLE" }, "you cannot disable your own account");
      const losesAdmin = before.role === Role.ADMIN && ((changes.role && changes.role !== Role.ADMIN) || changes.disabled);
      if (losesAdmin && !(await this.anotherActiveAdmin(manager, id))) {
        throw new AppError("FORBIDDEN", { reason: "LAST_ADMIN" }, "the last active admin cannot be demoted or disabled");
      }
      const after = repo.merge(repo.create({ ...before }), {
        ...(changes.name != null ? { name: valid.text(changes.name, "name", { max: 100 }) } : {}),
        ...(changes.role != null ? { role: changes.role } : {}),
        ...(changes.disabled != null ? { disabledAt: changes.disabled ? (before.disabledAt ?? new Date()) : null } : {}),
      });
      await repo.update(id, { name: after.name, role: after.role, disabledAt: after.disabledAt });
      if (after.role !== before.role || (after.disabledAt && !before.disabledAt)) await this.endSessions(manager, id);
      await this.audit.record(manager, actor, { action: changeAction(before, after), entityType: "User", entityId: id, before: auditView(before), after: auditView(after) });
      return repo.findOneByOrFail({ id });
    });
  }

  /** An admin sets a new password; every session of that user ends. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const hash = await hashPassword(valid.password(password));
    return transaction(this.dataSource, async (manager) => {
      const updated = await execute(manager, `UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [id, hash]);
      if (updated !== 1) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such user");
      await this.endSessions(manager, id);
      await this.audit.record(manager, actor, { action: "PASSWORD_RESET", entityType: "User", entityId: id });
    });
  }

  /** A user changes their own password; their other sessions end, this one stays. */
  async changePassword(actor: Actor, sessionId: string | null, oldPassword: string, newPassword: string): Promise<void> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder("u")
      .addSelect("u.passwordHash")
      .where("u.id = :id", { id: actor.id })
      .getOneOrFail();
    if (!(await verifyPassword(user.passwordHash, oldPassword))) {
      throw new AppError("BAD_USER_INPUT", { reason: "WRONG_PASSWORD" }, "the current password is wrong", { field: "oldPassword" });
    }
    const hash = await hashPassword(valid.password(newPassword, "newPassword"));
    return transaction(this.dataSource, async (manager) => {
      // Only if nobody changed it meanwhile: the old password was checked against this hash.
      const updated = await execute(
        manager,
        `UPDATE users SET password_hash = $3, updated_at = now() WHERE id = $1 AND password_hash = $2`,
        [user.id, user.passwordHash, hash],
      );
      if (updated !== 1) throw new AppError("CONFLICT", { reason: "PASSWORD_CHANGED" }, "the password changed meanwhile; try again");
      await this.endSessions(manager, user.id, sessionId);
      await this.audit.record(manager, actor, { action: "PASSWORD_CHANGE", entityType: "User", entityId: user.id });
    });
  }

  /** Makes sure ADMIN_EMAIL exists as an admin; an existing account is left as it is. */
  async ensureAdmin(email: string, password: string): Promise<"created" | "exists"> {
    if (await this.dataSource.getRepository(User).existsBy({ email: valid.email(email, "ADMIN_EMAIL") })) return "exists";
    try {
      await this.create(SYSTEM, { email, name: "Administrator", role: Role.ADMIN, password });
      return "created";
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (error instanceof AppError && error.extensions.code === "CONFLICT") return "exists";
      throw error;
    }
  }

  private async anotherActiveAdmin(manager: EntityManager, exceptId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT id FROM users WHERE role = 'ADMIN' AND disabled_at IS NULL AND id <> $1 FOR UPDATE`,
      [exceptId],
    );
    return rows.length > 0;
  }

  private async endSessions(manager: EntityManager, userId: string, keepSessionId: string | null = null): Promise<void> {
    await manager.query(
      `UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2`,
      [userId, keepSessionId],
    );
  }
}
