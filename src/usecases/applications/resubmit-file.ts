/**
 * A returned file comes back complete (from the applicant online, or recorded at the counter):
 * the pause ends, the due time moves by the time paused, and the task returns to its queue.
 */
import { insertAttachments, insertEvent, knownUploads, reopenWaitingTask, updateCaseIfVersion, type Case } from '../../db/applications-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { caseChanged, readOnlyRole } from './case-failures.js';
import { readsOnly } from '../../domain/staff/read-only.js';
import { serviceOfCase } from './service-of-case.js';

export interface CaseMoved {
  status: string;
  dueAt: string | null;
  version: number;
}

/** A document sent with the resubmission: an upload (from storeUpload) for one of the service's requirements. */
export interface ResubmittedDocument {
  requirement: string;
  upload: string;
}

export async function resubmitFile(ctx: Ctx, app: Case, actor: Actor, note: string | undefined, documents: ResubmittedDocument[] = []): Promise<Outcome<CaseMoved>> {
  if (actor.id !== null && readsOnly(actor.roles)) return readOnlyRole();
  if (app.status !== 'waiting-applicant')
    return failWith('conflict', 'not-waiting', 'Permohonan ini tidak sedang menunggu kelengkapan dari pemohon', 'This application is not waiting for the applicant');
  // The applicant's own resubmission must bring something: a document or an answer for the
  // officer. Staff record a file completed at the counter, where they saw the documents.
  if (actor.id === null && documents.length === 0 && !note?.trim())
    return fail('invalid', {
      field: 'documents',
      code: 'nothing-resubmitted',
      message: 'Unggah dokumen yang diminta petugas, atau tulis keterangan untuk petugas',
      messageEn: 'Upload the documents the officer asked for, or write a note for the officer',
    });
  const svc0 = await serviceOfCase(ctx, app.service_version_id);
  const unknownReq = documents.filter((d) => !svc0.requirements.some((r) => r.id === d.requirement && r.kind === 'document'));
  if (unknownReq.length)
    return fail('invalid', ...unknownReq.map((d) => ({ field: `attachments.${d.requirement}`, code: 'requirement-unknown', message: 'Persyaratan ini tidak ada pada layanan', messageEn: 'This requirement does not belong to the service' })));
  const known = await knownUploads(ctx.database.db, documents.map((d) => d.upload));
  const missing = documents.filter((d) => !known.has(d.upload));
  if (missing.length)
    return fail('invalid', ...missing.map((m) => ({ field: `attachments.${m.requirement}`, code: 'upload-unknown', message: 'Berkas unggahan tidak ditemukan; unggah ulang', messageEn: 'Uploaded file not found; upload it again' })));
  const now = nowOf(ctx).toISOString();
  const svc = svc0;
  const office = ctx.catalogue.officeById(app.office_id).office;
  const pauses = app.pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
  const times = app.clock_started_at ? ctx.clock.due(office, svc, app.clock_started_at, pauses) : { dueAt: null, expectedAt: null, warnings: [] };
  const slaState = ctx.clock.state(app.clock_started_at, times.dueAt, false, now);
  const won = await ctx.database.write(async (trx) => {
    const ok = await updateCaseIfVersion(trx, app.id, app.version, {
      status: 'open',
      paused_since: null,
      pauses,
      due_at: times.dueAt,
      expected_at: times.expectedAt,
      sla_state: slaState,
      updated_at: now,
    });
    if (!ok) return false;
    await reopenWaitingTask(trx, app.id, { due_at: times.dueAt, sla_state: slaState });
    await insertAttachments(trx, documents.map((d) => ({ application_id: app.id, requirement_id: d.requirement, upload_id: d.upload, shown_to: null, created_at: now })));
    await insertEvent(trx, {
      application_id: app.id,
      office_id: app.office_id,
      type: 'file-resubmitted',
      step_id: app.current_step,
      actor_id: actor.id,
      actor_name: actor.name,
      note: [note?.trim(), documents.length ? `${documents.length} dokumen baru` : ''].filter(Boolean).join(' · ') || null,
      slaEffect: { clock: 'resumed', dueAt: times.dueAt },
      at: now,
    });
    return true;
  });
  if (!won) return caseChanged();
  return { ok: true, value: { status: 'open', dueAt: times.dueAt, version: app.version + 1 } };
}
