/** All SQL about office calendars: the weekly hours and the closures an office admin sets, each change with its audit record. */
import type { Kysely, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { ClosureKind, WeekHours } from '../domain/calendar/office-setup.js';
import type { DB } from './schema.js';
import { insertAuditEvent } from './audit-chain-repo.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface Closure {
  date: string;
  reason: string;
  kind: ClosureKind;
}

/** A closure as the admin's list shows it: who added it, and the range it was added with. */
export interface ClosureRow extends Closure {
  id: string;
  groupId: string;
  createdBy: string;
  createdAt: string;
}

/** Hours an admin set for the office (scope '') or for one service (scope = its slug). */
export interface HoursSetting {
  scope: string;
  hours: WeekHours;
  reason: string | null;
  setBy: string;
  setAt: string;
}

const kindOf = (k: string): ClosureKind => (k === 'holiday' || k === 'cuti-bersama' ? k : 'closure');

/** Every office's closures by office slug (for the clock at start-up). */
export async function closuresBySlug(q: Q): Promise<Map<string, Closure[]>> {
  const rows = await q
    .selectFrom('office_closures')
    .innerJoin('offices', 'offices.id', 'office_closures.office_id')
    .select(['offices.slug', 'office_closures.date', 'office_closures.reason', 'office_closures.kind'])
    .execute();
  const out = new Map<string, Closure[]>();
  for (const r of rows) out.set(r.slug, [...(out.get(r.slug) ?? []), { date: r.date, reason: r.reason, kind: kindOf(r.kind) }]);
  return out;
}

/** An office's closures, by date. */
export async function closuresOf(q: Q, officeId: string): Promise<ClosureRow[]> {
  const rows = await q
    .selectFrom('office_closures')
    .select(['id', 'date', 'reason', 'kind', 'group_id', 'created_by', 'created_at'])
    .where('office_id', '=', officeId)
    .orderBy('date')
    .execute();
  return rows.map((r) => ({ id: r.id, date: r.date, reason: r.reason, kind: kindOf(r.kind), groupId: r.group_id ?? r.id, createdBy: r.created_by, createdAt: r.created_at }));
}

/** Which of these dates the office has already closed. */
export async function closedDates(q: Q, officeId: string, dates: string[]): Promise<string[]> {
  if (!dates.length) return [];
  const rows = await q.selectFrom('office_closures').select('date').where('office_id', '=', officeId).where('date', 'in', dates).orderBy('date').execute();
  return rows.map((r) => r.date);
}

/** Adds the days of one closure (one row per date, one group) and its audit record. */
export async function insertClosures(
  q: Q,
  c: { officeId: string; officeSlug: string; dates: string[]; reason: string; kind: ClosureKind; actor: string; at: string },
): Promise<string> {
  const groupId = randomUUID();
  await q
    .insertInto('office_closures')
    .values(c.dates.map((date, i) => ({ id: i === 0 ? groupId : randomUUID(), office_id: c.officeId, date, reason: c.reason, kind: c.kind, group_id: groupId, created_by: c.actor, created_at: c.at })))
    .execute();
  await audit(q, c, 'calendar.closure.add', { before: null, after: { dates: c.dates, reason: c.reason, kind: c.kind }, date: c.dates[0], reason: c.reason });
  return groupId;
}

/** Removes the days of one closure group and writes its audit record (the removed days, as they were). */
export async function deleteClosureGroup(q: Q, c: { officeId: string; officeSlug: string; removed: ClosureRow[]; actor: string; at: string }): Promise<void> {
  const ids = c.removed.map((r) => r.id);
  if (!ids.length) return;
  await q.deleteFrom('office_closures').where('office_id', '=', c.officeId).where('id', 'in', ids).execute();
  const first = c.removed[0]!;
  await audit(q, c, 'calendar.closure.remove', { before: { dates: c.removed.map((r) => r.date), reason: first.reason, kind: first.kind }, after: null });
}

/** Every office's hour settings by office slug (for the clock at start-up). */
export async function hoursBySlug(q: Q): Promise<Map<string, HoursSetting[]>> {
  const rows = await q
    .selectFrom('office_hours')
    .innerJoin('offices', 'offices.id', 'office_hours.office_id')
    .select(['offices.slug', 'office_hours.scope', 'office_hours.hours', 'office_hours.reason', 'office_hours.set_by', 'office_hours.set_at'])
    .execute();
  const out = new Map<string, HoursSetting[]>();
  for (const r of rows) out.set(r.slug, [...(out.get(r.slug) ?? []), hoursRow(r)]);
  return out;
}

export async function hoursOf(q: Q, officeId: string): Promise<HoursSetting[]> {
  const rows = await q.selectFrom('office_hours').select(['scope', 'hours', 'reason', 'set_by', 'set_at']).where('office_id', '=', officeId).orderBy('scope').execute();
  return rows.map(hoursRow);
}

function hoursRow(r: { scope: string; hours: string; reason: string | null; set_by: string; set_at: string }): HoursSetting {
  const h = JSON.parse(r.hours) as WeekHours;
  return { scope: r.scope, hours: { allDay: h.allDay === true, week: h.week ?? [], closedOnHolidays: h.closedOnHolidays !== false }, reason: r.reason, setBy: r.set_by, setAt: r.set_at };
}

/** Sets the hours of a scope (replacing any earlier setting) and audits the hours before and after. */
export async function upsertHours(
  q: Q,
  c: { officeId: string; officeSlug: string; scope: string; hours: WeekHours; reason: string | null; before: WeekHours; actor: string; at: string },
): Promise<void> {
  const hours = JSON.stringify(c.hours);
  await q
    .insertInto('office_hours')
    .values({ id: randomUUID(), office_id: c.officeId, scope: c.scope, hours, reason: c.reason, set_by: c.actor, set_at: c.at })
    .onConflict((oc) => oc.columns(['office_id', 'scope']).doUpdateSet({ hours, reason: c.reason, set_by: c.actor, set_at: c.at }))
    .execute();
  await audit(q, c, 'calendar.hours.set', { scope: c.scope || null, before: c.before, after: c.hours, reason: c.reason });
}

/** Forgets the hours set for a scope (the decree's or the default week applies again); audited. */
export async function deleteHours(q: Q, c: { officeId: string; officeSlug: string; scope: string; before: WeekHours; after: WeekHours; actor: string; at: string }): Promise<boolean> {
  const r = await q.deleteFrom('office_hours').where('office_id', '=', c.officeId).where('scope', '=', c.scope).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return false;
  await audit(q, c, 'calendar.hours.reset', { scope: c.scope || null, before: c.before, after: c.after });
  return true;
}

async function audit(q: Q, c: { officeId: string; officeSlug: string; actor: string; at: string }, action: string, detail: Record<string, unknown>): Promise<void> {
  await insertAuditEvent(q, { officeId: c.officeId, actor: c.actor, action, subject: `office:${c.officeSlug}`, detail, at: c.at });
}

/** The office's calendar changes, newest first (for the admin's page). */
export async function calendarAudit(q: Q, officeId: string, limit: number): Promise<{ actor: string; action: string; detail: string; at: string }[]> {
  return q
    .selectFrom('audit_events')
    .select(['actor', 'action', 'detail', 'at'])
    .where('office_id', '=', officeId)
    .where('action', 'like', 'calendar.%')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}
