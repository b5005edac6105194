/**
 * "Respon awal": the team records reaching or contacting the person (time, position, an optional
 * photo through the case uploads, a note). The first-response time is measured from the report to
 * this event; it is recorded once, and the case's timeline shows it.
 */
import { insertAttachments, insertEvent, knownUploads } from '../../db/applications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportByNumber, insertEmergencyEvent, setFirstResponse } from '../../db/emergency-repo.js';
import { coordinateProblems, firstResponseState } from '../../domain/emergency/index.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { reportNotFound, settingsOf } from './emergency-common.js';
import { BACKDATE_LIMIT_HOURS } from './report-emergency.js';

export interface FirstResponseInput {
  at?: string;
  lat?: number;
  lng?: number;
  note: string;
  /** An upload id (POST /api/v1/uploads): the photo from the place. */
  photo?: string;
  /** The capturing device's key (offline queue): a replay answers as the first did. */
  key?: string;
}

export interface FirstResponded {
  registrationNumber: string;
  firstResponseAt: string;
  firstResponseAtLocal: string;
  minutes: number;
  met: boolean | null;
}

/** The attachment "requirement" a response photo is kept under, so the upload sweep never deletes it. */
export const PHOTO_REQUIREMENT = 'foto-respon-awal';

export async function recordFirstResponse(ctx: Ctx, actor: Actor, registrationNumber: string, input: FirstResponseInput): Promise<Outcome<FirstResponded>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.respond'))
    return fail('forbidden', { field: 'note', code: 'permission-required', message: 'Hanya Tim Reaksi Cepat yang mencatat respon awal', messageEn: 'Only the rapid-response team records the first response' });
  const db = ctx.database.db;
  const r = await findReportByNumber(db, actor.officeId, registrationNumber);
  if (!r) return reportNotFound();
  const office = ctx.catalogue.officeById(r.office_id).office;
  const answer = (at: string, met: boolean | null): FirstResponded => ({ registrationNumber, firstResponseAt: at, firstResponseAtLocal: ctx.clock.local(office, at), minutes: Math.round((Date.parse(at) - Date.parse(r.reported_at)) / 60_000), met });
  // The device sent this capture before (its answer was lost on a bad signal): the same answer, nothing written twice.
  if (input.key && r.first_response_at && r.first_response_key === input.key) return { ok: true, value: answer(r.first_response_at, r.first_response_due_at ? r.first_response_at <= r.first_response_due_at : null) };
  const now = nowOf(ctx);
  const problems: FieldProblem[] = [...(coordinateProblems(input.lat, input.lng) as FieldProblem[])];
  let at = now.toISOString();
  if (input.at !== undefined) {
    const d = new Date(input.at);
    if (Number.isNaN(d.getTime())) problems.push({ field: 'at', code: 'at-invalid', message: 'Waktu respon awal tidak sah', messageEn: 'Invalid first-response time' });
    else if (d.getTime() > now.getTime()) problems.push({ field: 'at', code: 'at-future', message: 'Waktu respon awal tidak boleh di masa depan', messageEn: 'The first-response time cannot be in the future' });
    else if (now.getTime() - d.getTime() > BACKDATE_LIMIT_HOURS * 3_600_000)
      problems.push({ field: 'at', code: 'at-too-old', message: `Waktu respon awal paling lama ${BACKDATE_LIMIT_HOURS} jam yang lalu`, messageEn: `The first-response time can be at most ${BACKDATE_LIMIT_HOURS} hours ago` });
    else if (d.toISOString() < r.reported_at)
      problems.push({ field: 'at', code: 'at-before-report', message: 'Waktu respon awal tidak boleh sebelum waktu laporan', messageEn: 'The first response cannot precede the report' });
    else at = d.toISOString();
  }
  if (input.photo && !(await knownUploads(db, [input.photo])).has(input.photo))
    problems.push({ field: 'photo', code: 'upload-unknown', message: 'Foto tidak ditemukan; unggah ulang', messageEn: 'Photo not found; upload it again' });
  if (problems.length) return fail('invalid', ...problems);
  if (r.state === 'merged')
    return fail('conflict', { field: 'note', code: 'report-merged', message: `Laporan ini digabung ke ${r.merged_into ?? 'laporan lain'}; catat respon awal di sana`, messageEn: `This report was merged into ${r.merged_into ?? 'another report'}; record the first response there` });
  if (r.first_response_at)
    return fail('conflict', { field: 'note', code: 'already-responded', message: 'Respon awal laporan ini sudah dicatat', messageEn: 'The first response to this report is already recorded' });

  const settings = await settingsOf(ctx, r.office_id);
  const state = firstResponseState({ reportedAt: r.reported_at, dueAt: r.first_response_due_at, respondedAt: at }, at, settings.atRiskShare);
  const minutes = Math.round((Date.parse(at) - Date.parse(r.reported_at)) / 60_000);
  const written = await ctx.database.write(async (trx) => {
    if (!(await setFirstResponse(trx, r.id, r.version, at, input.key ?? null))) return false;
    const data = { at, lat: input.lat ?? null, lng: input.lng ?? null, photo: input.photo ?? null, minutes, state, ...(input.key ? { capturedOnDevice: true, receivedAt: now.toISOString() } : {}) };
    await insertEmergencyEvent(trx, { report_id: r.id, office_id: r.office_id, type: 'first-response', actor_id: actor.id, actor_name: actor.name, data: { ...data, note: input.note }, at: now.toISOString() });
    if (input.photo) await insertAttachments(trx, [{ application_id: r.application_id, requirement_id: PHOTO_REQUIREMENT, upload_id: input.photo, shown_to: null, created_at: now.toISOString() }]);
    await insertEvent(trx, { application_id: r.application_id, office_id: r.office_id, type: 'emergency:first-response', actor_id: actor.id, actor_name: actor.name, note: input.note, data, at: now.toISOString() });
    await insertAuditEvent(trx, { officeId: r.office_id, actor: actor.name, action: 'emergency.first-response', subject: `emergency:${r.id}`, detail: { registrationNumber, ...data, actorId: actor.id }, at: now.toISOString() });
    return true;
  });
  if (!written) {
    // Two sends of the same capture at once: the one that lost answers as the one that won.
    const again = input.key ? await findReportByNumber(db, actor.officeId, registrationNumber) : undefined;
    if (again?.first_response_at && again.first_response_key === input.key) return { ok: true, value: answer(again.first_response_at, again.first_response_due_at ? again.first_response_at <= again.first_response_due_at : null) };
    return fail('conflict', { field: 'note', code: 'already-responded', message: 'Respon awal laporan ini baru saja dicatat petugas lain', messageEn: 'Another member has just recorded the first response to this report' });
  }
  return { ok: true, value: answer(at, r.first_response_due_at ? state === 'met' : null) };
}
