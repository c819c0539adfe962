import { ClientError, type GraphQLClient } from "graphql-request";

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** Runs an operation that must fail and returns the errors the server sent. */
export function errorsOf(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<GraphQLErrorShape[]> {
  return refusal(client.request(query, variables));
}

/** The errors of a request (already sent) that must fail. */
export async function refusal(request: Promise<unknown>): Promise<GraphQLErrorShape[]> {
  try {
    await request;
  } catch (error) {
    if (error instanceof ClientError) return (error.response.errors ?? []) as GraphQLErrorShape[];
    throw error;
  }
  throw new Error("expected the operation to fail");
}

export const codesOf = (errors: GraphQLErrorShape[]): (string | undefined)[] => errors.map((e) => e.extensions?.code);

/** The SQL statement count the server reports for one request (SQL_STATS on). */
export async function statementsFor(client: GraphQLClient, query: string, variables?: Record<string, unknown>): Promise<number> {
  const { headers } = await client.rawRequest(query, variables);
  const value = headers.get("x-sql-statements");
  if (value === null) throw new Error("the server sent no x-sql-statements header");
  return Number(value);
}
