import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from "type-graphql";
import { connectionType } from "../../kernel/pagination";
import { ComplianceIssueKind } from "../../modules/compliance/compliance-issue";
registerEnumType(ComplianceIssueKind, {
  name: "ComplianceIssueKind",
  valuesConfig: {
    OUTDATED_DISCLAIMER: { description: "Live or scheduled with a disclaimer that is not the firm's current version." },
    BLOCKED_SCHEDULE: { description: "The scheduler refused to publish it; it is back in APPROVED." },
    GATE_VIOLATION: {
      description: "Live or scheduled, but the database's disclaimer gate would refuse it today (written before the rule existed, or by hand).",
    },
  },
});

@ObjectType({ description: "A report or correction waiting for a reviewer." })
export class ReviewItem {
  @Field(() => ID)
  reportId!: string;

  @Field({ description: "A correction of an approved, scheduled or live report." })
  correction!: boolean;

  @Field({ description: "The title under review (the correction's, for a correction)." })
  title!: string;

  @Field({ description: "The attached disclaimer is not the firm's current template." })
  differsFromCurrent!: boolean;

  @Field(() => GraphQLISODateTime, { description: "When it was submitted for review: it has waited since then." })
  submittedAt!: Date;

  disclaimerId!: string;
  authorId!: string | null;
  currentTemplateId!: string | null;
}

@ObjectType({ description: "A report that needs a reviewer's attention." })
export class ComplianceIssue {
  @Field(() => ID)
  reportId!: string;

  @Field(() => ComplianceIssueKind)
  kind!: ComplianceIssueKind;

  @Field(() => GraphQLISODateTime, { description: "Since when (the newer template's effective time, or the refusal)." })
  since!: Date;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "The gate rule a GATE_VIOLATION breaks, such as CONTENT_NOT_APPROVED." })
  rule!: string | null;

  disclaimerId!: string | null;
  currentTemplateId!: string | null;
}

export const ReviewItemConnection = connectionType(ReviewItem, "ReviewItem");
export const ComplianceIssueConnection = connectionType(ComplianceIssue, "ComplianceIssue");

@InputType()
export class ComplianceFilterInput {
  @Field(() => ID, { nullable: true, description: "Only this firm's reports." })
  firmId?: string | null;

  @Field(() => [ComplianceIssueKind], { nullable: true, description: "Only these kinds (default: all)." })
  kinds?: ComplianceIssueKind[] | null;
}
