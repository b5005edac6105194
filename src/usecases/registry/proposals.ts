/**
 * Proposals (usulan DTKS/DTSEN, PBI-JK): opened and moved by the proposal services' own steps
 * (src/domain/registry/proposals.ts), or recorded on the proposal page by the operator when the
 * procedure does not have the step (Semarang SLRT ends at "diusulkan"); confirmed automatically by
 * the first imported snapshot that shows the person. Every change is a proposal event written in
 * the same transaction as the proposal row; the case gets an event too.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { findApplicationAnyOffice, insertEvent, openTaskFor } from '../../db/applications-repo.js';
import {
  findProposal,
  findSnapshot,
  insertProposal,
  insertProposalEvent,
  openProposals,
  proposalByApplication,
  rowByNik,
  updateProposalIfVersion,
} from '../../db/registry-repo.js';
import type { DB } from '../../db/schema.js';
import type { RegistryProposalsTable } from '../../db/schema-registry.js';
import type { Problem } from '../../domain/errors.js';
import { parseKk, parseNik } from '../../domain/identity/index.js';
import { canRecordProposal } from '../../domain/registry/access.js';
import { canMove, checkReference, confirms, profileOf, stageMarked, STAGE_LABEL, STAGES, type ProposalKind, type Stage } from '../../domain/registry/proposals.js';
import { serviceOfCase } from '../case-service.js';
import { completeTask } from '../complete-task.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import type { StepEffectInput } from '../step-effects.js';

type Trx = Transaction<DB>;

async function addEvent(trx: Trx, p: RegistryProposalsTable, type: string, stage: string, actor: { id: string | null; name: string }, note: string | null, data: Record<string, unknown>, at: string) {
  await insertProposalEvent(trx, { id: randomUUID(), proposal_id: p.id, office_id: p.office_id, type, stage, actor_id: actor.id, actor_name: actor.name, note, data: JSON.stringify(data), at });
}

/**
 * Step effect: opens the proposal at its service's opening step, moves it at the marked steps,
 * records the SIKS-NG reference at the finalisation step. Runs inside the step's transaction.
 */
