import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fs from "node:fs";
import path from "node:path";
import { builtAssetOptions } from "./built-assets";

/**
 * The react-admin panel, built by `npm run build` into dist/admin. Its page runs no inline
 * script; MUI injects styles, hence 'unsafe-inline' for styles only. Report bodies show their
 * images at PUBLIC_URL, which may be another origin than the panel's.
 */
export async function registerAdminPanel(app: FastifyInstance, publicUrl: string | null): Promise<void> {
  const adminRoot = path.resolve(__dirname, "../../../admin");
  if (!fs.existsSync(path.join(adminRoot, "index.html"))) return;
  const imageOrigin = publicUrl ? ` ${new URL(publicUrl).origin}` : "";
  app.addHook("onSend", async (request, reply) => {
    if (!request.url.startsWith("/admin")) return;
    reply.header(
      "content-security-policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" + imageOrigin + "; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "no-referrer");
  });
  await app.register(fastifyStatic, builtAssetOptions(adminRoot, "/admin/"));
  app.get("/admin", (_request, reply) => reply.redirect("/admin/"));
}
