import { Arg, Authorized, Ctx, GraphQLISODateTime, ID, Mutation, Resolver } from "type-graphql";
import type { Context } from "../../common/context";
import { requireUuid } from "../../common/ids";
import { actorOf } from "../audit/audit.service";
import { Role } from "../user/user.entity";
import { Report } from "./report.entity";

/** The publishing workflow (README: "The publishing workflow"). While a correction exists, each step acts on it. */
@Resolver(() => Report)
export class ReportWorkflowResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Report, {
    description: "Attaches a snapshot of the firm's current disclaimer to a DRAFT, or re-attaches to an APPROVED one (back to DRAFT).",
  })
  attachDisclaimer(@Ctx() ctx: Context, @Arg("reportId", () => ID) reportId: string): Promise<Report> {
    return ctx.services.workflow.attachDisclaimer(actorOf(ctx.viewer), requireUuid(reportId, "reportId"));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "DRAFT → IN_REVIEW; needs a pending disclaimer of the current version." })
  submitForReview(@Ctx() ctx: Context, @Arg("reportId", () => ID) reportId: string): Promise<Report> {
    return ctx.services.workflow.submitForReview(actorOf(ctx.viewer), requireUuid(reportId, "reportId"));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "IN_REVIEW → DRAFT, to change it before review." })
  withdrawReport(@Ctx() ctx: Context, @Arg("reportId", () => ID) reportId: string): Promise<Report> {
    return ctx.services.workflow.withdraw(actorOf(ctx.viewer), requireUuid(reportId, "reportId"));
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Report, { description: "IN_REVIEW → APPROVED; never by the report's author or last editor." })
  approveDisclaimer(
    @Ctx() ctx: Context,
    @Arg("reportId", () => ID) reportId: string,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
  ): Promise<Report> {
    return ctx.services.workflow.approveDisclaimer(actorOf(ctx.viewer), requireUuid(reportId, "reportId"), note ?? null);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Report, { description: "IN_REVIEW → DRAFT with the reason (required)." })
  rejectDisclaimer(@Ctx() ctx: Context, @Arg("reportId", () => ID) reportId: string, @Arg("note") note: string): Promise<Report> {
    return ctx.services.workflow.rejectDisclaimer(actorOf(ctx.viewer), requireUuid(reportId, "reportId"), note);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, {
    description: "APPROVED → PUBLISHED now, or SCHEDULED for `at` (future, at most a year ahead). An approved correction goes live now.",
  })
  publishReport(
    @Ctx() ctx: Context,
    @Arg("reportId", () => ID) reportId: string,
    @Arg("at", () => GraphQLISODateTime, { nullable: true }) at?: Date | null,
  ): Promise<Report> {
    return ctx.services.workflow.publish(actorOf(ctx.viewer), requireUuid(reportId, "reportId"), at ?? null);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "SCHEDULED → APPROVED." })
  unscheduleReport(@Ctx() ctx: Context, @Arg("reportId", () => ID) reportId: string): Promise<Report> {
    return ctx.services.workflow.unschedule(actorOf(ctx.viewer), requireUuid(reportId, "reportId"));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "PUBLISHED → RETRACTED, for good; clients then see a tombstone with the reason." })
  retractReport(@Ctx() ctx: Context, @Arg("reportId", () => ID) reportId: string, @Arg("reason") reason: string): Promise<Report> {
    return ctx.services.workflow.retract(actorOf(ctx.viewer), requireUuid(reportId, "reportId"), reason);
  }
}
