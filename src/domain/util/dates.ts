/** Calendar-day arithmetic on ISO dates (YYYY-MM-DD), without time zones: a date is a day. Pure. */

/** An ISO date plus whole calendar days (negative: before). */
export function plusDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
