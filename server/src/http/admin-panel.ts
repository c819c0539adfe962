import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fs from "node:fs";
import path from "node:path";
import { builtAssetOptions, setPageHeaders } from "./built-assets";

/**
 * The react-admin panel, built by `npm run build` into dist/admin. Its page runs no inline
 * script; MUI injects styles, hence 'unsafe-inline' for styles only. Report bodies show their
 * images at PUBLIC_URL, which may be another origin than the panel's.
 */
export async function registerAdminPanel(app: FastifyInstance, publicUrl: string | null): Promise<void> {
  const adminRoot = path.resolve(__dirname, "../../../admin");
  if (!fs.existsSync(path.join(adminRoot, "index.html"))) return;
  const imageOrigin = publicUrl ? ` ${new URL(publicUrl).origin}` : "";
  // Callback style: it runs for every response, and an async hook would cost each one a promise.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (request.url.startsWith("/admin")) {
      setPageHeaders(
        reply,
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" + imageOrigin + "; font-src 'self' data:; " +
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
      );
    }
    done(null, payload);
  });
  await app.register(fastifyStatic, builtAssetOptions(adminRoot, "/admin/"));
  app.get("/admin", (_request, reply) => reply.redirect("/admin/"));
}
