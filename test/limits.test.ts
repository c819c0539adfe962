import { getIntrospectionQuery } from "graphql";
import { describe, expect, it } from "vitest";
import { serverForThisFile } from "./helpers/server";

// The attacks on these limits, and what each gets, are in attacks.test.ts.
const running = serverForThisFile({ SEED_DEMO: "false" });

describe("query limits", () => {
  it("lets GraphQL tools introspect: introspection fields do not count towards depth", async () => {
    const data = await running.server().client.request<{ __schema: { types: unknown[] } }>(getIntrospectionQuery());
    expect(data.__schema.types.length).toBeGreaterThan(20);
  });
});

describe("HTTP", () => {
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

  it("serves the favicon the panel's page names, as SVG", async () => {
    const base = running.server().url.replace("/graphql", "");
    const page = await (await fetch(`${base}/admin/`)).text();
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(page)?.[1];
    expect(href).toBe("/admin/favicon.svg");
    const icon = await fetch(`${base}${href}`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });
});
