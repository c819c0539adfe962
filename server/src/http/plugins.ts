import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../graphql/context";
import { AppError } from "../kernel/errors";

const INTROSPECTION = /\b__(schema|type)\b/;

/** Production hides the schema from anonymous clients; staff tools may still introspect. */
export const staffOnlyIntrospection: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, request }) {
        if (!contextValue.viewer.user && INTROSPECTION.test(request.query ?? "")) {
          throw new AppError("FORBIDDEN", { reason: "STAFF_ONLY_INTROSPECTION" }, "introspection is for signed-in staff", { http: { status: 403 } });
        }
      },
    };
  },
};

/**
 * A request with a revoked or expired session, or a revoked key, is refused whole rather than
 * served as anonymous: a client must learn that its credentials stopped working. Signing in and
 * out stay possible.
 */
export const refuseStaleCredentials: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        const problem = contextValue.viewer.credentialError;
        if (!problem) return;
        const onlySignInOut = operation?.selectionSet.selections.every(
          (s) => s.kind === "Field" && ["login", "logout", "__typename"].includes(s.name.value),
        );
        if (!onlySignInOut) throw new AppError("UNAUTHENTICATED", { reason: "CREDENTIALS_INVALID" }, problem, { http: { status: 401 } });
      },
    };
  },
};
