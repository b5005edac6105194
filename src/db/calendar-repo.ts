/** All SQL about office calendars: closures an admin adds (a flood, a move, a local holiday). */
import type { Kysely, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface Closure {
  date: string;
  reason: string;
}

/** Every office's closures by office slug (for the clock at start-up). */
export async function closuresBySlug(q: Q): Promise<Map<string, Closure[]>> {
  const rows = await q
    .selectFrom('office_closures')
    .innerJoin('offices', 'offices.id', 'office_closures.office_id')
    .select(['offices.slug', 'office_closures.date', 'office_closures.reason'])
    .execute();
  const out = new Map<string, Closure[]>();
  for (const r of rows) out.set(r.slug, [...(out.get(r.slug) ?? []), { date: r.date, reason: r.reason }]);
  return out;
}

export async function closuresOf(q: Q, officeId: string): Promise<Closure[]> {
  return q.selectFrom('office_closures').select(['date', 'reason']).where('office_id', '=', officeId).execute();
}

/** Adds a closure and its audit record; throws if the date is already closed (unique office/date). */
export async function insertClosure(q: Q, c: { officeId: string; officeSlug: string; date: string; reason: string; actor: string; at: string }): Promise<void> {
  await q.insertInto('office_closures').values({ id: randomUUID(), office_id: c.officeId, date: c.date, reason: c.reason, created_by: c.actor, created_at: c.at }).execute();
  await q
    .insertInto('audit_events')
    .values({ id: randomUUID(), office_id: c.officeId, actor: c.actor, action: 'calendar.closure.add', subject: `office:${c.officeSlug}`, detail: JSON.stringify({ date: c.date, reason: c.reason }), at: c.at })
    .execute();
}
