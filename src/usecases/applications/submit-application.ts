/**
 * Files a case: online by a citizen, at the counter by staff, or from a report or proposal. The
 * application row, its first task, its first event and its attachments are written in one
 * transaction; an Idempotency-Key makes a retried request return the same case.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { StageRecord } from '../../domain/applications/case.js';
import { findByIdempotencyKey, insertApplication, insertAttachments, insertTask, knownUploads, nextCounter, type Case } from '../../db/applications-repo.js';
import { registrationNumber as formatNumber, trackingCodeFor, trackingCodeHash } from '../../domain/applications/codes.js';
import { checkIntake, type IntakeInput } from '../../domain/applications/intake.js';
import type { CaseStatus } from '../../domain/applications/status.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { officeNotFound, serviceNotFound } from '../../domain/standards/not-found.js';
import { startMove } from '../../domain/procedure/engine.js';
import { may, readsOnly, scopeOf, type Permission } from '../../domain/staff/permissions.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { idempotencyKeyReused, requestHash } from '../idempotency.js';
import { serviceUsesRegistry } from '../registry/effects.js';
import { registryFactsFor } from '../registry/facts.js';
import { logAccess } from '../registry/log-access.js';
import { serverSecret } from '../server-secret.js';
import { recordEvent } from '../notifications/queue-notices.js';

export interface SubmitInput extends IntakeInput {
  office: string;
  service: string;
  idempotencyKey?: string;
}

export interface Submitted {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  status: CaseStatus;
  dueAt: string | null;
  dueAtLocal: string | null;
  replayed: boolean;
}

/** What another capability writes in the case's own transaction (an emergency report around its case). */
export type InsideSubmission = (trx: Transaction<DB>, c: { id: string; registrationNumber: string; dueAt: string | null; stages: StageRecord[] }) => Promise<void>;

/**
 * `authorisedBy`: the capability filing the case checked this permission of the actor itself (a shelter
 * stay files Banjarmasin 9, 10 and 11 under `shelters.admit` / `shelters.terminate`), so the counter's
 * `applications.register` is not asked; read-only roles are still refused.
 */
export interface SubmitOptions {
  authorisedBy?: Permission;
}

