import { Field, ObjectType } from "type-graphql";
import { Column } from "typeorm";
import { BaseEntity } from "../../kernel/base.entity";

/** Firms, analysts and sector tags: addressed by slug, listed by name. */
@ObjectType()
export abstract class CatalogEntity extends BaseEntity {
  @Field()
  @Column({ type: "text", unique: true })
  slug!: string;

  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  nameEn!: string | null;
}
