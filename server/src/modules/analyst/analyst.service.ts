import { In, type DataSource, type EntityManager } from "typeorm";
import { catalogPage, type CatalogPageArgs } from "../../common/catalog-page";
import { requireUuid, type Lookup } from "../../common/ids";
import type { Page } from "../../common/pagination";
import { childrenOf, type Child } from "../../common/sql";
import { slugify } from "../../common/slug";
import { Analyst } from "./analyst.entity";

export interface NewAnalyst {
  firmId: string;
  name: string;
  nameEn?: string | null;
  title?: string | null;
  email?: string | null;
  slug?: string;
}

export class AnalystService {
  constructor(private readonly dataSource: DataSource) {}

  findOne(lookup: Lookup): Promise<Analyst | null> {
    return this.dataSource.getRepository(Analyst).findOneBy(lookup);
  }

  findByIds(ids: readonly string[]): Promise<Analyst[]> {
    return this.dataSource.getRepository(Analyst).findBy({ id: In([...ids]) });
  }

  list(args: CatalogPageArgs & { firmId?: string | null }): Promise<Page<Analyst>> {
    const firmId = args.firmId ? requireUuid(args.firmId, "firmId") : null;
    return catalogPage(this.dataSource.manager, Analyst, {
      ...args,
      where: firmId ? (params) => `t.firm_id = ${params.add(firmId, "uuid")}` : undefined,
    });
  }

  /** Analysts of each firm, in name order. */
  async findByFirmIds(firmIds: readonly string[]): Promise<Analyst[]> {
    return this.dataSource.getRepository(Analyst).find({
      where: { firmId: In([...firmIds]) },
      order: { name: "ASC", id: "ASC" },
    });
  }

  /** Authors of each report, lead analyst first. */
  findByReportIds(reportIds: readonly string[]): Promise<Child<Analyst>[]> {
    return childrenOf(this.dataSource.manager, Analyst, {
      from: "report_analysts l JOIN analysts t ON t.id = l.analyst_id",
      parentColumn: "l.report_id",
      orderBy: "l.position",
    }, reportIds);
  }

  create(manager: EntityManager, input: NewAnalyst): Promise<Analyst> {
    const repo = manager.getRepository(Analyst);
    return repo.save(
      repo.create({
        firmId: input.firmId,
        name: input.name.normalize("NFC"),
        nameEn: input.nameEn ?? null,
        title: input.title ?? null,
        email: input.email?.toLowerCase() ?? null,
        slug: input.slug ?? slugify(input.nameEn || input.name),
      }),
    );
  }
}