export async function advanceFromStep(input: StepEffectInput & { trx: Trx }): Promise<Record<string, unknown> | void> {
  const { ctx, app, step, outcome, trx, actor, now, data } = input;
  const profile = profileOf(input.service);
  if (!profile) return;
  let p = await proposalByApplication(trx, app.id);
  const events: string[] = [];
  if (!p && step.id === profile.opensAt.step && (profile.opensAt.outcomes ? profile.opensAt.outcomes.includes(outcome.id) : outcome.kind === 'forward')) {
    if (!app.applicant_nik) return { registryProposal: { opened: false, reason: 'NIK pemohon tidak ada; usulan dicatat manual di halaman usulan' } };
    const applicant = JSON.parse(app.applicant) as { kk?: string | null };
    const row: RegistryProposalsTable = {
      id: randomUUID(),
      office_id: app.office_id,
      application_id: app.id,
      service_id: app.service_id,
      kind: profile.kind,
      nik: app.applicant_nik,
      kk: applicant.kk ?? null,
      name: app.applicant_name,
      stage: 'intake',
      siksng_reference: null,
      ministry_reference: null,
      confirmed_snapshot_id: null,
      confirmed_at: null,
      opened_at: now,
      updated_at: now,
      version: 1,
    };
    await insertProposal(trx, row);
    await addEvent(trx, row, 'opened', 'intake', actor, null, { step: step.id, registrationNumber: app.registration_number }, now);
    p = row;
    events.push('opened');
  }
  if (!p) return;
  const set: Partial<RegistryProposalsTable> = {};
  if (profile.siksngStep === step.id && outcome.kind === 'forward') {
    const ref = checkReference(data.siksngReference ?? data.reference);
    if (ref) set.siksng_reference = ref;
  }
  if (profile.ministryStep?.step === step.id) {
    const ref = checkReference(data.reference);
    if (ref) set.ministry_reference = ref;
  }
  const stage = stageMarked(profile, step.id, outcome.id);
  if (stage && canMove(p.stage as Stage, stage)) set.stage = stage;
  if (!Object.keys(set).length) return { registryProposal: { id: p.id, stage: p.stage, events } };
  const ok = await updateProposalIfVersion(trx, p.id, p.version, { ...set, updated_at: now });
  if (!ok) throw new Error('proposal changed concurrently');
  await addEvent(trx, p, set.stage ? 'stage' : 'reference', set.stage ?? p.stage, actor, input.note?.trim() || null, { step: step.id, outcome: outcome.id, ...(set.siksng_reference ? { siksngReference: set.siksng_reference } : {}), ...(set.ministry_reference ? { ministryReference: set.ministry_reference } : {}) }, now);
  return { registryProposal: { id: p.id, stage: set.stage ?? p.stage, siksngReference: set.siksng_reference ?? p.siksng_reference, events: [...events, set.stage ? `stage:${set.stage}` : 'reference'] } };
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

export const SYSTEM_ACTOR_NAME = 'Sigap (impor registri DTKS/DTSEN)';

/**
 * After a snapshot is published: every open proposal of the office whose person appears in it (for
 * PBI-JK: with the PBI flag) is confirmed; a case waiting on the ministry at the proposal's
 * ministry step is moved on with the snapshot as its reference; a closed case gets an event.
 */
export async function confirmProposals(ctx: Ctx, officeId: string, snapshotId: string): Promise<number> {
  const db = ctx.database.db;
  const snap = await findSnapshot(db, officeId, snapshotId);
  if (!snap || snap.status !== 'complete') return 0;
  let confirmed = 0;
  const reference = `DTKS/DTSEN periode ${snap.period} (impor ${snap.completed_at?.slice(0, 10) ?? ''}, SHA-256 ${snap.source_sha256.slice(0, 12)})`;
  for (const p of await openProposals(db, officeId)) {
    const row = await rowByNik(db, snap.table_name, p.nik);
    if (!confirms(p.kind as ProposalKind, row)) continue;
    // A case still waiting on the ministry moves on: the registry is the ministry's answer.
    if (p.application_id) {
      const app = await findApplicationAnyOffice(db, p.application_id);
      // The profile of the version the case runs on.
      const profile = app ? profileOf(await serviceOfCase(ctx, app.service_version_id)) : undefined;
      const task = app ? await openTaskFor(db, app.id) : undefined;
      if (app && task && profile?.ministryStep && task.step_id === profile.ministryStep.step && task.status === 'open' && !task.claimed_by) {
        await completeTask(
          ctx,
          { taskId: task.id, outcome: profile.ministryStep.approved, note: `Dikonfirmasi otomatis: tercantum di ${reference}`, data: { reference, registry: { confirmedBy: snap.id, period: snap.period } }, version: app.version },
          { id: null, name: SYSTEM_ACTOR_NAME, roles: [task.role], officeId },
        );
      }
    }
    const fresh = await findProposal(db, officeId, p.id);
    if (!fresh || !canMove(fresh.stage as Stage, 'confirmed')) continue;
    const now = nowOf(ctx).toISOString();
    const won = await ctx.database.write(async (trx) => {
      const ok = await updateProposalIfVersion(trx, fresh.id, fresh.version, { stage: 'confirmed', confirmed_snapshot_id: snap.id, confirmed_at: now, updated_at: now });
      if (!ok) return false;
      await addEvent(trx, fresh, 'confirmed', 'confirmed', { id: null, name: SYSTEM_ACTOR_NAME }, `Tercantum di ${reference}`, { snapshotId: snap.id, period: snap.period, pbi: row?.pbi ?? null, desil: row?.desil ?? null }, now);
      if (fresh.application_id)
        await insertEvent(trx, {
          id: randomUUID(),
          application_id: fresh.application_id,
          office_id: officeId,
          type: 'registry-confirmed',
          step_id: null,
          outcome: null,
          actor_id: null,
          actor_name: SYSTEM_ACTOR_NAME,
          note: `Usulan terkonfirmasi: tercantum di ${reference}`,
          data: JSON.stringify({ proposalId: fresh.id, snapshotId: snap.id, period: snap.period, kind: fresh.kind }),
          sla_effect: null,
          at: now,
        });
      return true;
    });
    if (won) confirmed++;
  }
  return confirmed;
}

export interface RecordInput {
  stage: string;
  siksngReference?: string;
  ministryReference?: string;
  note?: string;
  version: number;
}

export type ProposalResult = { ok: true; value: RegistryProposalsTable } | { ok: false; status: 403 | 404 | 409 | 422; problems: Problem[] };

const problem = (status: 403 | 404 | 409 | 422, code: string, message: string, messageEn: string): ProposalResult => ({ ok: false, status, problems: [{ code, message, messageEn }] });

/** Records a stage on the proposal page (the operator's SIKS-NG finalisation, the ministry's decision...). */
export async function recordProposalStage(ctx: Ctx, actor: Actor, id: string, input: RecordInput): Promise<ProposalResult> {
  if (!actor.officeId || !canRecordProposal(actor.roles)) return problem(403, 'role-required', 'Peran Anda tidak dapat mencatat tahap usulan', 'Your role cannot record proposal stages');
  const p = await findProposal(ctx.database.db, actor.officeId, id);
  if (!p) return problem(404, 'proposal-not-found', 'Usulan tidak ditemukan', 'Proposal not found');
  const stage = input.stage as Stage;
  if (!STAGES.includes(stage) || stage === 'confirmed' || stage === 'intake')
    return problem(422, 'stage-invalid', 'Tahap tidak dikenal (surveyed, finalised, approved, rejected, not-proposed)', 'Unknown stage (surveyed, finalised, approved, rejected, not-proposed)');
  if (!canMove(p.stage as Stage, stage))
    return problem(409, 'stage-not-allowed', `Usulan sudah pada tahap "${STAGE_LABEL[p.stage as Stage]?.[0] ?? p.stage}"; tahap "${STAGE_LABEL[stage][0]}" tidak dapat dicatat`, `The proposal is already at "${STAGE_LABEL[p.stage as Stage]?.[1] ?? p.stage}"; "${STAGE_LABEL[stage][1]}" cannot be recorded`);
  const set: Partial<RegistryProposalsTable> = { stage };
  const siksng = input.siksngReference !== undefined && input.siksngReference !== '' ? checkReference(input.siksngReference) : null;
  if (input.siksngReference && !siksng) return problem(422, 'siksng-reference-invalid', 'Nomor/ID usulan SIKS-NG harus 2–100 karakter', 'The SIKS-NG proposal reference must be 2–100 characters');
  if (siksng) set.siksng_reference = siksng;
  if (stage === 'finalised' && !(siksng ?? p.siksng_reference))
    return problem(422, 'siksng-reference-required', 'Finalisasi di SIKS-NG wajib mencatat nomor/ID usulan SIKS-NG', 'Finalisation in SIKS-NG requires the SIKS-NG proposal reference');
  if ((stage === 'approved' || stage === 'rejected') && !(siksng ?? p.siksng_reference))
    return problem(422, 'siksng-reference-required', 'Keputusan kementerian hanya dapat dicatat untuk usulan yang sudah difinalisasi di SIKS-NG (nomor/ID usulan)', 'The ministry’s decision can only be recorded for a proposal finalised in SIKS-NG (its reference)');
  const ministry = input.ministryReference ? checkReference(input.ministryReference) : null;
  if (input.ministryReference && !ministry) return problem(422, 'reference-invalid', 'Nomor rujukan harus 2–100 karakter', 'The reference must be 2–100 characters');
  if (ministry) set.ministry_reference = ministry;
  const note = input.note?.trim() || null;
  if ((stage === 'rejected' || stage === 'not-proposed') && (!note || note.length < 5))
    return problem(422, 'reason-required', 'Alasan wajib ditulis (minimal 5 karakter)', 'A reason is required (at least 5 characters)');
  const now = nowOf(ctx).toISOString();
  const won = await ctx.database.write(async (trx) => {
    const ok = await updateProposalIfVersion(trx, p.id, input.version, { ...set, updated_at: now });
    if (!ok) return false;
    await addEvent(trx, p, 'stage', stage, actor, note, { siksngReference: set.siksng_reference ?? null, ministryReference: set.ministry_reference ?? null }, now);
    if (p.application_id)
      await insertEvent(trx, {
        id: randomUUID(),
        application_id: p.application_id,
        office_id: p.office_id,
        type: 'registry-proposal',
        step_id: null,
        outcome: null,
        actor_id: actor.id,
        actor_name: actor.name,
        note: `Usulan: ${STAGE_LABEL[stage][0]}${set.siksng_reference ? ` (SIKS-NG ${set.siksng_reference})` : ''}${note ? ` — ${note}` : ''}`,
        data: JSON.stringify({ proposalId: p.id, stage, siksngReference: set.siksng_reference ?? null, ministryReference: set.ministry_reference ?? null }),
        sla_effect: null,
        at: now,
      });
    return true;
  });
  if (!won) return problem(409, 'conflict', 'Usulan sudah diubah petugas lain; muat ulang', 'Someone else changed the proposal; reload');
  return { ok: true, value: (await findProposal(ctx.database.db, actor.officeId, p.id))! };
}

/** A proposal recorded by hand (a walk-in, or a proposal service without a NIK at intake). */
export async function createProposal(ctx: Ctx, actor: Actor, input: { nik: string; kk?: string; name: string; kind?: string; note?: string }): Promise<ProposalResult> {
  if (!actor.officeId || !canRecordProposal(actor.roles)) return problem(403, 'role-required', 'Peran Anda tidak dapat mencatat usulan', 'Your role cannot record proposals');
  const office = ctx.catalogue.list().find((o) => o.id === actor.officeId)!;
  const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
  const nik = parseNik(input.nik ?? '', { today });
  if (!nik.ok) return { ok: false, status: 422, problems: [{ ...nik.error }] };
  let kk: string | null = null;
  if (input.kk && input.kk.trim()) {
    const k = parseKk(input.kk);
    if (!k.ok) return { ok: false, status: 422, problems: [{ ...k.error }] };
    kk = k.value.kk;
  }
  const name = (input.name ?? '').trim();
  if (name.length < 2) return problem(422, 'name-required', 'Nama wajib diisi', 'Name is required');
  const kind = input.kind === 'pbi-jk' ? 'pbi-jk' : 'dtks';
  const now = nowOf(ctx).toISOString();
  const row: RegistryProposalsTable = { id: randomUUID(), office_id: actor.officeId, application_id: null, service_id: null, kind, nik: nik.value.nik, kk, name: name.slice(0, 200), stage: 'intake', siksng_reference: null, ministry_reference: null, confirmed_snapshot_id: null, confirmed_at: null, opened_at: now, updated_at: now, version: 1 };
  await ctx.database.write(async (trx) => {
    await insertProposal(trx, row);
    await addEvent(trx, row, 'opened', 'intake', actor, input.note?.trim() || null, { manual: true }, now);
  });
  return { ok: true, value: row };
}
