import { describe, expect, it } from "vitest";
import { newSecretKey, openSecret, parseSecretKey, sealSecret } from "../server/src/kernel/secret-box";

// Webhook secrets sealed at rest and opened to sign, without a database.

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("secret box", () => {
  it("opens what it sealed, under the same key", () => {
    const key = newSecretKey();
    expect(key).toHaveLength(32);
    for (const plaintext of [SECRET, "", "비밀 🔑", "x".repeat(10_000)]) expect(openSecret(key, sealSecret(key, plaintext))).toBe(plaintext);
  });

  it("writes 'v1.<iv>.<tag>.<ciphertext>' in base64url, with a fresh IV each time", () => {
    const key = newSecretKey();
    const sealed = sealSecret(key, SECRET);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(Buffer.from(sealed.split(".")[3]!, "base64url")).toHaveLength(Buffer.byteLength(SECRET));
    expect(sealed).not.toContain("MfKQ9r8");
    const again = sealSecret(key, SECRET);
    expect(again).not.toBe(sealed);
    expect(again.split(".")[1]).not.toBe(sealed.split(".")[1]);
  });

  it("refuses a value sealed under another key", () => {
    const sealed = sealSecret(newSecretKey(), SECRET);
    expect(() => openSecret(newSecretKey(), sealed)).toThrow(/altered or sealed under another key/);
  });

  it("refuses any change to the IV, the tag or the ciphertext", () => {
    const key = newSecretKey();
    const sealed = sealSecret(key, SECRET);
    const parts = sealed.split(".");
    for (const index of [1, 2, 3]) {
      const bytes = Buffer.from(parts[index]!, "base64url");
      for (const at of [0, bytes.length - 1]) {
        const changed = Buffer.from(bytes);
        changed[at] = changed[at]! ^ 1;
        const tampered = parts.map((part, i) => (i === index ? changed.toString("base64url") : part)).join(".");
        expect(() => openSecret(key, tampered), `part ${index}, byte ${at}`).toThrow(/altered/);
      }
    }
    // Swapping in another sealed value's tag, or cutting the ciphertext short.
    const other = sealSecret(key, SECRET).split(".");
    expect(() => openSecret(key, [parts[0], parts[1], other[2], parts[3]].join("."))).toThrow(/altered/);
    expect(() => openSecret(key, [...parts.slice(0, 3), Buffer.from(parts[3]!, "base64url").subarray(1).toString("base64url")].join("."))).toThrow(/altered/);
  });

  it("refuses what is not a sealed value", () => {
    const key = newSecretKey();
    const [, iv, tag, ciphertext] = sealSecret(key, SECRET).split(".");
    for (const value of ["", SECRET, `v2.${iv}.${tag}.${ciphertext}`, `v1.${iv}.${tag}`, `v1.${iv}.${tag}.${ciphertext}.x`, `v1.${iv}A.${tag}.${ciphertext}`, `v1.${iv}.${tag!.slice(1)}.${ciphertext}`, `v1.${iv}.${tag}.${ciphertext}=`, `v1.${iv}.${tag}.${ciphertext}+`]) {
      expect(() => openSecret(key, value), value).toThrow(/not a sealed secret/);
    }
  });

  it("needs a 32-byte key", () => {
    expect(() => sealSecret(Buffer.alloc(16), SECRET)).toThrow(/32 bytes, not 16/);
    expect(() => openSecret(Buffer.alloc(31), sealSecret(newSecretKey(), SECRET))).toThrow(/32 bytes, not 31/);
  });
});

describe("parseSecretKey", () => {
  it("reads 32 bytes as hex, base64 or base64url, padded or not", () => {
    const key = newSecretKey();
    for (const text of [key.toString("hex"), key.toString("hex").toUpperCase(), key.toString("base64"), key.toString("base64").replace(/=$/, ""), key.toString("base64url"), ` ${key.toString("base64")}\n`]) {
      expect(parseSecretKey(text).equals(key), text).toBe(true);
    }
    // A key whose base64 and base64url spellings differ.
    const awkward = Buffer.alloc(32, 0xfb);
    expect(parseSecretKey(awkward.toString("base64")).equals(awkward)).toBe(true);
    expect(parseSecretKey(awkward.toString("base64url")).equals(awkward)).toBe(true);
  });

  it("refuses anything else with a message that does not repeat it", () => {
    const key = newSecretKey();
    const wrong = [
      "",
      "changeme",
      key.toString("hex").slice(2), // 31 bytes
      `${key.toString("hex")}00`, // 33 bytes
      newSecretKey().subarray(0, 16).toString("base64"),
      Buffer.concat([key, Buffer.alloc(1)]).toString("base64"),
      `${key.toString("base64").slice(0, 20)}+_${key.toString("base64").slice(22)}`, // both alphabets
      `${key.toString("base64").slice(0, 42)}B=`, // non-zero trailing bits
      `${key.toString("base64")}=`,
    ];
    for (const text of wrong) {
      let message = "";
      try {
        parseSecretKey(text);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, text).toMatch(/must be 32 bytes, written as 64 hex digits or in base64/);
      if (text.length > 8) expect(message).not.toContain(text.slice(0, 8));
    }
  });
});
