/**
 * All SQL about letters: the letters, their events, delegations of signing, and the register.
 * Rows are decoded here (JSON columns parsed, status narrowed) and encoded on the way back, so
 * use cases never parse.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { FieldSet } from '../domain/letters/fields.js';
import { isLetterStatus, type LetterStatus } from '../domain/letters/status.js';
import type { DB, StaffUsersTable } from './schema.js';
import type { LetterDelegationsTable, LettersTable } from './schema-letters.js';
import { findUserByUsername, toStaff, type StaffUser } from './staff-repo.js';
import { updateIfVersion } from './versioned.js';
import { insertAuditEvent } from './audit-chain-repo.js';

type Q = Kysely<DB> | Transaction<DB>;

/* ---------- letters ---------- */

/** Who signed a letter, as printed on it (a.n./Plt. when a deputy signed). */
export interface SignerRecord {
  name: string;
  title: string;
  rank: string | null;
  nip: string | null;
  /** Printed lines above the signature. */
  position: string[];
  delegation: { id: string; kind: string; onBehalfOf: string } | null;
}

/** The service product's validity, copied into the letter when it was drafted. */
export interface LetterValidity {
  value: number;
  unit: string;
  text: string;
}

/** A letter with its JSON columns decoded and its status narrowed. */
export interface Letter extends Omit<LettersTable, 'status' | 'signer' | 'fields' | 'validity'> {
  status: LetterStatus;
  signer: SignerRecord | null;
  fields: FieldSet;
  validity: LetterValidity | null;
}

const statusOf = (id: string, s: string): LetterStatus => {
  if (!isLetterStatus(s)) throw new Error(`letter ${id} has an unknown status "${s}"`);
  return s;
};

export function toLetter(r: LettersTable): Letter {
  return {
    ...r,
    status: statusOf(r.id, r.status),
    signer: r.signer ? (JSON.parse(r.signer) as SignerRecord) : null,
    fields: JSON.parse(r.fields) as FieldSet,
    validity: r.validity ? (JSON.parse(r.validity) as LetterValidity) : null,
  };
}

/** What a letter is written with; JSON columns are encoded here. */
export type LetterChanges = Partial<Omit<Letter, 'id' | 'version'>>;

function encode(set: LetterChanges): Partial<LettersTable> {
  const { signer, fields, validity, ...rest } = set;
  return {
    ...rest,
    ...(signer !== undefined ? { signer: signer && JSON.stringify(signer) } : {}),
    ...(fields !== undefined ? { fields: JSON.stringify(fields) } : {}),
    ...(validity !== undefined ? { validity: validity && JSON.stringify(validity) } : {}),
  };
}

export async function insertLetter(q: Q, letter: Letter): Promise<void> {
  const { signer, fields, validity } = letter;
  const row: LettersTable = { ...letter, signer: signer && JSON.stringify(signer), fields: JSON.stringify(fields), validity: validity && JSON.stringify(validity) };
  await q.insertInto('letters').values(row).execute();
}

/** The one optimistic update (db/versioned.ts): only if nobody changed the letter since `version`. */
export function updateLetterIfVersion(q: Q, id: string, version: number, set: LetterChanges): Promise<boolean> {
  return updateIfVersion(q, 'letters', id, version, encode(set));
}

export async function lettersOfApplication(q: Q, applicationId: string): Promise<Letter[]> {
  return (await q.selectFrom('letters').selectAll().where('application_id', '=', applicationId).orderBy('created_at', 'asc').orderBy('id', 'asc').execute()).map(toLetter);
}

export async function findLetter(q: Q, officeId: string, id: string): Promise<Letter | undefined> {
  const r = await q.selectFrom('letters').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toLetter(r);
}

export async function findLetterByNumber(q: Q, officeId: string, number: string): Promise<Letter | undefined> {
  const r = await q.selectFrom('letters').selectAll().where('office_id', '=', officeId).where('number', '=', number).executeTakeFirst();
  return r && toLetter(r);
}

export async function findLettersByIds(q: Q, officeId: string, ids: string[]): Promise<Letter[]> {
  if (ids.length === 0) return [];
  return (await q.selectFrom('letters').selectAll().where('office_id', '=', officeId).where('id', 'in', ids).execute()).map(toLetter);
}

export async function findLetterByToken(q: Q, token: string): Promise<Letter | undefined> {
  const r = await q.selectFrom('letters').selectAll().where('token', '=', token).executeTakeFirst();
  return r && toLetter(r);
}

/* ---------- events and audit ---------- */

export async function insertLetterEvent(q: Q, e: { letterId: string; officeId: string; type: string; actorId: string | null; actorName: string; data?: Record<string, unknown>; at: string }): Promise<void> {
  await q
    .insertInto('letter_events')
    .values({ id: randomUUID(), letter_id: e.letterId, office_id: e.officeId, type: e.type, actor_id: e.actorId, actor_name: e.actorName, data: JSON.stringify(e.data ?? {}), at: e.at })
    .execute();
}

export interface LetterEvent {
  type: string;
  actor: string;
  at: string;
  data: Record<string, unknown>;
}

/** A letter's history, oldest first. */
export async function letterEvents(q: Q, letterId: string): Promise<LetterEvent[]> {
  const rows = await q.selectFrom('letter_events').select(['type', 'actor_name', 'at', 'data']).where('letter_id', '=', letterId).orderBy('seq', 'asc').execute();
  return rows.map((e) => ({ type: e.type, actor: e.actor_name, at: e.at, data: JSON.parse(e.data) as Record<string, unknown> }));
}

