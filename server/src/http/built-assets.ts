import type { FastifyStaticOptions } from "@fastify/static";
import type { FastifyReply } from "fastify";
import path from "node:path";

/** Vite names every file under assets/ by a hash of its content: a new content is a new name. */
export const IMMUTABLE = "public, max-age=31536000, immutable";
/** Pages that name those files are asked for again each time, so a deploy shows at once. */
export const REVALIDATE = "no-cache";

/**
 * @fastify/static options for a folder built by Vite (dist/admin, dist/explorer): the `.br` and
 * `.gz` copies the build wrote beside each file (tools/precompress.mts) are sent to browsers that
 * accept them, the file itself to the others, so nothing is compressed per request; hashed files
 * are kept by browsers and CDNs for a year, everything else revalidated.
 */
export function builtAssetOptions(root: string, prefix: string): FastifyStaticOptions {
  const hashed = path.join(root, "assets") + path.sep;
  return {
    root,
    prefix,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, file) => reply.header("cache-control", file.startsWith(hashed) ? IMMUTABLE : REVALIDATE),
  };
}

/** A built page's headers: its content security policy, and no sniffing, framing or referrer. */
export function setPageHeaders(reply: FastifyReply, contentSecurityPolicy: string): void {
  reply.header("content-security-policy", contentSecurityPolicy);
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("referrer-policy", "no-referrer");
}
