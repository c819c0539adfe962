import { getIntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { createTestDatabase, serverForThisFile, startServer } from "./helpers/server";
import { ADMIN, bearer, signIn, STAFF_ENV } from "./helpers/staff";

const running = serverForThisFile(STAFF_ENV);

async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const response = await fetch(running.server().url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

/** `{ reports { nodes { firm { reports { nodes { firm … } } } } } }`, `levels` hops below the first report. */
function nest(levels: number): string {
  const hop = (remaining: number, onReport: boolean): string => {
    if (remaining === 0) return onReport ? "title" : "name";
    return onReport ? `firm { ${hop(remaining - 1, false)} }` : `reports(first: 1) { nodes { ${hop(remaining - 1, true)} } }`;
  };
  return `{ reports(first: 1) { nodes { ${hop(levels, true)} } } }`;
}

/** The HTTP status, or "closed" when the server cut the upload short (it refuses before reading it all). */
async function statusOrClosed(body: string, headers: Record<string, string>): Promise<number | "closed"> {
  try {
    return (await post(body, headers)).status;
  } catch {
    return "closed";
  }
}

describe("query limits", () => {
  it("refuses a 20-deep query, and accepts a normal one", async () => {
    expect(codesOf(await errorsOf(running.server().client, nest(20)))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    await running.server().client.request(nest(2));
  });

  it("refuses more than 15 aliases, 50 directives, and 1,000 tokens", async () => {
    const aliases = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(codesOf(await errorsOf(running.server().client, aliases))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const directives = `{ __typename ${Array.from({ length: 51 }, () => "@include(if: true)").join(" ")} }`;
    expect(codesOf(await errorsOf(running.server().client, directives))).toContain("GRAPHQL_VALIDATION_FAILED");
    const duplicated = `{ ${Array.from({ length: 1_000 }, () => "__typename").join(" ")} }`;
    expect(codesOf(await errorsOf(running.server().client, duplicated))).toEqual(["GRAPHQL_PARSE_FAILED"]);
    const thousandAliases = `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(" ")} }`;
    expect(codesOf(await errorsOf(running.server().client, thousandAliases))).toEqual(["GRAPHQL_PARSE_FAILED"]);
  });

  it("counts depth through fragments, even one named __schema, and survives circular fragments", async () => {
    const disguised = `query { ...__schema } fragment __schema on Query { ${nest(12).slice(2, -2)} }`;
    expect(codesOf(await errorsOf(running.server().client, disguised))).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    const circular = `query { reports { nodes { ...A } } } fragment A on Report { firm { reports { nodes { ...B } } } } fragment B on Report { title ...A }`;
    expect(codesOf(await errorsOf(running.server().client, circular))).toContain("GRAPHQL_VALIDATION_FAILED");
    expect((await fetch(running.server().url.replace("/graphql", "/healthz"))).status).toBe(200);
  });

  it("lets GraphQL tools introspect: introspection fields do not count towards depth", async () => {
    const data = await running.server().client.request<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
    expect(data.__schema.types.length).toBeGreaterThan(20);
  });

  it("refuses a query that would cost too much, saying what it costs", async () => {
    const errors = await errorsOf(running.server().client, `{ reports(first: 100) { nodes { firm { reports(first: 100) { nodes { title } } } } } }`);
    expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
    expect(errors[0].extensions?.cost).toBeGreaterThan(errors[0].extensions?.limit as number);
    const response = await fetch(running.server().url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ reports(first: 100) { nodes { firm { reports(first: 100) { nodes { title } } } } } }` }),
    });
    expect(response.status).toBe(400);
  });
});

describe("HTTP", () => {
  it("refuses batched operations", async () => {
    const batch = JSON.stringify(Array.from({ length: 50 }, () => ({ query: "{ __typename }" })));
    expect((await post(batch)).status).toBe(400);
  });

  it("refuses mutations over GET and simple (CSRF-able) requests", async () => {
    const get = await fetch(`${running.server().url}?query=${encodeURIComponent("mutation { logout }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(get.status).toBe(405);
    const plain = await fetch(running.server().url, {
      method: "POST",
      headers: { "content-type": "text/plain", cookie: "rd_session=rds_x" },
      body: JSON.stringify({ query: "mutation { logout }" }),
    });
    expect(plain.status).toBe(400);
  });

  it("answers malformed JSON with 400", async () => {
    expect((await post("{ not json")).status).toBe(400);
  });

  it("limits bodies: 100 KB without a session, 2 MB for signed-in staff", async () => {
    const padded = (bytes: number): string => JSON.stringify({ query: "{ __typename }", variables: { pad: "가".repeat(Math.ceil(bytes / 3)) } });
    expect((await post(padded(150 * 1024))).status).toBe(413);
    const { token } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    expect((await post(padded(150 * 1024), { authorization: `Bearer ${token}` })).status).toBe(200);
    expect([413, "closed"]).toContain(await statusOrClosed(padded(10 * 1024 * 1024), { authorization: `Bearer ${token}` }));
    expect((await post(padded(150 * 1024), { authorization: "Bearer rds_forged-token" })).status).toBe(413);
    expect((await fetch(running.server().url.replace("/graphql", "/healthz"))).status).toBe(200);
  });

  it("sends security headers with the admin panel", async () => {
    const response = await fetch(running.server().url.replace("/graphql", "/admin/"));
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});

describe("production mode", () => {
  it("hides the schema from anonymous clients: no introspection, no suggestions, no stack traces", async () => {
    const db = await createTestDatabase();
    const server = await startServer(db, { ...STAFF_ENV, NODE_ENV: "production", SEED_DEMO: "false" });
    try {
      const introspection = await errorsOf(server.client, `{ __schema { types { name } } }`);
      expect(codesOf(introspection)).toEqual(["FORBIDDEN"]);
      const typo = await errorsOf(server.client, `{ reprts { totalCount } }`);
      expect(codesOf(typo)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
      expect(JSON.stringify(typo)).not.toMatch(/Did you mean/i);
      expect(JSON.stringify(typo)).not.toMatch(/stacktrace/i);
      const { token } = await signIn(server, ADMIN.email, ADMIN.password);
      const staff = await bearer(server, token).request<{ __schema: { types: unknown[] } }>(`{ __schema { types { name } } }`);
      expect(staff.__schema.types.length).toBeGreaterThan(20);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
