/**
 * Zod schemas of the office calendar: the hours and closures an office admin sets. The admin's
 * HTML forms are shaped like these bodies and parsed by the same schemas (pages/calendar-forms.ts).
 */
import { z } from 'zod';
import { CLOSURE_KINDS, WEEKDAYS } from '../../domain/calendar/office-setup.js';
import { DAYS } from '../../domain/standards/schema.js';

const text = (max: number) => z.string().max(max);
const band = z.object({ open: text(5), close: text(5) });

/** Bands per weekday (`days.mon[0].open`); the use case checks the times, overlaps and the reason. */
export const hoursBody = z.object({
  allDay: z.boolean().optional(),
  days: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(band).max(6).optional()])) as Record<(typeof DAYS)[number], z.ZodOptional<z.ZodArray<typeof band>>>),
  closedOnHolidays: z.boolean(),
  reason: text(1000).optional(),
});

export const closureBody = z.object({ date: text(20), to: text(20).optional(), reason: text(1000), kind: z.enum(CLOSURE_KINDS).optional() });

const weekBand = z.object({ days: z.array(z.enum(DAYS)), open: z.string(), close: z.string() });
const serviceHours = z.object({ source: z.enum(['decree', 'default']), text: z.string().optional(), allDay: z.boolean(), week: z.array(weekBand), closedOnHolidays: z.boolean() });

/** Hours in force: what the clock uses, what the standards say, and the admin's setting if any. */
export const hoursInForce = z.object({
  hours: serviceHours,
  base: serviceHours,
  setting: z
    .object({ scope: z.string(), hours: z.object({ allDay: z.boolean(), week: z.array(weekBand), closedOnHolidays: z.boolean() }), reason: z.string().nullable(), setBy: z.string(), setAt: z.string() })
    .nullable(),
});

export const officeHoursSchema = z.object({ office: z.string(), timezone: z.string(), hours: hoursInForce, services: z.array(z.object({ slug: z.string(), hours: hoursInForce })) });

const closureGroup = z.object({
  groupId: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  reason: z.string(),
  kind: z.enum(CLOSURE_KINDS),
  createdBy: z.string(),
  createdAtLocal: z.string(),
  removable: z.boolean(),
});

export const closuresSchema = z.object({ today: z.string(), upcoming: z.array(closureGroup), past: z.array(z.object({ year: z.number().int(), groups: z.array(closureGroup) })) });

export const serviceParams = z.object({ slug: z.string().max(100), service: z.string().max(100) });
export const closureParams = z.object({ slug: z.string().max(100), groupId: z.string().max(100) });
