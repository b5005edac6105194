/**
 * All SQL of the programmes capability: rounds, candidates, the verification history and the
 * round's documents; row mappers decode JSON columns and narrow status columns.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Check } from '../domain/programmes/eligibility.js';
import type { Programme } from '../domain/programmes/schema.js';
import { CANDIDATE_VERIFICATIONS, ROUND_STATUSES, type CandidateVerification, type DocumentKind, type DocumentPerson, type RoundStatus } from '../domain/programmes/rounds.js';
import type { DB } from './schema.js';
import type { ProgrammeCandidatesTable, ProgrammeDocumentsTable, ProgrammeRoundsTable, ProgrammeVerificationsTable } from './schema-programmes.js';
import { updateIfVersion } from './versioned.js';

type Q = Kysely<DB> | Transaction<DB>;

export type Round = Omit<ProgrammeRoundsTable, 'programme' | 'status'> & { programme: Programme; status: RoundStatus };
export type Candidate = Omit<ProgrammeCandidatesTable, 'checks' | 'verification'> & { checks: Check[]; verification: CandidateVerification };
export type ProgrammeDocument = Omit<ProgrammeDocumentsTable, 'people' | 'signer' | 'kind'> & { kind: DocumentKind; people: DocumentPerson[]; signer: { name: string; title: string; position: string[]; nip: string | null; rank: string | null } };

const narrow = <T extends string>(all: readonly T[], v: string, what: string): T => {
  if (!(all as readonly string[]).includes(v)) throw new Error(`unknown ${what}: ${v}`);
  return v as T;
};

const toRound = (r: ProgrammeRoundsTable): Round => ({ ...r, programme: JSON.parse(r.programme) as Programme, status: narrow(ROUND_STATUSES, r.status, 'round status') });
const toCandidate = (r: ProgrammeCandidatesTable): Candidate => ({ ...r, checks: JSON.parse(r.checks) as Check[], verification: narrow(CANDIDATE_VERIFICATIONS, r.verification, 'verification') });
const toDocument = (r: ProgrammeDocumentsTable): ProgrammeDocument => ({ ...r, kind: r.kind as DocumentKind, people: JSON.parse(r.people) as DocumentPerson[], signer: JSON.parse(r.signer) as ProgrammeDocument['signer'] });

/* ---------- rounds ---------- */

export async function insertRound(q: Q, r: ProgrammeRoundsTable): Promise<void> {
  await q.insertInto('programme_rounds').values(r).execute();
}

export async function findRound(q: Q, officeId: string, id: string): Promise<Round | undefined> {
  const r = await q.selectFrom('programme_rounds').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  return r && toRound(r);
}

export async function findRoundByStage(q: Q, officeId: string, slug: string, period: string, stage: string): Promise<Round | undefined> {
  const r = await q
    .selectFrom('programme_rounds')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('programme_slug', '=', slug)
    .where('period', '=', period)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return r && toRound(r);
}

