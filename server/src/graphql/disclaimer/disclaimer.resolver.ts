import { Arg, Authorized, Ctx, FieldResolver, GraphQLISODateTime, Mutation, Resolver, Root } from "type-graphql";
import { CurrentActor, UuidArg } from "../arguments";
import type { Context } from "../context";
import type { Actor } from "../../modules/audit/audit.service";
import { Role, User } from "../../modules/user/user.entity";
import { DisclaimerSnapshot } from "../../modules/disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "../../modules/disclaimer/disclaimer-template.entity";

@Resolver(() => DisclaimerTemplate)
export class DisclaimerResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => DisclaimerTemplate, {
    description: "The firm's next disclaimer version; versions are never edited. Body: at most 5,000 characters.",
  })
  createDisclaimerTemplate(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("firmId") firmId: string,
    @Arg("body") body: string,
    @Arg("effectiveFrom", () => GraphQLISODateTime, { nullable: true, description: "Default: now." }) effectiveFrom?: Date | null,
  ): Promise<DisclaimerTemplate> {
    return ctx.services.disclaimers.createTemplate(actor, firmId, body, effectiveFrom ?? null);
  }
}

/** Who attached and reviewed a disclaimer, and the reviewer's note, are for staff. */
@Resolver(() => DisclaimerSnapshot)
export class DisclaimerSnapshotResolver {
  @Authorized()
  @FieldResolver(() => String, { nullable: true })
  reviewNote(@Root() snapshot: DisclaimerSnapshot): string | null {
    return snapshot.reviewNote;
  }

  @Authorized()
  @FieldResolver(() => User, { nullable: true })
  attachedBy(@Root() snapshot: DisclaimerSnapshot, @Ctx() ctx: Context): Promise<User | null> | null {
    return snapshot.attachedById ? ctx.loaders.user.load(snapshot.attachedById) : null;
  }

  @Authorized()
  @FieldResolver(() => User, { nullable: true })
  reviewedBy(@Root() snapshot: DisclaimerSnapshot, @Ctx() ctx: Context): Promise<User | null> | null {
    return snapshot.reviewedById ? ctx.loaders.user.load(snapshot.reviewedById) : null;
  }
}
