import type { FastifyInstance } from "fastify";
import type { DatabaseService } from "../modules/database/database.service";

const HEALTH_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** GET /healthz: 200 while the database answers, 503 (quickly) while it does not. */
export function registerHealthCheck(app: FastifyInstance, database: DatabaseService): void {
  app.get("/healthz", async (_request, reply) => {
    try {
      await withTimeout(database.ping(), HEALTH_TIMEOUT_MS);
      return { status: "ok" };
    } catch (error) {
      reply.code(503);
      console.error(`healthz: database check failed: ${error instanceof Error ? error.message : String(error)}`);
      return { status: "unavailable", database: "unreachable" };
    }
  });
}
