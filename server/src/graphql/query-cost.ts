import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, visit, type DocumentNode, type GraphQLSchema } from "graphql";
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

/**
 * The variables a document's cost can depend on: those given to a `first` argument (the page
 * size) or to @skip/@include. Any other variable (a slug, a cursor) leaves the cost as it is.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: { value: { kind: Kind } & { name?: { value: string } } }): void => {
    if (node.value.kind === Kind.VARIABLE && node.value.name) names.add(node.value.name.value);
  };
  visit(document, {
    Argument(node, _key, _parent, _path, ancestors) {
      const owner = ancestors.at(-1);
      const ofDirective = owner !== undefined && "kind" in owner && owner.kind === Kind.DIRECTIVE;
      if (node.name.value === "first" || (ofDirective && node.name.value === "if")) collect(node);
    },
  });
  return [...names].sort();
}

/** Costs kept per parsed document (Apollo hands the same object to every request with that text). */
const KEPT_PER_DOCUMENT = 64;

interface DocumentCosts {
  variables: string[];
  costs: Map<string, number>;
}

/**
 * The cost of an operation, computed once per document, operation and value of the variables
 * that can change it, rather than walking the document again on every request.
 */
export function queryCosts(schema: GraphQLSchema): (document: DocumentNode, variables: Record<string, unknown>, operationName?: string) => number {
  const byDocument = new WeakMap<DocumentNode, DocumentCosts>();
  return (document, variables, operationName) => {
    let known = byDocument.get(document);
    if (!known) {
      known = { variables: costVariables(document), costs: new Map() };
      byDocument.set(document, known);
    }
    // A variable left out takes its default, which may differ from an explicit null: only those given are in the key.
    const given = known.variables.filter((name) => name in variables).map((name) => [name, variables[name]]);
    const key = JSON.stringify([operationName ?? null, given]);
    let cost = known.costs.get(key);
    if (cost === undefined) {
      cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimate] });
      // Page sizes a client varies without end would otherwise grow the map without end.
      if (known.costs.size >= KEPT_PER_DOCUMENT) known.costs.clear();
      known.costs.set(key, cost);
    }
    return cost;
  };
}

/**
 * Refuses an operation whose estimated cost is over `limit` before it runs, with its cost, so
 * that a client can see how far off it is.
 */
export function costLimit(schema: GraphQLSchema, limit: number): ApolloServerPlugin<Context> {
  const costOf = queryCosts(schema);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let cost: number;
          try {
            cost = costOf(document, request.variables ?? {}, request.operationName ?? undefined);
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
