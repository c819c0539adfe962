import { GraphQLError } from "graphql";

export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "DISCLAIMER_REQUIRED"
  | "TOO_MANY_REQUESTS";

/** An error meant for the client: its message and code are safe to show. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const badInput = (message: string, field?: string): AppError =>
  new AppError("BAD_USER_INPUT", message, field ? { field } : {});
