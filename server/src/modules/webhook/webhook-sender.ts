import { lookup as dnsLookup } from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { StringDecoder } from "node:string_decoder";
import type { Reason } from "../../kernel/errors";
import { type AddressClass, classifyAddress } from "../../kernel/network-address";

/*
 * One delivery attempt. The URL is the customer's, so the server must not become their way into
 * its own network (server-side request forgery): in production every address the connection
 * would go to is checked after DNS resolution and before connecting, in the lookup the socket
 * itself uses, so a name that resolves differently a second time (DNS rebinding) gains nothing.
 * Redirects are never followed, since a redirect is a second, unchecked URL.
 */

export interface SendPolicy {
  /** Production: https only, and no loopback/private/link-local/etc. address unless the host is allowed. */
  production: boolean;
  /** Host names or IP addresses (lower-case) exempt from the address rule (WEBHOOK_ALLOWED_HOSTS). */
  allowedHosts: ReadonlySet<string>;
  timeoutMs: number; // 10_000 in the service
}

export interface AttemptOutcome {
  /** HTTP status, null when no response came (refused, DNS failure, timeout, connection error). */
  statusCode: number | null;
  durationMs: number;
  /** The status line, the response headers and the first bytes of the body, at most 4 KB in all, as text. */
  responseHead: string | null;
  /** Why the attempt failed without a status, or null. Short, for the delivery log; e.g. "refused: 127.0.0.1 is a loopback address", "timed out after 10 s". */
  error: string | null;
}

const HEAD_MAX_BYTES = 4096;
const URL_MAX_LENGTH = 2000;
const ERROR_MAX_LENGTH = 200;
const USER_AGENT = "ResearchDesk-Webhooks/1";

/** Why a URL cannot be a webhook's endpoint: the reason clients translate, and the English text. */
export interface UrlProblem {
  why: Reason;
  message: string;
}

/** Null when `url` may be a webhook's endpoint under the policy, else what is wrong with it. */
export function checkWebhookUrl(url: string, policy: Pick<SendPolicy, "production">): UrlProblem | null {
  const invalid = (message: string): UrlProblem => ({ why: { reason: "NOT_A_URL" }, message });
  if (url.length > URL_MAX_LENGTH) return { why: { reason: "TOO_LONG", params: { max: URL_MAX_LENGTH } }, message: `the URL must be at most ${URL_MAX_LENGTH} characters` };
  // URL() would quietly trim or drop these; a stored URL should be the one that is used.
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return invalid("not a valid URL");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return invalid("not a valid URL");
  }
  if (parsed.protocol !== "https:" && (policy.production || parsed.protocol !== "http:")) {
    return policy.production ? { why: { reason: "HTTPS_REQUIRED" }, message: "the URL must use https" } : invalid("the URL must use http or https");
  }
  if (!parsed.hostname) return invalid("not a valid URL");
  // They would be sent as an Authorization header to whoever answers, and stored in clear.
  if (parsed.username || parsed.password) return invalid("the URL must not contain a user name or password");
  if (parsed.hash) return invalid("the URL must not contain a fragment (#…)");
  return null;
}

/** Thrown by the lookup (or before a request to a literal IP) when the address rule refuses. */
class AddressRefused extends Error {
  constructor(readonly address: string, readonly kind: AddressClass) {
    super(`refused: ${address} is ${kind === "unspecified" ? "an" : "a"} ${kind} address`);
  }
}

/** The first address that production must not connect to, or null. */
function refusal(addresses: readonly string[]): AddressRefused | null {
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public") return new AddressRefused(address, kind);
  }
  return null;
}

/** dns.lookup, all addresses, each checked before the socket may connect to any of them. */
const checkedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { family: options.family, hints: options.hints, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const refused = refusal(addresses.map((a) => a.address));
    if (refused) return callback(refused, "", 0);
    if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), "", 0);
    // With `all` (Node's happy-eyeballs connect) the socket wants the list; otherwise one address.
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`;

/** A short, secret-free description of why no status came. */
function describeFailure(error: unknown, hostname: string): string {
  const inner = error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
  if (inner instanceof AddressRefused) return inner.message;
  const code = typeof inner === "object" && inner !== null && "code" in inner ? String(inner.code) : undefined;
  const message = inner instanceof Error ? inner.message : String(inner);
  let text: string;
  switch (code) {
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_FAIL":
    case "EAI_NODATA":
      text = `DNS lookup of ${hostname} failed (${code})`;
      break;
    case "ECONNREFUSED":
      text = "connection refused";
      break;
    case "ECONNRESET":
      text = "connection reset";
      break;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      text = `${hostname} is unreachable (${code})`;
      break;
    default:
      if (code === "EPROTO" || code?.startsWith("ERR_SSL_")) {
        // OpenSSL's message is a long "<hex>:error:<code>:SSL routines:<function>:<reason>:<file>:<line>:"; its reason is what helps.
        text = `TLS handshake failed (${/SSL routines:[^:]*:([^:]+):/.exec(message)?.[1] ?? code})`;
      } else if (code && /CERT|UNABLE_TO_(GET|VERIFY)/.test(code)) {
        text = `TLS certificate not accepted: ${message} (${code})`;
      } else {
        text = code ? `${code}: ${message}` : message;
      }
  }
  text = text.replace(/\s+/g, " ").trim();
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH - 1)}…` : text;
}

