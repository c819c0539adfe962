import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../graphql/context";
import type { Viewer } from "../modules/user/viewer";

export const VARY = "Cookie, Authorization";
export const NO_STORE = "private, no-store";
/**
 * For bytes that never change but that only this client may see (an image, to staff): its browser
 * may keep them, and asks again each time, which costs a 304 when its ETag still matches.
 */
export const PRIVATE_REVALIDATE = "private, no-cache";

/** Anonymous clients see published content only, the same for everyone: that may be shared. */
export const isAnonymous = (viewer: Viewer): boolean =>
  viewer.user === null && viewer.apiKeyId === null && viewer.credentialError === null;

export const publicCacheControl = (maxAgeSeconds: number): string => `public, max-age=${maxAgeSeconds}`;

/**
 * Cache-Control for every GraphQL answer (README: "Caching and persisted queries"): an anonymous query answered without
 * errors may be kept by browsers and CDNs for `maxAgeSeconds`, the longest a retraction takes to
 * reach cached clients; everything else (mutations, errors, any session or API key) is no-store.
 * Responses vary on the credentials, so a shared cache never hands one client's answer to another.
 */
export function cachePolicy(maxAgeSeconds: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response }) {
          const ok = response.body.kind === "single" && !response.body.singleResult.errors;
          const shareable = maxAgeSeconds > 0 && ok && operation?.operation === "query" && isAnonymous(contextValue.viewer);
          response.http.headers.set("cache-control", shareable ? publicCacheControl(maxAgeSeconds) : NO_STORE);
          response.http.headers.set("vary", VARY);
        },
      };
    },
  };
}
