import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import fastifyCookie from "@fastify/cookie";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import type { GraphQLSchema } from "graphql";
import type { Config } from "../config";
import type { Context } from "../graphql/context";
import type { Viewer } from "../modules/user/viewer";
import { hideSuggestions } from "../graphql/hide-suggestions";
import { compiledExecution } from "../graphql/compiled-execution";
import { costLimit } from "../graphql/query-cost";
import { queryLimitRules } from "../graphql/query-limits";
import { Loaders } from "../graphql/loaders";
import type { Services } from "../modules/services";
import { sqlStatementsSoFar, withSqlCounter } from "../kernel/sql-stats";
import { registerAdminPanel } from "./admin-panel";
import { cachePolicy } from "./cache-policy";
import { registerCachedReads } from "./cached-reads";
import { credentials, sessionCookie } from "./credentials";
import { formatError } from "./errors";
import { registerHealthCheck } from "./health";
import { refuseStaleCredentials, staffOnlyIntrospection } from "./plugins";
import type { EmbeddedDatabase } from "../db/embedded/embedded-database";
import { backupRoute } from "./backup.route";
import { CSRF_HEADERS } from "./csrf";
import { eventsRoute } from "./events.route";
import { explorerLandingPage, readExplorerPage, registerExplorer } from "./explorer";
import { imageRoutes } from "./images.route";
import type { EventBell } from "../modules/report-events/event-bell";
import type { ResponseCache } from "./response-cache";

/** What only some deployments have (the in-process response cache, the embedded database), and the events' bell. */
export interface HttpExtras {
  responseCache: ResponseCache | null;
  embedded: EmbeddedDatabase | null;
  eventBell: EventBell;
}

export async function createHttpServer(config: Config, services: Services, schema: GraphQLSchema, extras: HttpExtras): Promise<FastifyInstance> {
  const { responseCache, embedded, eventBell } = extras;
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? "warn" },
    trustProxy: config.trustProxy,
    bodyLimit: config.limits.staffBody,
  });
  await app.register(fastifyCookie);

  const explorerPage = readExplorerPage();
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(schema),
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: { requestHeaders: CSRF_HEADERS },
    allowBatchedHttpRequests: false,
    plugins: [
      fastifyApolloDrainPlugin(app),
      // Cache-Control comes from cachePolicy, not from per-field hints.
      ApolloServerPluginCacheControlDisabled(),
      cachePolicy(config.cacheMaxAgeSeconds),
      refuseStaleCredentials,
      costLimit(schema, config.limits.cost),
      ...(config.production ? [staffOnlyIntrospection, hideSuggestions] : []),
      // Never Apollo's own landing page, which loads from CDNs: our explorer, or no page at all.
      ApolloServerPluginLandingPageDisabled(),
      ...(explorerPage ? [explorerLandingPage(explorerPage)] : []),
    ],
    validationRules: queryLimitRules(config.limits),
    parseOptions: { maxTokens: config.limits.tokens },
    // In production: no "Did you mean …" hints, and introspection for staff only (above).
    hideSchemaDetailsFromClientErrors: config.production,
    introspection: true,
  });
  await apollo.start();

  // Who is asking is settled before the body is read: anonymous clients may send small bodies
  // only, signed-in staff up to the global limit. Counted as the body streams in, so a missing
  // Content-Length does not help.
  const viewers = new WeakMap<FastifyRequest, Viewer>();
  app.addHook("preParsing", async (request, reply, payload) => {
    if (!request.url.startsWith("/graphql")) return payload;
    const { token, fromCookie } = credentials(request);
    const viewer = await services.sessions.resolve(token);
    viewers.set(request, viewer);
    if (viewer.credentialError && fromCookie) sessionCookie(request, reply, config.production).clear();
    if (viewer.user) return payload;
    let received = 0;
    const limit = config.limits.anonymousBody;
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > limit) throw Object.assign(new Error("request body too large"), { statusCode: 413 });
    payload.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) payload.destroy(Object.assign(new Error("request body too large"), { statusCode: 413 }));
    });
    return payload;
  });

  if (config.sqlStats) {
    // Counted from preHandler on: the body has been parsed by then, so the rest of the request
    // runs inside this async context. Only when asked: the context costs every request's promises.
    app.addHook("preHandler", (_request, _reply, done) => withSqlCounter(done));
    app.addHook("onSend", async (_request, reply) => {
      const statements = sqlStatementsSoFar();
      if (statements !== undefined) reply.header("x-sql-statements", String(statements));
    });
  }
  if (responseCache) registerCachedReads(app, responseCache, (request) => viewers.get(request));

  await app.register(fastifyApollo(apollo), {
    path: "/graphql",
    context: async (request, reply): Promise<Context> => {
      const viewer = viewers.get(request) ?? (await services.sessions.resolve(credentials(request).token));
      return {
        viewer,
        clientIp: request.ip,
        services,
        loaders: new Loaders(services, viewer),
        sessionCookie: sessionCookie(request, reply, config.production),
      };
    },
  });

  await registerAdminPanel(app, config.publicUrl);
  if (explorerPage) await registerExplorer(app);
  const viewerOf = (request: FastifyRequest): Promise<Viewer> => services.sessions.resolve(credentials(request).token);
  await app.register(backupRoute, { services, embedded, viewerOf });
  await app.register(eventsRoute, { services, bell: eventBell, ...config.events, viewerOf });
  await app.register(imageRoutes, { services, viewerOf, cacheMaxAgeSeconds: config.cacheMaxAgeSeconds });
  registerHealthCheck(app, services.database);
  return app;
}
