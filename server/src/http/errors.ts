import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { QueryFailedError } from "typeorm";
import { CLIENT_CODES, reasonExtensions } from "../kernel/errors";
import { gateRefusalOf } from "../kernel/gate-refusal";

/** The error a resolver threw, unwrapped from the GraphQLError that carries it. */
const originalOf = (error: unknown): unknown => (error instanceof GraphQLError ? error.originalError : error);

/** PostgreSQL's unique_violation: two writers raced for the same slug or e-mail. */
function isUniqueViolation(error: unknown): boolean {
  const original = originalOf(error);
  return original instanceof QueryFailedError && (original.driverError as { code?: string }).code === "23505";
}

/** The database went away (stopped, restarted, unreachable): say so, without internals. */
function isDatabaseUnavailable(error: unknown): boolean {
  const original = originalOf(error) as (Error & { code?: string; driverError?: { code?: string } }) | undefined;
  const code = original?.driverError?.code ?? original?.code;
  return (
    ["ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"].includes(code ?? "") ||
    /Connection terminated|timeout exceeded when trying to connect/.test(original?.message ?? "")
  );
}

/** query_canceled: statement_timeout fired. */
const isStatementTimeout = (error: unknown): boolean =>
  (originalOf(error) as { driverError?: { code?: string } } | undefined)?.driverError?.code === "57014";

/** Apollo's own refusals without a code (a persisted-query hash that does not match its query). */
function isCodelessBadRequest(error: unknown): error is GraphQLError {
  const status = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && error instanceof GraphQLError && !error.extensions.code;
}

/** What a client sees of an error: typed codes pass through; internals never do. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isStatementTimeout(error)) {
    return { message: "the database did not answer in time; try again shortly", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR", ...reasonExtensions({ reason: "DATABASE_TIMEOUT" }) } };
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`database unavailable: ${(error as GraphQLError).originalError?.message ?? String(error)}`);
    return { message: "the database is unavailable; try again shortly", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR", ...reasonExtensions({ reason: "DATABASE_UNAVAILABLE" }) } };
  }
  // The database's own disclaimer gate: its messages name the rule and were written for staff.
  const refusal = gateRefusalOf(originalOf(error));
  if (refusal) {
    return { message: refusal.message, path: formatted.path, extensions: { code: "DISCLAIMER_REQUIRED", rule: refusal.rule, ...reasonExtensions({ reason: "DISCLAIMER_GATE", params: { rule: refusal.rule } }) } };
  }
  if (isUniqueViolation(error)) {
    return { message: "that value is taken; reload and try again", path: formatted.path, extensions: { code: "CONFLICT", ...reasonExtensions({ reason: "VALUE_TAKEN" }) } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (isCodelessBadRequest(error)) {
    return { message: error.message, extensions: { code: "BAD_REQUEST" } };
  }
  console.error("Unexpected error:", error);
  return { message: "Internal server error", path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR", ...reasonExtensions({ reason: "UNEXPECTED" }) } };
}
