import type { ReportEventType } from "../report-events/report-event";

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}

/** Why an endpoint receives nothing: switched off by staff, answered 410 Gone, or failing for days. */
export enum WebhookDisabledReason {
  MANUAL = "MANUAL",
  GONE = "GONE",
  FAILING = "FAILING",
}

/** What a delivery carries: a report event, or the test message `sendTestWebhook` queues. */
export const WEBHOOK_TEST = "WEBHOOK_TEST";
export type WebhookMessageType = ReportEventType | typeof WEBHOOK_TEST;

/** An endpoint, never with its secret. Null lists mean every event type, firm or tag. */
export interface Webhook {
  id: string;
  url: string;
  description: string;
  eventTypes: ReportEventType[] | null;
  firmIds: string[] | null;
  sectorTagIds: string[] | null;
  enabled: boolean;
  disabledReason: WebhookDisabledReason | null;
  disabledAt: Date | null;
  /** Since when every attempt has failed; null after a success. */
  failingSince: Date | null;
  secretRotatedAt: Date | null;
  /** Until when the secret before the last rotation signs too. */
  previousSecretUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * An endpoint the server stopped (410 Gone, or failing for days), as every staff member sees it on
 * the compliance page: its host, not its URL, which may carry the receiver's token.
 */
export interface StoppedWebhook {
  id: string;
  description: string;
  host: string;
  disabledReason: WebhookDisabledReason.GONE | WebhookDisabledReason.FAILING;
  disabledAt: Date;
  failingSince: Date | null;
  lastError: string | null;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string | null;
  reportId: string | null;
  type: WebhookMessageType;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
}

export interface WebhookAttempt {
  id: string;
  deliveryId: string;
  attempt: number;
  at: Date;
  durationMs: number;
  statusCode: number | null;
  responseHead: string | null;
  error: string | null;
}

export interface NewWebhook {
  url: string;
  description?: string | null;
  eventTypes?: ReportEventType[] | null;
  firmIds?: string[] | null;
  sectorTagIds?: string[] | null;
}

/** Only what is given changes; an empty list means "all" again. */
export interface WebhookChanges extends Partial<NewWebhook> {
  enabled?: boolean | null;
}

export interface WebhookDeliveryFilter {
  statuses?: WebhookDeliveryStatus[] | null;
  types?: WebhookMessageType[] | null;
}
