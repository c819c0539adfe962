import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Report } from "../../modules/report/report.entity";
import type { Context } from "../context";
import { ReportEventConnection, ReportEventNode, ReportEventsArgs } from "./report-event.types";

@Resolver(() => ReportEventNode)
export class ReportEventResolver {
  @Query(() => ReportEventConnection, {
    description:
      "The change feed: report events in commit order after `after`, so that a client paging on from its last endCursor misses nothing. " +
      "Anonymous clients and API keys get REPORT_PUBLISHED, REPORT_CORRECTED and REPORT_RETRACTED of reports they may read; staff get every type.",
  })
  async reportEvents(@Ctx() ctx: Context, @Args() { filter, first, after }: ReportEventsArgs): Promise<InstanceType<typeof ReportEventConnection>> {
    return new ReportEventConnection(await ctx.services.reportEvents.feed(ctx.viewer, filter, first, after));
  }

  @FieldResolver(() => Report, { nullable: true, description: "The report as the viewer may read it now (a retracted one is a tombstone)." })
  report(@Root() event: ReportEventNode, @Ctx() ctx: Context): Promise<Report | null> | null {
    return event.reportId ? ctx.loaders.report.load(event.reportId) : null;
  }
}
