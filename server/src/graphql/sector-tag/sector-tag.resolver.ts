import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { lookup } from "../../kernel/ids";
import { CurrentActor, UuidArg } from "../arguments";
import { connectionType } from "../../kernel/pagination";
import type { Actor } from "../../modules/audit/audit.service";
import { CatalogArgs } from "../catalog/catalog.inputs";
import { ReportsArgs } from "../report/report.inputs";
import { relatedReports, ReportConnection } from "../report/report.types";
import { Role } from "../../modules/user/user.entity";
import { SectorTag } from "../../modules/sector-tag/sector-tag.entity";
import { CreateSectorTagInput, UpdateSectorTagInput } from "./sector-tag.inputs";

const SectorTagConnection = connectionType(SectorTag, "SectorTag");

@Resolver(() => SectorTag)
export class SectorTagResolver {
  @Query(() => SectorTag, { nullable: true })
  async sectorTag(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
    @Arg("slug", () => String, { nullable: true }) slug?: string | null,
  ): Promise<SectorTag | null> {
    const key = lookup(id, slug);
    return key ? ctx.services.sectorTags.findOne(key) : null;
  }

  @Query(() => SectorTagConnection, { description: "Sector tags in name order." })
  async sectorTags(@Ctx() ctx: Context, @Args() args: CatalogArgs): Promise<InstanceType<typeof SectorTagConnection>> {
    return new SectorTagConnection(await ctx.services.sectorTags.list(args));
  }

  @FieldResolver(() => ReportConnection)
  reports(@Root() tag: SectorTag, @Ctx() ctx: Context, @Args() args: ReportsArgs): Promise<InstanceType<typeof ReportConnection>> {
    return relatedReports(ctx, "sectorTag", tag.id, args);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => SectorTag)
  createSectorTag(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: CreateSectorTagInput): Promise<SectorTag> {
    return ctx.services.sectorTags.create(actor, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => SectorTag)
  updateSectorTag(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string, @Arg("input") input: UpdateSectorTagInput): Promise<SectorTag> {
    return ctx.services.sectorTags.update(actor, id, input);
  }
}
