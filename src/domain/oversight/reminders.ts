/**
 * Evaluation reminders (issue 15 §1), pure: each office's cadence as data (standards/<office>/
 * oversight.yaml, with the decree's words it rests on, or the note that the decree names none), and
 * which cycle a reminder is due for on a given local date. Cycles follow the calendar year (a
 * 3-month cycle is a quarter), so "minimal 3 (tiga) bulan sekali" reminds on 1 April about Q1.
 */
import { z } from 'zod';
import { check, locate, parse, type Located, type SourceFile } from '../standards/validate.js';

const ReminderFile = z
  .object({
    reminders: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]{3,60}$/),
            // Months per cycle; a divisor of 12 so the cycles tile the calendar year.
            every_months: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(6), z.literal(12)]),
            what: z.string().min(5).max(300),
            what_en: z.string().min(5).max(300),
            // Who is reminded: roles of the office.
            roles: z.array(z.string().min(1).max(60)).min(1).max(10),
            // The decree's words (copied exactly), or Sigap's choice said as such.
            source: z.string().min(10).max(2000),
          })
          .strict(),
      )
      .max(20),
    // What the decree says about evaluation when it names no cadence (kept for the reader).
    note: z.string().max(2000).optional(),
  })
  .strict();

export type Reminder = z.infer<typeof ReminderFile>['reminders'][number];

export function validateReminderFile(file: SourceFile, declaredRoles: readonly string[]): { reminders: Reminder[]; problems: Located[] } {
  const problems: Located[] = [];
  const parsed = parse(file, problems);
  const data = parsed ? check(parsed, ReminderFile, problems) : null;
  if (!parsed || !data) return { reminders: [], problems };
  const ids = new Set<string>();
  data.reminders.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ file: file.path, ...locate(parsed, ['reminders', i, 'id']), code: 'duplicate-id', message: `pengingat ganda: ${r.id}`, messageEn: `duplicate reminder: ${r.id}` });
    ids.add(r.id);
    r.roles.forEach((role, j) => {
      if (!declaredRoles.includes(role))
        problems.push({ file: file.path, ...locate(parsed, ['reminders', i, 'roles', j]), code: 'unknown-role', message: `peran tidak dinyatakan di office.yaml: ${role}`, messageEn: `role not declared in office.yaml: ${role}` });
    });
  });
  return { reminders: problems.length ? [] : data.reminders, problems };
}

/** The cycle just ended on `today` (local YYYY-MM-DD): its key ("2026-Q1", "2026-S1", "2025", "2026-05", "2026-C3") and its months. */
export function dueCycle(everyMonths: number, today: string): { key: string; from: string; to: string; dueOn: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  // The cycle containing today starts at this month (1-based); the one before it is due.
  const start = Math.floor((month - 1) / everyMonths) * everyMonths + 1;
  let y = year;
  let s = start - everyMonths;
  if (s < 1) {
    s += 12;
    y -= 1;
  }
  const e = s + everyMonths - 1;
  const idx = (s - 1) / everyMonths + 1;
  const key = everyMonths === 12 ? String(y) : everyMonths === 1 ? `${y}-${String(s).padStart(2, '0')}` : everyMonths === 3 ? `${y}-Q${idx}` : everyMonths === 6 ? `${y}-S${idx}` : `${y}-C${idx}`;
  const lastDay = new Date(Date.UTC(y, e, 0)).getUTCDate();
  return { key, from: `${y}-${String(s).padStart(2, '0')}-01`, to: `${y}-${String(e).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`, dueOn: `${year}-${String(start).padStart(2, '0')}-01` };
}
