import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Analyst } from "../../modules/analyst/analyst.entity";
import { DisclaimerSnapshot } from "../../modules/disclaimer/disclaimer-snapshot.entity";
import { SectorTag } from "../../modules/sector-tag/sector-tag.entity";
import { User } from "../../modules/user/user.entity";
import { WorkingCopy } from "../../modules/report/working-copy.entity";

/** Relations of a correction; only staff reach a working copy (through Report.workingCopy). */
@Resolver(() => WorkingCopy)
export class WorkingCopyResolver {
  @FieldResolver(() => [Analyst], { description: "Lead analyst first." })
  async analysts(@Root() copy: WorkingCopy, @Ctx() ctx: Context): Promise<Analyst[]> {
    return (await ctx.loaders.analyst.loadMany(copy.analystIds)).filter((a): a is Analyst => a instanceof Analyst);
  }

  @FieldResolver(() => [SectorTag])
  async sectorTags(@Root() copy: WorkingCopy, @Ctx() ctx: Context): Promise<SectorTag[]> {
    return (await ctx.loaders.sectorTag.loadMany(copy.sectorTagIds)).filter((t): t is SectorTag => t instanceof SectorTag);
  }

  @FieldResolver(() => DisclaimerSnapshot, { nullable: true, description: "The disclaimer attached to the correction." })
  disclaimer(@Root() copy: WorkingCopy, @Ctx() ctx: Context): Promise<DisclaimerSnapshot | null> | null {
    return copy.disclaimerId ? ctx.loaders.disclaimer.load(copy.disclaimerId) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: "Who started the correction." })
  createdBy(@Root() copy: WorkingCopy, @Ctx() ctx: Context): Promise<User | null> | null {
    return copy.createdById ? ctx.loaders.user.load(copy.createdById) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  updatedBy(@Root() copy: WorkingCopy, @Ctx() ctx: Context): Promise<User | null> | null {
    return copy.updatedById ? ctx.loaders.user.load(copy.updatedById) : null;
  }
}
