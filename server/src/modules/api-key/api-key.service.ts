import type { DataSource } from "typeorm";
import { AppError } from "../../kernel/errors";
import { newToken, tokenHash } from "../../kernel/secrets";
import * as valid from "../../kernel/validate";
import { transaction } from "../../kernel/transaction";
import type { Actor, AuditService } from "../audit/audit.service";
import { ApiKey } from "./api-key.entity";

const view = (k: ApiKey): Record<string, unknown> => ({ name: k.name, prefix: k.prefix, revokedAt: k.revokedAt });

export class ApiKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ApiKey[]> {
    return this.dataSource.getRepository(ApiKey).find({ order: { createdAt: "DESC", id: "ASC" } });
  }

  /** Returns the key itself once; only its hash is stored. */
  create(actor: Actor, name: string): Promise<{ apiKey: ApiKey; key: string }> {
    return transaction(this.dataSource, async (manager) => {
      const key = newToken("apiKey");
      const repo = manager.getRepository(ApiKey);
      const apiKey = await repo.save(
        repo.create({ name: valid.text(name, "name", { max: 100 }), keyHash: tokenHash(key), prefix: key.slice(0, 10), createdById: actor.id }),
      );
      delete (apiKey as Partial<ApiKey>).keyHash;
      await this.audit.record(manager, actor, { action: "CREATE", entityType: "ApiKey", entityId: apiKey.id, after: view(apiKey) });
      return { apiKey, key };
    });
  }

  revoke(actor: Actor, id: string): Promise<ApiKey> {
    return transaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(ApiKey);
      const before = await repo.findOneBy({ id });
      if (!before) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, "no such API key");
      if (before.revokedAt) return before;
      await repo.update(id, { revokedAt: new Date() });
      const after = await repo.findOneByOrFail({ id });
      await this.audit.record(manager, actor, { action: "REVOKE", entityType: "ApiKey", entityId: id, before: view(before), after: view(after) });
      return after;
    });
  }
}
