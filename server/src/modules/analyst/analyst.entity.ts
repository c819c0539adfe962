import { Field, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, OneToMany } from "typeorm";
import { CatalogEntity } from "../catalog/catalog.entity";
import type { Firm } from "../firm/firm.entity";
import type { ReportAnalyst } from "../report/report-analyst.entity";

@ObjectType({ description: "An analyst of a firm.", simpleResolvers: true })
@Entity("analysts")
export class Analyst extends CatalogEntity {
  @Field(() => String, { nullable: true, description: "Job title, e.g. 수석연구원." })
  @Column({ type: "text", nullable: true })
  title!: string | null;

  /** Staff-only; exposed with a role guard once sign-in exists. */
  @Column({ type: "text", nullable: true })
  email!: string | null;

  @Column({ type: "uuid" })
  firmId!: string;

  @ManyToOne("Firm", "analysts", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "firm_id" })
  firm?: Firm;

  @OneToMany("ReportAnalyst", "analyst")
  reportLinks?: ReportAnalyst[];
}
