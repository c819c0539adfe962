import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../common/context";
import { lookup } from "../../common/ids";
import { connectionType } from "../../common/pagination";
import { Firm } from "../firm/firm.entity";
import { ReportsArgs } from "../report/report.inputs";
import { relatedReports, ReportConnection } from "../report/report.types";
import { Analyst } from "./analyst.entity";
import { AnalystsArgs } from "./analyst.inputs";

const AnalystConnection = connectionType(Analyst, "Analyst");

@Resolver(() => Analyst)
export class AnalystResolver {
  @Query(() => Analyst, { nullable: true })
  async analyst(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
    @Arg("slug", () => String, { nullable: true }) slug?: string | null,
  ): Promise<Analyst | null> {
    const key = lookup(id, slug);
    return key ? ctx.services.analysts.findOne(key) : null;
  }

  @Query(() => AnalystConnection, { description: "Analysts in name order." })
  async analysts(@Ctx() ctx: Context, @Args() args: AnalystsArgs): Promise<InstanceType<typeof AnalystConnection>> {
    return new AnalystConnection(await ctx.services.analysts.list(args));
  }

  @FieldResolver(() => Firm)
  async firm(@Root() analyst: Analyst, @Ctx() ctx: Context): Promise<Firm> {
    return (await ctx.loaders.firm.load(analyst.firmId))!;
  }

  @FieldResolver(() => ReportConnection)
  reports(@Root() analyst: Analyst, @Ctx() ctx: Context, @Args() args: ReportsArgs): Promise<InstanceType<typeof ReportConnection>> {
    return relatedReports(ctx, "analyst", analyst.id, args);
  }
}
