import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { lookup } from "../../kernel/ids";
import { CurrentActor, UuidArg } from "../arguments";
import { connectionType } from "../../kernel/pagination";
import type { Actor } from "../../modules/audit/audit.service";
import { Firm } from "../../modules/firm/firm.entity";
import { ReportsArgs } from "../report/report.inputs";
import { relatedReports, ReportConnection } from "../report/report.types";
import { Analyst } from "../../modules/analyst/analyst.entity";
import { Role } from "../../modules/user/user.entity";
import { AnalystsArgs, CreateAnalystInput, UpdateAnalystInput } from "./analyst.inputs";

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

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: "Staff only." })
  email(@Root() analyst: Analyst): string | null {
    return analyst.email;
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Analyst)
  createAnalyst(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: CreateAnalystInput): Promise<Analyst> {
    return ctx.services.analysts.create(actor, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Analyst)
  updateAnalyst(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string, @Arg("input") input: UpdateAnalystInput): Promise<Analyst> {
    return ctx.services.analysts.update(actor, id, input);
  }
}
