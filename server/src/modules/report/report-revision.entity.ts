import { Field, GraphQLISODateTime, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { ReportContent } from "./report-content";

/** A full copy of a report's editable fields as one save left them. */
@ObjectType({ description: "A saved version of a report's content." })
@Entity("report_revisions")
export class ReportRevision {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "uuid" })
  reportId!: string;

  @Field(() => Int, { description: "1 for the first save, then one more per save." })
  @Column({ type: "int" })
  number!: number;

  @Field(() => ReportContent)
  @Column({ type: "jsonb" })
  content!: ReportContent;

  @Column({ type: "uuid", nullable: true })
  createdById!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt!: Date;
}
