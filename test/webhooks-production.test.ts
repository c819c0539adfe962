import https from "node:https";
import type { AddressInfo } from "node:net";
import type { GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODE, serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { createApproved, createFirm, eventually, PUBLISH, run } from "./helpers/workflow";

const running = serverForThisFile({ ...STAFF_ENV, SEED_DEMO: "false", NODE_ENV: "production", WEBHOOK_SECRET_KEY: "33".repeat(32) });

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;
// Listens on loopback, and counts connections: a refusal must come before any is made. It has no
// certificate, so a connection that got through would fail its TLS handshake and still be counted.
const listener = https.createServer();
let connections = 0;
listener.on("connection", () => (connections += 1));

beforeAll(async () => {
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`;

describe(`webhooks in production (${MODE})`, () => {
  it("take https endpoints only", async () => {
    await expect(admin.request(CREATE, { input: { url: "http://receiver.example.com/hook" } })).rejects.toMatchObject({
      response: { errors: [{ extensions: { code: "BAD_USER_INPUT", field: "url" } }] },
    });
  });

  it("never connect to loopback, by address or by name", async () => {
    const port = (listener.address() as AddressInfo).port;
    const firm = await createFirm(editor.client);
    const ids: string[] = [];
    for (const host of ["127.0.0.1", "localhost", "[::1]"]) {
      const { createWebhook } = await admin.request<{ createWebhook: { webhook: { id: string } } }>(CREATE, {
        input: { url: `https://${host}:${port}/hook`, firmIds: [firm.id] },
      });
      ids.push(createWebhook.webhook.id);
    }
    const report = await createApproved(editor.client, reviewer.client, firm, "[웹훅] 운영 모드 차단");
    await run(editor.client, PUBLISH, { id: report.id });
    for (const id of ids) {
      const attempts = await eventually(
        async () =>
          (
            await admin.request<{ webhookDeliveries: { nodes: { attemptLog: { statusCode: number | null; error: string | null }[] }[] } }>(
              `query($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { attemptLog { statusCode error } } } }`,
              { id },
            )
          ).webhookDeliveries.nodes[0]?.attemptLog ?? [],
        (log) => log.length > 0,
      );
      expect(attempts[0].statusCode).toBeNull();
      expect(attempts[0].error).toMatch(/refused.*loopback/);
    }
    expect(connections).toBe(0);
  });
});
