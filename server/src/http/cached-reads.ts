import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Viewer } from "../modules/user/viewer";
import { isAnonymous, publicCacheControl, VARY } from "./cache-policy";
import type { ResponseCache } from "./response-cache";

/**
 * The cache key of an anonymous GraphQL request that would pass CSRF prevention, or null. GET
 * requests (persisted queries) are keyed by their URL, POSTs by their JSON body.
 */
function cacheKey(request: FastifyRequest): string | null {
  if (request.method === "GET") return request.headers["apollo-require-preflight"] ? `GET ${request.url}` : null;
  if (request.method !== "POST" || !request.headers["content-type"]?.startsWith("application/json")) return null;
  return typeof request.body === "object" && request.body !== null ? `POST ${JSON.stringify(request.body)}` : null;
}

/**
 * Serves anonymous reads from `cache` before GraphQL runs, and stores the answers that the cache
 * policy marked public. Anything with credentials, and anything not marked public, passes through.
 */
export function registerCachedReads(app: FastifyInstance, cache: ResponseCache, viewerOf: (request: FastifyRequest) => Viewer | undefined): void {
  const keys = new WeakMap<FastifyRequest, string>();

  app.addHook("preHandler", async (request, reply) => {
    if (!request.url.startsWith("/graphql")) return;
    const viewer = viewerOf(request);
    const key = viewer && isAnonymous(viewer) ? cacheKey(request) : null;
    if (!key) return;
    const hit = cache.get(key);
    if (!hit) {
      keys.set(request, key);
      return;
    }
    return reply
      .header("content-type", "application/json; charset=utf-8")
      .header("cache-control", publicCacheControl(cache.maxAgeSeconds))
      .header("age", String(hit.ageSeconds))
      .header("vary", VARY)
      .send(hit.payload);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    const key = keys.get(request);
    const shareable = String(reply.getHeader("cache-control") ?? "").startsWith("public");
    if (key && reply.statusCode === 200 && shareable && typeof payload === "string") cache.set(key, payload);
    return payload;
  });
}
