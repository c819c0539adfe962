import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { connectionType, PageArgs } from "../../kernel/pagination";
import { ReportEventType } from "../../modules/report-events/report-event";
import {
  WebhookDeliveryStatus,
  WebhookDisabledReason,
  type NewWebhook,
  type StoppedWebhook,
  type Webhook,
  type WebhookAttempt,
  type WebhookChanges,
  type WebhookDelivery,
  type WebhookDeliveryFilter,
  type WebhookMessageType,
} from "../../modules/webhook/webhook";

registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  valuesConfig: {
    PENDING: { description: "Waiting for its first attempt or its next retry (or for an older delivery of the same report)." },
    DELIVERED: { description: "The endpoint answered 2xx." },
    FAILED: { description: "The retry schedule ran out, or the endpoint answered 410 Gone; it can be redelivered." },
  },
});

registerEnumType(WebhookDisabledReason, {
  name: "WebhookDisabledReason",
  valuesConfig: {
    MANUAL: { description: "Switched off by an admin." },
    GONE: { description: "The endpoint answered 410 Gone." },
    FAILING: { description: "Every attempt failed for three days." },
  },
});

@ObjectType({ description: "An endpoint that is sent signed report events (Standard Webhooks). Its secret is never shown again after it is made." })
export class WebhookNode implements Webhook {
  @Field(() => ID)
  id!: string;

  @Field()
  url!: string;

  @Field()
  description!: string;

  @Field(() => [ReportEventType], { nullable: true, description: "Null: every type." })
  eventTypes!: ReportEventType[] | null;

  @Field(() => [ID], { nullable: true, description: "Null: every firm." })
  firmIds!: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Events of reports carrying any of these tags; null: every report." })
  sectorTagIds!: string[] | null;

  @Field()
  enabled!: boolean;

  @Field(() => WebhookDisabledReason, { nullable: true })
  disabledReason!: WebhookDisabledReason | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  disabledAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Since when every attempt has failed; null after a success." })
  failingSince!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  secretRotatedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Until when the secret before the last rotation signs beside the new one." })
  previousSecretUntil!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt!: Date;
}

@ObjectType({
  description: "An endpoint the server stopped (410 Gone, or failing for three days): its clients are not told of report events until an admin turns it back on.",
})
export class StoppedWebhookNode implements StoppedWebhook {
  @Field(() => ID)
  id!: string;

  @Field()
  description!: string;

  @Field({ description: "Where it sent to; the whole URL is for admins only, as it may carry the receiver's token." })
  host!: string;

  @Field(() => WebhookDisabledReason)
  disabledReason!: WebhookDisabledReason.GONE | WebhookDisabledReason.FAILING;

  @Field(() => GraphQLISODateTime)
  disabledAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  failingSince!: Date | null;

  @Field(() => String, { nullable: true, description: "The last failed attempt's error, such as \"HTTP 503\"." })
  lastError!: string | null;
}

@ObjectType()
export class CreatedWebhook {
  @Field(() => WebhookNode)
  webhook!: WebhookNode;

  @Field({ description: "The signing secret (whsec_…). Shown only now: store it with the receiver; it cannot be read again." })
  secret!: string;
}

@ObjectType({ description: "One HTTP attempt of a delivery." })
export class WebhookAttemptNode implements WebhookAttempt {
  @Field(() => ID)
  id!: string;

  deliveryId!: string;

  @Field(() => Int, { description: "1 for the first attempt." })
  attempt!: number;

  @Field(() => GraphQLISODateTime)
  at!: Date;

  @Field(() => Int)
  durationMs!: number;

  @Field(() => Int, { nullable: true, description: "Null when no answer came (refused, timed out, connection failed)." })
  statusCode!: number | null;

  @Field(() => String, { nullable: true, description: "The answer's status line, headers and first bytes of its body (at most 4 KB)." })
  responseHead!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType({ description: "A message queued for one endpoint: a report event, or a test." })
export class WebhookDeliveryNode implements WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field(() => ID, { nullable: true, description: "The report event delivered; null for a test." })
  eventId!: string | null;

  @Field(() => ID, { nullable: true })
  reportId!: string | null;

  @Field(() => String, { description: "A ReportEventType, or WEBHOOK_TEST." })
  type!: WebhookMessageType;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the next attempt is due, while pending." })
  nextAttemptAt!: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;
}

export const WebhookDeliveryConnection = connectionType(WebhookDeliveryNode, "WebhookDelivery");

@InputType()
export class CreateWebhookInput implements NewWebhook {
  @Field({ description: "Where to POST: https in production." })
  url!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ReportEventType], { nullable: true, description: "Omitted or empty: every type." })
  eventTypes?: ReportEventType[] | null;

  @Field(() => [ID], { nullable: true, description: "Omitted or empty: every firm." })
  firmIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Omitted or empty: every report, whatever its tags." })
  sectorTagIds?: string[] | null;
}

@InputType({ description: "Only the fields given change; an empty list means every type, firm or tag again." })
export class UpdateWebhookInput implements WebhookChanges {
  @Field(() => String, { nullable: true })
  url?: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [ReportEventType], { nullable: true })
  eventTypes?: ReportEventType[] | null;

  @Field(() => [ID], { nullable: true })
  firmIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  sectorTagIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: "Enabling clears a GONE or FAILING state and sends what waited." })
  enabled?: boolean | null;
}

@InputType()
export class WebhookDeliveryFilterInput implements WebhookDeliveryFilter {
  @Field(() => [WebhookDeliveryStatus], { nullable: true })
  statuses?: WebhookDeliveryStatus[] | null;

  @Field(() => [String], { nullable: true, description: "ReportEventType values, or WEBHOOK_TEST." })
  types?: WebhookMessageType[] | null;
}

@ArgsType()
export class WebhookDeliveriesArgs extends PageArgs {
  @Field(() => WebhookDeliveryFilterInput, { nullable: true })
  filter?: WebhookDeliveryFilterInput | null;
}
