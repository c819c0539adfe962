import { GraphQLJSON } from "graphql-scalars";
import { Field, GraphQLISODateTime, ObjectType } from "type-graphql";
import { connectionType } from "../../kernel/pagination";
import type { Context } from "../context";
import type { ReportParent } from "../../modules/report/report-query.service";
import { Report } from "../../modules/report/report.entity";
import type { ReportsArgs } from "./report.inputs";

export const ReportConnection = connectionType(Report, "Report");

@ObjectType({ description: "Why and when a report was withdrawn from clients." })
export class Retraction {
  @Field()
  reason!: string;

  @Field(() => GraphQLISODateTime)
  at!: Date;
}

@ObjectType({ description: "The scheduler's refusal to publish a scheduled report." })
export class ScheduleBlock {
  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field()
  reason!: string;
}

@ObjectType({ description: "One field that differs between two revisions." })
export class FieldChange {
  @Field()
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  after!: unknown;
}

/** `reports` of a firm, analyst or tag, batched across all parents in the response. */
export async function relatedReports(
  ctx: Context,
  parent: ReportParent,
  parentId: string,
  args: ReportsArgs,
): Promise<InstanceType<typeof ReportConnection>> {
  return new ReportConnection(await ctx.loaders.reportsOf(parent, args).load(parentId));
}
