import { Field, ObjectType } from "type-graphql";
import { Column, Entity, OneToMany } from "typeorm";
import { CatalogEntity } from "../catalog/catalog.entity";
import type { Analyst } from "../analyst/analyst.entity";
import type { DisclaimerTemplate } from "../disclaimer/disclaimer-template.entity";
import type { Report } from "../report/report.entity";

@ObjectType({ description: "A brokerage whose analysts write reports.", simpleResolvers: true })
@Entity("firms")
export class Firm extends CatalogEntity {
  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  website!: string | null;

  @Field()
  @Column({ type: "boolean", default: true })
  isPartner!: boolean;

  @OneToMany("Analyst", "firm")
  analysts?: Analyst[];

  @OneToMany("Report", "firm")
  reports?: Report[];

  @OneToMany("DisclaimerTemplate", "firm")
  disclaimerTemplates?: DisclaimerTemplate[];
}
