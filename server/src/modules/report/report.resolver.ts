import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../../common/context";
import { lookup } from "../../common/ids";
import { Analyst } from "../analyst/analyst.entity";
import { DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import { Firm } from "../firm/firm.entity";
import { SectorTag } from "../sector-tag/sector-tag.entity";
import { ReportStatus } from "./report-status";
import { Report } from "./report.entity";
import { ReportsArgs } from "./report.inputs";
import { ReportConnection, Retraction } from "./report.types";

/** A retracted report is a tombstone: its content is gone for everyone reading through the API. */
const isTombstone = (report: Report): boolean => report.status === ReportStatus.RETRACTED;

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report, { nullable: true, description: "One report by id or slug; null when there is none to see." })
  async report(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { nullable: true }) id?: string | null,
    @Arg("slug", () => String, { nullable: true }) slug?: string | null,
  ): Promise<Report | null> {
    const key = lookup(id, slug);
    return key ? ctx.services.reportQueries.findOne(ctx.viewer, key) : null;
  }

  @Query(() => ReportConnection, { description: "Published reports for clients; every status for staff." })
  async reports(@Ctx() ctx: Context, @Args() args: ReportsArgs): Promise<InstanceType<typeof ReportConnection>> {
    return new ReportConnection(await ctx.services.reportQueries.list(ctx.viewer, args));
  }

  @FieldResolver(() => [String], { nullable: true, description: "1–5 bullet points; null for a retracted report." })
  summary(@Root() report: Report): string[] | null {
    return isTombstone(report) ? null : report.summary;
  }

  @FieldResolver(() => String, { nullable: true, description: "Sanitized HTML; null for a retracted report." })
  body(@Root() report: Report): string | null {
    return isTombstone(report) ? null : report.body;
  }

  @FieldResolver(() => DisclaimerSnapshot, {
    nullable: true,
    description: "The attached partner disclaimer; always present on a published report.",
  })
  async disclaimer(@Root() report: Report, @Ctx() ctx: Context): Promise<DisclaimerSnapshot | null> {
    if (isTombstone(report) || !report.disclaimerId) return null;
    return ctx.loaders.disclaimer.load(report.disclaimerId);
  }

  @FieldResolver(() => Retraction, { nullable: true })
  retraction(@Root() report: Report): Retraction | null {
    return isTombstone(report) ? { reason: report.retractionReason!, at: report.retractedAt! } : null;
  }

  @FieldResolver(() => Firm)
  async firm(@Root() report: Report, @Ctx() ctx: Context): Promise<Firm> {
    return (await ctx.loaders.firm.load(report.firmId))!;
  }

  @FieldResolver(() => [Analyst], { description: "Lead analyst first." })
  analysts(@Root() report: Report, @Ctx() ctx: Context): Promise<Analyst[]> {
    return ctx.loaders.analystsOfReport.load(report.id);
  }

  @FieldResolver(() => [SectorTag])
  sectorTags(@Root() report: Report, @Ctx() ctx: Context): Promise<SectorTag[]> {
    return ctx.loaders.sectorTagsOfReport.load(report.id);
  }
}