export async function insertAudit(q: Q, a: { officeId: string; actor: string; action: string; subject: string; detail: Record<string, unknown>; at: string }): Promise<void> {
  await insertAuditEvent(q, a);
}

/* ---------- the archive and the register ---------- */

export interface LetterFilter {
  number?: string;
  applicant?: string;
  serviceId?: string;
  status?: LetterStatus;
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
  Letter,
  'id' | 'application_id' | 'service_id' | 'kind' | 'letter_type' | 'status' | 'number' | 'title' | 'subject' | 'holder_name' | 'issued_on' | 'valid_until' | 'signer_role' | 'created_at'
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
      'letters.signer_role',
      'letters.created_at',
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
  const rows = await query.orderBy('letters.created_at', 'desc').orderBy('letters.id', 'desc').limit(opts.limit).offset(opts.offset ?? 0).execute();
  return rows.map((r) => ({ ...r, status: statusOf(r.id, r.status) }));
}

const escapeLike = (s: string) => s.replace(/[%_]/g, '');

/** Draft letters whose case has an open task of one of `roles` (the caller checks the step kind). */
export async function draftsAtOpenTasks(q: Q, officeId: string, roles: string[], limit: number) {
  return q
    .selectFrom('letters')
    .innerJoin('tasks', (j) => j.onRef('tasks.application_id', '=', 'letters.application_id').on('tasks.status', '=', 'open'))
    .innerJoin('applications', 'applications.id', 'letters.application_id')
    .select(['letters.id', 'tasks.step_id', 'applications.service_version_id'])
    .where('letters.office_id', '=', officeId)
    .where('letters.status', '=', 'draft')
    .where('tasks.role', 'in', roles)
    .limit(limit)
    .execute();
}

/** The register of outgoing letters (agenda surat keluar): numbered letters in number order. */
export async function registerRows(q: Q, officeId: string, from: string, to: string) {
  const rows = await q
    .selectFrom('letters')
    .innerJoin('applications', 'applications.id', 'letters.application_id')
    .select([
      'letters.id',
      'letters.number',
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
  return rows.map((r) => ({ ...r, status: statusOf(r.id, r.status), signer: r.signer ? (JSON.parse(r.signer) as SignerRecord) : null }));
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

export async function findDelegation(q: Q, officeId: string, id: string): Promise<LetterDelegationsTable | undefined> {
  return q.selectFrom('letter_delegations').selectAll().where('id', '=', id).where('office_id', '=', officeId).executeTakeFirst();
}

/** A delegation as listed: who delegated to whom, with their names. */
export interface Delegation {
  id: string;
  role: string;
  fromName: string;
  toName: string;
  toUsername: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  endedAt: string | null;
}

/** The office's latest delegations, newest first. */
export async function delegationsOf(q: Q, officeId: string): Promise<Delegation[]> {
  const rows = await q
    .selectFrom('letter_delegations')
    .innerJoin('staff_users as f', 'f.id', 'letter_delegations.from_user')
    .innerJoin('staff_users as t', 't.id', 'letter_delegations.to_user')
    .selectAll('letter_delegations')
    .select(['f.display_name as from_name', 't.display_name as to_name', 't.username as to_username'])
    .where('letter_delegations.office_id', '=', officeId)
    .orderBy('letter_delegations.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((d) => ({ id: d.id, role: d.role, fromName: d.from_name, toName: d.to_name, toUsername: d.to_username, kind: d.kind, startsOn: d.starts_on, endsOn: d.ends_on, reason: d.reason, endedAt: d.revoked_at }));
}

export async function revokeDelegation(q: Q, officeId: string, id: string, at: string): Promise<boolean> {
  const r = await q.updateTable('letter_delegations').set({ revoked_at: at }).where('office_id', '=', officeId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/* ---------- staff, as signers and deputies ---------- */

export type StaffMember = StaffUser & { active: boolean };

const toMember = (r: StaffUsersTable): StaffMember => ({ ...toStaff(r), active: r.active === 1 });

export async function staffById(q: Q, id: string): Promise<StaffMember | undefined> {
  const r = await q.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toMember(r);
}

/** A staff member named by account id or by username. */
export async function staffByIdOrUsername(db: Kysely<DB>, ref: string): Promise<StaffMember | undefined> {
  const byId = await staffById(db, ref);
  if (byId) return byId;
  const r = await findUserByUsername(db, ref.toLowerCase());
  return r && toMember(r);
}

/** The office's active accounts, by username. */
export async function activeStaffOfOffice(q: Q, officeId: string): Promise<StaffMember[]> {
  const rows = await q.selectFrom('staff_users').selectAll().where('office_id', '=', officeId).where('active', '=', 1).orderBy('username').execute();
  return rows.map(toMember);
}

/* ---------- the case's decisions, for decision.* fields ---------- */

export interface DecisionEvent {
  stepId: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  note: string | null;
  actorName: string;
  at: string;
}

/** Decision-like events of a case, newest first. */
export async function decisionEvents(q: Q, applicationId: string): Promise<DecisionEvent[]> {
  const rows = await q
    .selectFrom('application_events')
    .select(['step_id', 'outcome', 'note', 'actor_name', 'data', 'at'])
    .where('application_id', '=', applicationId)
    .where('type', 'in', ['step-completed', 'closed:rejected', 'closed:completed', 'returned'])
    .orderBy('seq', 'desc')
    .limit(50)
    .execute();
  return rows.map((e) => ({ stepId: e.step_id, outcome: e.outcome, outcomeLabel: (JSON.parse(e.data) as { outcomeLabel?: string }).outcomeLabel ?? null, note: e.note, actorName: e.actor_name, at: e.at }));
}
