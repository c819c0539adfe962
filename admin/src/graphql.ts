import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { ClientError, GraphQLClient, type Variables } from "graphql-request";
import { HttpError } from "react-admin";
import type { FieldValues } from "react-hook-form";

/**
 * The same /graphql endpoint clients use, with the session cookie (HttpOnly; never in storage).
 * The preflight header keeps Apollo's CSRF protection satisfied for every request.
 */
const client = new GraphQLClient(new URL("/graphql", window.location.origin).toString(), {
  credentials: "include",
  headers: { "apollo-require-preflight": "true" },
});

/**
 * A server error: its code, and the reason, parameters and input field the server names (see
 * server/src/kernel/errors.ts). Its message is the server's English text; the panel shows the
 * translated text of its reason instead (admin/src/errors.ts).
 */
export class ServerError extends HttpError {
  readonly reason: string | null;
  readonly field: string | null;
  readonly params: Readonly<Record<string, unknown>>;

  constructor(
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown>,
    /** The error placed at its form input (react-admin's `body.errors`), when the form shows that input. */
    readonly formErrors: FieldValues | null = null,
  ) {
    super(message, code === "UNAUTHENTICATED" ? 401 : code === "FORBIDDEN" ? 403 : 400, { message, code, extensions, ...(formErrors && { errors: formErrors }) });
    // HttpError resets the prototype to its own; restore ours so that `instanceof ServerError` holds.
    Object.setPrototypeOf(this, ServerError.prototype);
    this.reason = typeof extensions.reason === "string" ? extensions.reason : null;
    this.field = typeof extensions.field === "string" ? extensions.field : null;
    this.params = typeof extensions.params === "object" && extensions.params !== null ? (extensions.params as Record<string, unknown>) : {};
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
