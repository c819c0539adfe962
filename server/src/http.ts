import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fs from "node:fs";
import path from "node:path";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { QueryFailedError } from "typeorm";
import type { Config } from "./config";
import type { Context, SessionCookie, Viewer } from "./common/context";
import { AppError } from "./common/errors";
import { costLimit } from "./common/query-cost";
import { queryLimitRules } from "./common/query-limits";
import { hideSuggestions } from "./common/hide-suggestions";
import { createLoaders } from "./common/loaders";
import type { Services } from "./common/services";
import { sqlStatementsSoFar, withSqlCounter } from "./common/sql-stats";

const HEALTH_TIMEOUT_MS = 2_000;

/** Codes whose messages were written for clients; anything else is an internal error. */
const CLIENT_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_TRANSITION",
  "DISCLAIMER_REQUIRED",
  "TOO_MANY_REQUESTS",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
]);

/** PostgreSQL's unique_violation: two writers raced for the same slug or e-mail. */
function isUniqueViolation(error: unknown): boolean {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof QueryFailedError && (original.driverError as { code?: string }).code === "23505";
}

/** The database went away (stopped, restarted, unreachable): say so, without internals. */
function isDatabaseUnavailable(error: unknown): boolean {
  const original = (error instanceof GraphQLError ? error.originalError : error) as (Error & { code?: string; driverError?: { code?: string } }) | undefined;
  const code = original?.driverError?.code ?? original?.code;
  return (
    ["ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"].includes(code ?? "") ||
    /Connection terminated|timeout exceeded when trying to connect/.test(original?.message ?? "")
  );
}

/** query_canceled: statement_timeout fired. */
const isStatementTimeout = (error: unknown): boolean =>
  ((error instanceof GraphQLError ? error.originalError : error) as { driverError?: { code?: string } } | undefined)?.driverError?.code === "57014";

/** Apollo's own 400s that carry no code (a persisted-query hash that does not match its query). */
const isUncodedRequestError = (error: unknown): boolean =>
  error instanceof GraphQLError && !error.extensions.code && (error.extensions.http as { status?: number } | undefined)?.status === 400;

function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isStatementTimeout(error)) {
    return { message: "the database did not answer in time; try again shortly", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`database unavailable: ${(error as GraphQLError).originalError?.message ?? String(error)}`);
    return { message: "the database is unavailable; try again shortly", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
  if (isUniqueViolation(error)) {
    return { message: "that value is taken; reload and try again", path: formatted.path, extensions: { code: "CONFLICT" } };
  }
  const code = isUncodedRequestError(error) ? "BAD_REQUEST" : formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  console.error("Unexpected error:", error);
  return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

const SESSION_COOKIE = "rd_session";

/** The bearer token of a request: the Authorization header first, then the session cookie. */
function credentials(request: FastifyRequest): { token: string | null; fromCookie: boolean } {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return { token: header.slice(7).trim(), fromCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return { token: cookie || null, fromCookie: Boolean(cookie) };
}

function sessionCookie(request: FastifyRequest, reply: FastifyReply, production: boolean): SessionCookie {
  // Production always sits behind HTTPS; elsewhere the cookie must also work over plain HTTP.
  const options = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: production || request.protocol === "https" };
  return {
    set: (token, expiresAt) => void reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

/**
 * A request with a revoked or expired session, or a revoked key, is refused whole rather than
 * served as anonymous: a client must learn that its credentials stopped working. Signing in and
 * out stay possible.
 */
const INTROSPECTION = /\b__(schema|type)\b/;

/** Production hides the schema from anonymous clients; staff tools may still introspect. */
const staffOnlyIntrospection: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, request }) {
        if (!contextValue.viewer.user && INTROSPECTION.test(request.query ?? "")) {
          throw new AppError("FORBIDDEN", "introspection is for signed-in staff", { http: { status: 403 } });
        }
      },
    };
  },
};

const refuseStaleCredentials: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        const problem = contextValue.viewer.credentialError;
        if (!problem) return;
        const onlySignInOut = operation?.selectionSet.selections.every(
          (s) => s.kind === "Field" && ["login", "logout", "__typename"].includes(s.name.value),
        );
        if (!onlySignInOut) throw new AppError("UNAUTHENTICATED", problem, { http: { status: 401 } });
      },
    };
  },
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export async function createHttpServer(config: Config, services: Services, schema: GraphQLSchema): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: process.env.LOG_LEVEL ?? "warn" },
    trustProxy: config.trustProxy,
    bodyLimit: config.limits.staffBody,
  });
  await app.register(fastifyCookie);

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      fastifyApolloDrainPlugin(app),
      refuseStaleCredentials,
      costLimit(schema, config.limits.cost),
      ...(config.production ? [staffOnlyIntrospection, hideSuggestions] : []),
    ],
    validationRules: queryLimitRules(config.limits),
    parseOptions: { maxTokens: config.limits.tokens },
    // In production: no "Did you mean …" hints, and introspection for staff only (below).
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

  // Counted from preHandler on: the body has been parsed by then, so the rest of the request
  // runs inside this async context.
  app.addHook("preHandler", (_request, _reply, done) => withSqlCounter(done));
  if (config.sqlStats) {
    app.addHook("onSend", async (_request, reply) => {
      const statements = sqlStatementsSoFar();
      if (statements !== undefined) reply.header("x-sql-statements", String(statements));
    });
  }

  await app.register(fastifyApollo(apollo), {
    path: "/graphql",
    context: async (request, reply): Promise<Context> => {
      const viewer = viewers.get(request) ?? (await services.sessions.resolve(credentials(request).token));
      return {
        viewer,
        clientIp: request.ip,
        services,
        loaders: createLoaders(services, viewer),
        sessionCookie: sessionCookie(request, reply, config.production),
      };
    },
  });

  // The react-admin panel, built by `npm run build` into dist/admin. Its page runs no inline
  // script; MUI injects styles, hence 'unsafe-inline' for styles only.
  const adminRoot = path.resolve(__dirname, "../../admin");
  if (fs.existsSync(path.join(adminRoot, "index.html"))) {
    app.addHook("onSend", async (request, reply) => {
      if (!request.url.startsWith("/admin")) return;
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
      );
      reply.header("x-content-type-options", "nosniff");
      reply.header("x-frame-options", "DENY");
      reply.header("referrer-policy", "no-referrer");
    });
    await app.register(fastifyStatic, { root: adminRoot, prefix: "/admin/" });
    app.get("/admin", (_request, reply) => reply.redirect("/admin/"));
  }

  app.get("/healthz", async (_request, reply) => {
    try {
      await withTimeout(services.dataSource.query("SELECT 1"), HEALTH_TIMEOUT_MS);
      return { status: "ok" };
    } catch (error) {
      reply.code(503);
      console.error(`healthz: database check failed: ${error instanceof Error ? error.message : String(error)}`);
      return { status: "unavailable", database: "unreachable" };
    }
  });

  return app;
}
