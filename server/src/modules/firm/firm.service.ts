import type { DataSource, EntityManager } from "typeorm";
import { CatalogService } from "../../common/catalog.service";
import { slugify } from "../../common/slug";
import { Firm } from "./firm.entity";

export interface NewFirm {
  name: string;
  nameEn?: string | null;
  website?: string | null;
  slug?: string;
  isPartner?: boolean;
}

export class FirmService extends CatalogService<Firm> {
  constructor(dataSource: DataSource) {
    super(dataSource, Firm);
  }

  create(manager: EntityManager, input: NewFirm): Promise<Firm> {
    const repo = manager.getRepository(Firm);
    return repo.save(
      repo.create({
        name: input.name.normalize("NFC"),
        nameEn: input.nameEn ?? null,
        website: input.website ?? null,
        slug: input.slug ?? slugify(input.nameEn || input.name),
        isPartner: input.isPartner ?? true,
      }),
    );
  }
}
