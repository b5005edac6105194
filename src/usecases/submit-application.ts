/**
 * Files a case: online by a citizen, at the counter by staff, or from a report or proposal. The
 * application row, its first task, its first event and its attachments are written in one
 * transaction; an Idempotency-Key makes a retried request return the same case.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { findByIdempotencyKey, getSecret, insertApplication, insertEvent, insertTask, nextCounter } from '../db/applications-repo.js';
import { checkIntake, type FieldProblem, type IntakeInput } from '../domain/applications/intake.js';
import { startMove } from '../domain/procedure/engine.js';
import type { Actor, Ctx } from './context.js';
import { nowOf } from './context.js';
import { registryFactsFor } from './registry-facts.js';

export interface SubmitInput extends IntakeInput {
  office: string;
  service: string;
  idempotencyKey?: string;
}

export interface Submitted {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  status: string;
  dueAt: string | null;
  dueAtLocal: string | null;
  replayed: boolean;
}

export type SubmitResult = { ok: true; value: Submitted } | { ok: false; status: 404 | 422; problems: FieldProblem[] };

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The tracking code is derived from the case id with a server secret, so it can be re-shown
 * (idempotent replay, receipt reprint) without being stored in clear. */
export function trackingCodeFor(secret: string, id: string): string {
  const mac = createHmac('sha256', secret).update(id).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += CODE_ALPHABET[mac[i]! % CODE_ALPHABET.length];
  return out;
}

export function trackingCodeHash(secret: string, code: string): string {
  return createHmac('sha256', secret).update(`code:${code.toUpperCase()}`).digest('hex');
}

/** Short office code for registration numbers: region name consonants (JMB, BJM, KKR...). */
export function officeCode(regionName: string): string {
  const words = regionName.replace(/^(Kota|Kabupaten|Provinsi)\s+/i, '').toUpperCase().split(/\s+/);
  if (words.length > 1) return words.map((w) => w[0]).join('').slice(0, 4).padEnd(3, 'X');
  const w = words[0]!;
  return (w[0]! + w.slice(1).replace(/[AEIOU]/g, '')).slice(0, 3).padEnd(3, 'X');
}

export async function submitApplication(ctx: Ctx, input: SubmitInput, actor: Actor): Promise<SubmitResult> {
  const found = ctx.catalogue.service(input.office, input.service);
  if (!found) return { ok: false, status: 404, problems: [{ field: 'service', code: 'service-not-found', message: `Layanan tidak ditemukan: ${input.office}/${input.service}`, messageEn: `Service not found: ${input.office}/${input.service}` }] };
  const { office, service } = found;
  const svc = service.service;
  const staff = actor.id !== null;
  if (staff && actor.officeId !== office.id)
    return { ok: false, status: 404, problems: [{ field: 'office', code: 'office-not-found', message: 'Kantor tidak ditemukan', messageEn: 'Office not found' }] };
  if (!svc.openForApplications || !svc.procedure)
    return { ok: false, status: 422, problems: [{ field: 'service', code: 'service-closed', message: 'Layanan ini belum dibuka untuk permohonan', messageEn: 'This service is not open for applications' }] };
  if (input.idempotencyKey !== undefined && !/^[A-Za-z0-9_.:-]{8,128}$/.test(input.idempotencyKey))
    return { ok: false, status: 422, problems: [{ field: 'Idempotency-Key', code: 'idempotency-key-invalid', message: 'Idempotency-Key harus 8–128 karakter (huruf, angka, _ . : -)', messageEn: 'Idempotency-Key must be 8–128 characters (letters, digits, _ . : -)' }] };

  const db = ctx.database.db;
  const secret = await getSecret(db, 'tracking');
  const replay = async () => {
    if (!input.idempotencyKey) return null;
    const existing = await findByIdempotencyKey(db, office.id, input.idempotencyKey);
    if (!existing) return null;
    return {
      ok: true as const,
      value: {
        id: existing.id,
        registrationNumber: existing.registration_number,
        trackingCode: trackingCodeFor(secret, existing.id),
        status: existing.status,
        dueAt: existing.due_at,
        dueAtLocal: existing.due_at ? ctx.clock.local(office.office, existing.due_at) : null,
        replayed: true,
      },
    };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const now = nowOf(ctx);
  const today = ctx.clock.localDate(office.office, now.toISOString());
  const registry = await registryFactsFor(ctx, office.id, input.applicant?.nik);
  const checked = checkIntake(svc, input, { today, staff, registry });
  if (!checked.ok) return { ok: false, status: 422, problems: checked.problems };
  const intake = checked.value;
  const uploadIds = intake.attachments.map((a) => a.upload).filter((u): u is string => !!u);
  if (uploadIds.length) {
    const known = new Set((await db.selectFrom('uploads').select('id').where('id', 'in', uploadIds).execute()).map((r) => r.id));
    const missing = intake.attachments.filter((a) => a.upload && !known.has(a.upload));
    if (missing.length)
      return { ok: false, status: 422, problems: missing.map((m) => ({ field: `attachments.${m.requirement}`, code: 'upload-unknown', message: 'Berkas unggahan tidak ditemukan; unggah ulang', messageEn: 'Uploaded file not found; upload it again' })) };
  }

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
      registrationNumber = `${officeCode(office.office.region.name)}-${year}-${String(seq).padStart(6, '0')}`;
      await insertApplication(trx, {
        id,
        office_id: office.id,
        service_id: service.id,
        service_version_id: service.versionId,
        registration_number: registrationNumber,
        tracking_code_hash: trackingCodeHash(secret, code),
        idempotency_key: input.idempotencyKey ?? null,
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
        id: randomUUID(),
        office_id: office.id,
        application_id: id,
        service_id: service.id,
        step_id: move.step.id,
        role: move.step.role,
        status: 'open',
        sla_state: clockStart ? (move.pause ? 'paused' : 'on-time') : 'not-started',
        claimed_by: null,
        due_at: times.dueAt,
        created_at: nowIso,
        completed_at: null,
        completed_by: null,
      });
      if (intake.attachments.length)
        await trx
          .insertInto('attachments')
          .values(intake.attachments.map((a) => ({ id: randomUUID(), application_id: id, requirement_id: a.requirement, upload_id: a.upload ?? null, shown_to: a.shown ? actor.name : null, created_at: nowIso })))
          .execute();
      await insertEvent(trx, {
        id: randomUUID(),
        application_id: id,
        office_id: office.id,
        type: 'submitted',
        step_id: move.step.id,
        outcome: null,
        actor_id: actor.id,
        actor_name: actor.name,
        note: null,
        data: JSON.stringify({ channel: intake.channel, initiator: intake.initiator, serviceVersion: service.version, warnings: [...intake.warnings, ...times.warnings], eligibility: intake.eligibility }),
        sla_effect: JSON.stringify(clockStart ? { clock: 'started', dueAt: times.dueAt } : { clock: 'waits-for-complete-file' }),
        at: nowIso,
      });
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
