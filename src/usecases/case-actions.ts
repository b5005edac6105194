/**
 * The applicant's side of a case, and the counter's: resubmitting a completed file after a
 * return, withdrawing before a decision, and public tracking by registration number and code.
 */
import { randomUUID } from 'node:crypto';
import { findApplication, findByRegistrationNumber, getSecret, insertEvent, openTaskFor, updateApplicationIfVersion } from '../db/applications-repo.js';
import type { Problem } from '../domain/errors.js';
import { canWithdraw, stepById } from '../domain/procedure/engine.js';
import { serviceOfCase } from './case-service.js';
import { cancelLettersOfWithdrawnCase } from './letters/cancel-withdrawn-letters.js';
import type { Actor, Ctx } from './context.js';
import { nowOf } from './context.js';
import type { Pause } from './sla-clock.js';
import { trackingCodeHash } from './submit-application.js';

type Row = NonNullable<Awaited<ReturnType<typeof findApplication>>>;
export type ActionResult = { ok: true; value: { status: string; dueAt: string | null; version: number } } | { ok: false; status: 404 | 409 | 422; problems: Problem[] };

const notFound = (): ActionResult => ({ ok: false, status: 404, problems: [{ code: 'application-not-found', message: 'Permohonan tidak ditemukan', messageEn: 'Application not found' }] });

/** Finds a case by number and tracking code; wrong number and wrong code look the same. */
export async function findTracked(ctx: Ctx, registrationNumber: string, code: string): Promise<Row | null> {
  if (!/^[A-Z]{3,4}-\d{4}-\d{6}$/.test(registrationNumber) || !/^[A-Za-z0-9]{8}$/.test(code)) return null;
  const secret = await getSecret(ctx.database.db, 'tracking');
  const hash = trackingCodeHash(secret, code);
  const rows = await findByRegistrationNumber(ctx.database.db, registrationNumber);
  return rows.find((r) => r.tracking_code_hash === hash) ?? null;
}

export async function resubmitFile(ctx: Ctx, app: Row, actor: Actor, note: string | undefined): Promise<ActionResult> {
  if (app.status !== 'waiting-applicant')
    return { ok: false, status: 409, problems: [{ code: 'not-waiting', message: 'Permohonan ini tidak sedang menunggu kelengkapan dari pemohon', messageEn: 'This application is not waiting for the applicant' }] };
  const db = ctx.database.db;
  const now = nowOf(ctx).toISOString();
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const office = ctx.catalogue.list().find((o) => o.id === app.office_id)!.office;
  const pauses = (JSON.parse(app.pauses) as Pause[]).map((p) => (p.to === null ? { ...p, to: now } : p));
  const times = app.clock_started_at ? ctx.clock.due(office, svc, app.clock_started_at, pauses) : { dueAt: null, expectedAt: null, warnings: [] };
  let ok = false;
  await db.transaction().execute(async (trx) => {
    ok = await updateApplicationIfVersion(trx, app.id, app.version, {
      status: 'open',
      paused_since: null,
      pauses: JSON.stringify(pauses),
      due_at: times.dueAt,
      expected_at: times.expectedAt,
      sla_state: ctx.clock.state(app.clock_started_at, times.dueAt, false, now),
      updated_at: now,
    });
    if (!ok) return;
    await trx
      .updateTable('tasks')
      .set({ status: 'open', due_at: times.dueAt, sla_state: ctx.clock.state(app.clock_started_at, times.dueAt, false, now) })
      .where('application_id', '=', app.id)
      .where('status', '=', 'waiting')
      .execute();
    await insertEvent(trx, {
      id: randomUUID(),
      application_id: app.id,
      office_id: app.office_id,
      type: 'file-resubmitted',
      step_id: app.current_step,
      outcome: null,
      actor_id: actor.id,
      actor_name: actor.name,
      note: note?.trim() || null,
      data: '{}',
      sla_effect: JSON.stringify({ clock: 'resumed', dueAt: times.dueAt }),
      at: now,
    });
  });
  if (!ok) return { ok: false, status: 409, problems: [{ code: 'conflict', message: 'Permohonan baru saja berubah; muat ulang', messageEn: 'The application just changed; reload' }] };
  return { ok: true, value: { status: 'open', dueAt: times.dueAt, version: app.version + 1 } };
}

