import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "./context";

/**
 * Apollo's `hideSchemaDetailsFromClientErrors` strips "Did you mean …?" from validation errors
 * only, but graphql-js also suggests names when it coerces variables (an enum value, an input
 * field), which would let a client map a schema it may not introspect. This strips every error.
 */
export const hideSuggestions: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, "");
      },
    };
  },
};
