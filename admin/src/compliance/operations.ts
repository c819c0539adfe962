import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "../gql";
import { gql } from "../graphql";
import { compact, pageVariables } from "../resources";

const ComplianceIssues = graphql(`
  query ComplianceIssues($first: Int, $after: String, $counted: Boolean!, $filter: ComplianceFilterInput) {
    page: complianceIssues(first: $first, after: $after, filter: $filter) {
      nodes {
        reportId
        kind
        since
        reason
        rule
        disclaimer {
          templateVersion
        }
        currentTemplate {
          version
        }
        report {
          id
          title
          status
          firm {
            name
          }
          workingCopy {
            status
            disclaimer {
              templateVersion
            }
          }
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

export type ComplianceIssue = ResultOf<typeof ComplianceIssues>["page"]["nodes"][number];

const RenewOutdatedDisclaimers = graphql(`
  mutation RenewOutdatedDisclaimers($firmId: ID!, $after: String, $first: Int) {
    renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) {
      renewed
      skipped {
        reportId
        reason
      }
      endCursor
      hasMore
    }
  }
`);

/**
 * Reports per renewOutdatedDisclaimers call: each call is one transaction that locks its reports,
 * so a firm's thousands of reports go in a few short ones rather than one long one.
 */
const RENEWAL_BATCH = 200;

const StoppedWebhooks = graphql(`
  query StoppedWebhooks {
    stoppedWebhooks {
      id
      description
      host
      disabledReason
      disabledAt
      failingSince
      lastError
    }
  }
`);

export type StoppedWebhook = ResultOf<typeof StoppedWebhooks>["stoppedWebhooks"][number];

/** Endpoints the server stopped; they number in the tens at most, so all come at once. */
export const stoppedWebhooks = async () => (await gql(StoppedWebhooks)).stoppedWebhooks;

/** One page of the compliance list, of one firm or of all. */
export const complianceIssues = async (after: string | null, firmId: string | null) =>
  (await gql(ComplianceIssues, { ...pageVariables(after), filter: compact({ firmId }) })).page;

/** One batch of a firm-wide renewal; the next starts after its endCursor. */
export const renewOutdatedDisclaimers = async (firmId: string, after: string | null) =>
  (await gql(RenewOutdatedDisclaimers, { firmId, after, first: RENEWAL_BATCH })).renewOutdatedDisclaimers;
