import { Field, ID, InputType, ObjectType } from "type-graphql";

/** Documented maximums; the README lists them. */
export const REPORT_LIMITS = {
  title: 200,
  subject: 100,
  summaryBullets: { min: 1, max: 5 },
  bullet: 300,
  body: 100_000,
  analysts: { min: 1, max: 10 },
  sectorTags: { min: 0, max: 10 },
  language: 20,
} as const;

@ObjectType({ description: "A report's editable fields, as a revision keeps them." })
export class ReportContent {
  @Field()
  title!: string;

  @Field()
  subject!: string;

  @Field(() => [String])
  summary!: string[];

  @Field()
  body!: string;

  @Field()
  language!: string;

  @Field(() => ID)
  firmId!: string;

  @Field(() => [ID], { description: "Lead analyst first." })
  analystIds!: string[];

  @Field(() => [ID])
  sectorTagIds!: string[];
}

@InputType({ description: "A new report; it starts as a DRAFT." })
export class CreateReportInput {
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
export class UpdateReportInput {
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
