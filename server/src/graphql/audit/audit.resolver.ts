import { Args, Authorized, Ctx, Query, Resolver } from "type-graphql";
import type { Context } from "../context";
import { connectionType } from "../../kernel/pagination";
import { Role } from "../../modules/user/user.entity";
import { AuditEvent } from "../../modules/audit/audit-event.entity";
import { AuditEventsArgs } from "./audit.inputs";

export const AuditEventConnection = connectionType(AuditEvent, "AuditEvent");

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEventConnection, { description: "The whole audit log, newest first (admins only)." })
  async auditEvents(@Ctx() ctx: Context, @Args() args: AuditEventsArgs): Promise<InstanceType<typeof AuditEventConnection>> {
    return new AuditEventConnection(await ctx.services.audit.search({ ...args.filter, first: args.first, after: args.after }));
  }
}
