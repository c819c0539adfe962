import { Field, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, Unique } from "typeorm";
import { BaseEntity } from "../../kernel/base.entity";
import type { Firm } from "../firm/firm.entity";

@ObjectType({ description: "One version of a firm's required disclaimer." })
@Entity("disclaimer_templates")
@Unique(["firmId", "version"])
export class DisclaimerTemplate extends BaseEntity {
  @Column({ type: "uuid" })
  firmId!: string;

  @ManyToOne("Firm", "disclaimerTemplates", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "firm_id" })
  firm?: Firm;

  @Field(() => Int)
  @Column({ type: "int" })
  version!: number;

  @Field()
  @Column({ type: "text" })
  body!: string;

  @Field(() => GraphQLISODateTime, { description: "The version is the firm's current one from this time on." })
  @Column({ type: "timestamptz" })
  effectiveFrom!: Date;

  @Field({ description: "SHA-256 of the body (hex)." })
  @Column({ type: "text" })
  checksum!: string;
}
