import { createHmac, randomBytes } from "node:crypto";

/*
 * Standard Webhooks (https://www.standardwebhooks.com/): a receiver checks a delivery with any of
 * the scheme's libraries, given the endpoint's secret. The signed content is
 * `${webhook-id}.${webhook-timestamp}.${body}`; the timestamp is signed so that a captured
 * delivery cannot be replayed later, and the id so that it cannot be passed off as another one.
 */

const PREFIX = "whsec_";
// The scheme asks for keys of 24 to 64 bytes.
const MIN_KEY_BYTES = 24;
const MAX_KEY_BYTES = 64;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** A new endpoint secret: "whsec_" and 24 random bytes in base64, the form the scheme's libraries read. */
export const newWebhookSecret = (): string => PREFIX + randomBytes(MIN_KEY_BYTES).toString("base64");

/** The key inside a secret, or null when it is not one (strict base64, so that every library decodes the same bytes). */
function secretKey(value: string): Buffer | null {
  if (!value.startsWith(PREFIX)) return null;
  const encoded = value.slice(PREFIX.length);
  if (!BASE64.test(encoded)) return null;
  const key = Buffer.from(encoded, "base64");
  if (key.toString("base64") !== encoded) return null;
  return key.length >= MIN_KEY_BYTES && key.length <= MAX_KEY_BYTES ? key : null;
}

export function isWebhookSecret(value: string): boolean {
  return secretKey(value) !== null;
}

/**
 * The `webhook-signature` header: "v1,<base64 HMAC-SHA256>" for each secret, separated by spaces.
 * During a rotation the old and the new secret both sign, so a receiver holding either accepts
 * the delivery. Throws (without showing the secret) for a value that is not a secret.
 */
export function signWebhook(secrets: readonly string[], id: string, timestampSeconds: number, body: string): string {
  if (secrets.length === 0) throw new Error("a webhook needs at least one secret to sign with");
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) throw new Error("the webhook timestamp must be whole seconds since 1970");
  const content = `${id}.${timestampSeconds}.${body}`;
  return secrets
    .map((secret, index) => {
      const key = secretKey(secret);
      if (!key) throw new Error(`webhook secret #${index + 1} is not a "whsec_" secret of 24 to 64 bytes`);
      return `v1,${createHmac("sha256", key).update(content, "utf8").digest("base64")}`;
    })
    .join(" ");
}

/** The headers of a delivery whose body is `body`, signed by each of `secrets`. */
export function webhookHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": signWebhook(secrets, id, timestampSeconds, body),
    "content-type": "application/json",
  };
}
