import { describe, expect, it } from "vitest";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, fromAddress, signIn, STAFF_ENV } from "./helpers/staff";

// TRUST_PROXY: each scenario speaks from its own client address through X-Forwarded-For.
// Bursts, aliased batches and forged addresses are in attacks.test.ts.
const running = serverForThisFile({ ...STAFF_ENV, TRUST_PROXY: "true" });
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

async function attempt(ip: string, email: string, password: string): Promise<{ code: string | undefined; retryAfter?: number; ms: number }> {
  const started = Date.now();
  try {
    await fromAddress(running.server(), ip).request(LOGIN, { email, password });
    return { code: "OK", ms: Date.now() - started };
  } catch (error) {
    const first = (error as { response?: { errors?: { extensions?: { code?: string; retryAfter?: number } }[] } }).response?.errors?.[0];
    return { code: first?.extensions?.code, retryAfter: first?.extensions?.retryAfter, ms: Date.now() - started };
  }
}

describe("sign-in rate limits", () => {
  it("locks an account after 5 failures, at once and for minutes, not hours", async () => {
    const admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
    const victim = await createStaff(running.server(), admin, "REVIEWER");
    for (let i = 0; i < 5; i++) expect((await attempt("10.0.0.1", victim.email, "wrong-password-guess")).code).toBe("UNAUTHENTICATED");
    const refused = await attempt("10.0.0.1", victim.email, victim.password);
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(900);
    expect(refused.ms).toBeLessThan(1_000);
    // Per account: another address does not help the guesser; the address itself is not blocked.
    expect((await attempt("10.0.0.2", victim.email, victim.password)).code).toBe("TOO_MANY_REQUESTS");
    expect((await attempt("10.0.0.1", ADMIN.email, ADMIN.password)).code).toBe("OK");
    const response = await fetch(running.server().url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.0.0.3" },
      body: JSON.stringify({ query: LOGIN, variables: { email: victim.email, password: victim.password } }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits one client address across accounts to 20 failures", async () => {
    for (let i = 0; i < 20; i++) expect((await attempt("10.0.1.1", `nobody${i}@test.example`, "guess-guess-guess")).code).toBe("UNAUTHENTICATED");
    expect((await attempt("10.0.1.1", ADMIN.email, ADMIN.password)).code).toBe("TOO_MANY_REQUESTS");
    expect((await attempt("10.0.1.2", ADMIN.email, ADMIN.password)).code).toBe("OK");
  });
});
