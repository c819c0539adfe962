import { In, type DataSource, type EntityManager, type FindOptionsWhere } from "typeorm";
import type { Actor, AuditEntityType, AuditService } from "../audit/audit.service";
import { catalogPage, type CatalogPageArgs } from "./catalog-page";
import type { CatalogEntity } from "./catalog.entity";
import { diffFields } from "../../kernel/diff";
import { AppError } from "../../kernel/errors";
import type { Lookup } from "../../kernel/ids";
import type { Page } from "../../kernel/pagination";
import { slugify, uniqueSlug } from "../../kernel/slug";
import { transaction } from "../../kernel/transaction";
import * as valid from "../../kernel/validate";

/** Reads and audited writes that firms, analysts and sector tags share. */
export abstract class CatalogService<T extends CatalogEntity> {
  constructor(
    protected readonly dataSource: DataSource,
    protected readonly audit: AuditService,
    private readonly entity: new () => T,
    private readonly entityType: AuditEntityType,
  ) {}

  /** The fields the audit log records. */
  protected abstract view(item: T): Record<string, unknown>;

  findOne(lookup: Lookup): Promise<T | null> {
    return this.dataSource.getRepository(this.entity).findOneBy(lookup as FindOptionsWhere<T>);
  }

  findByIds(ids: readonly string[]): Promise<T[]> {
    return this.dataSource.getRepository(this.entity).findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
  }

  /** In name order; a search looks in the Korean and the English name. */
  list(args: CatalogPageArgs): Promise<Page<T>> {
    return catalogPage(this.dataSource.manager, this.entity, { ...args, searchIn: ["name", "name_en"] });
  }

  /** Inserts validated values; the slug is the given one, or one made from the name. */
  protected async insert(manager: EntityManager, actor: Actor, values: Partial<T>, slug: string | null | undefined): Promise<T> {
    const repo = manager.getRepository(this.entity);
    const table = repo.metadata.tableName;
    const fixed = slug ? valid.slug(slug) : await uniqueSlug(manager, table, slugify(String(values.nameEn || values.name)));
    if (slug && (await repo.existsBy({ slug: fixed } as FindOptionsWhere<T>))) {
      throw new AppError("CONFLICT", { reason: "SLUG_TAKEN", params: { slug: fixed } }, `slug "${fixed}" is taken`, { field: "slug" });
    }
    const item = await repo.save(repo.create({ ...values, slug: fixed } as T));
    await this.audit.record(manager, actor, { action: "CREATE", entityType: this.entityType, entityId: item.id, after: this.view(item) });
    return item;
  }

  /** Applies validated changes in one transaction with their audit event. */
  protected modify(actor: Actor, id: string, changes: (current: T) => Partial<T> | Promise<Partial<T>>): Promise<T> {
    return transaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(this.entity);
      const current = await repo.findOneBy({ id } as FindOptionsWhere<T>);
      if (!current) throw new AppError("NOT_FOUND", { reason: "RECORD_NOT_FOUND" }, `no such ${repo.metadata.name.toLowerCase()}`);
      const before = this.view(current);
      const patch = await changes(current);
      if (patch.slug && patch.slug !== current.slug && (await repo.existsBy({ slug: patch.slug } as FindOptionsWhere<T>))) {
        throw new AppError("CONFLICT", { reason: "SLUG_TAKEN", params: { slug: patch.slug } }, `slug "${patch.slug}" is taken`, { field: "slug" });
      }
      const updated = await repo.save(repo.merge(current, patch as T));
      const diff = diffFields(before, this.view(updated));
      if (diff.fields.length) {
        await this.audit.record(manager, actor, {
          action: "UPDATE",
          entityType: this.entityType,
          entityId: id,
          before: diff.before,
          after: diff.after,
        });
      }
      return updated;
    });
  }
}
