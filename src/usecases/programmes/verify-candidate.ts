/**
 * Records a candidate's field verification by a role the decree names for the programme: eligible,
 * or ineligible with its reason. Each act is kept (a history: Pendamping PKH, then the Tim Verval);
 * the latest decides the berita acara. Optimistic on the candidate's version; audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertVerification, updateCandidateIfVersion } from '../../db/programmes-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { MAX_REASON } from '../../domain/programmes/rounds.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { roundCandidate } from './candidates.js';

export interface VerifyInput {
  result: 'eligible' | 'ineligible';
  reason?: string | null;
  /** The candidate's version the verifier saw. */
  version: number;
}

export async function verifyCandidate(ctx: Ctx, actor: Actor, roundId: string, candidateId: string, input: VerifyInput): Promise<Outcome<{ version: number }>> {
  const found = await roundCandidate(ctx, actor, roundId, candidateId);
  if (!found.ok) return found;
  const { officeId, round, candidate } = found.value;
  const role = round.programme.verification.roles.find((r) => actor.roles.includes(r));
  if (!role)
    return failWith('forbidden', 'verifier-role-required', `Verifikasi program ini dilakukan oleh peran yang disebut keputusan: "${round.programme.verification.text}"`, `This programme is verified by the roles its decree names: "${round.programme.verification.text}"`);
  if (round.status !== 'verifying')
    return failWith('conflict', 'round-closed', 'Berita acara putaran ini sudah terbit; hasil verifikasi tidak dapat diubah', "This round's report is issued; its verification cannot change");
  const reason = input.reason?.trim() || null;
  if (input.result === 'ineligible' && !reason)
    return failWith('invalid', 'reason-required', 'Tuliskan alasan calon tidak memenuhi syarat', 'Write why the candidate is ineligible', 'reason');
  if (reason && reason.length > MAX_REASON) return failWith('invalid', 'reason-too-long', `Alasan paling banyak ${MAX_REASON} karakter`, `The reason is at most ${MAX_REASON} characters`, 'reason');
  const now = nowOf(ctx).toISOString();
  let moved = false;
  await ctx.database.write(async (trx) => {
    moved = await updateCandidateIfVersion(trx, candidate.id, input.version, { verification: input.result, reason, verified_at: now, verified_by: actor.id, verified_by_name: actor.name, verified_role: role });
    if (!moved) return;
    await insertVerification(trx, { id: randomUUID(), candidate_id: candidate.id, round_id: round.id, office_id: officeId, result: input.result, reason, actor_id: actor.id, actor_name: actor.name, role, at: now });
    await insertAuditEvent(trx, { officeId: officeId, actor: actor.name, action: 'programme-candidate-verified', subject: `programme-candidate:${candidate.id}`, detail: { round: round.id, result: input.result, reason, role }, at: now });
  });
  if (!moved) return failWith('conflict', 'candidate-changed', 'Calon ini baru saja diverifikasi petugas lain; muat ulang halaman dan periksa hasilnya', 'Another officer just verified this candidate; reload the page and check the result');
  return { ok: true, value: { version: input.version + 1 } };
}
