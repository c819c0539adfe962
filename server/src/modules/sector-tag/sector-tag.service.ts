import type { DataSource } from "typeorm";
import { CatalogService } from "../catalog/catalog.service";
import { transaction } from "../../kernel/transaction";
import * as valid from "../../kernel/validate";
import type { Actor, AuditService } from "../audit/audit.service";
import { SectorTag } from "./sector-tag.entity";

export interface SectorTagFields {
  name?: string | null;
  nameEn?: string | null;
  slug?: string | null;
}

const name = (v: string): string => valid.text(v, "name", { max: 50 });
const nameEn = (v: string): string | null => valid.optionalText(v, "nameEn", { max: 50 });

export class SectorTagService extends CatalogService<SectorTag> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, SectorTag, "SectorTag");
  }

  protected view(t: SectorTag): Record<string, unknown> {
    return { slug: t.slug, name: t.name, nameEn: t.nameEn };
  }

  create(actor: Actor, input: SectorTagFields & { name: string }): Promise<SectorTag> {
    return transaction(this.dataSource, (manager) => this.insert(manager, actor, { name: name(input.name), nameEn: nameEn(input.nameEn ?? "") }, input.slug));
  }

  update(actor: Actor, id: string, input: SectorTagFields): Promise<SectorTag> {
    return this.modify(actor, id, () => ({
      ...(input.name != null && { name: name(input.name) }),
      ...(input.nameEn != null && { nameEn: nameEn(input.nameEn) }),
      ...(input.slug != null && { slug: valid.slug(input.slug) }),
    }));
  }
}
