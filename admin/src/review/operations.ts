import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "../gql";
import { gql } from "../graphql";
import { pageVariables } from "../resources";

const ReviewQueue = graphql(`
  query ReviewQueue($first: Int, $after: String, $counted: Boolean!) {
    page: reviewQueue(first: $first, after: $after) {
      nodes {
        reportId
        correction
        title
        differsFromCurrent
        submittedAt
        author {
          id
          name
        }
        report {
          id
          firm {
            name
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

export type ReviewItem = ResultOf<typeof ReviewQueue>["page"]["nodes"][number];

/** One page of the queue: new reports and corrections in review, oldest first. */
export const reviewQueue = async (after: string | null) => (await gql(ReviewQueue, pageVariables(after))).page;
