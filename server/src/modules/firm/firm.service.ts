import { In, type DataSource, type EntityManager } from "typeorm";
import { catalogPage, type CatalogPageArgs } from "../../common/catalog-page";
import type { Lookup } from "../../common/ids";
import type { Page } from "../../common/pagination";
import { slugify } from "../../common/slug";
import { Firm } from "./firm.entity";

export interface NewFirm {
  name: string;
  nameEn?: string | null;
  website?: string | null;
  slug?: string;
  isPartner?: boolean;
}

export class FirmService {
  constructor(private readonly dataSource: DataSource) {}

  findOne(lookup: Lookup): Promise<Firm | null> {
    return this.dataSource.getRepository(Firm).findOneBy(lookup);
  }

  findByIds(ids: readonly string[]): Promise<Firm[]> {
    return this.dataSource.getRepository(Firm).findBy({ id: In([...ids]) });
  }

  list(args: CatalogPageArgs): Promise<Page<Firm>> {
    return catalogPage(this.dataSource.manager, Firm, args);
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
