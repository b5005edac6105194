/**
 * The admin's calendar forms shaped like their JSON twins' bodies and parsed by the same zod
 * schemas. The hours form has two bands per day; an empty band is dropped, so the problems of the
 * bands sent are mapped back to the form's own field names to be shown beside the right inputs.
 */
import type { z } from 'zod';
import { WEEKDAYS } from '../../domain/calendar/office-setup.js';
import type { Outcome, Problem } from '../../domain/errors.js';
import { closureBody, hoursBody } from '../api/calendar-schemas.js';
import { parseForm } from '../reply.js';

/** Bands per day the form offers (the JSON body may send up to MAX_BANDS_PER_DAY). */
export const FORM_BANDS = 2;

export interface HoursForm {
  body: Outcome<z.output<typeof hoursBody>>;
  /** Problems of the JSON body, renamed to the form's fields (`days.fri.0.open` may be the form's band 2). */
  fieldsOf: (problems: readonly Problem[]) => Problem[];
}

export function hoursFromForm(f: Record<string, string>): HoursForm {
  const days: Record<string, { open: string; close: string }[]> = {};
  const rename = new Map<string, string>();
  for (const d of WEEKDAYS) {
    const bands: { open: string; close: string }[] = [];
    for (let i = 0; i < FORM_BANDS; i++) {
      const open = (f[`days.${d}.${i}.open`] ?? '').trim();
      const close = (f[`days.${d}.${i}.close`] ?? '').trim();
      if (!open && !close) continue;
      rename.set(`days.${d}.${bands.length}`, `days.${d}.${i}`);
      bands.push({ open, close });
    }
    if (bands.length) days[d] = bands;
  }
  const shaped = { allDay: f.allDay === 'on', days, closedOnHolidays: f.closedOnHolidays === 'on', reason: f.reason ?? '' };
  const fieldsOf = (problems: readonly Problem[]) =>
    problems.map((p) => {
      const m = p.field ? /^(days\.[a-z]{3}\.\d+)(\..+)$/.exec(p.field) : null;
      return m && rename.has(m[1]!) ? { ...p, field: `${rename.get(m[1]!)}${m[2]}` } : p;
    });
  return { body: parseForm(hoursBody, shaped), fieldsOf };
}

export function closureFromForm(f: Record<string, string>): Outcome<z.output<typeof closureBody>> {
  return parseForm(closureBody, { date: f.date ?? '', to: f.to || undefined, reason: f.reason ?? '', kind: f.kind || undefined });
}
