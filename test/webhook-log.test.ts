import type { GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, MODE, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV } from "./helpers/staff";
import { startReceiver, type Receiver } from "./helpers/webhook-receiver";
import { createApproved, createFirm, eventually, PUBLISH, run } from "./helpers/workflow";

// A week's log, and a retry an hour away, so that a failed first attempt leaves its delivery pending.
const ENV = { ...STAFF_ENV, SEED_DEMO: "false", WEBHOOK_SECRET_KEY: "33".repeat(32), WEBHOOK_LOG_DAYS: "7", WEBHOOK_RETRY_SCHEDULE: "3600" };

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  attemptLog: { attempt: number }[];
}

const deliveriesOf = async (admin: GraphQLClient, webhookId: string): Promise<Delivery[]> =>
  (
    await admin.request<{ webhookDeliveries: { nodes: Delivery[] } }>(
      `query($id: ID!) { webhookDeliveries(webhookId: $id, first: 100) { nodes { id status attempts attemptLog { attempt } } } }`,
      { id: webhookId },
    )
  ).webhookDeliveries.nodes;

describe(`the webhook delivery log (${MODE})`, () => {
  let db: TestDatabase;
  let receiver: Receiver;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    receiver = await startReceiver();
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await db?.drop();
  });

  it("forgets finished deliveries and attempts older than WEBHOOK_LOG_DAYS when the server starts, and keeps pending ones", async () => {
    server = await startServer(db, ENV);
    const admin = (await signIn(server, ADMIN.email, ADMIN.password)).client;
    const editor = await createStaff(server, admin, "EDITOR");
    const reviewer = await createStaff(server, admin, "REVIEWER");
    const firm = await createFirm(editor.client);
    const { createWebhook } = await admin.request<{ createWebhook: { webhook: { id: string } } }>(
      `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      { input: { url: receiver.url("/log"), firmIds: [firm.id] } },
    );
    const webhookId = createWebhook.webhook.id;
    // The first two are delivered; the third fails and waits for its retry.
    receiver.answer("/log", 200, 200, 500);
    const titles = ["[웹훅기록] 오래된 것", "[웹훅기록] 최근 것", "[웹훅기록] 재시도 대기"];
    for (const [i, title] of titles.entries()) {
      await run(editor.client, PUBLISH, { id: (await createApproved(editor.client, reviewer.client, firm, title)).id });
      await receiver.received("/log", i + 1);
    }
    const [pending, recent, old] = await eventually(
      () => deliveriesOf(admin, webhookId),
      (d) => d.length === 3 && d.every((x) => x.attemptLog.length === 1) && d[0].status === "PENDING",
    );
    expect([pending.status, recent.status, old.status]).toEqual(["PENDING", "DELIVERED", "DELIVERED"]);
    await server.stop();

    // Eight days ago for the oldest and the pending one, six for the recent one (superuser SQL, with the server stopped).
    await db.sql(`
      UPDATE webhook_deliveries SET created_at = now() - interval '8 days', finished_at = now() - interval '8 days' WHERE id = '${old.id}';
      UPDATE webhook_attempts SET at = now() - interval '8 days' WHERE delivery_id = '${old.id}';
      UPDATE webhook_deliveries SET created_at = now() - interval '6 days', finished_at = now() - interval '6 days' WHERE id = '${recent.id}';
      UPDATE webhook_attempts SET at = now() - interval '6 days' WHERE delivery_id = '${recent.id}';
      UPDATE webhook_deliveries SET created_at = now() - interval '8 days' WHERE id = '${pending.id}';
      UPDATE webhook_attempts SET at = now() - interval '8 days' WHERE delivery_id = '${pending.id}';`);

    server = await startServer(db, ENV);
    const staff = (await signIn(server, ADMIN.email, ADMIN.password)).client;
    const kept = await eventually(() => deliveriesOf(staff, webhookId), (d) => d.length === 2 && d[0].attemptLog.length === 0);
    // The pending delivery stays, to be retried; only its week-old attempt is forgotten.
    expect(kept.map((d) => [d.id, d.status, d.attempts, d.attemptLog.length])).toEqual([
      [pending.id, "PENDING", 1, 0],
      [recent.id, "DELIVERED", 1, 1],
    ]);
  }, 120_000);
});
