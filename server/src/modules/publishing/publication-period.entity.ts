import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { ViewColumn, ViewEntity } from "typeorm";

/** One stretch of time during which clients could read one exact version of a report. */
@ObjectType({ description: "What clients could read, and when (from the append-only publication log)." })
@ViewEntity({ name: "report_live_periods", synchronize: false })
export class PublicationPeriod {
  @ViewColumn()
  reportId!: string;

  @Field({ description: "SHA-256 of the content that was live." })
  @ViewColumn()
  contentChecksum!: string;

  @Field(() => String, { nullable: true, description: "SHA-256 of the disclaimer text that was live." })
  @ViewColumn()
  disclaimerChecksum!: string | null;

  @Field(() => ID, { nullable: true, description: "The revision holding that content." })
  @ViewColumn()
  revisionId!: string | null;

  @Field(() => String, { nullable: true, description: "The correction note clients read with that content." })
  @ViewColumn()
  correctionNote!: string | null;

  @Field(() => GraphQLISODateTime)
  @ViewColumn()
  liveFrom!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Null while it is still live." })
  @ViewColumn()
  liveUntil!: Date | null;
}
