import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import type { MaybePromise } from "../loaders";
import { badInput } from "../../kernel/errors";
import { lookup } from "../../kernel/ids";
import { CurrentActor, UuidArg } from "../arguments";
import { PageArgs } from "../../kernel/pagination";
import { Analyst } from "../../modules/analyst/analyst.entity";
import type { Actor } from "../../modules/audit/audit.service";
import { AuditEventConnection } from "../audit/audit.resolver";
import { DisclaimerSnapshot, ReviewStatus } from "../../modules/disclaimer/disclaimer-snapshot.entity";
import { Firm } from "../../modules/firm/firm.entity";
import { SectorTag } from "../../modules/sector-tag/sector-tag.entity";
import { Role, User } from "../../modules/user/user.entity";
import { PublicationPeriod } from "../../modules/publishing/publication-period.entity";
import { ReportRevision } from "../../modules/report/report-revision.entity";
import { WorkingCopy } from "../../modules/report/working-copy.entity";
import { ReportStatus } from "../../modules/report/report-status";
import { Report } from "../../modules/report/report.entity";
import { isTombstone, publicCorrectionNote } from "../../modules/report/visibility";
import { CreateReportInput, ReportsArgs, UpdateReportInput } from "./report.inputs";
import { FieldChange, ReportConnection, Retraction, ScheduleBlock } from "./report.types";
import { diffFields } from "../../kernel/diff";
import { perSelection, selectedFields } from "../selection";
import type { ComputedFieldColumns } from "../../kernel/sql";
import type { ReadPlan, ReadShape, ReportQueryService } from "../../modules/report/report-query.service";
import { REPORT_RELATIONS } from "../../modules/report/report-relations.service";

/**
 * What each computed field of Report reads of the report's row (see columnsForFields): a field
 * added below without an entry here makes every planned read take every column.
 */
const COMPUTED_FIELD_COLUMNS: ComputedFieldColumns = {
  summary: ["status", "summary"],
  body: ["status", "body"],
  disclaimer: ["status", "disclaimerId"],
  retraction: ["status", "retractionReason", "retractedAt"],
  correctionNote: ["status", "correctedAt", "correctionNote"],
  firm: [],
  analysts: [],
  sectorTags: [],
  workingCopy: [],
  rejection: ["status"],
  publicationPeriods: [],
  scheduleBlock: ["scheduleBlockedAt", "scheduleBlockedReason"],
  revisions: [],
  auditTrail: [],
  createdBy: ["createdById"],
  updatedBy: ["updatedById"],
};

/**
 * What the query asks of the reports at `paths` (where its reports are): only the columns its
 * fields read, and the relations in the statement that reads the reports, so that a report page
 * costs one statement instead of two.
 */
function readShape(paths: string[][]): (info: GraphQLResolveInfo, queries: ReportQueryService) => ReadShape {
  return perSelection((info, queries) => {
    const fieldsAt = (below: string[]): Set<string> => new Set(paths.flatMap((path) => [...selectedFields(info, [...path, ...below])]));
    const selected = fieldsAt([]);
    return {
      columns: queries.columnsFor(selected, COMPUTED_FIELD_COLUMNS),
      relations: new Map(REPORT_RELATIONS.filter((r) => selected.has(r)).map((r) => [r, fieldsAt([r])])),
    };
  });
}

const reportShape = readShape([[]]);
const pageShape = readShape([["nodes"], ["edges", "node"]]);

