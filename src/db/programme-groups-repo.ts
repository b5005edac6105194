/**
 * All SQL of group programmes, quota queues and the public transparency reads (issue 14 §5–7):
 * groups and their members, a period's quota and queue, the recipients an issued SK decreed, and
 * the self-check log. Row mappers decode JSON and bigint columns.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { GroupStatus, RabItem } from '../domain/programmes/groups.js';
import type { DocumentPerson } from '../domain/programmes/rounds.js';
import type { Programme } from '../domain/programmes/schema.js';
import type { DB } from './schema.js';
import type { ProgrammeGroupMembersTable, ProgrammeGroupsTable, ProgrammeQueueTable, ProgrammeQuotasTable } from './schema-programme-groups.js';

type Q = Kysely<DB> | Transaction<DB>;

export type Group = Omit<ProgrammeGroupsTable, 'rab' | 'rab_total' | 'disbursed_amount' | 'status' | 'programme'> & { programme: Programme; rab: RabItem[]; rab_total: number; disbursed_amount: number | null; status: GroupStatus };

const toGroup = (r: ProgrammeGroupsTable): Group => ({
  ...r,
  programme: JSON.parse(r.programme) as Programme,
  rab: JSON.parse(r.rab) as RabItem[],
  rab_total: Number(r.rab_total),
  disbursed_amount: r.disbursed_amount === null ? null : Number(r.disbursed_amount),
  status: r.status as GroupStatus,
});

/* ---------- groups ---------- */

export async function insertGroup(q: Q, g: ProgrammeGroupsTable, members: ProgrammeGroupMembersTable[]): Promise<void> {
  await q.insertInto('programme_groups').values(g).execute();
  if (members.length) await q.insertInto('programme_group_members').values(members).execute();
}

export async function findGroup(q: Q, officeId: string, id: string): Promise<Group | undefined> {
  const r = await q.selectFrom('programme_groups').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toGroup(r);
}

export async function membersOf(q: Q, groupId: string): Promise<ProgrammeGroupMembersTable[]> {
  return q.selectFrom('programme_group_members').selectAll().where('group_id', '=', groupId).orderBy('position').execute();
}

/** A programme's groups, newest first. */
export async function groupsOf(q: Q, officeId: string, slug: string, limit: number): Promise<Group[]> {
  const rows = await q.selectFrom('programme_groups').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map(toGroup);
}

/** Which of these NIKs are already members of another group of the programme, with that group's name. */
export async function membersElsewhere(q: Q, officeId: string, slug: string, niks: string[]) {
  if (!niks.length) return [];
  return q
    .selectFrom('programme_group_members as m')
    .innerJoin('programme_groups as g', 'g.id', 'm.group_id')
    .select(['m.nik', 'g.name as groupName'])
    .where('m.office_id', '=', officeId)
    .where('m.programme_slug', '=', slug)
    .where('m.nik', 'in', niks)
    .execute();
}

/** Optimistic, like db/versioned.ts: the row changes only at the version the actor saw. */
export async function updateGroupIfVersion(q: Q, id: string, version: number, set: Partial<ProgrammeGroupsTable>): Promise<boolean> {
  const r = await q.updateTable('programme_groups').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/* ---------- quota queues ---------- */

export async function quotaOf(q: Q, officeId: string, slug: string, period: string): Promise<ProgrammeQuotasTable | undefined> {
  return q.selectFrom('programme_quotas').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).executeTakeFirst();
}

export async function upsertQuota(q: Q, row: ProgrammeQuotasTable): Promise<void> {
  await q
    .insertInto('programme_quotas')
    .values(row)
    .onConflict((oc) => oc.columns(['office_id', 'programme_slug', 'period']).doUpdateSet({ quota: row.quota, note: row.note, set_at: row.set_at, set_by: row.set_by }))
    .execute();
}

export async function lastQueuePosition(q: Q, officeId: string, slug: string, period: string): Promise<number> {
  const r = await q
    .selectFrom('programme_queue')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('office_id', '=', officeId)
    .where('programme_slug', '=', slug)
    .where('period', '=', period)
    .executeTakeFirst();
  return Number(r?.last ?? 0);
}

export async function queuedPerson(q: Q, officeId: string, slug: string, period: string, nik: string): Promise<ProgrammeQueueTable | undefined> {
  return q.selectFrom('programme_queue').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).where('nik', '=', nik).executeTakeFirst();
}

