import type { DataSource, EntityManager } from "typeorm";
import type { CatalogPageArgs } from "../../common/catalog-page";
import { CatalogService } from "../../common/catalog.service";
import { requireUuid } from "../../common/ids";
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

export class AnalystService extends CatalogService<Analyst> {
  constructor(dataSource: DataSource) {
    super(dataSource, Analyst);
  }

  override list(args: CatalogPageArgs & { firmId?: string | null }): Promise<Page<Analyst>> {
    const firmId = args.firmId ? requireUuid(args.firmId, "firmId") : null;
    return super.list({
      ...args,
      where: firmId ? (params) => `t.firm_id = ${params.add(firmId, "uuid")}` : undefined,
    });
  }

  /** Analysts of each firm, in name order. */
  findByFirmIds(firmIds: readonly string[]): Promise<Child<Analyst>[]> {
    return childrenOf(this.dataSource.manager, Analyst, {
      from: "analysts t",
      parentColumn: "t.firm_id",
      orderBy: `t.name COLLATE "C", t.id`,
    }, firmIds);
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
