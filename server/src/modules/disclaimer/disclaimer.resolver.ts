import { Arg, Authorized, Ctx, GraphQLISODateTime, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../common/context";
import { requireUuid } from "../../common/ids";
import { actorOf } from "../audit/audit.service";
import { Role } from "../user/user.entity";
import { DisclaimerTemplate } from "./disclaimer-template.entity";

@Resolver(() => DisclaimerTemplate)
export class DisclaimerResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => DisclaimerTemplate, {
    description: "The firm's next disclaimer version; versions are never edited. Body: at most 5,000 characters.",
  })
  createDisclaimerTemplate(
    @Ctx() ctx: Context,
    @Arg("firmId", () => ID) firmId: string,
    @Arg("body") body: string,
    @Arg("effectiveFrom", () => GraphQLISODateTime, { nullable: true, description: "Default: now." }) effectiveFrom?: Date | null,
  ): Promise<DisclaimerTemplate> {
    return ctx.services.dataSource.transaction((manager) =>
      ctx.services.disclaimers.createTemplate(manager, actorOf(ctx.viewer), requireUuid(firmId, "firmId"), body, effectiveFrom ?? null),
    );
  }
}