const readPlan = (ctx: Context, shape: ReadShape): ReadPlan => ({ shape, found: ctx.loaders.keepRelations });

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: "One report by id or slug; null when there is none to see." })
  async report(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
    @Arg("slug", () => String, { nullable: true }) slug?: string | null,
  ): Promise<Report | null> {
    const key = lookup(id, slug);
    return key ? ctx.services.reportQueries.findOne(ctx.viewer, key, readPlan(ctx, reportShape(info, ctx.services.reportQueries))) : null;
  }

  @Query(() => ReportConnection, { description: "Published reports for clients; every status for staff." })
  async reports(@Ctx() ctx: Context, @Info() info: GraphQLResolveInfo, @Args() args: ReportsArgs): Promise<InstanceType<typeof ReportConnection>> {
    const plan = readPlan(ctx, pageShape(info, ctx.services.reportQueries));
    return new ReportConnection(await ctx.services.reportQueries.list(ctx.viewer, args, plan));
  }

  @FieldResolver(() => [String], { nullable: true, description: "1–5 bullet points; null for a retracted report." })
  summary(@Root() report: Report): string[] | null {
    return isTombstone(report) ? null : report.summary;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Sanitized HTML, its images at absolute URLs when the server knows its public address; null for a retracted report.",
  })
  body(@Root() report: Report, @Ctx() ctx: Context): string | null {
    return isTombstone(report) ? null : ctx.services.images.forClients(report.body);
  }

  @FieldResolver(() => DisclaimerSnapshot, {
    nullable: true,
    description: "The attached partner disclaimer; always present on a published report.",
  })
  disclaimer(@Root() report: Report, @Ctx() ctx: Context): MaybePromise<DisclaimerSnapshot | null> {
    if (isTombstone(report) || !report.disclaimerId) return null;
    return ctx.loaders.relationOf(report, "disclaimer");
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "What the correction that last went live changed, as the reviewer approved it (beside correctedAt); null when no correction " +
      "of the live report went live, and for a retracted report.",
  })
  correctionNote(@Root() report: Report): string | null {
    return publicCorrectionNote(report);
  }

  @FieldResolver(() => Retraction, { nullable: true })
  retraction(@Root() report: Report): Retraction | null {
    return isTombstone(report) ? { reason: report.retractionReason!, at: report.retractedAt! } : null;
  }

  @FieldResolver(() => Firm)
  firm(@Root() report: Report, @Ctx() ctx: Context): MaybePromise<Firm | null> {
    return ctx.loaders.relationOf(report, "firm");
  }

  @FieldResolver(() => [Analyst], { description: "Lead analyst first." })
  analysts(@Root() report: Report, @Ctx() ctx: Context): MaybePromise<Analyst[]> {
    return ctx.loaders.relationOf(report, "analysts");
  }

  @FieldResolver(() => [SectorTag])
  sectorTags(@Root() report: Report, @Ctx() ctx: Context): MaybePromise<SectorTag[]> {
    return ctx.loaders.relationOf(report, "sectorTags");
  }

  @Authorized()
  @FieldResolver(() => WorkingCopy, { nullable: true, description: "The correction in progress, if any (staff only)." })
  workingCopy(@Root() report: Report, @Ctx() ctx: Context): Promise<WorkingCopy | null> {
    return ctx.loaders.workingCopy.load(report.id);
  }

  @Authorized()
  @FieldResolver(() => DisclaimerSnapshot, {
    nullable: true,
    description:
      "The reviewer's rejection the editor has yet to answer (its reviewNote says why): set while what the workflow acts on " +
      "(the correction, else the report) is DRAFT and the report's latest review was a rejection (staff only).",
  })
  async rejection(@Root() report: Report, @Ctx() ctx: Context): Promise<DisclaimerSnapshot | null> {
    const [copy, review] = await Promise.all([ctx.loaders.workingCopy.load(report.id), ctx.loaders.latestReview.load(report.id)]);
    const target = copy ? copy.status : report.status;
    return target === ReportStatus.DRAFT && review?.reviewStatus === ReviewStatus.REJECTED ? review : null;
  }

  @Authorized()
  @FieldResolver(() => [PublicationPeriod], { description: "When which version was live, oldest first (staff only)." })
  publicationPeriods(@Root() report: Report, @Ctx() ctx: Context): Promise<PublicationPeriod[]> {
    return ctx.loaders.publicationPeriods.load(report.id);
  }

  @Authorized()
  @FieldResolver(() => ScheduleBlock, { nullable: true, description: "Why the scheduler refused to publish it (staff only)." })
  scheduleBlock(@Root() report: Report): ScheduleBlock | null {
    return report.scheduleBlockedAt ? { at: report.scheduleBlockedAt, reason: report.scheduleBlockedReason ?? "" } : null;
  }

  @Authorized()
  @FieldResolver(() => [ReportRevision], { description: "Every save, newest first (staff only)." })
  revisions(@Root() report: Report, @Ctx() ctx: Context): Promise<ReportRevision[]> {
    return ctx.loaders.revisionsOfReport.load(report.id);
  }

  @Authorized()
  @FieldResolver(() => AuditEventConnection, { description: "This report's audit events, newest first (staff only)." })
  async auditTrail(@Root() report: Report, @Ctx() ctx: Context, @Args() args: PageArgs): Promise<InstanceType<typeof AuditEventConnection>> {
    return new AuditEventConnection(await ctx.loaders.auditTrailOf(args).load(report.id));
  }

  @Authorized()
  @FieldResolver(() => User, { nullable: true, description: "Staff only." })
  createdBy(@Root() report: Report, @Ctx() ctx: Context): Promise<User | null> | null {
    return report.createdById ? ctx.loaders.user.load(report.createdById) : null;
  }

  @Authorized()
  @FieldResolver(() => User, { nullable: true, description: "Who saved the content last (staff only)." })
  updatedBy(@Root() report: Report, @Ctx() ctx: Context): Promise<User | null> | null {
    return report.updatedById ? ctx.loaders.user.load(report.updatedById) : null;
  }

  @Authorized()
  @Query(() => [FieldChange], { description: "Field-by-field differences from one revision to another of the same report." })
  async reportRevisionDiff(
    @Ctx() ctx: Context,
    @UuidArg("fromRevisionId") fromRevisionId: string,
    @UuidArg("toRevisionId") toRevisionId: string,
  ): Promise<FieldChange[]> {
    const ids = [fromRevisionId, toRevisionId];
    const found = await ctx.services.reports.findRevisions(ids);
    const [from, to] = ids.map((id) => found.find((r) => r.id === id));
    if (!from || !to) throw badInput({ reason: "UNKNOWN_REVISION" }, "no such revision", from ? "toRevisionId" : "fromRevisionId");
    if (from.reportId !== to.reportId) throw badInput({ reason: "REVISIONS_OF_DIFFERENT_REPORTS" }, "the revisions belong to different reports", "toRevisionId");
    const diff = diffFields({ ...from.content }, { ...to.content });
    return diff.fields.map((field) => ({ field, before: diff.before[field], after: diff.after[field] }));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "A new DRAFT with its first revision." })
  createReport(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: CreateReportInput): Promise<Report> {
    return ctx.services.reports.create(actor, input);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "Saves changes if the report is still at expectedVersion (else CONFLICT)." })
  updateReport(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("id") id: string,
    @Arg("input") input: UpdateReportInput,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
  ): Promise<Report> {
    return ctx.services.reports.update(actor, id, input, expectedVersion);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ID, { description: "Deletes a draft that never went live; returns its id." })
  deleteReport(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string): Promise<string> {
    return ctx.services.reports.delete(actor, id);
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Report, { description: "Saves an old revision's content as a new revision." })
  restoreReportRevision(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("revisionId") revisionId: string,
    @Arg("expectedVersion", () => Int) expectedVersion: number,
  ): Promise<Report> {
    return ctx.services.reports.restore(actor, revisionId, expectedVersion);
  }
}
