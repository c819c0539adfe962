import { ApolloServer } from "@apollo/server";
import fastifyApollo, { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import type { Config } from "./config";
import type { Context } from "./common/context";
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

function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  console.error("Unexpected error:", error);
  return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}

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
  const app = Fastify({ logger: { level: process.env.LOG_LEVEL ?? "warn" } });

  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [fastifyApolloDrainPlugin(app)],
  });
  await apollo.start();

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
    context: async (): Promise<Context> => {
      const viewer = { user: null };
      return { viewer, services, loaders: createLoaders(services, viewer) };
    },
  });

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
