import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { lookup } from "../../kernel/ids";
import { CurrentActor, UuidArg } from "../arguments";
import { connectionType } from "../../kernel/pagination";
import { Analyst } from "../../modules/analyst/analyst.entity";
import type { Actor } from "../../modules/audit/audit.service";
import { CatalogArgs } from "../catalog/catalog.inputs";
import { DisclaimerTemplate } from "../../modules/disclaimer/disclaimer-template.entity";
import { ReportsArgs } from "../report/report.inputs";
import { relatedReports, ReportConnection } from "../report/report.types";
import { Role } from "../../modules/user/user.entity";
import { Firm } from "../../modules/firm/firm.entity";
import { CreateFirmInput, UpdateFirmInput } from "./firm.inputs";

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
  async firms(@Ctx() ctx: Context, @Args() args: CatalogArgs): Promise<InstanceType<typeof FirmConnection>> {
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

  @Authorized()
  @FieldResolver(() => [DisclaimerTemplate], { description: "Every version, newest first, future ones included (staff only)." })
  disclaimerTemplates(@Root() firm: Firm, @Ctx() ctx: Context): Promise<DisclaimerTemplate[]> {
    return ctx.loaders.templatesOfFirm.load(firm.id);
  }

  @Authorized()
  @FieldResolver(() => DisclaimerTemplate, {
    nullable: true,
    description: "The version in effect now (the highest whose effectiveFrom has passed): what attachDisclaimer attaches (staff only).",
  })
  currentDisclaimerTemplate(@Root() firm: Firm, @Ctx() ctx: Context): Promise<DisclaimerTemplate | null> {
    return ctx.loaders.currentTemplateOfFirm.load(firm.id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Firm)
  createFirm(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: CreateFirmInput): Promise<Firm> {
    return ctx.services.firms.create(actor, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Firm)
  updateFirm(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string, @Arg("input") input: UpdateFirmInput): Promise<Firm> {
    return ctx.services.firms.update(actor, id, input);
  }
}
