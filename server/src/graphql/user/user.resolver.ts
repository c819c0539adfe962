import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { CurrentActor, UuidArg } from "../arguments";
import type { Context } from "../context";
import { connectionType } from "../../kernel/pagination";
import type { Actor } from "../../modules/audit/audit.service";
import { CatalogArgs } from "../catalog/catalog.inputs";
import { Role, User } from "../../modules/user/user.entity";
import { CreateUserInput, LoginResult, UpdateMeInput, UpdateUserInput } from "./user.inputs";

const UserConnection = connectionType(User, "User");

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The signed-in staff user, or null." })
  me(@Ctx() ctx: Context): User | null {
    return ctx.viewer.user;
  }

  @Authorized(Role.ADMIN)
  @Query(() => User, { nullable: true, description: "A staff account, or null if there is none with this id (admins only)." })
  user(@Ctx() ctx: Context, @UuidArg("id") id: string): Promise<User | null> {
    return ctx.loaders.user.load(id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => UserConnection, { description: "Staff accounts in name order (admins only)." })
  async users(@Ctx() ctx: Context, @Args() args: CatalogArgs): Promise<InstanceType<typeof UserConnection>> {
    return new UserConnection(await ctx.services.users.list(args));
  }

  @Mutation(() => LoginResult, { description: "Starts a session: sets an HttpOnly cookie and returns a bearer token." })
  async login(@Ctx() ctx: Context, @Arg("email") email: string, @Arg("password") password: string): Promise<LoginResult> {
    const signIn = await ctx.services.sessions.login(email, password, ctx.clientIp);
    ctx.sessionCookie.set(signIn.token, signIn.expiresAt);
    return signIn;
  }

  @Mutation(() => Boolean, { description: "Ends the current session." })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    await ctx.services.sessions.logout(ctx.viewer);
    ctx.sessionCookie.clear();
    return true;
  }

  @Authorized()
  @Mutation(() => User)
  async updateMe(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: UpdateMeInput): Promise<User> {
    return ctx.services.users.update(actor, ctx.viewer.user!.id, { name: input.name });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Needs the current password; ends your other sessions." })
  async changePassword(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @Arg("oldPassword") oldPassword: string,
    @Arg("newPassword") newPassword: string,
  ): Promise<boolean> {
    await ctx.services.users.changePassword(actor, ctx.viewer.sessionId, oldPassword, newPassword);
    return true;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User)
  async createUser(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: CreateUserInput): Promise<User> {
    return ctx.services.users.create(actor, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: "Rename, re-role, disable or enable a user; role changes and disabling end their sessions." })
  async updateUser(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string, @Arg("input") input: UpdateUserInput): Promise<User> {
    return ctx.services.users.update(actor, id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: "Sets a new password and ends all of the user's sessions." })
  async resetPassword(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("userId") userId: string,
    @Arg("password") password: string,
  ): Promise<boolean> {
    await ctx.services.users.resetPassword(actor, userId, password);
    return true;
  }
}
