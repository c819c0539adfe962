import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { getComplexity, type ComplexityEstimatorArgs } from "graphql-query-complexity";
import type { Context } from "./context";
import { AppError } from "../kernel/errors";
import { DEFAULT_PAGE_SIZE } from "../kernel/pagination";

/** Every field costs 1; a paginated field costs its children once per requested item. */
function estimate({ field, args, childComplexity }: ComplexityEstimatorArgs): number {
  const paginated = field.args.some((a) => a.name === "first");
  const first = typeof args.first === "number" && args.first > 0 ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * (paginated ? first : 1);
}

export const queryCost = (schema: GraphQLSchema, query: Parameters<typeof getComplexity>[0]["query"], variables: Record<string, unknown>, operationName?: string): number =>
  getComplexity({ schema, query, variables, operationName, estimators: [estimate] });

/**
 * Refuses an operation whose estimated cost is over `limit` before it runs, with its cost, so
 * that a client can see how far off it is.
 */
export function costLimit(schema: GraphQLSchema, limit: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let cost: number;
          try {
            cost = queryCost(schema, document, request.variables ?? {}, request.operationName ?? undefined);
          } catch {
            return; // variables that do not fit the operation: execution reports them as BAD_USER_INPUT
          }
          if (cost > limit) {
            throw new AppError("BAD_USER_INPUT", { reason: "QUERY_TOO_COSTLY", params: { cost, limit } }, `the query costs ${cost}; at most ${limit} is allowed (ask for fewer items)`, {
              cost,
              limit,
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}
