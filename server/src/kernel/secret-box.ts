import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/*
 * Secrets the server must read back (a webhook's signing secret is needed for every delivery),
 * so they cannot be hashed like tokens. They are stored sealed with AES-256-GCM under a key
 * that lives outside the database: a copy of the database or a backup alone does not reveal
 * them, and GCM's tag makes a changed sealed value fail to open instead of yielding garbage.
 */

const KEY_BYTES = 32;
const IV_BYTES = 12; // GCM's native nonce size; random, so a key may seal about 2^32 values safely
const TAG_BYTES = 16;
const VERSION = "v1";
const BASE64URL_PART = /^[A-Za-z0-9_-]+$/;

export const newSecretKey = (): Buffer => randomBytes(KEY_BYTES);

/**
 * A 32-byte key as configured: 64 hex digits, or base64 / base64url (padded or not), e.g. the
 * output of `openssl rand -base64 32`. The message never repeats the value.
 */
export function parseSecretKey(value: string): Buffer {
  const text = value.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, "hex");
  const unpadded = text.replace(/=$/, "");
  if (/^[A-Za-z0-9+/]{43}$/.test(unpadded) || /^[A-Za-z0-9_-]{43}$/.test(unpadded)) {
    const key = Buffer.from(unpadded, "base64");
    // 43 characters carry 258 bits; the last 2 must be zero, or two texts would name one key.
    if (key.length === KEY_BYTES && key.toString("base64url") === unpadded.replace(/\+/g, "-").replace(/\//g, "_")) return key;
  }
  throw new Error("the secret key must be 32 bytes, written as 64 hex digits or in base64 (e.g. `openssl rand -base64 32`)");
}

function requireKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`the secret key must be ${KEY_BYTES} bytes, not ${key.length}`);
}

/** "v1.<iv>.<tag>.<ciphertext>", each part base64url; the version lets a later scheme read old values. */
export function sealSecret(key: Buffer, plaintext: string): string {
  requireKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Canonical base64url only, so that one sealed value has one spelling. An empty plaintext seals to an empty part. */
function decodePart(part: string): Buffer | null {
  if (part !== "" && !BASE64URL_PART.test(part)) return null;
  const bytes = Buffer.from(part, "base64url");
  return bytes.toString("base64url") === part ? bytes : null;
}

/** Throws when the value is not a sealed secret, was altered, or was sealed under another key. */
export function openSecret(key: Buffer, sealed: string): string {
  requireKey(key);
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error(`not a sealed secret (expected "${VERSION}.<iv>.<tag>.<ciphertext>")`);
  const [iv, tag, ciphertext] = parts.slice(1).map(decodePart);
  if (!iv || iv.length !== IV_BYTES || !tag || tag.length !== TAG_BYTES || !ciphertext) throw new Error("not a sealed secret (malformed parts)");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the sealed secret does not open: it was altered or sealed under another key");
  }
}
