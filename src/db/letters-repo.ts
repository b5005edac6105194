/** All SQL about letters: the letters, their events, delegations of signing, and the register. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { LetterDelegationsTable, LettersTable } from './schema-letters.js';

type Q = Kysely<DB> | Transaction<DB>;

export async function insertLetter(q: Q, row: LettersTable): Promise<void> {
  await q.insertInto('letters').values(row).execute();
}

export async function insertLetterEvent(q: Q, e: { letterId: string; officeId: string; type: string; actorId: string | null; actorName: string; data?: Record<string, unknown>; at: string }): Promise<void> {
  await q
    .insertInto('letter_events')
    .values({ id: randomUUID(), letter_id: e.letterId, office_id: e.officeId, type: e.type, actor_id: e.actorId, actor_name: e.actorName, data: JSON.stringify(e.data ?? {}), at: e.at })
    .execute();
}

export async function insertAudit(q: Q, a: { officeId: string; actor: string; action: string; subject: string; detail: Record<string, unknown>; at: string }): Promise<void> {
  await q.insertInto('audit_events').values({ id: randomUUID(), office_id: a.officeId, actor: a.actor, action: a.action, subject: a.subject, detail: JSON.stringify(a.detail), at: a.at }).execute();
}

export async function lettersOfApplication(q: Q, applicationId: string): Promise<LettersTable[]> {
  return q.selectFrom('letters').selectAll().where('application_id', '=', applicationId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute();
}

export async function findLetter(q: Q, officeId: string, id: string): Promise<LettersTable | undefined> {
  return q.selectFrom('letters').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
}

export async function findLettersByIds(q: Q, officeId: string, ids: string[]): Promise<LettersTable[]> {
  if (ids.length === 0) return [];
  return q.selectFrom('letters').selectAll().where('office_id', '=', officeId).where('id', 'in', ids).execute();
}

export async function findLetterByToken(q: Q, token: string): Promise<LettersTable | undefined> {
  return q.selectFrom('letters').selectAll().where('token', '=', token).executeTakeFirst();
}

/** Optimistic update: only if nobody changed the letter since `version`. */
export async function updateLetterIfVersion(q: Q, id: string, version: number, set: Partial<LettersTable>): Promise<boolean> {
  const r = await q
    .updateTable('letters')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function letterEvents(q: Q, letterId: string) {
  return q.selectFrom('letter_events').selectAll().where('letter_id', '=', letterId).orderBy('seq', 'asc').execute();
}

export interface LetterFilter {
  number?: string;
  applicant?: string;
  serviceId?: string;
  status?: string;
  /** Inclusive office-local dates on the letter's date; an unsigned letter is matched by its
   * creation instant between fromUtc and toUtc (the same local dates as instants). */
  from?: string;
  to?: string;
  fromUtc?: string;
  toUtc?: string;
  signerRoles?: string[];
  ids?: string[];
}

export type LetterListRow = Pick<
  LettersTable,
  'id' | 'application_id' | 'service_id' | 'kind' | 'letter_type' | 'status' | 'number' | 'title' | 'subject' | 'holder_name' | 'issued_on' | 'valid_until' | 'signed_at' | 'signer' | 'signer_role' | 'created_at' | 'version' | 'token' | 'revocation_reason'
> & { registration_number: string };

/** Letters of one office matching the filter, newest first. */
export async function searchLetters(q: Q, officeId: string, f: LetterFilter, opts: { limit: number; offset?: number }): Promise<LetterListRow[]> {
  let query = q
    .selectFrom('letters')
    .innerJoin('applications', 'applications.id', 'letters.application_id')
    .select([
      'letters.id',
      'letters.application_id',
      'letters.service_id',
      'letters.kind',
      'letters.letter_type',
      'letters.status',
      'letters.number',
      'letters.title',
      'letters.subject',
      'letters.holder_name',
      'letters.issued_on',
      'letters.valid_until',
      'letters.signed_at',
      'letters.signer',
      'letters.signer_role',
      'letters.created_at',
      'letters.version',
      'letters.token',
      'letters.revocation_reason',
      'applications.registration_number',
    ])
    .where('letters.office_id', '=', officeId);
  if (f.number) {
    const term = `%${escapeLike(f.number.toLowerCase())}%`;
    query = query.where((eb) => eb(eb.fn('lower', ['letters.number']), 'like', term));
  }
  if (f.applicant) {
    query = query.where('letters.search_text', 'like', `%${escapeLike(f.applicant.toLocaleLowerCase('id'))}%`);
  }
  if (f.serviceId) query = query.where('letters.service_id', '=', f.serviceId);
  if (f.status) query = query.where('letters.status', '=', f.status);
  if (f.ids) query = query.where('letters.id', 'in', f.ids.length ? f.ids : ['-']);
  if (f.signerRoles) query = query.where('letters.signer_role', 'in', f.signerRoles.length ? f.signerRoles : ['-']);
  if (f.from && f.fromUtc) {
    const [from, fromUtc] = [f.from, f.fromUtc];
    query = query.where((eb) => eb.or([eb('letters.issued_on', '>=', from), eb.and([eb('letters.issued_on', 'is', null), eb('letters.created_at', '>=', fromUtc)])]));
  }
  if (f.to && f.toUtc) {
    const [to, toUtc] = [f.to, f.toUtc];
    query = query.where((eb) => eb.or([eb('letters.issued_on', '<=', to), eb.and([eb('letters.issued_on', 'is', null), eb('letters.created_at', '<', toUtc)])]));
  }
  return query
    .orderBy('letters.created_at', 'desc')
    .orderBy('letters.id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute() as Promise<LetterListRow[]>;
}

const escapeLike = (s: string) => s.replace(/[%_]/g, '');

/** The register of outgoing letters (agenda surat keluar): numbered letters in number order. */
export async function registerRows(q: Q, officeId: string, from: string, to: string) {
  return q
    .selectFrom('letters')
    .innerJoin('applications', 'applications.id', 'letters.application_id')
    .select([
      'letters.id',
      'letters.number',
      'letters.number_seq',
      'letters.counter',
      'letters.numbered_at',
      'letters.issued_on',
      'letters.letter_type',
      'letters.title',
      'letters.subject',
      'letters.holder_name',
      'letters.service_id',
      'letters.status',
      'letters.signer',
      'letters.sha256',
      'letters.valid_until',
      'letters.revocation_reason',
      'applications.registration_number',
    ])
    .where('letters.office_id', '=', officeId)
    .where('letters.number', 'is not', null)
    .where('letters.numbered_at', '>=', from)
    .where('letters.numbered_at', '<', to)
    .orderBy('letters.numbered_at', 'asc')
    .orderBy('letters.number_seq', 'asc')
    .execute();
}

/* ---------- delegations ---------- */

export async function insertDelegation(q: Q, row: LetterDelegationsTable): Promise<void> {
  await q.insertInto('letter_delegations').values(row).execute();
}

/** Delegations to `userId` in force on `today` (office-local date). */
export async function activeDelegationsTo(q: Q, officeId: string, userId: string, today: string): Promise<LetterDelegationsTable[]> {
  return q
    .selectFrom('letter_delegations')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('to_user', '=', userId)
    .where('revoked_at', 'is', null)
    .where('starts_on', '<=', today)
    .where('ends_on', '>=', today)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function delegationsOf(q: Q, officeId: string) {
  return q
    .selectFrom('letter_delegations')
    .innerJoin('staff_users as f', 'f.id', 'letter_delegations.from_user')
    .innerJoin('staff_users as t', 't.id', 'letter_delegations.to_user')
    .selectAll('letter_delegations')
    .select(['f.display_name as from_name', 't.display_name as to_name', 't.username as to_username'])
    .where('letter_delegations.office_id', '=', officeId)
    .orderBy('letter_delegations.created_at', 'desc')
    .limit(200)
    .execute();
}

export async function revokeDelegation(q: Q, officeId: string, id: string, at: string): Promise<boolean> {
  const r = await q.updateTable('letter_delegations').set({ revoked_at: at }).where('office_id', '=', officeId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function staffOfOffice(q: Q, officeId: string) {
  return q.selectFrom('staff_users').select(['id', 'username', 'display_name', 'roles', 'title', 'nip', 'rank', 'active']).where('office_id', '=', officeId).orderBy('username').execute();
}

export async function staffById(q: Q, id: string) {
  return q.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Decision-like events of a case, newest first (for decision.* fields). */
export async function decisionEvents(q: Q, applicationId: string) {
  return q
    .selectFrom('application_events')
    .select(['step_id', 'outcome', 'note', 'actor_name', 'data', 'at'])
    .where('application_id', '=', applicationId)
    .where('type', 'in', ['step-completed', 'closed:rejected', 'closed:completed', 'returned'])
    .orderBy('seq', 'desc')
    .limit(50)
    .execute();
}
