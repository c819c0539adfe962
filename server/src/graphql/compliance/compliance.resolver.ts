import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from "type-graphql";
import type { Context } from "../context";
import { requireUuid } from "../../kernel/ids";
import { PageArgs } from "../../kernel/pagination";
import { DisclaimerSnapshot } from "../../modules/disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "../../modules/disclaimer/disclaimer-template.entity";
import { ComplianceFilterInput, ComplianceIssue, ComplianceIssueConnection, ReviewItem, ReviewItemConnection } from "./compliance.types";
import { Report } from "../../modules/report/report.entity";
import { User } from "../../modules/user/user.entity";

type Item = ReviewItem | ComplianceIssue;

/** The relations review items and compliance issues share, resolved through the request's loaders. */
function itemRelations(type: ClassType<Item>): ClassType {
  @Resolver(() => type)
  class ItemRelations {
    @FieldResolver(() => Report)
    async report(@Root() item: Item, @Ctx() ctx: Context): Promise<Report> {
      return (await ctx.loaders.report.load(item.reportId))!;
    }

    @FieldResolver(() => DisclaimerSnapshot, { nullable: true, description: "The disclaimer attached to the report or correction." })
    async disclaimer(@Root() item: Item, @Ctx() ctx: Context): Promise<DisclaimerSnapshot | null> {
      return item.disclaimerId ? ctx.loaders.disclaimer.load(item.disclaimerId) : null;
    }

    @FieldResolver(() => DisclaimerTemplate, { nullable: true, description: "The firm's current template, to compare." })
    async currentTemplate(@Root() item: Item, @Ctx() ctx: Context): Promise<DisclaimerTemplate | null> {
      return item.currentTemplateId ? ctx.loaders.template.load(item.currentTemplateId) : null;
    }
  }
  return ItemRelations;
}

export const ReviewItemRelations = itemRelations(ReviewItem);

@Resolver(() => ReviewItem)
export class ReviewItemResolver {
  @FieldResolver(() => User, { nullable: true, description: "Who wrote it: the correction's creator for a correction, else the report's." })
  author(@Root() item: ReviewItem, @Ctx() ctx: Context): Promise<User | null> | null {
    return item.authorId ? ctx.loaders.user.load(item.authorId) : null;
  }
}
export const ComplianceIssueRelations = itemRelations(ComplianceIssue);

@Resolver()
export class ComplianceResolver {
  @Authorized()
  @Query(() => ReviewItemConnection, { description: "Reports and corrections IN_REVIEW, oldest first (staff only)." })
  async reviewQueue(@Ctx() ctx: Context, @Args() args: PageArgs): Promise<InstanceType<typeof ReviewItemConnection>> {
    return new ReviewItemConnection(await ctx.services.compliance.reviewQueue(args));
  }

  @Authorized()
  @Query(() => ComplianceIssueConnection, {
    description: "Live or scheduled reports with an outdated disclaimer, blocked schedules and gate violations, oldest first (staff only).",
  })
  async complianceIssues(
    @Ctx() ctx: Context,
    @Args() args: PageArgs,
    @Arg("filter", () => ComplianceFilterInput, { nullable: true }) filter?: ComplianceFilterInput | null,
  ): Promise<InstanceType<typeof ComplianceIssueConnection>> {
    const firmId = filter?.firmId ? requireUuid(filter.firmId, "filter.firmId") : null;
    return new ComplianceIssueConnection((await ctx.services.compliance.issues({ firmId, kinds: filter?.kinds ?? null }, args)));
  }
}
