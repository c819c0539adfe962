import { Arg, Authorized, Ctx, Field, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { CurrentActor, UuidArg } from "../arguments";
import type { Actor } from "../../modules/audit/audit.service";
import { Role } from "../../modules/user/user.entity";
import { ApiKey } from "../../modules/api-key/api-key.entity";

@ObjectType()
class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field({ description: "The key itself. Shown only now: store it; it cannot be read again." })
  key!: string;
}

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: "API keys, newest first; never the keys themselves." })
  apiKeys(@Ctx() ctx: Context): Promise<ApiKey[]> {
    return ctx.services.apiKeys.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey)
  createApiKey(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("name") name: string): Promise<CreatedApiKey> {
    return ctx.services.apiKeys.create(actor, name);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey)
  revokeApiKey(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string): Promise<ApiKey> {
    return ctx.services.apiKeys.revoke(actor, id);
  }
}
