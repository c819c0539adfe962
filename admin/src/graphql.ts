import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ClientError, GraphQLClient, type Variables } from "graphql-request";
import { HttpError } from "react-admin";

/**
 * The same /graphql endpoint clients use, with the session cookie (HttpOnly; never in storage).
 * The preflight header keeps Apollo's CSRF protection satisfied for every request.
 */
const client = new GraphQLClient(new URL("/graphql", window.location.origin).toString(), {
  credentials: "include",
  headers: { "apollo-require-preflight": "true" },
});

/**
 * A server error. Its message is the server's own text, which react-admin's built-in notices show
 * as is; `useServerErrorNotifier` shows the translated `errors.<code>` with the details instead.
 */
export class ServerError extends HttpError {
  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown>,
  ) {
    super(message, code === "UNAUTHENTICATED" ? 401 : code === "FORBIDDEN" ? 403 : 400, { message, code, extensions });
    // HttpError resets the prototype to its own; restore ours so that `instanceof ServerError` holds.
    Object.setPrototypeOf(this, ServerError.prototype);
  }
}

/** Operations without required variables may be sent without any, as with graphql-request itself. */
type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/** Sends a typed operation (see the resource folders' operations.ts); server errors become ServerError. */
export async function gql<R, V extends Variables>(document: TypedDocumentNode<R, V>, ...[variables]: VariablesArg<V>): Promise<R> {
  try {
    return await client.request<R, Variables>(document, variables);
  } catch (error) {
    if (error instanceof ClientError) {
      const first = error.response.errors?.[0];
      const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
      throw new ServerError(String(extensions.code ?? "INTERNAL_SERVER_ERROR"), first?.message ?? error.message, extensions);
    }
    throw error;
  }
}
