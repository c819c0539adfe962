import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionCookie } from "../graphql/context";

const SESSION_COOKIE = "rd_session";

/** The bearer token of a request: the Authorization header first, then the session cookie. */
export function credentials(request: FastifyRequest): { token: string | null; fromCookie: boolean } {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) return { token: header.slice(7).trim(), fromCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return { token: cookie || null, fromCookie: Boolean(cookie) };
}

export function sessionCookie(request: FastifyRequest, reply: FastifyReply, production: boolean): SessionCookie {
  // Production always sits behind HTTPS; elsewhere the cookie must also work over plain HTTP.
  const options = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: production || request.protocol === "https" };
  return {
    set: (token, expiresAt) => void reply.setCookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => void reply.clearCookie(SESSION_COOKIE, options),
  };
}
