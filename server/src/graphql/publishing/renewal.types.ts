import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { RenewalSkipReason } from "../../modules/publishing/report-workflow.service";

registerEnumType(RenewalSkipReason, {
  name: "RenewalSkipReason",
  valuesConfig: {
    CORRECTION_IN_REVIEW: { description: "A correction is in review; the reviewer decides it (or the editor withdraws it) first." },
    ALREADY_RENEWED: { description: "Its correction already carries the firm's current version." },
  },
});

@ObjectType({ description: "A report the renewal left as it was, and why." })
export class RenewalSkip {
  @Field(() => ID)
  reportId!: string;

  @Field(() => RenewalSkipReason)
  reason!: RenewalSkipReason;
}

@ObjectType({ description: "One batch of renewOutdatedDisclaimers." })
export class DisclaimerRenewal {
  @Field(() => Int, { description: "Reports that got a correction carrying the current version, each awaiting its own review." })
  renewed!: number;

  @Field(() => [RenewalSkip])
  skipped!: RenewalSkip[];

  @Field(() => String, { nullable: true, description: "Pass it as `after` for the next batch." })
  endCursor!: string | null;

  @Field()
  hasMore!: boolean;
}
