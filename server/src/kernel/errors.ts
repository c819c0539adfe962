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

type None = Record<string, never>;

/**
 * Why a request was refused: the one list of reasons (`extensions.reason`), each with the
 * parameters its texts name (`extensions.params`). A client translates by reason rather than by the
 * English message; the admin panel's texts are typed by this list, so a new reason does not
 * type-check until both languages have a text for it.
 */
export interface ReasonParams {
  // An input field's value (BAD_USER_INPUT, with `field`).
  REQUIRED: None;
  TOO_SHORT: { min: number };
  TOO_LONG: { max: number };
  CONTROL_CHARACTERS: None;
  INVALID_UNICODE: None;
  MARKUP_NOT_ALLOWED: None;
  /** Text that is only looked up (a slug, a search, an e-mail at sign-in): NUL, a lone surrogate or over `max`. */
  INVALID_TEXT: { max: number };
  ITEM_COUNT: { min: number; max: number };
  DUPLICATE_ID: None;
  INVALID_ID: None;
  NOT_A_URL: None;
  NOT_AN_EMAIL: None;
  INVALID_SLUG: None;
  INVALID_LANGUAGE: None;
  PASSWORD_LENGTH: { min: number; max: number };
  ID_OR_SLUG: None;
  OUT_OF_RANGE: { min: number; max: number };
  INVALID_CURSOR: None;
  CURSOR_ORDER_MISMATCH: None;
  TOO_MANY_IDS: { max: number };
  TOO_MANY_WORDS: { max: number };
  WORD_TOO_SHORT: { min: number; word: string };
  UNKNOWN_EVENT_TYPE: { allowed: string };
  UNKNOWN_STATUS: { allowed: string };
  /** A webhook endpoint in production must use https. */
  HTTPS_REQUIRED: None;
  UNKNOWN_FIRM: None;
  UNKNOWN_SECTOR_TAG: None;
  UNKNOWN_REVISION: None;
  ANALYST_OF_OTHER_FIRM: None;
  REVISIONS_OF_DIFFERENT_REPORTS: None;
  FIRM_FIXED: None;
  /** A body over its limit as stored, in the editor's form (`length` is what it had). */
  BODY_TOO_LONG: { max: number; length: number };
  TABLE_TOO_LARGE: { max: number };
  UNKNOWN_IMAGE: { path: string };
  IMAGE_UNREADABLE: { format: string };
  ONE_FILE: None;
  UNEXPECTED_FIELDS: None;
  WRONG_PASSWORD: None;
  QUERY_TOO_COSTLY: { cost: number; limit: number };
  // Workflow steps.
  BODY_REQUIRED: None;
  SCHEDULE_IN_PAST: None;
  SCHEDULE_TOO_FAR: None;
  CORRECTION_NOT_SCHEDULABLE: None;
  CORRECTION_NOTE_REQUIRED: None;
  NOTE_WITHOUT_CORRECTION: None;
  TOO_MANY_LINES: { max: number };
  STEP_NOT_ALLOWED: { status: string };
  EDIT_NOT_ALLOWED: { status: string };
  DELETE_NOT_ALLOWED: { status: string };
  NOT_AWAITING_REVIEW: None;
  DISCLAIMER_NOT_ATTACHED: None;
  DISCLAIMER_NOT_APPROVED: None;
  DISCLAIMER_OUTDATED: { attachedVersion: number; currentVersion: number | null };
  NO_DISCLAIMER_TEMPLATE: None;
  /** The database's disclaimer gate refused the change at commit (`rule`: NO_DISCLAIMER, FOUR_EYES…). */
  DISCLAIMER_GATE: { rule: string };
  // Who may do what.
  SIGN_IN_REQUIRED: None;
  /** A session that expired or was ended, or an API key that was revoked. */
  CREDENTIALS_INVALID: None;
  WRONG_CREDENTIALS: None;
  ACCOUNT_DISABLED: None;
  TOO_MANY_SIGN_INS: { retryAfter: number };
  ROLE_REQUIRED: { roles: string };
  FOUR_EYES: None;
  SELF_DISABLE: None;
  LAST_ADMIN: None;
  STAFF_ONLY_FILTER: None;
  STAFF_ONLY_INTROSPECTION: None;
  // Webhooks.
  WEBHOOK_DISABLED: None;
  /** The server has no WEBHOOK_SECRET_KEY to seal endpoint secrets with. */
  WEBHOOKS_NOT_SET_UP: None;
  // What exists and what changed meanwhile.
  RECORD_NOT_FOUND: None;
  SLUG_TAKEN: { slug: string };
  EMAIL_TAKEN: None;
  /** Two writers raced for the same unique value (the database's unique violation). */
  VALUE_TAKEN: None;
  STALE_VERSION: { currentVersion: number };
  PASSWORD_CHANGED: None;
  // Uploads.
  IMAGE_TOO_LARGE: { maxBytes: number };
  IMAGE_FORMAT: None;
  MULTIPART_REQUIRED: None;
  // The server's own trouble (INTERNAL_SERVER_ERROR).
  DATABASE_TIMEOUT: None;
  DATABASE_UNAVAILABLE: None;
  UNEXPECTED: None;
}

export type ErrorReason = keyof ReasonParams;

/** A reason with its parameters; `params` may be left out when the reason has none. */
export type Reason = {
  [R in ErrorReason]: ReasonParams[R] extends None ? { reason: R; params?: None } : { reason: R; params: ReasonParams[R] };
}[ErrorReason];

/** The extensions every refusal of ours carries besides its code. */
export const reasonExtensions = ({ reason, params }: Reason): { reason: ErrorReason; params: ReasonParams[ErrorReason] } => ({ reason, params: params ?? {} });

/**
 * An error meant for the client: its message and code are safe to show. `extensions` holds the
 * input `field` at fault and details of its own (`status`, `retryAfter`…) beside the reason.
 */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, why: Reason, message: string, extensions: { field?: string; [detail: string]: unknown } = {}) {
    super(message, { extensions: { ...extensions, code, ...reasonExtensions(why) } });
  }
}

/** A bad input: `field` names it (omitted when no single field is at fault). */
export const badInput = (why: Reason, message: string, field?: string): AppError => new AppError("BAD_USER_INPUT", why, message, field ? { field } : {});
