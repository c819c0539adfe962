import { ArgsType, Field, GraphQLISODateTime, ID, InputType, registerEnumType } from "type-graphql";
import { PageArgs } from "../../kernel/pagination";
import { ReportStatus } from "./report-status";

export enum ReportOrder {
  PUBLISHED_AT_DESC = "PUBLISHED_AT_DESC",
  PUBLISHED_AT_ASC = "PUBLISHED_AT_ASC",
  TITLE_ASC = "TITLE_ASC",
  TITLE_DESC = "TITLE_DESC",
}
registerEnumType(ReportOrder, {
  name: "ReportOrder",
  description: "Newest first by default. Titles sort by code point, which is 가나다 order for Hangul.",
});

@InputType({ description: "All given conditions must hold." })
export class ReportFilter {
  @Field(() => ID, { nullable: true })
  firmId?: string | null;

  @Field(() => ID, { nullable: true })
  analystId?: string | null;

  @Field(() => ID, { nullable: true })
  sectorTagId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Words separated by spaces; each must occur in the title, subject, summary or body " +
      "(substring, case-insensitive). Words need at least 2 characters.",
  })
  search?: string | null;

  @Field(() => ReportStatus, { nullable: true, description: "Staff only; clients always see PUBLISHED." })
  status?: ReportStatus | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Published at or after this time." })
  publishedAfter?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Published before this time." })
  publishedBefore?: Date | null;
}

@ArgsType()
export class ReportsArgs extends PageArgs {
  @Field(() => ReportFilter, { nullable: true })
  filter?: ReportFilter | null;

  @Field(() => ReportOrder, { nullable: true, defaultValue: ReportOrder.PUBLISHED_AT_DESC })
  orderBy?: ReportOrder | null;
}
