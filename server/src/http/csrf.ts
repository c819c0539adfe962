import type { IncomingHttpHeaders } from "node:http";

/**
 * Headers a browser sends cross-site only after a CORS preflight, which this server never grants:
 * a request that carries one of them was not forged by another site's form. Apollo's own list
 * (its `recommendedCsrfPreventionRequestHeaders`), given to /graphql's CSRF prevention as well, so
 * that /graphql and the routes beside it ask the same of every client.
 */
export const CSRF_HEADERS = ["x-apollo-operation-name", "apollo-require-preflight"];

/** For routes that take bodies a form can send (multipart): one of the headers, not empty. */
export const passesCsrfCheck = (headers: IncomingHttpHeaders): boolean => CSRF_HEADERS.some((name) => Boolean(headers[name]));

export const CSRF_REFUSAL =
  "This request has been blocked as a potential Cross-Site Request Forgery (CSRF): " +
  `send a non-empty value for one of the headers ${CSRF_HEADERS.join(", ")}`;
