/**
 * National holidays and cuti bersama as editable data (calendars/indonesia.yaml).
 *
 * They are set yearly by a joint decree (SKB) of three ministers and can be amended mid-year, so
 * they are never constants in code: each year carries its `source`, and a year without data makes
 * every computation that touches it return a visible warning (see calendar.ts).
 * Pure: no I/O here; src/io/calendar-file.ts reads the file.
 */
import { z } from 'zod';
import { err, ok, type Problem, type Result } from '../errors.js';

export const HOLIDAY_KINDS = ['holiday', 'cuti-bersama'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

const nonEmpty = z.string().trim().min(1, { message: 'tidak boleh kosong / must not be empty' });

/** True when `s` is a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= (lengths[mo - 1] ?? 0);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD' })
  .refine(isRealIsoDate, { message: 'tanggal tidak ada di kalender / no such calendar date', params: { code: 'invalid-date' } });

export const HolidayDaySchema = z
  .object({
    date: isoDate,
    name: nonEmpty,
    kind: z.enum(HOLIDAY_KINDS),
    /** Why this day is here when it is not obvious (e.g. added by an amendment of the SKB). */
    note: z.string().optional(),
  })
  .strict();

export const HolidayYearSchema = z
  .object({
    year: z.number().int().min(1900).max(2200),
    /** The decree that sets the year's days, e.g. "SKB 3 Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025". */
    source: nonEmpty,
    /** Amendments and other remarks about the year's data. */
    note: z.string().optional(),
    days: z.array(HolidayDaySchema),
  })
  .strict()
  .superRefine((y, ctx) => {
    const seen = new Map<string, number>();
    y.days.forEach((d, i) => {
      if (!d.date.startsWith(`${y.year}-`))
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: `tanggal ${d.date} bukan di tahun ${y.year} / date ${d.date} is not in year ${y.year}`,
          params: { code: 'date-outside-year' },
        });
      const first = seen.get(d.date);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: `tanggal ${d.date} sudah tercantum (days[${first}]) / date ${d.date} is listed twice (days[${first}])`,
          params: { code: 'duplicate-date' },
        });
      else seen.set(d.date, i);
    });
  });

export const HolidayDataSchema = z.array(HolidayYearSchema).superRefine((years, ctx) => {
  const seen = new Map<number, number>();
  years.forEach((y, i) => {
    const first = seen.get(y.year);
    if (first !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: [i, 'year'],
        message: `tahun ${y.year} sudah tercantum ([${first}]) / year ${y.year} is listed twice ([${first}])`,
        params: { code: 'duplicate-year' },
      });
    else seen.set(y.year, i);
  });
});

export type HolidayDay = z.infer<typeof HolidayDaySchema>;
export type HolidayYear = z.infer<typeof HolidayYearSchema>;

/** A problem in holiday data, with the path of the offending value (e.g. [0, 'days', 3, 'date']). */
export interface HolidayProblem extends Problem {
  path: (string | number)[];
}

function describePath(path: readonly (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') || '(dokumen)';
}

function toProblem(issue: z.core.$ZodIssue): HolidayProblem {
  const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
  const where = describePath(path);
  const custom = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
  const [id, en] = issue.message.includes(' / ') ? issue.message.split(' / ', 2) : [issue.message, issue.message];
  let code: string = custom ?? 'invalid';
  if (issue.code === 'invalid_type') code = 'invalid-type';
  else if (issue.code === 'unrecognized_keys') code = 'unknown-key';
  else if (issue.code === 'invalid_value') code = 'invalid-value';
  else if (issue.code === 'too_small' && issue.origin === 'string') code = 'empty';
  else if (issue.code === 'too_small' || issue.code === 'too_big') code = 'out-of-range';
  else if (issue.code === 'invalid_format') code = 'invalid-format';
  return { code, path, message: `${where}: ${id ?? ''}`, messageEn: `${where}: ${en ?? id ?? ''}` };
}

/**
 * Validates holiday data (already parsed from YAML or JSON): a list of years, each with its
 * source and days. Dates must be real, inside their year and listed once; years listed once.
 */
export function parseHolidayData(input: unknown): Result<HolidayYear[], HolidayProblem[]> {
  const r = HolidayDataSchema.safeParse(input);
  if (r.success) return ok(r.data);
  return err(r.error.issues.map(toProblem));
}
