import { ObjectType } from "type-graphql";
import { Entity, ManyToMany } from "typeorm";
import { CatalogEntity } from "../catalog/catalog.entity";
import type { Report } from "../report/report.entity";

@ObjectType({ description: "A sector a report covers, shown as a hashtag.", simpleResolvers: true })
@Entity("sector_tags")
export class SectorTag extends CatalogEntity {
  @ManyToMany("Report", "sectorTags")
  reports?: Report[];
}
