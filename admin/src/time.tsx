import { useRecordContext, type FieldProps } from "react-admin";

/**
 * Times are shown and entered in Asia/Seoul, whatever the browser's own zone: the partner reports
 * are published for the Korean market.
 */
export const SEOUL = "Asia/Seoul";

const formatter = new Intl.DateTimeFormat("ko-KR", {
  timeZone: SEOUL,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** "2026. 11. 28. 09:00 KST" */
export const formatSeoul = (iso: string | null | undefined): string => (iso ? `${formatter.format(new Date(iso))} KST` : "");

/** The value of a datetime-local input, read as Seoul time (UTC+9, no daylight saving). */
export const seoulInputToIso = (local: string): string => new Date(`${local}:00+09:00`).toISOString();

/** An ISO time as a datetime-local input value in Seoul time. */
export function isoToSeoulInput(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return shifted.toISOString().slice(0, 16);
}

/** A date field of the current record, shown in Seoul time. */
export function SeoulDateField({ source }: FieldProps & { source: string }) {
  const record = useRecordContext();
  const value = source.split(".").reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], record);
  return <span>{formatSeoul(value as string | null)}</span>;
}
