import { Arg, Authorized, Ctx, GraphQLISODateTime, Int, Mutation, Resolver } from "type-graphql";
import { CurrentActor, UuidArg } from "../arguments";
import type { Context } from "../context";
import type { Actor } from "../../modules/audit/audit.service";
import { Role } from "../../modules/user/user.entity";
import { Report } from "../../modules/report/report.entity";
import { DisclaimerRenewal } from "./renewal.types";
import { CORRECTION_NOTE_LIMITS, RENEWAL_BATCH_MAX } from "../../modules/publishing/report-workflow.service";

/** The publishing workflow (README: "The publishing workflow"). While a correction exists, each step acts on it. */
@Resolver(() => Report)
export class ReportWorkflowResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Report, {
    description:
      "Attaches a snapshot of the firm's current disclaimer to a DRAFT, or re-attaches to an APPROVED one (back to DRAFT). " +
      "On a PUBLISHED or SCHEDULED report without a correction, opens a correction with the content unchanged that carries the new " +
      "snapshot (a renewal: it is reviewed and published like any correction, and clients keep the approved version meanwhile).",
  })
  attachDisclaimer(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string): Promise<Report> {
    return ctx.services.workflow.attachDisclaimer(actor, reportId);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => DisclaimerRenewal, {
    description:
      `Renews the firm's PUBLISHED and SCHEDULED reports whose disclaimer is not the current version, \`first\` (1–${RENEWAL_BATCH_MAX}, ` +
      "default 100) at a time in id order after `after`: each as attachDisclaimer would, so each needs its own approval. " +
      "Reports whose correction is in review or already renewed are skipped and named.",
  })
  renewOutdatedDisclaimers(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("firmId") firmId: string,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
  ): Promise<DisclaimerRenewal> {
    return ctx.services.workflow.renewOutdated(actor, firmId, after ?? null, first ?? null);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, {
    description:
      "DRAFT → IN_REVIEW; needs a pending disclaimer of the current version. A correction needs `correctionNote` (what it changes, " +
      `for clients: 1–${CORRECTION_NOTE_LIMITS.chars} characters, at most ${CORRECTION_NOTE_LIMITS.lines} lines), which is reviewed ` +
      "with it and goes live with it as Report.correctionNote; a report that is not a correction takes none.",
  })
  submitForReview(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("reportId") reportId: string,
    @Arg("correctionNote", () => String, { nullable: true }) correctionNote?: string | null,
  ): Promise<Report> {
    return ctx.services.workflow.submitForReview(actor, reportId, correctionNote ?? null);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "IN_REVIEW → DRAFT, to change it before review." })
  withdrawReport(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string): Promise<Report> {
    return ctx.services.workflow.withdraw(actor, reportId);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Report, {
    description:
      "IN_REVIEW → APPROVED; never by whoever attached the disclaimer, created the report, or created or last edited what is reviewed. " +
      "Refused (DISCLAIMER_REQUIRED, reason OUTDATED) when the attached disclaimer is no longer the firm's current version: reject it instead.",
  })
  approveDisclaimer(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string,
    @Arg("note", () => String, { nullable: true }) note?: string | null,
  ): Promise<Report> {
    return ctx.services.workflow.approveDisclaimer(actor, reportId, note ?? null);
  }

  @Authorized(Role.REVIEWER)
  @Mutation(() => Report, { description: "IN_REVIEW → DRAFT with the reason (required)." })
  rejectDisclaimer(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string, @Arg("note") note: string): Promise<Report> {
    return ctx.services.workflow.rejectDisclaimer(actor, reportId, note);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, {
    description:
      "APPROVED → PUBLISHED now, or SCHEDULED for `at` (future, at most a year ahead). An approved correction of a PUBLISHED report goes " +
      "live now (it cannot be scheduled). An approved correction of an APPROVED or SCHEDULED report replaces the report's content and " +
      "disclaimer, and the report then goes live now or is scheduled for `at`, in one transaction.",
  })
  publishReport(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string,
    @Arg("at", () => GraphQLISODateTime, { nullable: true }) at?: Date | null,
  ): Promise<Report> {
    return ctx.services.workflow.publish(actor, reportId, at ?? null);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "SCHEDULED → APPROVED." })
  unscheduleReport(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string): Promise<Report> {
    return ctx.services.workflow.unschedule(actor, reportId);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "PUBLISHED → RETRACTED, for good; clients then see a tombstone with the reason." })
  retractReport(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("reportId") reportId: string, @Arg("reason") reason: string): Promise<Report> {
    return ctx.services.workflow.retract(actor, reportId, reason);
  }
}
