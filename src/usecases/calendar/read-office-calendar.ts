/**
 * What the office admin's calendar page shows: the hours in force (office, and each service whose
 * decree sets its own) with where they come from, the closures (upcoming first, then past ones by
 * year), the national holidays of the data file still to come, and the latest calendar changes.
 */
import { calendarAudit, closuresOf, type ClosureRow } from '../../db/calendar-repo.js';
import type { HolidayDay } from '../../domain/calendar/holidays.js';
import type { ClosureKind, WeekHours } from '../../domain/calendar/office-setup.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import type { HoursInForce } from '../sla-clock.js';
import { adminOffice } from './admin-office.js';

/** Closures added together (a date range) are shown, and removed, together. */
export interface ClosureGroup {
  groupId: string;
  from: string;
  to: string;
  days: number;
  reason: string;
  kind: ClosureKind;
  createdBy: string;
  createdAtLocal: string;
  /** Only a closure wholly in the future can be removed (see remove-closure.ts). */
  removable: boolean;
}

export type CalendarChange =
  | { action: 'calendar.hours.set' | 'calendar.hours.reset'; actor: string; atLocal: string; scope: string | null; after: WeekHours | null; reason: string | null }
  | { action: 'calendar.closure.add' | 'calendar.closure.remove'; actor: string; atLocal: string; dates: string[]; reason: string };

export interface OfficeCalendarOverview {
  office: { slug: string; name: string; timezone: string };
  today: string;
  hours: HoursInForce;
  services: { slug: string; no: number; title: string; inForce: HoursInForce }[];
  upcoming: ClosureGroup[];
  past: { year: number; groups: ClosureGroup[] }[];
  holidays: { year: number; days: HolidayDay[] }[];
  /** This year and next, when the data file has no national holidays for them (due dates are provisional). */
  missingYears: number[];
  changes: CalendarChange[];
}

export async function readOfficeCalendar(ctx: Ctx, actor: Actor): Promise<Outcome<OfficeCalendarOverview>> {
  const found = adminOffice(ctx, actor);
  if (!found.ok) return found;
  const { id: officeId, office, services } = found.value;
  const now = nowOf(ctx).toISOString();
  const today = ctx.clock.localDate(office, now);
  const local = (iso: string) => ctx.clock.local(office, iso);
  const groups = groupClosures(await closuresOf(ctx.database.db, officeId), today, local);
  const year = Number(today.slice(0, 4));
  const pastYears = [...new Set(groups.filter((g) => g.to < today).map((g) => Number(g.from.slice(0, 4))))].sort((a, b) => b - a);
  const years = ctx.clock.holidayYears();
  return {
    ok: true,
    value: {
      office: { slug: office.slug, name: office.name, timezone: office.timezone },
      today,
      hours: ctx.clock.hoursOf(office),
      services: services.filter((s) => s.service.serviceHours).map((s) => ({ slug: s.service.slug, no: s.service.no, title: s.service.title, inForce: ctx.clock.hoursOf(office, s.service) })),
      upcoming: groups.filter((g) => g.to >= today),
      past: pastYears.map((y) => ({ year: y, groups: groups.filter((g) => g.to < today && Number(g.from.slice(0, 4)) === y).reverse() })),
      holidays: years
        .filter((y) => y.year >= year && y.year <= year + 1)
        .map((y) => ({ year: y.year, days: y.days.filter((d) => d.date >= today) }))
        .filter((y) => y.days.length),
      missingYears: [year, year + 1].filter((y) => !years.some((h) => h.year === y)),
      changes: (await calendarAudit(ctx.database.db, officeId, 20)).map((e) => changeOf(e, local)),
    },
  };
}

function groupClosures(rows: ClosureRow[], today: string, local: (iso: string) => string): ClosureGroup[] {
  const byGroup = new Map<string, ClosureRow[]>();
  for (const r of rows) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
  return [...byGroup.entries()]
    .map(([groupId, rs]) => ({
      groupId,
      from: rs[0]!.date,
      to: rs[rs.length - 1]!.date,
      days: rs.length,
      reason: rs[0]!.reason,
      kind: rs[0]!.kind,
      createdBy: rs[0]!.createdBy,
      createdAtLocal: local(rs[0]!.createdAt),
      removable: rs[0]!.date > today,
    }))
    .sort((a, b) => a.from.localeCompare(b.from));
}

function changeOf(e: { actor: string; action: string; detail: string; at: string }, local: (iso: string) => string): CalendarChange {
  const d = JSON.parse(e.detail) as Record<string, unknown>;
  const atLocal = local(e.at);
  if (e.action === 'calendar.hours.set' || e.action === 'calendar.hours.reset')
    return { action: e.action, actor: e.actor, atLocal, scope: (d.scope as string | null) ?? null, after: (d.after as WeekHours | null) ?? null, reason: (d.reason as string | null) ?? null };
  const side = (d.after ?? d.before) as { dates?: string[]; reason?: string } | null;
  // Closures added before the calendar screens recorded { date, reason } only.
  const dates = side?.dates ?? (typeof d.date === 'string' ? [d.date] : []);
  return { action: e.action === 'calendar.closure.remove' ? 'calendar.closure.remove' : 'calendar.closure.add', actor: e.actor, atLocal, dates, reason: side?.reason ?? String(d.reason ?? '') };
}
