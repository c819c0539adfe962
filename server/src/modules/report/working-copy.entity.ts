import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";

export enum WorkingCopyStatus {
  DRAFT = "DRAFT",
  IN_REVIEW = "IN_REVIEW",
  APPROVED = "APPROVED",
}
registerEnumType(WorkingCopyStatus, { name: "WorkingCopyStatus" });

/**
 * A correction in progress of a report that is approved, scheduled or live. Clients keep reading
 * the report's own fields until the copy is approved and published onto it.
 */
@ObjectType("ReportWorkingCopy", { description: "A correction in progress (staff only)." })
@Entity("report_working_copies")
export class WorkingCopy {
  @PrimaryColumn({ type: "uuid" })
  reportId!: string;

  @Field()
  @Column({ type: "text" })
  title!: string;

  @Field()
  @Column({ type: "text" })
  subject!: string;

  @Field(() => [String])
  @Column({ type: "text", array: true })
  summary!: string[];

  @Field()
  @Column({ type: "text" })
  body!: string;

  @Field()
  @Column({ type: "text" })
  language!: string;

  @Column({ type: "uuid", array: true })
  analystIds!: string[];

  @Column({ type: "uuid", array: true })
  sectorTagIds!: string[];

  @Field(() => WorkingCopyStatus)
  @Column({ type: "text" })
  status!: WorkingCopyStatus;

  @Column({ type: "uuid", nullable: true })
  disclaimerId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "What the correction changes, for clients (Report.correctionNote once it goes live); written when it is submitted.",
  })
  @Column({ type: "text", nullable: true })
  correctionNote!: string | null;

  @Field(() => Int, { description: "Pass it back as updateReport's expectedVersion while the copy exists." })
  @Column({ type: "int" })
  version!: number;

  @Column({ type: "uuid", nullable: true })
  createdById!: string | null;

  @Column({ type: "uuid", nullable: true })
  updatedById!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  @Column({ type: "timestamptz", default: () => "now()" })
  updatedAt!: Date;
}
