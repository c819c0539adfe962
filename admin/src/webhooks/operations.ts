import type { ResultOf } from "@graphql-typed-document-node/core";
import type { RaRecord } from "react-admin";
import { graphql } from "../gql";
import type { CreateWebhookInput, WebhookDeliveryStatus } from "../gql/graphql";
import { gql } from "../graphql";
import { pageVariables, type ResourceApi } from "../resources";

export const WebhookFields = graphql(`
  fragment WebhookFields on WebhookNode {
    id
    url
    description
    eventTypes
    firmIds
    sectorTagIds
    enabled
    disabledReason
    disabledAt
    failingSince
    secretRotatedAt
    previousSecretUntil
    createdAt
  }
`);

export type WebhookRecord = ResultOf<typeof WebhookFields>;

const Webhooks = graphql(`
  query Webhooks {
    webhooks {
      ...WebhookFields
    }
  }
`);

const Webhook = graphql(`
  query Webhook($id: ID!) {
    webhook(id: $id) {
      ...WebhookFields
    }
  }
`);

const CreateWebhook = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        ...WebhookFields
      }
    }
  }
`);

const UpdateWebhook = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
    updateWebhook(id: $id, input: $input) {
      ...WebhookFields
    }
  }
`);

const DeleteWebhook = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id) {
      id
    }
  }
`);

const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      webhook {
        ...WebhookFields
      }
    }
  }
`);

const SendTestWebhook = graphql(`
  mutation SendTestWebhook($webhookId: ID!) {
    sendTestWebhook(webhookId: $webhookId) {
      id
    }
  }
`);

const RedeliverWebhookEvent = graphql(`
  mutation RedeliverWebhookEvent($webhookId: ID!, $eventId: ID!) {
    redeliverWebhookEvent(webhookId: $webhookId, eventId: $eventId) {
      id
    }
  }
`);

const WebhookDeliveries = graphql(`
  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String, $counted: Boolean!, $filter: WebhookDeliveryFilterInput) {
    page: webhookDeliveries(webhookId: $webhookId, first: $first, after: $after, filter: $filter) {
      nodes {
        id
        type
        eventId
        status
        attempts
        nextAttemptAt
        createdAt
        finishedAt
        lastStatusCode
        lastError
        report {
          id
          title
        }
        attemptLog {
          id
          attempt
          at
          statusCode
          durationMs
          error
          responseHead
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount @include(if: $counted)
    }
  }
`);

export type WebhookDelivery = ResultOf<typeof WebhookDeliveries>["page"]["nodes"][number];

/** What the create and edit forms send; empty lists mean every type, firm or tag. */
const webhookInput = (data: Partial<RaRecord>): CreateWebhookInput => ({
  url: data.url,
  description: data.description ?? "",
  eventTypes: data.eventTypes ?? [],
  firmIds: data.firmIds ?? [],
  sectorTagIds: data.sectorTagIds ?? [],
});

/**
 * Endpoints as a react-admin resource: all of them in one list (admins register a handful). Creating
 * is not offered here: its answer carries the secret, which must not land in react-admin's record
 * cache, so the create page calls `createWebhook` below and shows the secret itself.
 */
export const webhooksApi: ResourceApi<WebhookRecord> = {
  list: async () => ({ nodes: (await gql(Webhooks)).webhooks, pageInfo: { hasNextPage: false, endCursor: null } }),
  one: async (id) => (await gql(Webhook, { id })).webhook ?? null,
  update: async (id, data) => (await gql(UpdateWebhook, { id, input: { ...webhookInput(data), enabled: Boolean(data.enabled) } })).updateWebhook,
  delete: async (id) => void (await gql(DeleteWebhook, { id })),
};

export const webhookOperations = {
  /** The new endpoint and its secret, which this answer alone carries. */
  createWebhook: async (data: Partial<RaRecord>) => (await gql(CreateWebhook, { input: webhookInput(data) })).createWebhook,
  rotateWebhookSecret: async (id: string) => (await gql(RotateWebhookSecret, { id })).rotateWebhookSecret,
  sendTestWebhook: async (webhookId: string) => (await gql(SendTestWebhook, { webhookId })).sendTestWebhook,
  redeliverWebhookEvent: async (webhookId: string, eventId: string) => (await gql(RedeliverWebhookEvent, { webhookId, eventId })).redeliverWebhookEvent,
  /** One page of an endpoint's delivery log, newest first, of the given status or of all. */
  webhookDeliveries: async (webhookId: string, after: string | null, status: WebhookDeliveryStatus | null) =>
    (await gql(WebhookDeliveries, { webhookId, ...pageVariables(after), filter: status ? { statuses: [status] } : null })).page,
};
