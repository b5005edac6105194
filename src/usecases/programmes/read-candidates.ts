/**
 * Reading a round's candidates: a bounded page (names, village, category; NIK masked) and one
 * candidate in full for the roles that verify or manage the programme. Every read of personal data
 * is logged with its purpose before it is answered.
 */
import { candidateCounts, candidatesPage, documentsOfRound, findRound, verificationsOf, type Candidate, type CandidateFilter, type ProgrammeDocument, type Round } from '../../db/programmes-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import { PAGE_SIZE, type CandidateVerification } from '../../domain/programmes/rounds.js';
import { may } from '../../domain/staff/permissions.js';
import { logDataRead, logDataReads } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { roundCandidate } from './candidates.js';
import { officeOf } from './programmes-of.js';

export interface RoundView {
  round: Round;
  counts: Record<CandidateVerification, number>;
  documents: ProgrammeDocument[];
  candidates: Candidate[];
  page: number;
  more: boolean;
}

const masked = (c: Candidate): Candidate => ({ ...c, nik: maskNik(c.nik), kk: null, address: null, birth_date: c.birth_date ? `${c.birth_date.slice(0, 4)}` : null });

export async function showRound(ctx: Ctx, actor: Actor, roundId: string, filter: CandidateFilter, page: number): Promise<Outcome<RoundView>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const round = await findRound(db, officeId.value, roundId);
  if (!round) return failWith('not-found', 'round-not-found', 'Putaran program tidak ditemukan', 'Programme round not found');
  const rows = await candidatesPage(db, round.id, filter, { limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE });
  const candidates = rows.slice(0, PAGE_SIZE);
  await logDataReads(ctx, actor, candidates.map((c) => ({ officeId: officeId.value, recordKind: 'programme-candidate' as const, recordId: c.id, subjectNik: c.nik, purpose: 'programme-verification' as const, fields: ['name', 'village', 'category'] })));
  return { ok: true, value: { round, counts: await candidateCounts(db, round.id), documents: await documentsOfRound(db, round.id), candidates: candidates.map(masked), page, more: rows.length > PAGE_SIZE } };
}

export interface CandidateView {
  round: Round;
  candidate: Candidate;
  history: Awaited<ReturnType<typeof verificationsOf>>;
  /** The officer verifies this programme (holds one of its verification roles). */
  verifies: boolean;
}

export async function showCandidate(ctx: Ctx, actor: Actor, roundId: string, candidateId: string): Promise<Outcome<CandidateView>> {
  const found = await roundCandidate(ctx, actor, roundId, candidateId);
  if (!found.ok) return found;
  const { officeId, round, candidate } = found.value;
  const db = ctx.database.db;
  const verifies = round.programme.verification.roles.some((r) => actor.roles.includes(r));
  const full = verifies || may(actor.roles, 'programmes.manage');
  await logDataRead(ctx, actor, { officeId, recordKind: 'programme-candidate', recordId: candidate.id, subjectNik: candidate.nik, purpose: 'programme-verification', fields: full ? ['nik', 'kk', 'name', 'birthDate', 'address', 'checks'] : ['name', 'village', 'checks'] });
  return { ok: true, value: { round, candidate: full ? candidate : masked(candidate), history: await verificationsOf(db, candidate.id, 20), verifies } };
}
