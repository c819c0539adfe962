import { isoToSeoulInput, seoulInputToIso } from "../time";

const DAY_MS = 86_400_000;

const shifted = (iso: string, days: number): Date => new Date(new Date(iso).getTime() + days * DAY_MS);

/** A date input's "YYYY-MM-DD", read as a Seoul day: the ISO time that day (moved by `days`) starts. */
export function seoulDayToIso(day: string, days = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const start = shifted(seoulInputToIso(`${day}T00:00`), days);
  return Number.isNaN(start.getTime()) ? null : start.toISOString();
}

/** The Seoul day ("YYYY-MM-DD") of an ISO time moved by `days`; "" for anything else. */
export function isoToSeoulDay(iso: unknown, days = 0): string {
  if (typeof iso !== "string" || Number.isNaN(new Date(iso).getTime())) return "";
  return isoToSeoulInput(shifted(iso, days).toISOString()).slice(0, 10);
}