export async function submitApplication(ctx: Ctx, input: SubmitInput, actor: Actor, inside?: InsideSubmission, options: SubmitOptions = {}): Promise<Outcome<Submitted, FieldProblem>> {
  const found = ctx.catalogue.service(input.office, input.service);
  if (!found)
    return fail('not-found', { ...(ctx.catalogue.office(input.office) ? serviceNotFound(input.office, input.service) : officeNotFound(input.office)), field: 'service' });
  const { office, service } = found;
  const svc = service.service;
  const staff = actor.id !== null;
  // An officer files only for their own office; another office looks as if it did not exist.
  if (staff && actor.officeId !== office.id) return fail('not-found', { ...officeNotFound(input.office), field: 'office' });
  if (staff && readsOnly(actor.roles))
    return fail('forbidden', { field: 'office', code: 'read-only-role', message: 'Peran Anda hanya untuk membaca berkas; tidak dapat mendaftarkan permohonan', messageEn: 'Your role only reads cases; it cannot register applications' });
  // The counter is the front office's, and that of the roles holding this service's intake step.
  if (staff && !(options.authorisedBy && may(actor.roles, options.authorisedBy)) && !may(actor.roles, 'applications.register', scopeOf([service])))
    return fail('forbidden', {
      field: 'service',
      code: 'permission-required',
      message: 'Peran Anda tidak dapat mendaftarkan permohonan layanan ini di loket',
      messageEn: 'Your role cannot register applications for this service at the counter',
    });
  if (!svc.openForApplications || !svc.procedure)
    return fail('invalid', { field: 'service', code: 'service-closed', message: 'Layanan ini belum dibuka untuk permohonan', messageEn: 'This service is not open for applications' });
  if (input.idempotencyKey !== undefined && !/^[A-Za-z0-9_.:-]{8,128}$/.test(input.idempotencyKey))
    return fail('invalid', {
      field: 'Idempotency-Key',
      code: 'idempotency-key-invalid',
      message: 'Idempotency-Key harus 8–128 karakter (huruf, angka, _ . : -)',
      messageEn: 'Idempotency-Key must be 8–128 characters (letters, digits, _ . : -)',
    });

  const db = ctx.database.db;
  const secret = await serverSecret(ctx, 'tracking');
  const submitted = (c: Case, replayed: boolean): Submitted => ({
    id: c.id,
    registrationNumber: c.registration_number,
    trackingCode: trackingCodeFor(secret, c.id),
    status: c.status,
    dueAt: c.due_at,
    dueAtLocal: c.due_at ? ctx.clock.local(office.office, c.due_at) : null,
    replayed,
  });
  // The key is bound to the request it first came with: another body under it is refused, never
  // answered with that first case's number and tracking code.
  // Bound to who applies for what (office, service, applicant, reporter, answers), not to the
  // attachments: a client retrying after a lost answer may upload its files again, and a browser
  // resending a form from its history does not restore the file inputs.
  const bodyHash = input.idempotencyKey ? requestHash(actor.id, { ...input, idempotencyKey: undefined, attachments: undefined }) : null;
  const replay = async () => {
    if (!input.idempotencyKey) return null;
    const existing = await findByIdempotencyKey(db, office.id, input.idempotencyKey);
    if (!existing) return null;
    if (existing.idempotencyBody !== null && existing.idempotencyBody !== bodyHash) return idempotencyKeyReused();
    return { ok: true as const, value: submitted(existing, true) };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const now = nowOf(ctx);
  const today = ctx.clock.localDate(office.office, now.toISOString());
  const registry = await registryFactsFor(ctx, office.id, input.applicant?.nik);
  const checked = checkIntake(svc, input, { today, staff, registry, now: now.toISOString() });
  // Staff at the counter are told what the registry says (a not-eligible verdict, the documents a
  // DTKS condition asks for): that is a read of registry data, logged before the answer leaves.
  if (staff && registry && serviceUsesRegistry(svc))
    await logAccess(ctx.database, {
      officeId: office.id,
      actor: { id: actor.id, name: actor.name, roles: actor.roles },
      action: 'lookup-nik',
      nik: checked.ok ? checked.value.applicant.nik : (input.applicant?.nik?.trim() ?? null),
      snapshotId: typeof registry['registry.snapshot'] === 'string' ? registry['registry.snapshot'] : null,
      reason: `Pemeriksaan syarat layanan ${svc.slug} saat pendaftaran di loket`,
      found: registry['registry.dtks'] === true,
      detail: { purpose: 'intake', service: svc.slug, accepted: checked.ok },
      at: now.toISOString(),
    });
  if (!checked.ok) return fail('invalid', ...checked.problems);
  const intake = checked.value;
  const known = await knownUploads(db, intake.attachments.flatMap((a) => (a.upload ? [a.upload] : [])));
  const missing = intake.attachments.filter((a) => a.upload && !known.has(a.upload));
  if (missing.length)
    return fail(
      'invalid',
      ...missing.map((m) => ({ field: `attachments.${m.requirement}`, code: 'upload-unknown', message: 'Berkas unggahan tidak ditemukan; unggah ulang', messageEn: 'Uploaded file not found; upload it again' })),
    );

  const proc = svc.procedure;
  const move = startMove(proc);
  if (move.kind !== 'step') throw new Error('procedure starts at an end');
  const nowIso = now.toISOString();
  const fileCompleteLater = svc.sla?.clockStarts === 'file-complete' && proc.steps.some((s) => s.kind === 'check' || s.kind === 'intake');
  const clockStart = fileCompleteLater ? null : nowIso;
  const pauses = move.pause ? [{ from: nowIso, to: null, kind: move.pause }] : [];
  const times = clockStart ? ctx.clock.due(office.office, svc, clockStart, pauses) : { dueAt: null, expectedAt: null, warnings: [] };
  const stages = ctx.clock.enterStep(office.office, svc, [], move.step.id, nowIso);
  const id = randomUUID();
  const year = today.slice(0, 4);
  const code = trackingCodeFor(secret, id);
  let registrationNumber = '';
  try {
    await ctx.database.write(async (trx) => {
      const seq = await nextCounter(trx, office.id, `registration:${year}`);
      registrationNumber = formatNumber(office.office.registrationCode, year, seq);
      await insertApplication(trx, {
        id,
        office_id: office.id,
        service_id: service.id,
        service_version_id: service.versionId,
        registration_number: registrationNumber,
        tracking_code_hash: trackingCodeHash(secret, code),
        idempotency_key: input.idempotencyKey ?? null,
        idempotency_body: bodyHash,
        initiator: intake.initiator,
        channel: intake.channel,
        applicant_nik: intake.applicant.nik,
        applicant_name: intake.applicant.name ?? '',
        applicant: JSON.stringify({ ...intake.applicant, reporter: input.reporter ?? null }),
        answers: JSON.stringify(intake.answers),
        eligibility: JSON.stringify({ results: intake.eligibility, registry: registry ? { checkedAt: nowIso, ...registry } : null }),
        status: move.status,
        current_step: move.step.id,
        end_id: null,
        outcome_reason: null,
        submitted_at: nowIso,
        clock_started_at: clockStart,
        paused_since: move.pause ? nowIso : null,
        pauses: JSON.stringify(pauses),
        due_at: times.dueAt,
        expected_at: times.expectedAt,
        stages: JSON.stringify(stages),
        sla_state: clockStart ? (move.pause ? 'paused' : 'on-time') : 'not-started',
        closed_at: null,
        created_by: actor.id,
        version: 1,
        updated_at: nowIso,
      });
      await insertTask(trx, {
        office_id: office.id,
        application_id: id,
        service_id: service.id,
        step_id: move.step.id,
        role: move.step.role,
        sla_state: clockStart ? (move.pause ? 'paused' : 'on-time') : 'not-started',
        due_at: times.dueAt,
        created_at: nowIso,
      });
      await insertAttachments(
        trx,
        intake.attachments.map((a) => ({ application_id: id, requirement_id: a.requirement, upload_id: a.upload ?? null, shown_to: a.shown ? actor.name : null, created_at: nowIso })),
      );
      await recordEvent(trx, ctx, {
        application_id: id,
        office_id: office.id,
        type: 'submitted',
        step_id: move.step.id,
        actor_id: actor.id,
        actor_name: actor.name,
        data: { channel: intake.channel, initiator: intake.initiator, serviceVersion: service.version, warnings: [...intake.warnings, ...times.warnings], eligibility: intake.eligibility },
        slaEffect: clockStart ? { clock: 'started', dueAt: times.dueAt } : { clock: 'waits-for-complete-file' },
        at: nowIso,
      }, { id, office_id: office.id, service_id: service.id, registration_number: registrationNumber, status: move.status, applicant: intake.applicant });
      if (inside) await inside(trx, { id, registrationNumber, dueAt: times.dueAt, stages });
    });
  } catch (e) {
    // Two concurrent retries with one key: the loser finds the winner's case.
    const again = await replay();
    if (again) return again;
    throw e;
  }
  return {
    ok: true,
    value: {
      id,
      registrationNumber,
      trackingCode: code,
      status: move.status,
      dueAt: times.dueAt,
      dueAtLocal: times.dueAt ? ctx.clock.local(office.office, times.dueAt) : null,
      replayed: false,
    },
  };
}