/** A programme's rounds, newest first, without their frozen programme text. */
export async function roundsOf(q: Q, officeId: string, slug: string, limit: number) {
  return q
    .selectFrom('programme_rounds')
    .select(['id', 'period', 'stage', 'status', 'reference_date', 'created_at'])
    .where('office_id', '=', officeId)
    .where('programme_slug', '=', slug)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

export function updateRoundIfVersion(q: Q, id: string, version: number, set: Partial<ProgrammeRoundsTable>): Promise<boolean> {
  return updateIfVersion(q, 'programme_rounds', id, version, set);
}

/* ---------- candidates ---------- */

/** Inserts candidates in batches (a round is bounded by MAX_CANDIDATES). */
export async function insertCandidates(q: Q, rows: ProgrammeCandidatesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await q.insertInto('programme_candidates').values(rows.slice(i, i + 200)).execute();
}

export async function candidateNiks(q: Q, roundId: string): Promise<Set<string>> {
  const rows = await q.selectFrom('programme_candidates').select('nik').where('round_id', '=', roundId).execute();
  return new Set(rows.map((r) => r.nik));
}

export interface CandidateFilter {
  verification?: CandidateVerification;
  /** Upper-case name prefix. */
  name?: string;
}

export async function candidatesPage(q: Q, roundId: string, f: CandidateFilter, opts: { limit: number; offset: number }): Promise<Candidate[]> {
  let s = q.selectFrom('programme_candidates').selectAll().where('round_id', '=', roundId);
  if (f.verification) s = s.where('verification', '=', f.verification);
  if (f.name) s = s.where('name', 'like', `${f.name.replace(/[%_\\]/g, '')}%`);
  const rows = await s.orderBy('name').orderBy('id').limit(opts.limit).offset(opts.offset).execute();
  return rows.map(toCandidate);
}

/** Every candidate of a round, for its documents (a round is bounded by MAX_CANDIDATES). */
export async function candidatesOfRound(q: Q, roundId: string, limit: number): Promise<Candidate[]> {
  const rows = await q.selectFrom('programme_candidates').selectAll().where('round_id', '=', roundId).orderBy('name').orderBy('id').limit(limit).execute();
  return rows.map(toCandidate);
}

export async function candidateCounts(q: Q, roundId: string): Promise<Record<CandidateVerification, number>> {
  const rows = await q
    .selectFrom('programme_candidates')
    .select(['verification', (eb) => eb.fn.countAll<number>().as('n')])
    .where('round_id', '=', roundId)
    .groupBy('verification')
    .execute();
  const out: Record<CandidateVerification, number> = { pending: 0, eligible: 0, ineligible: 0 };
  for (const r of rows) out[narrow(CANDIDATE_VERIFICATIONS, r.verification, 'verification')] = Number(r.n);
  return out;
}

export async function findCandidate(q: Q, officeId: string, roundId: string, id: string): Promise<Candidate | undefined> {
  const r = await q.selectFrom('programme_candidates').selectAll().where('office_id', '=', officeId).where('round_id', '=', roundId).where('id', '=', id).executeTakeFirst();
  return r && toCandidate(r);
}

export function updateCandidateIfVersion(q: Q, id: string, version: number, set: Partial<ProgrammeCandidatesTable>): Promise<boolean> {
  return updateIfVersion(q, 'programme_candidates', id, version, set);
}

/**
 * People a berita acara of the programme's period marked ineligible, among the given NIKs: whoever
 * one verification team refused stays out of every SK of that period.
 */
export async function refusedInPeriod(q: Q, officeId: string, slug: string, period: string, niks: string[]) {
  if (niks.length === 0) return [];
  return q
    .selectFrom('programme_candidates as c')
    .innerJoin('programme_rounds as r', 'r.id', 'c.round_id')
    .innerJoin('programme_documents as d', (j) => j.onRef('d.round_id', '=', 'c.round_id').on('d.kind', '=', 'berita-acara'))
    .select(['c.nik', 'c.name', 'c.reason', 'r.stage', 'd.number'])
    .where('r.office_id', '=', officeId)
    .where('r.programme_slug', '=', slug)
    .where('r.period', '=', period)
    .where('c.verification', '=', 'ineligible')
    .where('c.nik', 'in', niks)
    .orderBy('c.name')
    .execute();
}

/** Applicants of a service's cases still with the office or decided in their favour, oldest first, for a round's draw. */
export async function applicantsOfService(q: Q, officeId: string, serviceId: string, statuses: readonly string[], limit: number) {
  return q
    .selectFrom('applications')
    .select(['id', 'registration_number', 'applicant_nik', 'applicant_name', 'answers'])
    .where('office_id', '=', officeId)
    .where('service_id', '=', serviceId)
    .where('status', 'in', statuses)
    .where('applicant_nik', 'is not', null)
    .orderBy('submitted_at')
    .limit(limit)
    .execute();
}

export async function insertVerification(q: Q, v: Omit<ProgrammeVerificationsTable, 'seq'>): Promise<void> {
  await q.insertInto('programme_verifications').values(v).execute();
}

export async function verificationsOf(q: Q, candidateId: string, limit: number) {
  return q.selectFrom('programme_verifications').select(['result', 'reason', 'actor_name', 'role', 'at']).where('candidate_id', '=', candidateId).orderBy('seq', 'desc').limit(limit).execute();
}

/* ---------- documents ---------- */

export async function insertDocument(q: Q, d: ProgrammeDocumentsTable): Promise<void> {
  await q.insertInto('programme_documents').values(d).execute();
}

export async function documentsOfRound(q: Q, roundId: string): Promise<ProgrammeDocument[]> {
  const rows = await q.selectFrom('programme_documents').selectAll().where('round_id', '=', roundId).orderBy('created_at').execute();
  return rows.map(toDocument);
}

export async function documentByToken(q: Q, token: string): Promise<ProgrammeDocument | undefined> {
  const r = await q.selectFrom('programme_documents').selectAll().where('token', '=', token).executeTakeFirst();
  return r && toDocument(r);
}
