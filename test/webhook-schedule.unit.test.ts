import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_SCHEDULE, retryDelaySeconds } from "../server/src/modules/webhook/retry-schedule";
import { messageBody, messageId, type MessageSource } from "../server/src/modules/webhook/webhook-message";

describe("the webhook retry schedule", () => {
  it("waits 5 s, 30 s, 2 min, 10 min, 1 h, then every 3 h, for more than 24 hours in all", () => {
    expect(DEFAULT_RETRY_SCHEDULE.slice(0, 6)).toEqual([5, 30, 120, 600, 3_600, 10_800]);
    expect(new Set(DEFAULT_RETRY_SCHEDULE.slice(5))).toEqual(new Set([10_800]));
    const total = DEFAULT_RETRY_SCHEDULE.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(24 * 3_600);
    expect(total - DEFAULT_RETRY_SCHEDULE.at(-1)!).toBeLessThan(24 * 3_600);
  });

  it("only lengthens a wait with its jitter, by at most a fifth, and ends after the last", () => {
    expect(retryDelaySeconds([5, 30], 1, () => 0)).toBe(5);
    expect(retryDelaySeconds([5, 30], 1, () => 0.999)).toBeCloseTo(5 * 1.2, 2);
    expect(retryDelaySeconds([5, 30], 2, () => 0.5)).toBe(33);
    expect(retryDelaySeconds([5, 30], 3)).toBeNull();
  });
});

const event: MessageSource = {
  deliveryId: "d0000000-0000-4000-8000-000000000001",
  webhookId: "w0000000-0000-4000-8000-000000000001",
  type: "REPORT_RETRACTED" as MessageSource["type"],
  at: new Date("2026-12-07T23:50:12.345Z"),
  eventId: "e0000000-0000-4000-8000-000000000001",
  position: "42",
  reportId: "r0000000-0000-4000-8000-000000000001",
  slug: "반도체-전망",
  firmId: "f0000000-0000-4000-8000-000000000001",
  sectorTagIds: ["t0000000-0000-4000-8000-000000000001"],
  version: 3,
  contentChecksum: "c".repeat(64),
  disclaimerChecksum: "d".repeat(64),
  templateId: null,
};

describe("a webhook message", () => {
  it("carries the event's feed fields under data, the same bytes every time, named by the event", () => {
    const body = messageBody(event);
    expect(messageBody({ ...event })).toBe(body);
    expect(JSON.parse(body)).toEqual({
      type: "REPORT_RETRACTED",
      timestamp: "2026-12-07T23:50:12.345Z",
      data: {
        eventId: event.eventId,
        position: "42",
        reportId: event.reportId,
        slug: "반도체-전망",
        firmId: event.firmId,
        sectorTagIds: event.sectorTagIds,
        version: 3,
        contentChecksum: event.contentChecksum,
        disclaimerChecksum: event.disclaimerChecksum,
        templateId: null,
      },
    });
    expect(messageId(event)).toBe(event.eventId);
  });

  it("is a WEBHOOK_TEST named by its delivery when there is no event", () => {
    const test = { ...event, type: "WEBHOOK_TEST" as const, eventId: null };
    expect(JSON.parse(messageBody(test))).toMatchObject({ type: "WEBHOOK_TEST", data: { webhookId: event.webhookId, deliveryId: event.deliveryId } });
    expect(messageId(test)).toBe(event.deliveryId);
  });
});