/** Status line and headers as they came, for the delivery log. */
function statusAndHeaders(response: IncomingMessage): string {
  let text = `HTTP/${response.httpVersion} ${response.statusCode ?? ""} ${response.statusMessage ?? ""}\r\n`;
  for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) text += `${response.rawHeaders[i]}: ${response.rawHeaders[i + 1]}\r\n`;
  return `${text}\r\n`;
}

/** The first HEAD_MAX_BYTES as text: no split character at the end, and no NUL (PostgreSQL's text refuses it). */
function headText(bytes: Buffer): string {
  return new StringDecoder("utf8").write(bytes.subarray(0, HEAD_MAX_BYTES)).replace(/\u0000/g, "\ufffd");
}

/**
 * POSTs `body` with `headers` to `url` once, within `policy.timeoutMs` from start to the end of
 * the response head. Never throws: whatever happens is in the outcome. Logs nothing (the headers
 * carry signatures, the body the customer's content).
 */
export function sendWebhook(url: string, headers: Record<string, string>, body: string, policy: SendPolicy): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const failed = (error: string): AttemptOutcome => ({ statusCode: null, durationMs: elapsed(), responseHead: null, error });

  const invalid = checkWebhookUrl(url, policy);
  if (invalid) return Promise.resolve(failed(`refused: ${invalid.message}`));
  const target = new URL(url);
  // URL keeps the brackets of an IPv6 host ("[::1]"); the socket and the allowed list do not.
  const hostname = target.hostname.replace(/^\[(.*)\]$/, "$1");
  const checked = policy.production && !policy.allowedHosts.has(hostname);
  if (checked && isIP(hostname)) {
    // No lookup happens for a literal address, so it is checked here.
    const refused = refusal([hostname]);
    if (refused) return Promise.resolve(failed(refused.message));
  }

  return new Promise((resolve) => {
    let settled = false;
    let response: IncomingMessage | null = null;
    let head: Buffer[] = [];
    let headBytes = 0;
    let request: http.ClientRequest | null = null;

    const finish = (outcome: AttemptOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      // Whatever is still open (the rest of a body, a connection attempt) is of no further use.
      request?.destroy();
      resolve(outcome);
    };
    const answered = (res: IncomingMessage): AttemptOutcome => ({
      statusCode: res.statusCode ?? null,
      durationMs: elapsed(),
      responseHead: headText(Buffer.concat(head, headBytes)),
      error: null,
    });
    const deadline = setTimeout(() => {
      // A status that has come is the answer; only the rest of the body was slow.
      finish(response ? answered(response) : failed(`timed out after ${seconds(policy.timeoutMs)}`));
    }, policy.timeoutMs);

    try {
      request = (target.protocol === "https:" ? https : http).request({
        protocol: target.protocol,
        hostname,
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: "POST",
        headers: { ...headers, "user-agent": USER_AGENT, "content-length": String(Buffer.byteLength(body, "utf8")), connection: "close" },
        agent: false,
        ...(checked ? { lookup: checkedLookup } : {}),
      });
    } catch (error) {
      // Invalid header names or values are refused synchronously.
      finish(failed(describeFailure(error, hostname)));
      return;
    }
    request.on("error", (error) => finish(response ? answered(response) : failed(describeFailure(error, hostname))));
    request.on("response", (res) => {
      response = res;
      const start = Buffer.from(statusAndHeaders(res), "utf8");
      head = [start];
      headBytes = start.length;
      if (headBytes >= HEAD_MAX_BYTES) return finish(answered(res));
      res.on("data", (chunk: Buffer) => {
        head.push(chunk);
        headBytes += chunk.length;
        if (headBytes >= HEAD_MAX_BYTES) finish(answered(res));
      });
      res.on("end", () => finish(answered(res)));
      res.on("error", () => finish(answered(res)));
    });
    request.end(body, "utf8");
  });
}
