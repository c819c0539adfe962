import { ApolloServerErrorCode } from "@apollo/server/errors";
import { GraphQLError } from "graphql";

/** The codes this service's own refusals carry; the one list of them (docs/architecture.md, "Errors"). */
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "INVALID_TRANSITION",
  "DISCLAIMER_REQUIRED",
  "TOO_MANY_REQUESTS",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
] as const;

export type ErrorCode = (typeof APP_ERROR_CODES)[number];

/**
 * Every code a client can receive: ours, Apollo's refusals of a request (parse, validation,
 * persisted queries), and INTERNAL_SERVER_ERROR for whatever else went wrong. The admin panel's
 * messages are typed by it, so a new code cannot ship without its texts.
 */
export type ClientErrorCode = ErrorCode | `${ApolloServerErrorCode}`;

/** Codes whose messages were written for clients and pass through as they are. */
export const CLIENT_CODES: ReadonlySet<string> = new Set<string>([
  ...APP_ERROR_CODES,
  ...Object.values(ApolloServerErrorCode).filter((code) => code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR),
]);

/** An error meant for the client: its message and code are safe to show. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (message: string, field?: string): AppError =>
  new AppError("BAD_USER_INPUT", message, field ? { field } : {});
