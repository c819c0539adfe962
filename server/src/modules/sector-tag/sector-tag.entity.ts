import { Field, ObjectType } from "type-graphql";
import { Column, Entity, ManyToMany } from "typeorm";
import { BaseEntity } from "../../common/base.entity";
import type { Report } from "../report/report.entity";

@ObjectType({ description: "A sector a report covers, shown as a hashtag." })
@Entity("sector_tags")
export class SectorTag extends BaseEntity {
  @Field()
  @Column({ type: "text", unique: true })
  slug!: string;

  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  nameEn!: string | null;

  @ManyToMany("Report", "sectorTags")
  reports?: Report[];
}