export async function withdraw(ctx: Ctx, app: Row, actor: Actor, reason: string | undefined): Promise<ActionResult> {
  if (!['open', 'waiting-applicant', 'waiting-external'].includes(app.status))
    return { ok: false, status: 409, problems: [{ code: 'closed', message: 'Permohonan sudah selesai', messageEn: 'The application is already closed' }] };
  const db = ctx.database.db;
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const visited = (await db.selectFrom('application_events').select('step_id').where('application_id', '=', app.id).where('type', '=', 'step-completed').execute()).map((r) => r.step_id!);
  if (!canWithdraw(svc.procedure!, visited))
    return { ok: false, status: 409, problems: [{ code: 'decided', message: 'Permohonan tidak dapat dibatalkan setelah ada keputusan', messageEn: 'An application cannot be withdrawn after a decision' }] };
  const now = nowOf(ctx).toISOString();
  let ok = false;
  await db.transaction().execute(async (trx) => {
    ok = await updateApplicationIfVersion(trx, app.id, app.version, {
      status: 'withdrawn',
      current_step: null,
      end_id: 'withdrawn',
      closed_at: now,
      outcome_reason: reason?.trim() || null,
      sla_state: 'closed',
      updated_at: now,
    });
    if (!ok) return;
    await trx.updateTable('tasks').set({ status: 'cancelled', completed_at: now, completed_by: actor.id }).where('application_id', '=', app.id).where('status', 'in', ['open', 'waiting']).execute();
    await cancelLettersOfWithdrawnCase(trx, app.id, actor, now);
    await insertEvent(trx, {
      id: randomUUID(),
      application_id: app.id,
      office_id: app.office_id,
      type: 'closed:withdrawn',
      step_id: app.current_step,
      outcome: null,
      actor_id: actor.id,
      actor_name: actor.name,
      note: reason?.trim() || null,
      data: '{}',
      sla_effect: JSON.stringify({ clock: 'stopped' }),
      at: now,
    });
  });
  if (!ok) return { ok: false, status: 409, problems: [{ code: 'conflict', message: 'Permohonan baru saja berubah; muat ulang', messageEn: 'The application just changed; reload' }] };
  return { ok: true, value: { status: 'withdrawn', dueAt: null, version: app.version + 1 } };
}

export interface PublicStatus {
  registrationNumber: string;
  office: string;
  service: { slug: string; title: string };
  status: string;
  statusLabel: string;
  statusLabelEn: string;
  currentStep: { id: string; label: string } | null;
  submittedAt: string;
  dueAt: string | null;
  dueAtLocal: string | null;
  mustDo: string | null;
  mustDoEn: string | null;
  reason: string | null;
  canWithdraw: boolean;
}

const STATUS: Record<string, [string, string]> = {
  open: ['Sedang diproses', 'In progress'],
  'waiting-applicant': ['Menunggu kelengkapan dari pemohon', 'Waiting for the applicant'],
  'waiting-external': ['Menunggu instansi lain', 'Waiting on another body'],
  completed: ['Selesai', 'Completed'],
  rejected: ['Ditolak', 'Rejected'],
  withdrawn: ['Dibatalkan oleh pemohon', 'Withdrawn'],
};

/** What the public may see of a case: no personal data beyond what the holder of the code typed. */
export async function publicStatus(ctx: Ctx, app: Row): Promise<PublicStatus> {
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const office = ctx.catalogue.list().find((o) => o.id === app.office_id)!;
  const step = app.current_step ? stepById(svc.procedure!, app.current_step) : undefined;
  const [label, labelEn] = STATUS[app.status] ?? [app.status, app.status];
  const waitingApplicant = app.status === 'waiting-applicant';
  const visited = (await ctx.database.db.selectFrom('application_events').select('step_id').where('application_id', '=', app.id).where('type', '=', 'step-completed').execute()).map((r) => r.step_id!);
  const task = await openTaskFor(ctx.database.db, app.id);
  return {
    registrationNumber: app.registration_number,
    office: office.office.name,
    service: { slug: svc.slug, title: svc.title },
    status: app.status,
    statusLabel: label,
    statusLabelEn: labelEn,
    currentStep: step ? { id: step.id, label: step.label } : null,
    submittedAt: app.submitted_at,
    dueAt: app.due_at,
    dueAtLocal: app.due_at ? ctx.clock.local(office.office, app.due_at) : null,
    mustDo: waitingApplicant
      ? `Lengkapi berkas Anda sesuai catatan petugas, lalu serahkan kembali ke loket atau kirim ulang melalui halaman ini. Catatan: ${app.outcome_reason ?? '-'}`
      : app.status === 'completed'
        ? 'Permohonan selesai. Ambil produk layanan di loket sesuai petunjuk petugas.'
        : app.status === 'open' || app.status === 'waiting-external'
          ? 'Tidak ada yang perlu Anda lakukan saat ini; berkas sedang diproses.'
          : null,
    mustDoEn: waitingApplicant
      ? `Complete your file as the officer noted, then hand it in again at the counter or resubmit on this page. Note: ${app.outcome_reason ?? '-'}`
      : app.status === 'completed'
        ? 'Completed. Collect the product at the counter as instructed.'
        : app.status === 'open' || app.status === 'waiting-external'
          ? 'Nothing to do for now; your file is being processed.'
          : null,
    reason: app.status === 'rejected' || waitingApplicant ? app.outcome_reason : null,
    canWithdraw: ['open', 'waiting-applicant', 'waiting-external'].includes(app.status) && canWithdraw(svc.procedure!, visited) && task !== undefined,
  };
}
