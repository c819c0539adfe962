import { Field, ID, ObjectType } from "type-graphql";

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

/** A new report's content as its author gives it; the service fills in the defaults and validates it. */
export interface NewReport {
  title: string;
  subject: string;
  summary: string[];
  body: string;
  language?: string | null;
  firmId: string;
  analystIds: string[];
  sectorTagIds?: string[] | null;
}

/** Changes to a report's content; a field left out or null stays as it is. */
export type ReportChanges = { [K in keyof ReportContent]?: ReportContent[K] | null };
