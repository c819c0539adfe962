import { Field, GraphQLISODateTime, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne, OneToMany } from "typeorm";
import { BaseEntity } from "../../kernel/base.entity";
import type { DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import type { Firm } from "../firm/firm.entity";
import type { SectorTag } from "../sector-tag/sector-tag.entity";
import type { ReportAnalyst } from "./report-analyst.entity";
import { ReportStatus } from "./report-status";

/**
 * A research report. `summary`, `body` and the disclaimer are resolved by ReportResolver, which
 * blanks them for retracted reports (tombstones).
 */
@ObjectType({ description: "An equity-research report written by a partner firm.", simpleResolvers: true })
@Entity("reports")
export class Report extends BaseEntity {
  @Field()
  @Column({ type: "text", unique: true })
  slug!: string;

  @Field({ description: "Starts with the covered company in brackets: `[Company] headline`." })
  @Column({ type: "text" })
  title!: string;

  @Field({ description: "The covered company." })
  @Column({ type: "text" })
  subject!: string;

  @Column({ type: "text", array: true })
  summary!: string[];

  @Column({ type: "text" })
  body!: string;

  @Field({ description: "BCP 47 language tag of the content." })
  @Column({ type: "text", default: "ko" })
  language!: string;

  @Field(() => ReportStatus)
  @Column({ type: "text", default: ReportStatus.DRAFT })
  status!: ReportStatus;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  publishedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  scheduledAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When a correction last went live." })
  @Column({ type: "timestamptz", nullable: true })
  correctedAt!: Date | null;

  /** The note of the last correction applied, as approved with it (ReportResolver decides who reads it). */
  @Column({ type: "text", nullable: true })
  correctionNote!: string | null;

  @Column({ type: "timestamptz", nullable: true })
  retractedAt!: Date | null;

  @Column({ type: "text", nullable: true })
  retractionReason!: string | null;

  @Field(() => Int, { description: "Increases with every saved change; pass it back as expectedVersion." })
  @Column({ type: "int", default: 1 })
  version!: number;

  @Column({ type: "uuid" })
  firmId!: string;

  @ManyToOne("Firm", "reports", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "firm_id" })
  firm?: Firm;

  @OneToMany("ReportAnalyst", "report")
  analystLinks?: ReportAnalyst[];

  @ManyToMany("SectorTag", "reports")
  @JoinTable({ name: "report_sector_tags", joinColumn: { name: "report_id" }, inverseJoinColumn: { name: "sector_tag_id" } })
  sectorTags?: SectorTag[];

  @Column({ type: "uuid", nullable: true })
  disclaimerId!: string | null;

  @ManyToOne("DisclaimerSnapshot", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "disclaimer_id" })
  disclaimer?: DisclaimerSnapshot;

  /** Set when the scheduler refused to publish (the firm's disclaimer changed meanwhile). */
  @Column({ type: "timestamptz", nullable: true })
  scheduleBlockedAt!: Date | null;

  @Column({ type: "text", nullable: true })
  scheduleBlockedReason!: string | null;

  @Column({ type: "uuid", nullable: true })
  createdById!: string | null;

  @Column({ type: "uuid", nullable: true })
  updatedById!: string | null;
}
