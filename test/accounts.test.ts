import { GraphQLClient } from "graphql-request";
import { describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { createTestDatabase, MODE, serverForThisFile, startServer } from "./helpers/server";
import { ADMIN, bearer, createStaff, signIn, STAFF_ENV } from "./helpers/staff";

// TRUST_PROXY: the HTTPS test below speaks as a TLS-terminating proxy would.
const running = serverForThisFile({ ...STAFF_ENV, TRUST_PROXY: "true" });
const anonymous = (): GraphQLClient => running.server().client;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id role } } }`;
const ME = `{ me { id email role } }`;

describe("signing in", () => {
  it("sets an HttpOnly, SameSite=Lax session cookie and returns a bearer token", async () => {
    const response = await fetch(running.server().url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: LOGIN, variables: ADMIN }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^rd_session=rds_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP here; behind HTTPS the cookie is Secure
    const token = ((await response.json()) as { data: { login: { token: string } } }).data.login.token;
    expect(cookie).toContain(token);

    const viaCookie = new GraphQLClient(running.server().url, { headers: { cookie: `rd_session=${token}` } });
    expect((await viaCookie.request<{ me: { email: string } }>(ME)).me.email).toBe(ADMIN.email);
    expect((await bearer(running.server(), token).request<{ me: { role: string } }>(ME)).me.role).toBe("ADMIN");
    expect((await anonymous().request<{ me: null }>(ME)).me).toBeNull();
  });

  it("marks the cookie Secure when the request came over HTTPS through a trusted proxy", async () => {
    const response = await fetch(running.server().url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: JSON.stringify({ query: LOGIN, variables: ADMIN }),
    });
    expect(response.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("answers a wrong password and an unknown e-mail with the same UNAUTHENTICATED message", async () => {
    const wrong = await errorsOf(anonymous(), LOGIN, { email: ADMIN.email, password: "not-the-password" });
    const unknown = await errorsOf(anonymous(), LOGIN, { email: "nobody@test.example", password: "not-the-password" });
    expect(codesOf(wrong)).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(unknown)).toEqual(["UNAUTHENTICATED"]);
    expect(wrong[0].message).toBe(unknown[0].message);
  });

  it("ends the session on logout", async () => {
    const { client } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    expect(await client.request(`mutation { logout }`)).toEqual({ logout: true });
    expect(codesOf(await errorsOf(client, ME))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await errorsOf(client, `{ reports { totalCount } }`))).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("accounts and roles", () => {
  it("lets only admins create users, and ADMIN holds every role", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const editor = await createStaff(running.server(), admin, "EDITOR");
    const create = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
    const input = { email: "x@test.example", name: "x", role: "ADMIN", password: "long-enough-password" };
    expect(codesOf(await errorsOf(editor.client, create, { input }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(anonymous(), create, { input }))).toEqual(["UNAUTHENTICATED"]);
    // An admin may do what an editor does.
    const firm = await admin.request<{ createFirm: { id: string } }>(`mutation { createFirm(input: { name: "관리자증권" }) { id } }`);
    expect(firm.createFirm.id).toBeTruthy();
    expect(codesOf(await errorsOf(admin, create, { input: { ...input, email: editor.email } }))).toEqual(["CONFLICT"]);
    expect(codesOf(await errorsOf(admin, create, { input: { ...input, password: "short" } }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("keeps at least one active admin", async () => {
    const { client: admin, id } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const demote = `mutation($id: ID!) { updateUser(id: $id, input: { role: EDITOR }) { role } }`;
    const { users } = await admin.request<{ users: { nodes: { role: string; disabledAt: string | null }[] } }>(
      `{ users(first: 100) { nodes { role disabledAt } } }`,
    );
    const activeAdmins = users.nodes.filter((u) => u.role === "ADMIN" && !u.disabledAt).length;
    if (activeAdmins === 1) {
      expect(codesOf(await errorsOf(admin, demote, { id }))).toEqual(["FORBIDDEN"]);
    }
    const second = await createStaff(running.server(), admin, "ADMIN");
    // With two admins one may step down; the other then cannot.
    await second.client.request(demote, { id: second.id });
    const again = await signIn(running.server(), ADMIN.email, ADMIN.password);
    expect((await again.client.request<{ me: { role: string } }>(ME)).me.role).toBe("ADMIN");
  });

  it("disabling a user ends their sessions and refuses their sign-in", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const editor = await createStaff(running.server(), admin, "EDITOR");
    await admin.request(`mutation($id: ID!) { updateUser(id: $id, input: { disabled: true }) { disabledAt } }`, { id: editor.id });
    expect(codesOf(await errorsOf(editor.client, ME))).toEqual(["UNAUTHENTICATED"]);
    const refused = await errorsOf(anonymous(), LOGIN, { email: editor.email, password: editor.password });
    expect(codesOf(refused)).toEqual(["UNAUTHENTICATED"]);
    await admin.request(`mutation($id: ID!) { updateUser(id: $id, input: { disabled: false }) { id } }`, { id: editor.id });
    expect((await signIn(running.server(), editor.email, editor.password)).id).toBe(editor.id);
  });

  it("a role change applies at once: the old sessions end", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const user = await createStaff(running.server(), admin, "EDITOR");
    await admin.request(`mutation($id: ID!) { updateUser(id: $id, input: { role: REVIEWER }) { role } }`, { id: user.id });
    expect(codesOf(await errorsOf(user.client, ME))).toEqual(["UNAUTHENTICATED"]);
    const again = await signIn(running.server(), user.email, user.password);
    expect((await again.client.request<{ me: { role: string } }>(ME)).me.role).toBe("REVIEWER");
    const firm = `mutation { createFirm(input: { name: "검토자증권" }) { id } }`;
    expect(codesOf(await errorsOf(again.client, firm))).toEqual(["FORBIDDEN"]);
  });

  it("changing one's password needs the old one and ends the other sessions", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const user = await createStaff(running.server(), admin, "REVIEWER");
    const other = await signIn(running.server(), user.email, user.password);
    const change = `mutation($old: String!, $new: String!) { changePassword(oldPassword: $old, newPassword: $new) }`;
    const wrong = await errorsOf(user.client, change, { old: "wrong-old-password", new: "a-brand-new-password" });
    expect(codesOf(wrong)).toEqual(["BAD_USER_INPUT"]);
    await user.client.request(change, { old: user.password, new: "a-brand-new-password" });
    expect((await user.client.request<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    expect(codesOf(await errorsOf(other.client, ME))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await errorsOf(anonymous(), LOGIN, { email: user.email, password: user.password }))).toEqual(["UNAUTHENTICATED"]);
    await signIn(running.server(), user.email, "a-brand-new-password");
  });

  it("an admin's password reset ends every session of the user", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const user = await createStaff(running.server(), admin, "EDITOR");
    await admin.request(`mutation($id: ID!) { resetPassword(userId: $id, password: "reset-by-the-admin") }`, { id: user.id });
    expect(codesOf(await errorsOf(user.client, ME))).toEqual(["UNAUTHENTICATED"]);
    await signIn(running.server(), user.email, "reset-by-the-admin");
  });

  it("lets a user rename themselves", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const user = await createStaff(running.server(), admin, "EDITOR");
    const renamed = await user.client.request<{ updateMe: { name: string } }>(`mutation { updateMe(input: { name: "새 이름" }) { name } }`);
    expect(renamed.updateMe.name).toBe("새 이름");
  });
});

describe("API keys", () => {
  it("are shown once, stored hashed, and read published content only", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const { createApiKey } = await admin.request<{ createApiKey: { key: string; apiKey: { id: string; prefix: string } } }>(
      `mutation { createApiKey(name: "모바일 앱") { key apiKey { id prefix name } } }`,
    );
    expect(createApiKey.key).toMatch(/^rdk_/);
    expect(createApiKey.key.startsWith(createApiKey.apiKey.prefix)).toBe(true);
    const listed = await admin.request<{ apiKeys: Record<string, unknown>[] }>(`{ apiKeys { id name prefix createdAt revokedAt } }`);
    expect(JSON.stringify(listed)).not.toContain(createApiKey.key);
    const typeFields = await admin.request<{ __type: { fields: { name: string }[] } }>(`{ __type(name: "ApiKey") { fields { name } } }`);
    expect(typeFields.__type.fields.map((f) => f.name).sort()).toEqual(["createdAt", "id", "name", "prefix", "revokedAt"]);

    const machine = bearer(running.server(), createApiKey.key);
    const published = await machine.request<{ reports: { totalCount: number } }>(`{ reports { totalCount } }`);
    const anonymousCount = (await anonymous().request<{ reports: { totalCount: number } }>(`{ reports { totalCount } }`)).reports.totalCount;
    expect(published.reports.totalCount).toBe(anonymousCount);
    expect(codesOf(await errorsOf(machine, `mutation { createFirm(input: { name: "키증권" }) { id } }`))).toEqual(["UNAUTHENTICATED"]);
    expect((await machine.request<{ me: null }>(ME)).me).toBeNull();
  });
});

describe("staff-only fields", () => {
  it.each([
    ["analyst e-mails", `{ analysts { nodes { email } } }`],
    ["users", `{ users { nodes { email } } }`],
    ["revisions", `{ reports(first: 1) { nodes { revisions { number } } } }`],
    ["a report's audit trail", `{ reports(first: 1) { nodes { auditTrail { totalCount } } } }`],
    ["the audit log", `{ auditEvents { totalCount } }`],
    ["API keys", `{ apiKeys { id } }`],
    ["a firm's disclaimer versions", `{ firms { nodes { disclaimerTemplates { version } } } }`],
  ])("are refused to anonymous clients: %s", async (_label, query) => {
    expect(codesOf(await errorsOf(anonymous(), query))).toContain("UNAUTHENTICATED");
  });

  it("the whole audit log is for admins; any staff reads a report's trail", async () => {
    const { client: admin } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    const reviewer = await createStaff(running.server(), admin, "REVIEWER");
    expect(codesOf(await errorsOf(reviewer.client, `{ auditEvents { totalCount } }`))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(reviewer.client, `{ users { totalCount } }`))).toEqual(["FORBIDDEN"]);
    const trail = await reviewer.client.request<{ reports: { nodes: { auditTrail: { totalCount: number } }[] } }>(
      `{ reports(first: 1) { nodes { auditTrail { totalCount } } } }`,
    );
    expect(trail.reports.nodes[0].auditTrail.totalCount).toBeGreaterThan(0);
  });
});

describe("demo accounts", () => {
  it.runIf(MODE === "embedded")("sign in with the README's passwords in the embedded demo", async () => {
    for (const role of ["admin", "editor", "reviewer"]) {
      const { client } = await signIn(running.server(), `${role}@research-desk.demo`, `demo-${role}-password`);
      expect((await client.request<{ me: { role: string } }>(ME)).me.role).toBe(role.toUpperCase());
    }
  });

  it.runIf(MODE === "server")("have no password outside the embedded demo", async () => {
    const errors = await errorsOf(anonymous(), LOGIN, { email: "editor@research-desk.demo", password: "demo-editor-password" });
    expect(codesOf(errors)).toEqual(["UNAUTHENTICATED"]);
  });
});

describe("sessions expire", () => {
  it("after SESSION_TTL_HOURS", async () => {
    const db = await createTestDatabase();
    const server = await startServer(db, { ...STAFF_ENV, SEED_DEMO: "false", SESSION_TTL_HOURS: "0.0005" }); // 1.8 s
    try {
      const { client } = await signIn(server, ADMIN.email, ADMIN.password);
      expect((await client.request<{ me: { email: string } }>(ME)).me.email).toBe(ADMIN.email);
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      const errors = await errorsOf(client, ME);
      expect(codesOf(errors)).toEqual(["UNAUTHENTICATED"]);
      expect(errors[0].message).toMatch(/expired/);
      await signIn(server, ADMIN.email, ADMIN.password);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});

describe("what the database keeps", () => {
  // Last: it stops this file's server to read the embedded database directly.
  it("stores argon2id hashes at the OWASP minimum or above, token hashes only, and no secret in the audit log", async () => {
    const { token } = await signIn(running.server(), ADMIN.email, ADMIN.password);
    expect(await running.server().stop()).toBe(0);
    const db = running.db();
    const [hash] = await db.sql(`SELECT password_hash FROM users WHERE email = '${ADMIN.email}'`);
    const [, variant, , settings] = (hash.password_hash as string).split("$");
    expect(variant).toBe("argon2id");
    const params = Object.fromEntries(settings.split(",").map((kv) => kv.split("=")));
    expect(Number(params.m)).toBeGreaterThanOrEqual(19_456);
    expect(Number(params.t)).toBeGreaterThanOrEqual(2);
    const [sessions] = await db.sql(`SELECT count(*)::int AS plain FROM sessions WHERE token_hash = '${token}'`);
    expect(sessions.plain).toBe(0);
    const [audit] = await db.sql(
      `SELECT count(*)::int AS events,
              count(*) FILTER (WHERE coalesce(before::text, '') || coalesce(after::text, '') ~ '(argon2|rd[sk]_[A-Za-z0-9_-]{40}|password)')::int AS leaks
       FROM audit_events`,
    );
    expect(audit.events).toBeGreaterThan(10);
    expect(audit.leaks).toBe(0);

    // ADMIN_EMAIL is idempotent: a restart keeps the admin and its password.
    const again = await startServer(db, STAFF_ENV);
    try {
      expect(again.output()).toContain(`Admin ${ADMIN.email} exists`);
      await signIn(again, ADMIN.email, ADMIN.password);
    } finally {
      await again.stop();
    }
  });
});
