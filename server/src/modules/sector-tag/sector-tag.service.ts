import type { DataSource, EntityManager } from "typeorm";
import { CatalogService } from "../../common/catalog.service";
import { childrenOf, type Child } from "../../common/sql";
import { slugify } from "../../common/slug";
import { SectorTag } from "./sector-tag.entity";

export interface NewSectorTag {
  name: string;
  nameEn?: string | null;
  slug?: string;
}

export class SectorTagService extends CatalogService<SectorTag> {
  constructor(dataSource: DataSource) {
    super(dataSource, SectorTag);
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
