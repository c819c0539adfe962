import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../common/context";
import { lookup } from "../../common/ids";
import { connectionType, PageArgs } from "../../common/pagination";
import { Analyst } from "../analyst/analyst.entity";
import { ReportsArgs } from "../report/report.inputs";
import { relatedReports, ReportConnection } from "../report/report.types";
import { Firm } from "./firm.entity";

const FirmConnection = connectionType(Firm, "Firm");

@Resolver(() => Firm)
export class FirmResolver {
  @Query(() => Firm, { nullable: true })
  async firm(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
    @Arg("slug", () => String, { nullable: true }) slug?: string | null,
  ): Promise<Firm | null> {
    const key = lookup(id, slug);
    return key ? ctx.services.firms.findOne(key) : null;
  }

  @Query(() => FirmConnection, { description: "Firms in name order." })
  async firms(@Ctx() ctx: Context, @Args() args: PageArgs): Promise<InstanceType<typeof FirmConnection>> {
    return new FirmConnection(await ctx.services.firms.list(args));
  }

  @FieldResolver(() => [Analyst], { description: "In name order." })
  analysts(@Root() firm: Firm, @Ctx() ctx: Context): Promise<Analyst[]> {
    return ctx.loaders.analystsOfFirm.load(firm.id);
  }

  @FieldResolver(() => ReportConnection)
  reports(@Root() firm: Firm, @Ctx() ctx: Context, @Args() args: ReportsArgs): Promise<InstanceType<typeof ReportConnection>> {
    return relatedReports(ctx, "firm", firm.id, args);
  }
}
