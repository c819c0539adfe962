import { Authorized, Ctx, FieldResolver, Query, Resolver, Root, type ClassType } from "type-graphql";
import type { Context } from "../../common/context";
import { DisclaimerSnapshot } from "../disclaimer/disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "../disclaimer/disclaimer-template.entity";
import { ComplianceIssue, ReviewItem } from "./compliance.types";
import { Report } from "./report.entity";

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
export const ComplianceIssueRelations = itemRelations(ComplianceIssue);

@Resolver()
export class ComplianceResolver {
  @Authorized()
  @Query(() => [ReviewItem], { description: "Reports and corrections IN_REVIEW, oldest first (staff only)." })
  async reviewQueue(@Ctx() ctx: Context): Promise<ReviewItem[]> {
    return (await ctx.services.compliance.reviewQueue()) as ReviewItem[];
  }

  @Authorized()
  @Query(() => [ComplianceIssue], {
    description: "Live or scheduled reports with an outdated disclaimer, and blocked schedules (staff only).",
  })
  async complianceIssues(@Ctx() ctx: Context): Promise<ComplianceIssue[]> {
    return (await ctx.services.compliance.issues()) as ComplianceIssue[];
  }
}
