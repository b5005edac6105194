/**
 * The clock of a data-subject request (UU 27/2022 Pasal 32): access to one's data and its
 * processing record "paling lambat 3 x 24 jam" after the controller receives the request. It is a
 * CALENDAR clock of 72 hours, not the office-hours clock: nights, weekends and holidays all count.
 * Pure; the offices' zones (WIB, WITA, WIT) have no daylight saving, so a fixed offset is exact.
 */

/** 3 × 24 hours. */
export const SUBJECT_REQUEST_HOURS = 72;
/** Under a day left: the request is shown as at risk. */
export const AT_RISK_HOURS = 24;

const HOUR_MS = 3_600_000;

export const ZONES = {
  'Asia/Jakarta': { offsetHours: 7, abbr: 'WIB' },
  'Asia/Makassar': { offsetHours: 8, abbr: 'WITA' },
  'Asia/Jayapura': { offsetHours: 9, abbr: 'WIT' },
} as const;
export type OfficeZone = keyof typeof ZONES;

/** When the answer is due: 72 hours after receipt, as an ISO instant (UTC). */
export function subjectRequestDue(receivedAt: string): string {
  return new Date(Date.parse(receivedAt) + SUBJECT_REQUEST_HOURS * HOUR_MS).toISOString();
}

/** An instant as the office reads it: `2025-06-02 17:00 WIB`. */
export function officeLocal(iso: string, zone: OfficeZone): string {
  const z = ZONES[zone];
  const d = new Date(Date.parse(iso) + z.offsetHours * HOUR_MS);
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} ${z.abbr}`;
}

/** on-time | at-risk (< 24 h left) | late while open; met | missed once answered or refused. */
export type RequestClockState = 'on-time' | 'at-risk' | 'late' | 'met' | 'missed';

export function requestClockState(dueAt: string, now: string, closedAt: string | null): RequestClockState {
  const due = Date.parse(dueAt);
  if (closedAt) return Date.parse(closedAt) <= due ? 'met' : 'missed';
  const left = due - Date.parse(now);
  if (left < 0) return 'late';
  return left < AT_RISK_HOURS * HOUR_MS ? 'at-risk' : 'on-time';
}

/** Whole hours left (negative when late), for the countdown: rounded toward the deadline. */
export function hoursLeft(dueAt: string, now: string): number {
  const ms = Date.parse(dueAt) - Date.parse(now);
  return ms >= 0 ? Math.floor(ms / HOUR_MS) : -Math.ceil(-ms / HOUR_MS);
}
