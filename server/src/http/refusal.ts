import type { FastifyReply } from "fastify";
import { GraphQLError } from "graphql";
import type { ClientErrorCode } from "../kernel/errors";
import { NO_STORE } from "./cache-policy";
import { formatError } from "./errors";

const STATUS: Partial<Record<ClientErrorCode, number>> = {
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
};

/** Fastify's own refusals of a request (a body it cannot parse, or too large) carry a status of their own. */
const FRAMEWORK_CODES: Record<number, ClientErrorCode> = { 413: "PAYLOAD_TOO_LARGE", 415: "UNSUPPORTED_MEDIA_TYPE" };

/**
 * A refusal outside /graphql: `{ statusCode, code, message }` and the details a GraphQL error would
 * carry in its extensions (`field` for a bad input), never stored by any cache.
 */
export const refuse = (reply: FastifyReply, statusCode: number, message: string, details: { code?: ClientErrorCode; [key: string]: unknown } = {}): FastifyReply =>
  reply.code(statusCode).header("cache-control", NO_STORE).send({ statusCode, ...details, message });

/** Any error as a refusal, shaped and hidden as /graphql's errors are (http/errors.ts). */
export function refuseError(reply: FastifyReply, error: unknown): FastifyReply {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (!(error instanceof GraphQLError) && typeof status === "number" && status >= 400 && status < 500) {
    return refuse(reply, status, (error as Error).message, { code: FRAMEWORK_CODES[status] ?? "BAD_REQUEST" });
  }
  const message = error instanceof Error ? error.message : String(error);
  const formatted = formatError({ message, extensions: error instanceof GraphQLError ? error.extensions : {} }, error);
  const code = (formatted.extensions?.code ?? "INTERNAL_SERVER_ERROR") as ClientErrorCode;
  return refuse(reply, STATUS[code] ?? 500, formatted.message, { ...formatted.extensions, code });
}
