import { In, type DataSource, type EntityManager } from "typeorm";
import { catalogPage, type CatalogPageArgs } from "../../common/catalog-page";
import type { Lookup } from "../../common/ids";
import type { Page } from "../../common/pagination";
import { childrenOf, type Child } from "../../common/sql";
import { slugify } from "../../common/slug";
import { SectorTag } from "./sector-tag.entity";

export interface NewSectorTag {
  name: string;
  nameEn?: string | null;
  slug?: string;
}

export class SectorTagService {
  constructor(private readonly dataSource: DataSource) {}

  findOne(lookup: Lookup): Promise<SectorTag | null> {
    return this.dataSource.getRepository(SectorTag).findOneBy(lookup);
  }

  findByIds(ids: readonly string[]): Promise<SectorTag[]> {
    return this.dataSource.getRepository(SectorTag).findBy({ id: In([...ids]) });
  }

  list(args: CatalogPageArgs): Promise<Page<SectorTag>> {
    return catalogPage(this.dataSource.manager, SectorTag, args);
  }

  /** Tags of each report, in name order. */
  findByReportIds(reportIds: readonly string[]): Promise<Child<SectorTag>[]> {
    return childrenOf(this.dataSource.manager, SectorTag, {
      from: "report_sector_tags l JOIN sector_tags t ON t.id = l.sector_tag_id",
      parentColumn: "l.report_id",
      orderBy: `t.name COLLATE "C", t.id`,
    }, reportIds);
  }

  create(manager: EntityManager, input: NewSectorTag): Promise<SectorTag> {
    const repo = manager.getRepository(SectorTag);
    return repo.save(
      repo.create({
        name: input.name.normalize("NFC"),
        nameEn: input.nameEn ?? null,
        slug: input.slug ?? slugify(input.name),
      }),
    );
  }
}