export async function insertQueued(q: Q, row: ProgrammeQueueTable): Promise<void> {
  await q.insertInto('programme_queue').values(row).execute();
}

export async function queueOf(q: Q, officeId: string, slug: string, period: string, limit: number): Promise<ProgrammeQueueTable[]> {
  return q.selectFrom('programme_queue').selectAll().where('office_id', '=', officeId).where('programme_slug', '=', slug).where('period', '=', period).orderBy('position').limit(limit).execute();
}

/** The application a queued proposal names: of this office and service, with its applicant's NIK. */
export async function applicationByNumber(q: Q, officeId: string, serviceId: string, registrationNumber: string) {
  return q
    .selectFrom('applications')
    .select(['id', 'applicant_nik'])
    .where('office_id', '=', officeId)
    .where('service_id', '=', serviceId)
    .where('registration_number', '=', registrationNumber)
    .executeTakeFirst();
}

/** A case's places in quota queues (at most a few: one per programme and period). */
export async function queuedByRegistration(q: Q, officeId: string, registrationNumber: string): Promise<ProgrammeQueueTable[]> {
  return q.selectFrom('programme_queue').selectAll().where('office_id', '=', officeId).where('registration_number', '=', registrationNumber).orderBy('created_at').limit(5).execute();
}

/* ---------- transparency ---------- */

/** The periods of a programme with an issued SK, newest first (the public list's index; it stays after the period ends). */
export async function decreedPeriods(q: Q, officeId: string, slug: string, limit: number): Promise<string[]> {
  const rows = await q
    .selectFrom('programme_rounds as r')
    .innerJoin('programme_documents as d', (j) => j.onRef('d.round_id', '=', 'r.id').on('d.kind', '=', 'sk'))
    .select('r.period')
    .distinct()
    .where('r.office_id', '=', officeId)
    .where('r.programme_slug', '=', slug)
    .orderBy('r.period', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.period);
}

/** The SKs of a programme and period with the people each decreed, in stage order. */
export async function decreesOfPeriod(q: Q, officeId: string, slug: string, period: string) {
  const rows = await q
    .selectFrom('programme_rounds as r')
    .innerJoin('programme_documents as d', (j) => j.onRef('d.round_id', '=', 'r.id').on('d.kind', '=', 'sk'))
    .select(['r.stage', 'd.number', 'd.issued_on', 'd.people'])
    .where('r.office_id', '=', officeId)
    .where('r.programme_slug', '=', slug)
    .where('r.period', '=', period)
    .orderBy('r.stage')
    .execute();
  return rows.map((r) => ({ stage: r.stage, number: r.number, issuedOn: r.issued_on, people: JSON.parse(r.people) as DocumentPerson[] }));
}

/**
 * Whether a person with this NIK and KK is among the people an SK of the programme's period decreed.
 * The SK's people are one JSON column; the candidate's id (a UUID) is matched inside it by the
 * database, and only that period's SKs are read, so a 5,000-recipient SK is not shipped (nor every
 * past period's unpacked) to answer one yes/no.
 */
/** The category a NIK + KK is decreed under in a period (an SK's recipient), or null. */
export async function decreedInPeriod(q: Q, officeId: string, slug: string, period: string, nik: string, kk: string): Promise<string | null> {
  const row = await q
    .selectFrom('programme_candidates as c')
    .innerJoin('programme_rounds as r', 'r.id', 'c.round_id')
    .innerJoin('programme_documents as d', (j) => j.onRef('d.round_id', '=', 'c.round_id').on('d.kind', '=', 'sk'))
    .select(['c.id', 'c.category'])
    .where('r.office_id', '=', officeId)
    .where('r.programme_slug', '=', slug)
    .where('r.period', '=', period)
    .where('c.nik', '=', nik)
    .where('c.kk', '=', kk)
    .where('c.verification', '=', 'eligible')
    .where(sql<boolean>`${sql.ref('d.people')} like '%"candidateId":"' || ${sql.ref('c.id')} || '"%'`)
    .limit(1)
    .executeTakeFirst();
  return row?.category ?? null;
}

export async function insertSelfCheck(q: Q, row: { office_id: string; programme_slug: string; nik: string; found: number; at: string }): Promise<void> {
  await q.insertInto('programme_self_checks').values(row).execute();
}
