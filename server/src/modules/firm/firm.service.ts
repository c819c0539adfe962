import type { DataSource } from "typeorm";
import { CatalogService } from "../catalog/catalog.service";
import { transaction } from "../../kernel/transaction";
import * as valid from "../../kernel/validate";
import type { Actor, AuditService } from "../audit/audit.service";
import { Firm } from "./firm.entity";

export interface FirmFields {
  name?: string | null;
  nameEn?: string | null;
  website?: string | null;
  isPartner?: boolean | null;
  slug?: string | null;
}

export const FIRM_NAME_MAX = 100;

const name = (v: string): string => valid.text(v, "name", { max: FIRM_NAME_MAX });
const nameEn = (v: string): string | null => valid.optionalText(v, "nameEn", { max: FIRM_NAME_MAX });

export class FirmService extends CatalogService<Firm> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, Firm, "Firm");
  }

  protected view(f: Firm): Record<string, unknown> {
    return { slug: f.slug, name: f.name, nameEn: f.nameEn, website: f.website, isPartner: f.isPartner };
  }

  create(actor: Actor, input: FirmFields & { name: string }): Promise<Firm> {
    return transaction(this.dataSource, (manager) =>
      this.insert(
        manager,
        actor,
        { name: name(input.name), nameEn: nameEn(input.nameEn ?? ""), website: valid.webUrl(input.website, "website"), isPartner: input.isPartner ?? true },
        input.slug,
      ),
    );
  }

  update(actor: Actor, id: string, input: FirmFields): Promise<Firm> {
    return this.modify(actor, id, () => ({
      ...(input.name != null && { name: name(input.name) }),
      ...(input.nameEn != null && { nameEn: nameEn(input.nameEn) }),
      ...(input.website != null && { website: valid.webUrl(input.website, "website") }),
      ...(input.isPartner != null && { isPartner: input.isPartner }),
      ...(input.slug != null && { slug: valid.slug(input.slug) }),
    }));
  }
}
