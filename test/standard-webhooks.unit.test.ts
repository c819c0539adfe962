import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { isWebhookSecret, newWebhookSecret, signWebhook, webhookHeaders } from "../server/src/kernel/standard-webhooks";

// Deliveries signed here are checked with the scheme's own JavaScript library, as a receiver would.

const now = (): number => Math.floor(Date.now() / 1000);
const BODY = JSON.stringify({ type: "report.published", data: { id: "r1", title: "삼성전자 — 목표주가 상향" } });

describe("Standard Webhooks signatures", () => {
  it("match the scheme's published test vector", () => {
    expect(signWebhook(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, '{"test": 2432232314}')).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("verify with the reference library, for each secret when two sign during a rotation", () => {
    const [oldSecret, newSecret] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders([oldSecret, newSecret], "msg_1", now(), BODY);
    expect(Object.keys(headers).sort()).toEqual(["content-type", "webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(oldSecret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(new Webhook(newSecret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
  });

  it("fail for a changed body, id or timestamp, a wrong secret and an old timestamp", () => {
    const secret = newWebhookSecret();
    const timestamp = now();
    const headers = webhookHeaders([secret], "msg_1", timestamp, BODY);
    const verify = (body: string, h: Record<string, string>, s = secret) => () => new Webhook(s).verify(body, h);
    expect(verify(BODY, headers)).not.toThrow();
    expect(verify(BODY.replace("상향", "하향"), headers)).toThrow(/No matching signature/);
    expect(verify(BODY, { ...headers, "webhook-id": "msg_2" })).toThrow(/No matching signature/);
    expect(verify(BODY, { ...headers, "webhook-timestamp": String(timestamp - 1) })).toThrow(/No matching signature/);
    expect(verify(BODY, headers, newWebhookSecret())).toThrow(/No matching signature/);
    const old = timestamp - 10 * 60;
    expect(verify(BODY, webhookHeaders([secret], "msg_1", old, BODY))).toThrow(/too old/);
  });

  it("sign the body's UTF-8 bytes", () => {
    const secret = newWebhookSecret();
    const headers = webhookHeaders([secret], "msg_1", now(), BODY);
    expect(() => new Webhook(secret).verify(Buffer.from(BODY, "utf8"), headers)).not.toThrow();
  });
});

describe("webhook secrets", () => {
  it("are 'whsec_' and 24 random bytes in base64", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(isWebhookSecret(secret)).toBe(true);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it("are recognised only in the scheme's form, with a key of 24 to 64 bytes", () => {
    const b64 = (bytes: number): string => Buffer.alloc(bytes, 7).toString("base64");
    expect(isWebhookSecret(`whsec_${b64(24)}`)).toBe(true);
    expect(isWebhookSecret(`whsec_${b64(64)}`)).toBe(true);
    expect(isWebhookSecret(`whsec_${b64(32)}`)).toBe(true); // padded
    for (const value of ["", "whsec_", b64(24), `whsec_${b64(23)}`, `whsec_${b64(65)}`, `whsec_${Buffer.alloc(24).toString("base64url")}_-`, `whsec_${b64(24)} `, `WHSEC_${b64(24)}`, `whsec_${b64(24).slice(0, -1)}`]) {
      expect(isWebhookSecret(value), value).toBe(false);
    }
  });

  it("must be given, valid and never shown when signing fails", () => {
    const bad = "whsec_c2hvcnQ=";
    expect(() => signWebhook([], "msg_1", now(), BODY)).toThrow(/at least one secret/);
    expect(() => signWebhook([newWebhookSecret(), bad], "msg_1", now(), BODY)).toThrow(/secret #2 is not/);
    let message = "";
    try {
      signWebhook([bad], "msg_1", now(), BODY);
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/secret #1 is not/);
    expect(message).not.toContain("c2hvcnQ");
    expect(() => signWebhook([newWebhookSecret()], "msg_1", 1.5, BODY)).toThrow(/whole seconds/);
  });
});
