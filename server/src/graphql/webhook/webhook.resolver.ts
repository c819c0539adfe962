import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Actor } from "../../modules/audit/audit.service";
import { Report } from "../../modules/report/report.entity";
import { Role } from "../../modules/user/user.entity";
import { CurrentActor, UuidArg } from "../arguments";
import type { Context } from "../context";
import {
  CreatedWebhook,
  CreateWebhookInput,
  StoppedWebhookNode,
  UpdateWebhookInput,
  WebhookAttemptNode,
  WebhookDeliveriesArgs,
  WebhookDeliveryConnection,
  WebhookDeliveryNode,
  WebhookNode,
} from "./webhook.types";

@Resolver(() => WebhookNode)
export class WebhookResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [WebhookNode], { description: "Webhook endpoints, newest first; never their secrets." })
  webhooks(@Ctx() ctx: Context): Promise<WebhookNode[]> {
    return ctx.services.webhooks.list();
  }

  @Authorized()
  @Query(() => [StoppedWebhookNode], { description: "Endpoints the server stopped, for the compliance page (staff only)." })
  stoppedWebhooks(@Ctx() ctx: Context): Promise<StoppedWebhookNode[]> {
    return ctx.services.webhooks.stopped();
  }

  @Authorized(Role.ADMIN)
  @Query(() => WebhookNode, { nullable: true })
  webhook(@Ctx() ctx: Context, @UuidArg("id") id: string): Promise<WebhookNode | null> {
    return ctx.services.webhooks.find(id);
  }

  @Authorized(Role.ADMIN)
  @Query(() => WebhookDeliveryConnection, { description: "An endpoint's deliveries, newest first, with every attempt." })
  async webhookDeliveries(
    @Ctx() ctx: Context,
    @UuidArg("webhookId") webhookId: string,
    @Args() { filter, first, after }: WebhookDeliveriesArgs,
  ): Promise<InstanceType<typeof WebhookDeliveryConnection>> {
    return new WebhookDeliveryConnection(await ctx.services.webhooks.deliveries(webhookId, filter, { first, after }));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedWebhook, { description: "A new endpoint and its signing secret, shown only in this answer." })
  createWebhook(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input") input: CreateWebhookInput): Promise<CreatedWebhook> {
    return ctx.services.webhooks.create(actor, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookNode)
  updateWebhook(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string, @Arg("input") input: UpdateWebhookInput): Promise<WebhookNode> {
    return ctx.services.webhooks.update(actor, id, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedWebhook, { description: "A new secret, shown only in this answer; the old one keeps signing beside it for 24 hours." })
  rotateWebhookSecret(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string): Promise<CreatedWebhook> {
    return ctx.services.webhooks.rotateSecret(actor, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookNode, { description: "Deletes the endpoint and its delivery log; returns what it was." })
  deleteWebhook(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string): Promise<WebhookNode> {
    return ctx.services.webhooks.delete(actor, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookDeliveryNode, { description: "Queues a report event again for one endpoint." })
  redeliverWebhookEvent(
    @Ctx() ctx: Context,
    @CurrentActor() actor: Actor,
    @UuidArg("webhookId") webhookId: string,
    @UuidArg("eventId") eventId: string,
  ): Promise<WebhookDeliveryNode> {
    return ctx.services.webhooks.redeliver(actor, webhookId, eventId);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => WebhookDeliveryNode, { description: "Queues a signed WEBHOOK_TEST message for the endpoint." })
  sendTestWebhook(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("webhookId") webhookId: string): Promise<WebhookDeliveryNode> {
    return ctx.services.webhooks.sendTest(actor, webhookId);
  }
}

@Resolver(() => WebhookDeliveryNode)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttemptNode], { description: "Every attempt, oldest first, until the log is pruned (WEBHOOK_LOG_DAYS)." })
  attemptLog(@Root() delivery: WebhookDeliveryNode, @Ctx() ctx: Context): Promise<WebhookAttemptNode[]> {
    return ctx.loaders.webhookAttempts.load(delivery.id);
  }

  @FieldResolver(() => Report, { nullable: true, description: "The report the event is about, as it is now; null for a test, a disclaimer version or a deleted draft." })
  report(@Root() delivery: WebhookDeliveryNode, @Ctx() ctx: Context): Promise<Report | null> | null {
    return delivery.reportId ? ctx.loaders.report.load(delivery.reportId) : null;
  }
}
