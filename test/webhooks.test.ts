import type { GraphQLClient } from "graphql-request";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf } from "./helpers/graphql";
import { MODE, serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { startReceiver, type Arrival, type Receiver } from "./helpers/webhook-receiver";
import { createApproved, createFirm, eventually, PUBLISH, RETRACT, run } from "./helpers/workflow";

// Retries after 1, 2 and 4 seconds (plus up to 20% jitter): four attempts in all.
const running = serverForThisFile({
  ...STAFF_ENV,
  SEED_DEMO: "false",
  WEBHOOK_RETRY_SCHEDULE: "1,2,4",
  WEBHOOK_SECRET_KEY: "11".repeat(32),
});

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;
let receiver: Receiver;

const WEBHOOK = "id url description eventTypes firmIds sectorTagIds enabled disabledReason failingSince previousSecretUntil";
const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { ${WEBHOOK} } } }`;
const DELIVERIES = `query($webhookId: ID!, $filter: WebhookDeliveryFilterInput) {
  webhookDeliveries(webhookId: $webhookId, first: 50, filter: $filter) {
    totalCount
    nodes { id eventId reportId type status attempts lastStatusCode attemptLog { attempt statusCode durationMs responseHead error } }
  } }`;

interface WebhookShape {
  id: string;
  enabled: boolean;
  disabledReason: string | null;
  previousSecretUntil: string | null;
}

interface DeliveryShape {
  id: string;
  eventId: string | null;
  reportId: string | null;
  type: string;
  status: string;
  attempts: number;
  attemptLog: { attempt: number; statusCode: number | null; responseHead: string | null; error: string | null }[];
}

interface Message {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

async function createWebhook(path: string, firmId: string, extra: Record<string, unknown> = {}): Promise<{ webhook: WebhookShape; secret: string }> {
  const { createWebhook } = await admin.request<{ createWebhook: { webhook: WebhookShape; secret: string } }>(CREATE, {
    input: { url: receiver.url(path), description: `테스트 수신 ${path}`, firmIds: [firmId], ...extra },
  });
  return createWebhook;
}

async function deliveries(webhookId: string): Promise<DeliveryShape[]> {
  const { webhookDeliveries } = await admin.request<{ webhookDeliveries: { nodes: DeliveryShape[] } }>(DELIVERIES, { webhookId });
  return webhookDeliveries.nodes;
}

/** The message, after checking its signature the way receivers do, with the standardwebhooks package. */
function verified(arrival: Arrival, secret: string): Message {
  return new StandardWebhook(secret).verify(arrival.body, arrival.headers) as Message;
}

async function published(firm: { id: string; analystId: string }, title: string) {
  const report = await createApproved(editor.client, reviewer.client, firm, title);
  return run(editor.client, PUBLISH, { id: report.id });
}

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
});

describe(`webhooks (${MODE})`, () => {
  it("are for admins, show the secret once, and refuse bad input with the field named", async () => {
    const firm = await createFirm(editor.client);
    const { webhook, secret } = await createWebhook("/admin-only", firm.id, { eventTypes: ["REPORT_PUBLISHED", "REPORT_RETRACTED"] });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(webhook).toMatchObject({ enabled: true, disabledReason: null, firmIds: [firm.id] });

    const listed = await admin.request<{ webhooks: Record<string, unknown>[] }>(`{ webhooks { ${WEBHOOK} } }`);
    expect(listed.webhooks.map((w) => w.id)).toContain(webhook.id);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));

    expect(codesOf(await errorsOf(editor.client, `{ webhooks { id } }`))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(running.server().client, `{ webhooks { id } }`))).toEqual(["UNAUTHENTICATED"]);
    const refusals = [
      { input: { url: "ftp://example.com/hook" }, field: "url" },
      { input: { url: "not a url" }, field: "url" },
      { input: { url: receiver.url("/x"), firmIds: ["00000000-0000-4000-8000-000000000000"] }, field: "firmIds" },
      { input: { url: receiver.url("/x"), description: "x".repeat(501) }, field: "description" },
    ];
    for (const { input, field } of refusals) {
      const [error] = await errorsOf(admin, CREATE, { input });
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const [unknownType] = await errorsOf(admin, CREATE, { input: { url: receiver.url("/x"), eventTypes: ["REPORT_EATEN"] } });
    expect(unknownType.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("delivers a publication signed as Standard Webhooks, with the change feed's fields", async () => {
    const firm = await createFirm(editor.client);
    const { webhook, secret } = await createWebhook("/published", firm.id);
    const report = await published(firm, "[웹훅] 게시 알림");
    const [arrival] = await receiver.received("/published", 1);
    const message = verified(arrival, secret);
    expect(message).toMatchObject({ type: "REPORT_PUBLISHED", data: { reportId: report.id, slug: report.slug, firmId: firm.id, version: report.version } });
    expect(arrival.headers["webhook-id"]).toBe(message.data.eventId);
    expect(() => verified({ ...arrival, body: arrival.body.replace(report.slug, `${report.slug}x`) }, secret)).toThrow();

    const { reportEvents } = await admin.request<{ reportEvents: { nodes: { id: string; contentChecksum: string }[] } }>(
      `query($firmIds: [ID!]) { reportEvents(first: 10, filter: { firmIds: $firmIds, types: [REPORT_PUBLISHED] }) { nodes { id contentChecksum } } }`,
      { firmIds: [firm.id] },
    );
    expect(reportEvents.nodes).toEqual([{ id: message.data.eventId, contentChecksum: message.data.contentChecksum }]);
    const [delivery] = await eventually(() => deliveries(webhook.id), (d) => d[0]?.status === "DELIVERED");
    expect(delivery).toMatchObject({ type: "REPORT_PUBLISHED", status: "DELIVERED", attempts: 1, attemptLog: [{ attempt: 1, statusCode: 200 }] });
  });

  it("retries a failing receiver with growing gaps until it answers, and logs every attempt", async () => {
    const firm = await createFirm(editor.client);
    const { webhook, secret } = await createWebhook("/flaky", firm.id);
    receiver.answer("/flaky", 500, 503, 500);
    await published(firm, "[웹훅] 재시도");
    const arrivals = await receiver.received("/flaky", 4, 30_000);
    const ids = new Set(arrivals.map((a) => verified(a, secret).data.eventId));
    expect(ids.size).toBe(1);
    const gaps = arrivals.slice(1).map((a, i) => a.at - arrivals[i].at);
    // 1, 2 and 4 s plus jitter, each longer than the one before.
    expect(gaps[0]).toBeGreaterThanOrEqual(900);
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
    expect(gaps[2]).toBeGreaterThan(gaps[1]);
    const [delivery] = await eventually(() => deliveries(webhook.id), (d) => d[0]?.status === "DELIVERED");
    expect(delivery.attemptLog.map((a) => a.statusCode)).toEqual([500, 503, 500, 200]);
    expect(delivery.attemptLog[0].responseHead).toContain("500");
  });

  it("keeps each report's events in order while an earlier one is retried, without holding up other reports", async () => {
    const firm = await createFirm(editor.client);
    await createWebhook("/ordered", firm.id);
    const first = await createApproved(editor.client, reviewer.client, firm, "[웹훅] 순서 첫째");
    // The first report's publication fails twice; everything else is taken at once.
    let failures = 0;
    receiver.answerBy("/ordered", ({ body }) => {
      const { type, data } = JSON.parse(body) as Message;
      return data.reportId === first.id && type === "REPORT_PUBLISHED" && failures++ < 2 ? 500 : 200;
    });
    await run(editor.client, PUBLISH, { id: first.id });
    await receiver.received("/ordered", 1);
    await run(editor.client, RETRACT, { id: first.id, reason: "순서 확인" });
    const other = await published(firm, "[웹훅] 순서 둘째");
    const arrivals = await receiver.received("/ordered", 5, 30_000);
    const sequence = arrivals.map((a) => {
      const { type, data } = JSON.parse(a.body) as Message;
      return `${data.reportId === first.id ? "first" : data.reportId === other.id ? "other" : "?"}:${type}`;
    });
    // The other report's publication passes the retries; the retraction waits for the publication.
    expect(sequence.indexOf("other:REPORT_PUBLISHED")).toBeLessThan(sequence.lastIndexOf("first:REPORT_PUBLISHED"));
    expect(sequence.filter((s) => s.startsWith("first:"))).toEqual(["first:REPORT_PUBLISHED", "first:REPORT_PUBLISHED", "first:REPORT_PUBLISHED", "first:REPORT_RETRACTED"]);
  });

  it("marks a delivery failed when the schedule runs out, lets the next proceed, and redelivers on request", async () => {
    const firm = await createFirm(editor.client);
    const { webhook } = await createWebhook("/down", firm.id);
    receiver.answer("/down", 500, 500, 500, 500);
    const report = await published(firm, "[웹훅] 실패 후 재전송");
    await run(editor.client, RETRACT, { id: report.id, reason: "실패 확인" });
    const arrivals = await receiver.received("/down", 5, 30_000);
    expect(arrivals.map((a) => (JSON.parse(a.body) as Message).type)).toEqual([...Array(4).fill("REPORT_PUBLISHED"), "REPORT_RETRACTED"]);
    const log = await eventually(() => deliveries(webhook.id), (d) => d.every((x) => x.status !== "PENDING"));
    const failed = log.find((d) => d.type === "REPORT_PUBLISHED")!;
    expect(failed).toMatchObject({ status: "FAILED", attempts: 4 });

    const { redeliverWebhookEvent } = await admin.request<{ redeliverWebhookEvent: DeliveryShape }>(
      `mutation($webhookId: ID!, $eventId: ID!) { redeliverWebhookEvent(webhookId: $webhookId, eventId: $eventId) { id status eventId } }`,
      { webhookId: webhook.id, eventId: failed.eventId },
    );
    expect(redeliverWebhookEvent).toMatchObject({ status: "PENDING", eventId: failed.eventId });
    const again = await receiver.received("/down", 6);
    expect(again[5].headers["webhook-id"]).toBe(failed.eventId);
    await eventually(() => deliveries(webhook.id), (d) => d.find((x) => x.id === redeliverWebhookEvent.id)?.status === "DELIVERED");
  });

  it("disables an endpoint that answers 410 Gone, queues it nothing new, and sends what waited once it is enabled again", async () => {
    const firm = await createFirm(editor.client);
    const { webhook } = await createWebhook("/gone", firm.id);
    receiver.hold("/gone");
    const report = await published(firm, "[웹훅] 410");
    await receiver.received("/gone", 1);
    // Queued while the publication is in flight, it waits behind it.
    await run(editor.client, RETRACT, { id: report.id, reason: "410 확인" });
    receiver.release("/gone", 410);
    const disabled = await eventually(
      async () => (await admin.request<{ webhook: WebhookShape }>(`query($id: ID!) { webhook(id: $id) { ${WEBHOOK} } }`, { id: webhook.id })).webhook,
      (w) => !w.enabled,
    );
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "GONE" });
    // Staff who are not admins see the stop on the compliance page: the host, never the whole URL.
    const stoppedQuery = `{ stoppedWebhooks { id description host disabledReason disabledAt lastError } }`;
    const { stoppedWebhooks } = await reviewer.client.request<{ stoppedWebhooks: Record<string, unknown>[] }>(stoppedQuery);
    expect(stoppedWebhooks.find((w) => w.id === webhook.id)).toMatchObject({
      description: "테스트 수신 /gone",
      host: new URL(receiver.url("/gone")).host,
      disabledReason: "GONE",
      lastError: "HTTP 410",
    });
    expect(codesOf(await errorsOf(running.server().client, stoppedQuery))).toEqual(["UNAUTHENTICATED"]);
    await published(firm, "[웹훅] 410 이후");
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(receiver.arrivals("/gone")).toHaveLength(1);
    const [refused] = await errorsOf(admin, `mutation($id: ID!) { sendTestWebhook(webhookId: $id) { id } }`, { id: webhook.id });
    expect(refused.extensions?.code).toBe("CONFLICT");

    await admin.request(`mutation($id: ID!) { updateWebhook(id: $id, input: { enabled: true }) { id } }`, { id: webhook.id });
    const arrivals = await receiver.received("/gone", 2);
    expect(JSON.parse(arrivals[1].body) as Message).toMatchObject({ type: "REPORT_RETRACTED", data: { reportId: report.id } });
    const log = await eventually(() => deliveries(webhook.id), (d) => d.every((x) => x.status !== "PENDING"));
    expect(log.map((d) => `${d.type}:${d.status}`).sort()).toEqual(["REPORT_PUBLISHED:FAILED", "REPORT_RETRACTED:DELIVERED"]);
    expect((await reviewer.client.request<{ stoppedWebhooks: { id: string }[] }>(stoppedQuery)).stoppedWebhooks.map((w) => w.id)).not.toContain(webhook.id);
  });

  it.runIf(MODE === "server")("disables an endpoint whose attempts have all failed for three days, and says so in the audit log", async () => {
    const firm = await createFirm(editor.client);
    const { webhook } = await createWebhook("/failing", firm.id);
    receiver.answer("/failing", 500);
    await published(firm, "[웹훅] 사흘째 실패");
    await receiver.received("/failing", 1);
    await eventually(async () => (await running.db().sql(`SELECT failing_since FROM webhooks WHERE id = '${webhook.id}'`))[0].failing_since, Boolean);
    await running.db().sql(`UPDATE webhooks SET failing_since = now() - interval '73 hours' WHERE id = '${webhook.id}'`);
    receiver.answer("/failing", 500);
    await receiver.received("/failing", 2);
    const disabled = await eventually(
      async () => (await admin.request<{ webhook: WebhookShape }>(`query($id: ID!) { webhook(id: $id) { ${WEBHOOK} } }`, { id: webhook.id })).webhook,
      (w) => !w.enabled,
    );
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "FAILING" });
    const { auditEvents } = await admin.request<{ auditEvents: { nodes: { action: string; actorId: string | null }[] } }>(
      `query($id: String) { auditEvents(filter: { entityType: "Webhook", entityId: $id, action: "DISABLE" }) { nodes { action actorId } } }`,
      { id: webhook.id },
    );
    expect(auditEvents.nodes).toEqual([{ action: "DISABLE", actorId: null }]);
  });

  it("sends a signed test message, and signs with the old and the new secret for a day after a rotation", async () => {
    const firm = await createFirm(editor.client);
    const { webhook, secret } = await createWebhook("/rotated", firm.id);
    await admin.request(`mutation($id: ID!) { sendTestWebhook(webhookId: $id) { id } }`, { id: webhook.id });
    const [test] = await receiver.received("/rotated", 1);
    expect(verified(test, secret)).toMatchObject({ type: "WEBHOOK_TEST", data: { webhookId: webhook.id } });

    const { rotateWebhookSecret } = await admin.request<{ rotateWebhookSecret: { secret: string; webhook: WebhookShape } }>(
      `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret webhook { ${WEBHOOK} } } }`,
      { id: webhook.id },
    );
    expect(rotateWebhookSecret.secret).not.toBe(secret);
    const hours = (Date.parse(rotateWebhookSecret.webhook.previousSecretUntil!) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    await published(firm, "[웹훅] 비밀 교체");
    const [, arrival] = await receiver.received("/rotated", 2);
    expect(arrival.headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(verified(arrival, rotateWebhookSecret.secret).type).toBe("REPORT_PUBLISHED");
    expect(verified(arrival, secret).type).toBe("REPORT_PUBLISHED");
  });

  it("delivers only the events an endpoint asked for, and records changes in the audit log without the secret", async () => {
    const firm = await createFirm(editor.client);
    const { webhook, secret } = await createWebhook("/retractions", firm.id, { eventTypes: ["REPORT_RETRACTED"] });
    const report = await published(firm, "[웹훅] 철회만");
    await run(editor.client, RETRACT, { id: report.id, reason: "필터 확인" });
    const [arrival] = await receiver.received("/retractions", 1);
    expect(verified(arrival, secret).type).toBe("REPORT_RETRACTED");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.arrivals("/retractions")).toHaveLength(1);

    await admin.request(`mutation($id: ID!) { deleteWebhook(id: $id) { id } }`, { id: webhook.id });
    const { auditEvents } = await admin.request<{ auditEvents: { nodes: { action: string; before: unknown; after: unknown }[] } }>(
      `query($id: String) { auditEvents(filter: { entityType: "Webhook", entityId: $id }) { nodes { action before after } } }`,
      { id: webhook.id },
    );
    expect(auditEvents.nodes.map((e) => e.action)).toEqual(["DELETE", "CREATE"]);
    expect(JSON.stringify(auditEvents)).not.toContain(secret.slice(6));
  });
  it("names each delivery's report, and in the audit log each endpoint by its description, or its URL without one", async () => {
    const firm = await createFirm(editor.client);
    const { webhook } = await createWebhook("/named", firm.id);
    const report = await published(firm, "[웹훅] 이름 있는 보고서");
    await receiver.received("/named", 1);
    await admin.request(`mutation($id: ID!) { sendTestWebhook(webhookId: $id) { id } }`, { id: webhook.id });
    const { webhookDeliveries } = await admin.request<{ webhookDeliveries: { nodes: { type: string; report: { id: string; title: string } | null }[] } }>(
      `query($id: ID!) { webhookDeliveries(webhookId: $id) { nodes { type report { id title } } } }`,
      { id: webhook.id },
    );
    expect(webhookDeliveries.nodes).toEqual([
      { type: "WEBHOOK_TEST", report: null },
      { type: "REPORT_PUBLISHED", report: { id: report.id, title: "[웹훅] 이름 있는 보고서" } },
    ]);

    const titles = async (entityType: string) =>
      (
        await admin.request<{ auditEvents: { nodes: { entityId: string; entityTitle: string | null }[] } }>(
          `query($type: String) { auditEvents(first: 100, filter: { entityType: $type }) { nodes { entityId entityTitle } } }`,
          { type: entityType },
        )
      ).auditEvents.nodes;
    expect((await titles("Webhook")).find((e) => e.entityId === webhook.id)?.entityTitle).toBe("테스트 수신 /named");
    await admin.request(`mutation($id: ID!) { updateWebhook(id: $id, input: { description: "" }) { id } }`, { id: webhook.id });
    expect((await titles("Webhook")).find((e) => e.entityId === webhook.id)?.entityTitle).toBe(receiver.url("/named"));
    expect((await titles("WebhookDelivery"))[0]?.entityTitle).toBe(receiver.url("/named"));
  });
});
