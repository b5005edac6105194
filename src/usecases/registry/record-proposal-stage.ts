/**
 * Records a stage on the proposal page: the field survey, the operator's finalisation in SIKS-NG
 * (with its reference), the ministry's decision, or "not proposed". Stages only move forward; the
 * write is conditional on the version the officer saw; the case gets an event too.
 */
import { insertEvent } from '../../db/applications-repo.js';
import { findProposal, insertProposalEvent, updateProposalIfVersion, type Proposal } from '../../db/registry-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { canRecordProposal } from '../../domain/registry/access.js';
import { canMove, checkReference, STAGE_LABEL, type RecordableStage } from '../../domain/registry/proposals.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export interface RecordStageInput {
  stage: RecordableStage;
  siksngReference?: string;
  ministryReference?: string;
  note?: string;
  version: number;
}

export async function recordProposalStage(ctx: Ctx, actor: Actor, id: string, input: RecordStageInput): Promise<Outcome<Proposal>> {
  if (!actor.officeId || !canRecordProposal(actor.roles)) return failWith('forbidden', 'role-required', 'Peran Anda tidak dapat mencatat tahap usulan', 'Your role cannot record proposal stages');
  const p = await findProposal(ctx.database.db, actor.officeId, id);
  if (!p) return failWith('not-found', 'proposal-not-found', 'Usulan tidak ditemukan', 'Proposal not found');
  const { stage } = input;
  if (!canMove(p.stage, stage))
    return failWith(
      'conflict',
      'stage-not-allowed',
      `Usulan sudah pada tahap "${STAGE_LABEL[p.stage][0]}"; tahap "${STAGE_LABEL[stage][0]}" tidak dapat dicatat`,
      `The proposal is already at "${STAGE_LABEL[p.stage][1]}"; "${STAGE_LABEL[stage][1]}" cannot be recorded`,
    );
  const set: Partial<Pick<Proposal, 'stage' | 'siksngReference' | 'ministryReference'>> = { stage };
  const siksng = input.siksngReference !== undefined && input.siksngReference !== '' ? checkReference(input.siksngReference) : null;
  if (input.siksngReference && !siksng) return failWith('invalid', 'siksng-reference-invalid', 'Nomor/ID usulan SIKS-NG harus 2–100 karakter', 'The SIKS-NG proposal reference must be 2–100 characters');
  if (siksng) set.siksngReference = siksng;
  if (stage === 'finalised' && !(siksng ?? p.siksngReference))
    return failWith('invalid', 'siksng-reference-required', 'Finalisasi di SIKS-NG wajib mencatat nomor/ID usulan SIKS-NG', 'Finalisation in SIKS-NG requires the SIKS-NG proposal reference');
  if ((stage === 'approved' || stage === 'rejected') && !(siksng ?? p.siksngReference))
    return failWith(
      'invalid',
      'siksng-reference-required',
      'Keputusan kementerian hanya dapat dicatat untuk usulan yang sudah difinalisasi di SIKS-NG (nomor/ID usulan)',
      'The ministry’s decision can only be recorded for a proposal finalised in SIKS-NG (its reference)',
    );
  const ministry = input.ministryReference ? checkReference(input.ministryReference) : null;
  if (input.ministryReference && !ministry) return failWith('invalid', 'reference-invalid', 'Nomor rujukan harus 2–100 karakter', 'The reference must be 2–100 characters');
  if (ministry) set.ministryReference = ministry;
  const note = input.note?.trim() || null;
  if ((stage === 'rejected' || stage === 'not-proposed') && (!note || note.length < 5))
    return failWith('invalid', 'reason-required', 'Alasan wajib ditulis (minimal 5 karakter)', 'A reason is required (at least 5 characters)');
  const now = nowOf(ctx).toISOString();
  const references = { siksngReference: set.siksngReference ?? null, ministryReference: set.ministryReference ?? null };
  const won = await ctx.database.write(async (trx) => {
    const ok = await updateProposalIfVersion(trx, p.id, input.version, { ...set, updatedAt: now });
    if (!ok) return false;
    await insertProposalEvent(trx, p, { type: 'stage', stage, actor, note, data: references, at: now });
    if (p.applicationId)
      await insertEvent(trx, {
        application_id: p.applicationId,
        office_id: p.officeId,
        type: 'registry-proposal',
        actor_id: actor.id,
        actor_name: actor.name,
        note: `Usulan: ${STAGE_LABEL[stage][0]}${set.siksngReference ? ` (SIKS-NG ${set.siksngReference})` : ''}${note ? ` — ${note}` : ''}`,
        data: { proposalId: p.id, stage, ...references },
        at: now,
      });
    return true;
  });
  if (!won) return failWith('conflict', 'conflict', 'Usulan sudah diubah petugas lain; muat ulang', 'Someone else changed the proposal; reload');
  return { ok: true, value: (await findProposal(ctx.database.db, actor.officeId, p.id))! };
}
