/** All SQL about shelters (rumah singgah): their beds, the clients' stays and the stays' events. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { ShelterBedsTable, ShelterConsentsTable, ShelterMediaTable, SheltersTable, ShelterStaysTable } from './schema-shelters.js';

type Q = Kysely<DB> | Transaction<DB>;

export type ShelterRow = SheltersTable;
export type BedRow = ShelterBedsTable;
export type StayRow = ShelterStaysTable;

export async function insertShelter(q: Q, s: ShelterRow, beds: BedRow[]): Promise<void> {
  await q.insertInto('shelters').values(s).execute();
  if (beds.length) await q.insertInto('shelter_beds').values(beds).execute();
}

export async function sheltersOf(q: Q, officeId: string, limit: number): Promise<ShelterRow[]> {
  return q.selectFrom('shelters').selectAll().where('office_id', '=', officeId).orderBy('name').limit(limit).execute();
}

/** One shelter of an office (another office's looks as if it did not exist). */
export async function findShelter(q: Q, officeId: string, id: string): Promise<ShelterRow | undefined> {
  return q.selectFrom('shelters').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

/** A shelter's beds in order, each with the stay now in it (if any). */
export async function bedsWithOccupants(q: Q, shelterId: string) {
  return q
    .selectFrom('shelter_beds as b')
    .leftJoin('shelter_stays as s', (j) => j.onRef('s.bed_id', '=', 'b.id').on('s.state', '=', 'in-residence'))
    .select(['b.id', 'b.room', 'b.label', 'b.sex', 'b.category', 'b.position', 's.id as stay_id', 's.checked_in_at', 's.client_sex', 's.client_category'])
    .where('b.shelter_id', '=', shelterId)
    .orderBy('b.position')
    .limit(2000)
    .execute();
}

export async function insertStay(q: Q, row: StayRow): Promise<void> {
  await q.insertInto('shelter_stays').values(row).execute();
}

export async function findStay(q: Q, officeId: string, id: string): Promise<StayRow | undefined> {
  return q.selectFrom('shelter_stays').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

/** Changes a stay only if nobody changed it since it was read (of two concurrent actions one wins). */
export async function updateStayIfVersion(q: Q, id: string, version: number, patch: Partial<Omit<StayRow, 'id' | 'version'>>): Promise<boolean> {
  const r = await q
    .updateTable('shelter_stays')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A shelter's stays in a state (in residence without a bed: overflow; intakes awaiting a decision), oldest first. */
export async function staysOfShelter(q: Q, shelterId: string, state: string, limit: number): Promise<StayRow[]> {
  return q.selectFrom('shelter_stays').selectAll().where('shelter_id', '=', shelterId).where('state', '=', state).orderBy('intake_at').limit(limit).execute();
}

/** A shelter's clients in residence without a bed (placed by an override), oldest first. */
export async function overflowOfShelter(q: Q, shelterId: string, limit: number): Promise<StayRow[]> {
  return q.selectFrom('shelter_stays').selectAll().where('shelter_id', '=', shelterId).where('state', '=', 'in-residence').where('bed_id', 'is', null).orderBy('intake_at').limit(limit).execute();
}

/** An office's clients in residence checked in at or before `cutoff` (the stays past the limit), longest first. */
export async function staysCheckedInBy(q: Q, officeId: string, cutoff: string, limit: number): Promise<StayRow[]> {
  return q
    .selectFrom('shelter_stays')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('state', '=', 'in-residence')
    .where('checked_in_at', '<=', cutoff)
    .orderBy('checked_in_at')
    .limit(limit)
    .execute();
}

export async function insertShelterEvent(q: Q, e: { stay_id: string; office_id: string; type: string; actor_id: string | null; actor_name: string; data: Record<string, unknown>; at: string }): Promise<void> {
  await q
    .insertInto('shelter_events')
    .values({ ...e, id: randomUUID(), data: JSON.stringify(e.data) })
    .execute();
}

export async function eventsOfStay(q: Q, stayId: string) {
  const rows = await q.selectFrom('shelter_events').selectAll().where('stay_id', '=', stayId).orderBy('at').orderBy('id').limit(1000).execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** The berita acara a QR code leads to, by its token. */
export async function stayByHandoverToken(q: Q, token: string): Promise<StayRow | undefined> {
  return q.selectFrom('shelter_stays').selectAll().where('handover_token', '=', token).executeTakeFirst();
}

export async function insertStayCase(q: Q, row: { stay_id: string; application_id: string; office_id: string; kind: string; registration_number: string; service_slug: string; at: string }): Promise<void> {
  await q.insertInto('shelter_stay_cases').values(row).execute();
}

/** The decreed cases a stay filed, oldest first, each with its case's status and due time now. */
export async function casesOfStay(q: Q, stayId: string) {
  return q
    .selectFrom('shelter_stay_cases as l')
    .innerJoin('applications as a', 'a.id', 'l.application_id')
    .select(['l.application_id', 'l.kind', 'l.registration_number', 'l.service_slug', 'l.at', 'a.status', 'a.due_at'])
    .where('l.stay_id', '=', stayId)
    // Filed in the same second (a frozen clock, a quick referral), the stay's own order: intake, referral, termination.
    .orderBy('l.at')
    .orderBy('l.kind')
    .limit(50)
    .execute();
}

/** The stay a decreed case of `kind` was filed for (a case completing may end its stay). */
export async function stayOfCase(q: Q, applicationId: string, kind: string): Promise<StayRow | undefined> {
  return q
    .selectFrom('shelter_stay_cases as l')
    .innerJoin('shelter_stays as s', 's.id', 'l.stay_id')
    .selectAll('s')
    .where('l.application_id', '=', applicationId)
    .where('l.kind', '=', kind)
    .executeTakeFirst();
}

/** Ends a stay still in residence (its bed is free again); false when it had already ended. */
export async function endStayInResidence(q: Q, id: string, patch: Pick<StayRow, 'state' | 'terminated_at' | 'termination' | 'referred_to'>): Promise<boolean> {
  const r = await q
    .updateTable('shelter_stays')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'in-residence')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertMedia(q: Q, row: ShelterMediaTable): Promise<void> {
  await q.insertInto('shelter_media').values(row).execute();
}

/** A stay's photos and videos (their facts, not their bytes), oldest first. */
export async function mediaOfStay(q: Q, stayId: string) {
  return q.selectFrom('shelter_media').select(['id', 'mime', 'size', 'caption', 'uploaded_at']).where('stay_id', '=', stayId).orderBy('uploaded_at').orderBy('id').limit(100).execute();
}

export async function findMedia(q: Q, officeId: string, stayId: string, id: string) {
  return q.selectFrom('shelter_media').selectAll().where('office_id', '=', officeId).where('stay_id', '=', stayId).where('id', '=', id).executeTakeFirst();
}

export async function insertConsent(q: Q, row: ShelterConsentsTable): Promise<void> {
  await q.insertInto('shelter_consents').values(row).execute();
}

/** The guardians' consents recorded for a stay, oldest first. */
export async function consentsOfStay(q: Q, stayId: string) {
  return q.selectFrom('shelter_consents').select(['guardian_name', 'relation', 'given_at', 'recorded_at']).where('stay_id', '=', stayId).orderBy('recorded_at').limit(20).execute();
}
