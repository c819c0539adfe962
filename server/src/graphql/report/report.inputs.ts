import { ArgsType, Field, GraphQLISODateTime, ID, InputType, registerEnumType } from "type-graphql";
import { PageArgs } from "../../kernel/pagination";
import type { NewReport, ReportChanges } from "../../modules/report/report-content";
import { ReportOrder, type ReportListFilter } from "../../modules/report/report-list";
import { ReportStatus } from "../../modules/report/report-status";
registerEnumType(ReportOrder, {
  name: "ReportOrder",
  description: "Newest first by default. Titles sort by code point, which is 가나다 order for Hangul.",
});

@InputType({ description: "All given conditions must hold." })
export class ReportFilter implements ReportListFilter {
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

@InputType({ description: "A new report; it starts as a DRAFT." })
export class CreateReportInput implements NewReport {
  @Field()
  title!: string;

  @Field()
  subject!: string;

  @Field(() => [String], { description: "1–5 bullet points." })
  summary!: string[];

  @Field({ description: "HTML; sanitized to an allow-list on save." })
  body!: string;

  @Field(() => String, { nullable: true, description: "BCP 47 tag, default ko." })
  language?: string | null;

  @Field(() => ID)
  firmId!: string;

  @Field(() => [ID], { description: "1–10 analysts of the report's firm, lead first." })
  analystIds!: string[];

  @Field(() => [ID], { nullable: true })
  sectorTagIds?: string[] | null;
}

@InputType({ description: "Changes to a report; omitted fields stay as they are." })
export class UpdateReportInput implements ReportChanges {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => [String], { nullable: true })
  summary?: string[] | null;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => ID, { nullable: true })
  firmId?: string | null;

  @Field(() => [ID], { nullable: true })
  analystIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  sectorTagIds?: string[] | null;
}
