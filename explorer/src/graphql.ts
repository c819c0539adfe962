import type { GraphiQLProps } from "graphiql";

/**
 * Every request goes to this server's /graphql with the session cookie (the explorer is for staff
 * when it runs in production) and the header that Apollo's CSRF prevention asks of clients; the
 * headers written in the explorer's own editor come on top.
 */
export const fetcher: GraphiQLProps["fetcher"] = async (params, options) => {
  const response = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", "apollo-require-preflight": "true", ...options?.headers },
    body: JSON.stringify(params),
  });
  return response.json();
};

export type Access = "granted" | "sign-in" | { problem: string };

interface Answer {
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Whether this visitor may read the schema, asked of the server rather than decided here: in
 * production the server refuses introspection to anonymous clients (FORBIDDEN) and any request
 * with a session that ended (UNAUTHENTICATED); elsewhere everyone may.
 */
export async function access(): Promise<Access> {
  try {
    const answer = (await fetcher({ query: "query ExplorerAccess { __schema { queryType { name } } }" })) as Answer;
    const error = answer.errors?.[0];
    if (!error) return "granted";
    const code = error.extensions?.code;
    return code === "FORBIDDEN" || code === "UNAUTHENTICATED" ? "sign-in" : { problem: error.message };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}
