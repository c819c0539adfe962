import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "../gql";
import { gql } from "../graphql";
import { compact, type ResourceApi } from "../resources";

const AuditEvents = graphql(`
  query AuditEvents($first: Int, $after: String, $filter: AuditFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
      nodes {
        id
        at
        actor {
          id
          name
        }
        actorEmail
        action
        entityType
        entityId
        entityTitle
        entityFirmId
        before
        after
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const AuditActions = graphql(`
  query AuditActions {
    auditActions
  }
`);

export type AuditRecord = ResultOf<typeof AuditEvents>["auditEvents"]["nodes"][number];

/** The audit log is read-only, and read as a list only. */
export const auditApi: ResourceApi<AuditRecord> = {
  list: async (page, filter) =>
    (
      await gql(AuditEvents, {
        ...page,
        filter: compact({
          actorId: filter.actorId,
          entityType: filter.entityType,
          entityId: filter.entityId,
          action: filter.action,
          from: filter.from,
          to: filter.to,
        }),
      })
    ).auditEvents,
};

/** Every action the log records, for the action filter's choices. */
export const auditActions = async (): Promise<string[]> => (await gql(AuditActions)).auditActions;
