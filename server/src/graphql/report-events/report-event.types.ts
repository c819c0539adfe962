import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionType, PageArgs } from "../../kernel/pagination";
import { ReportEventType, type ReportEvent, type ReportEventFilter } from "../../modules/report-events/report-event";

registerEnumType(ReportEventType, {
  name: "ReportEventType",
  valuesConfig: {
    REPORT_PUBLISHED: { description: "A report went live (now, or at its scheduled time)." },
    REPORT_CORRECTED: { description: "An approved correction of a live report went live." },
    REPORT_RETRACTED: { description: "A live report was retracted; clients should drop its content (it is a tombstone now)." },
    REPORT_SCHEDULED: { description: "A report was scheduled, or its time changed (staff only)." },
    REPORT_UNSCHEDULED: { description: "A schedule was taken back (staff only)." },
    SCHEDULE_BLOCKED: { description: "The scheduler's gate refused a due report; it is back in APPROVED (staff only)." },
    DISCLAIMER_TEMPLATE_CREATED: { description: "A firm issued a disclaimer version; reportId is null (staff only)." },
  },
});

@ObjectType({ description: "Something that happened to a report, in commit order. Anonymous clients and API keys see only the public types." })
export class ReportEventNode implements ReportEvent {
  @Field(() => ID)
  id!: string;

  @Field({ description: "The event's place in the feed (commit order); the cursor carries it too." })
  position!: string;

  @Field(() => ReportEventType)
  type!: ReportEventType;

  @Field(() => GraphQLISODateTime, { description: "When the change committed." })
  at!: Date;

  @Field(() => ID, { nullable: true, description: "Null for DISCLAIMER_TEMPLATE_CREATED." })
  reportId!: string | null;

  @Field(() => String, { nullable: true, description: "The report's slug when the event committed." })
  slug!: string | null;

  @Field(() => ID)
  firmId!: string;

  @Field(() => [ID], { description: "The report's sector tags when the event committed." })
  sectorTagIds!: string[];

  @Field(() => Int, { nullable: true, description: "The report's version when the event committed." })
  version!: number | null;

  @Field(() => String, { nullable: true, description: "The publication log's checksum of the content that went live (published, corrected, retracted)." })
  contentChecksum!: string | null;

  @Field(() => String, { nullable: true, description: "The publication log's checksum of the disclaimer that went live." })
  disclaimerChecksum!: string | null;

  @Field(() => ID, { nullable: true, description: "The new disclaimer version, for DISCLAIMER_TEMPLATE_CREATED." })
  templateId!: string | null;
}

export const ReportEventConnection = connectionType(ReportEventNode, "ReportEvent");

@InputType({ description: "Every condition given must hold; a list matches any of its values." })
export class ReportEventFilterInput implements ReportEventFilter {
  @Field(() => [ID], { nullable: true })
  firmIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Events of reports carrying any of these tags." })
  sectorTagIds?: string[] | null;

  @Field(() => [ReportEventType], { nullable: true })
  types?: ReportEventType[] | null;
}

@ArgsType()
export class ReportEventsArgs extends PageArgs {
  @Field(() => ReportEventFilterInput, { nullable: true })
  filter?: ReportEventFilterInput | null;
}
