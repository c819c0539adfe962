import { In, type DataSource, type FindOptionsWhere } from "typeorm";
import { catalogPage, type CatalogPageArgs } from "./catalog-page";
import type { CatalogEntity } from "./catalog.entity";
import type { Lookup } from "./ids";
import type { Page } from "./pagination";

/** The reads that firms, analysts and sector tags share. */
export abstract class CatalogService<T extends CatalogEntity> {
  constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: new () => T,
  ) {}

  findOne(lookup: Lookup): Promise<T | null> {
    return this.dataSource.getRepository(this.entity).findOneBy(lookup as FindOptionsWhere<T>);
  }

  findByIds(ids: readonly string[]): Promise<T[]> {
    return this.dataSource.getRepository(this.entity).findBy({ id: In([...ids]) } as FindOptionsWhere<T>);
  }

  list(args: CatalogPageArgs): Promise<Page<T>> {
    return catalogPage(this.dataSource.manager, this.entity, args);
  }
}
