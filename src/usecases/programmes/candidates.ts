/** What the candidate use cases share: a new candidate row (pending verification) and the one look-up of a round's candidate. */
import { randomUUID } from 'node:crypto';
import { findCandidate, findRound, type Candidate, type Round } from '../../db/programmes-repo.js';
import type { ProgrammeCandidatesTable } from '../../db/schema-programmes.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Check, Screening } from '../../domain/programmes/eligibility.js';
import type { Actor, Ctx } from '../context.js';
import { officeOf } from './programmes-of.js';

type Person = Pick<ProgrammeCandidatesTable, 'nik' | 'kk' | 'name' | 'birth_date' | 'sex' | 'village' | 'district' | 'address'>;

export function newCandidateRow(p: Person & { roundId: string; officeId: string; category: string; source: string; note: string | null; screening: { result: Screening; checks: Check[] }; now: string }): ProgrammeCandidatesTable {
  return {
    id: randomUUID(),
    round_id: p.roundId,
    office_id: p.officeId,
    nik: p.nik,
    kk: p.kk,
    name: p.name,
    birth_date: p.birth_date,
    sex: p.sex,
    village: p.village,
    district: p.district,
    address: p.address,
    category: p.category,
    source: p.source,
    source_note: p.note,
    screening: p.screening.result,
    checks: JSON.stringify(p.screening.checks),
    verification: 'pending',
    reason: null,
    verified_at: null,
    verified_by: null,
    verified_by_name: null,
    verified_role: null,
    created_at: p.now,
    version: 1,
  };
}

/** A candidate of a round of the officer's office, or the one "not found". */
export async function roundCandidate(ctx: Ctx, actor: Actor, roundId: string, candidateId: string): Promise<Outcome<{ officeId: string; round: Round; candidate: Candidate }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const round = await findRound(ctx.database.db, officeId.value, roundId);
  const candidate = round && (await findCandidate(ctx.database.db, officeId.value, round.id, candidateId));
  if (!round || !candidate) return failWith('not-found', 'candidate-not-found', 'Calon penerima tidak ditemukan', 'Candidate not found');
  return { ok: true, value: { officeId: officeId.value, round, candidate } };
}
