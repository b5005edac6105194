/**
 * A service's filing window (standards: filingWindow): the last filing day is the event's date plus
 * the decree's calendar days, the event's day being day 0, so a death on 15 January may be filed up
 * to 14 February and the 31st day is refused with the decree's own sentence. Pure.
 */
import type { FieldProblem } from '../errors.js';
import type { FilingWindow } from '../standards/schema.js';
import { plusDays } from '../util/dates.js';

export const lastFilingDay = (w: FilingWindow, from: string): string => plusDays(from, w.days);

/** The problem with a filing on `today` for an event on `from`, or null when it is within the window. */
export function filingWindowProblem(w: FilingWindow, label: string, from: string, today: string): FieldProblem | null {
  const field = `answers.${w.input}`;
  if (from > today) return { field, code: 'date-in-future', message: `${label}: tanggal belum terjadi (${from})`, messageEn: `${label}: the date has not happened yet (${from})` };
  const last = lastFilingDay(w, from);
  if (today <= last) return null;
  return {
    field,
    code: 'filing-window-closed',
    message: `Pengajuan ditolak: batas pengajuan ${w.days} hari kalender sejak ${from} berakhir pada ${last}; hari ini ${today}. Ketentuan: "${w.text}"`,
    messageEn: `Filing refused: the ${w.days} calendar days from ${from} ended on ${last}; today is ${today}. The rule: "${w.text}"`,
  };
}
