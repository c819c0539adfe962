import { randomBytes } from "node:crypto";
import argon2 from "argon2";
import { sha256Hex } from "./checksum";

/** OWASP's minimum for argon2id: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => argon2.hash(password, ARGON2_OPTIONS);

// Verified against when the account does not exist, so that the answer takes as long either way.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
    await argon2.verify(await dummyHash, password);
    return false;
  }
  return argon2.verify(hash, password);
}

export type TokenKind = "session" | "apiKey";
const PREFIX: Record<TokenKind, string> = { session: "rds_", apiKey: "rdk_" };

/** A random bearer secret; its kind shows in the prefix so that a leaked one is recognisable. */
export const newToken = (kind: TokenKind): string => PREFIX[kind] + randomBytes(32).toString("base64url");

export function tokenKind(token: string): TokenKind | null {
  if (token.startsWith(PREFIX.session)) return "session";
  if (token.startsWith(PREFIX.apiKey)) return "apiKey";
  return null;
}

/** Tokens carry 256 random bits, so a fast hash is enough to store them safely. */
export const tokenHash = (token: string): string => sha256Hex(token);
