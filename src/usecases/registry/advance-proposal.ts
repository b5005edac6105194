/**
 * A proposal service's own steps open and move its proposal (usulan DTKS/DTSEN, PBI-JK): opened at
 * the service's opening step, moved at the marked steps, the SIKS-NG reference recorded at the
 * finalisation step (src/domain/registry/proposals.ts reads the service's profile). Runs inside the
 * transaction that completes the step (the registry-proposals step effect, effects.ts).
 */
import type { Transaction } from 'kysely';
import { insertProposal, insertProposalEvent, newProposal, proposalByApplication, updateProposalIfVersion, type Proposal } from '../../db/registry-repo.js';
import type { DB } from '../../db/schema.js';
import type { Problem } from '../../domain/errors.js';
import { canMove, checkReference, profileOf, stageMarked } from '../../domain/registry/proposals.js';
import type { StepEffectInput } from '../step-effects.js';

/** Opens or moves the case's proposal for the step just completed; what it did goes into the step's event. */
export async function advanceFromStep(input: StepEffectInput & { trx: Transaction<DB> }): Promise<Record<string, unknown> | void> {
  const { app, step, outcome, trx, actor, now, data } = input;
  const profile = profileOf(input.service);
  if (!profile) return;
  let p = await proposalByApplication(trx, app.id);
  const events: string[] = [];
  if (!p && step.id === profile.opensAt.step && (profile.opensAt.outcomes ? profile.opensAt.outcomes.includes(outcome.id) : outcome.kind === 'forward')) {
    if (!app.applicant_nik) return { registryProposal: { opened: false, reason: 'NIK pemohon tidak ada; usulan dicatat manual di halaman usulan' } };
    const applicant = JSON.parse(app.applicant) as { kk?: string | null };
    const opened = newProposal({ officeId: app.office_id, applicationId: app.id, serviceId: app.service_id, kind: profile.kind, nik: app.applicant_nik, kk: applicant.kk ?? null, name: app.applicant_name, openedAt: now });
    await insertProposal(trx, opened);
    await insertProposalEvent(trx, opened, { type: 'opened', stage: 'intake', actor, data: { step: step.id, registrationNumber: app.registration_number }, at: now });
    p = opened;
    events.push('opened');
  }
  if (!p) return;
  const set: Partial<Pick<Proposal, 'stage' | 'siksngReference' | 'ministryReference'>> = {};
  if (profile.siksngStep === step.id && outcome.kind === 'forward') {
    const ref = checkReference(data.siksngReference ?? data.reference);
    if (ref) set.siksngReference = ref;
  }
  if (profile.ministryStep?.step === step.id) {
    const ref = checkReference(data.reference);
    if (ref) set.ministryReference = ref;
  }
  const stage = stageMarked(profile, step.id, outcome.id);
  if (stage && canMove(p.stage, stage)) set.stage = stage;
  if (!Object.keys(set).length) return { registryProposal: { id: p.id, stage: p.stage, events } };
  const ok = await updateProposalIfVersion(trx, p.id, p.version, { ...set, updatedAt: now });
  if (!ok) throw new Error('proposal changed concurrently');
  await insertProposalEvent(trx, p, {
    type: set.stage ? 'stage' : 'reference',
    stage: set.stage ?? p.stage,
    actor,
    note: input.note?.trim() || null,
    data: { step: step.id, outcome: outcome.id, ...(set.siksngReference ? { siksngReference: set.siksngReference } : {}), ...(set.ministryReference ? { ministryReference: set.ministryReference } : {}) },
    at: now,
  });
  return { registryProposal: { id: p.id, stage: set.stage ?? p.stage, siksngReference: set.siksngReference ?? p.siksngReference, events: [...events, set.stage ? `stage:${set.stage}` : 'reference'] } };
}

/** Step check: a SIKS-NG reference given at the finalisation step must be well-formed. */
export function checkStepReference(input: StepEffectInput): Problem[] {
  const profile = profileOf(input.service);
  if (!profile || profile.siksngStep !== input.step.id) return [];
  const given = input.data.siksngReference;
  if (given !== undefined && given !== '' && !checkReference(given))
    return [{ code: 'siksng-reference-invalid', message: 'Nomor/ID usulan SIKS-NG harus 2–100 karakter', messageEn: 'The SIKS-NG proposal reference must be 2–100 characters' }];
  return [];
}
