import { WEBHOOK_TEST, type WebhookMessageType } from "./webhook";

/** A claimed delivery with what its message is made of: the event's columns, or none for a test. */
export interface MessageSource {
  deliveryId: string;
  webhookId: string;
  type: WebhookMessageType;
  /** The event's time, or the test's queuing time. */
  at: Date;
  eventId: string | null;
  position: string | null;
  reportId: string | null;
  slug: string | null;
  firmId: string | null;
  sectorTagIds: string[] | null;
  version: number | null;
  contentChecksum: string | null;
  disclaimerChecksum: string | null;
  templateId: string | null;
}

/**
 * The `webhook-id` header: the event's id, the same for every attempt and redelivery of it, so a
 * receiver that stores the ids it has handled does each event once.
 */
export const messageId = (source: MessageSource): string => source.eventId ?? source.deliveryId;

/**
 * The JSON body: `{ type, timestamp, data }`, with the change feed's fields of the event in `data`
 * (a retraction carries no content, like the feed's tombstone). The same source always gives the
 * same bytes, so every attempt signs the same body.
 */
export function messageBody(source: MessageSource): string {
  const data =
    source.type === WEBHOOK_TEST
      ? { webhookId: source.webhookId, deliveryId: source.deliveryId, message: "A test message from Research Desk" }
      : {
          eventId: source.eventId,
          position: source.position,
          reportId: source.reportId,
          slug: source.slug,
          firmId: source.firmId,
          sectorTagIds: source.sectorTagIds,
          version: source.version,
          contentChecksum: source.contentChecksum,
          disclaimerChecksum: source.disclaimerChecksum,
          templateId: source.templateId,
        };
  return JSON.stringify({ type: source.type, timestamp: source.at.toISOString(), data });
}
