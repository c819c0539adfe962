import { Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { connectionType } from "../../kernel/pagination";
import { Role, User } from "../../modules/user/user.entity";
import { AuditEvent } from "../../modules/audit/audit-event.entity";
import { recordedTitle, type AuditSubject } from "../../modules/audit/audit.service";
import { AuditEventsArgs } from "./audit.inputs";

export const AuditEventConnection = connectionType(AuditEvent, "AuditEvent");

const subjectOf = (event: AuditEvent, ctx: Context): Promise<AuditSubject | null> | null =>
  event.entityId ? ctx.loaders.auditSubject.load({ type: event.entityType, id: event.entityId }) : null;

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: "The whole audit log, newest first (admins only)." })
  async auditEvents(@Ctx() ctx: Context, @Args() args: AuditEventsArgs): Promise<InstanceType<typeof AuditEventConnection>> {
    return new AuditEventConnection(await ctx.services.audit.search({ ...args.filter, first: args.first, after: args.after }));
  }

  @Authorized(Role.ADMIN)
  @Query(() => [String], { description: "Every action the audit log records, for AuditFilter.action (admins only)." })
  auditActions(@Ctx() ctx: Context): readonly string[] {
    return ctx.services.audit.actions();
  }

  @FieldResolver(() => User, { nullable: true, description: "The user who acted, as the account is now; null for the system." })
  actor(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<User | null> | null {
    return event.actorId ? ctx.loaders.user.load(event.actorId) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The entity's name now (a report's title; a firm's, analyst's, tag's, user's or API key's name; a disclaimer template's firm), " +
      "or, once it is gone, the name the event recorded; null when there is none.",
  })
  async entityTitle(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<string | null> {
    return (await subjectOf(event, ctx))?.title ?? recordedTitle(event);
  }

  @FieldResolver(() => ID, { nullable: true, description: "The firm whose page shows the entity, for a disclaimer template." })
  async entityFirmId(@Root() event: AuditEvent, @Ctx() ctx: Context): Promise<string | null> {
    return (await subjectOf(event, ctx))?.firmId ?? null;
  }
}
