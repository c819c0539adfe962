import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../../graphql/context";
import { requireUuid } from "../../kernel/ids";
import { actorOf } from "../audit/audit.service";
import { Role } from "../user/user.entity";
import { ApiKey } from "./api-key.entity";

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
  createApiKey(@Ctx() ctx: Context, @Arg("name") name: string): Promise<CreatedApiKey> {
    return ctx.services.apiKeys.create(actorOf(ctx.viewer), name);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey)
  revokeApiKey(@Ctx() ctx: Context, @Arg("id", () => ID) id: string): Promise<ApiKey> {
    return ctx.services.apiKeys.revoke(actorOf(ctx.viewer), requireUuid(id, "id"));
  }
}
