import type { ApolloServerPlugin } from "@apollo/server";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fs from "node:fs";
import path from "node:path";
import type { Context } from "../graphql/context";
import { builtAssetOptions, setPageHeaders } from "./built-assets";
import { NO_STORE } from "./cache-policy";

/** GraphiQL, built by `npm run build` into dist/explorer (explorer/ in the repository). */
const EXPLORER_ROOT = path.resolve(__dirname, "../../../explorer");

/** The explorer's page as built, or null when this build has none. */
export function readExplorerPage(): string | null {
  const file = path.join(EXPLORER_ROOT, "index.html");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/**
 * Apollo sends this page for GET /graphql from a browser (Accept: text/html) instead of its own,
 * which loads the Sandbox and fonts from CDNs. The page is the same for everyone: whether the
 * visitor may read the schema is the server's introspection rule, which the page asks about.
 */
export function explorerLandingPage(html: string): ApolloServerPlugin<Context> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html };
        },
      };
    },
  };
}

/**
 * The explorer's files at /explorer/assets/, and its page's headers. The page shares its address
 * with GraphQL answers, so no cache may keep it; it runs only the built scripts (GraphiQL styles
 * its editor inline and embeds its fonts as data: URLs).
 */
export async function registerExplorer(app: FastifyInstance): Promise<void> {
  // Callback style: it runs for every response, and an async hook would cost each one a promise.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (request.routeOptions.url !== "/graphql" || !String(reply.getHeader("content-type")).startsWith("text/html")) return done(null, payload);
    reply.header("cache-control", NO_STORE);
    setPageHeaders(
      reply,
      "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
    );
    done(null, payload);
  });
  await app.register(fastifyStatic, {
    ...builtAssetOptions(EXPLORER_ROOT, "/explorer/"),
    // The page itself is served at /graphql only.
    index: false,
    allowedPath: (pathName) => pathName.startsWith("/assets/"),
    // reply.sendFile may be declared once, and nothing here calls it.
    decorateReply: false,
  });
}
