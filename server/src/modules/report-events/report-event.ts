/** What happened to a report (or to a firm's disclaimer), as the outbox `report_events` records it. */
export enum ReportEventType {
  REPORT_PUBLISHED = "REPORT_PUBLISHED",
  REPORT_CORRECTED = "REPORT_CORRECTED",
  REPORT_RETRACTED = "REPORT_RETRACTED",
  REPORT_SCHEDULED = "REPORT_SCHEDULED",
  REPORT_UNSCHEDULED = "REPORT_UNSCHEDULED",
  SCHEDULE_BLOCKED = "SCHEDULE_BLOCKED",
  DISCLAIMER_TEMPLATE_CREATED = "DISCLAIMER_TEMPLATE_CREATED",
}

/** The events anonymous clients and API keys may follow: what they can read changed. */
export const PUBLIC_EVENT_TYPES: readonly ReportEventType[] = [
  ReportEventType.REPORT_PUBLISHED,
  ReportEventType.REPORT_CORRECTED,
  ReportEventType.REPORT_RETRACTED,
];

export interface ReportEvent {
  id: string;
  /** The event's place in commit order (a bigint, as text). */
  position: string;
  type: ReportEventType;
  at: Date;
  /** Null for DISCLAIMER_TEMPLATE_CREATED. */
  reportId: string | null;
  slug: string | null;
  firmId: string;
  sectorTagIds: string[];
  version: number | null;
  /** As in the publication log, for the events that come from it. */
  contentChecksum: string | null;
  disclaimerChecksum: string | null;
  templateId: string | null;
}

export interface ReportEventFilter {
  firmIds?: string[] | null;
  sectorTagIds?: string[] | null;
  types?: ReportEventType[] | null;
}
