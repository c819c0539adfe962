import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import type { DisclaimerTemplate } from "./disclaimer-template.entity";

export enum ReviewStatus {
  PENDING = "PENDING",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}
registerEnumType(ReviewStatus, { name: "ReviewStatus" });

/**
 * The disclaimer text as attached to one report: copied from the firm's template at attach time,
 * so later template versions never change what a report carried. Rows are inserted, never rewritten
 * after review.
 */
@ObjectType("Disclaimer", { description: "The disclaimer attached to a report.", simpleResolvers: true })
@Entity("disclaimer_snapshots")
export class DisclaimerSnapshot {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "uuid" })
  reportId!: string;

  @Column({ type: "uuid" })
  templateId!: string;

  @ManyToOne("DisclaimerTemplate", { onDelete: "RESTRICT" })
  @JoinColumn({ name: "template_id" })
  template?: DisclaimerTemplate;

  @Field(() => Int, { description: "The firm's template version this text was copied from." })
  @Column({ type: "int" })
  templateVersion!: number;

  @Field()
  @Column({ type: "text" })
  text!: string;

  @Field({ description: "SHA-256 of the text (hex)." })
  @Column({ type: "text" })
  checksum!: string;

  @Column({ type: "uuid", nullable: true })
  attachedById!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: "timestamptz", default: () => "now()" })
  attachedAt!: Date;

  @Field(() => ReviewStatus)
  @Column({ type: "text", default: ReviewStatus.PENDING })
  reviewStatus!: ReviewStatus;

  @Column({ type: "uuid", nullable: true })
  reviewedById!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  reviewedAt!: Date | null;

  @Column({ type: "text", nullable: true })
  reviewNote!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "SHA-256 of the content (title, subject, summary, body) the reviewer approved, recorded by the database at approval; " +
      "a live report's content always matches it. Null until approved, and for approvals older than these records.",
  })
  @Column({ type: "text", nullable: true })
  contentChecksum!: string | null;
}
