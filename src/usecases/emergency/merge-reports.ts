/**
 * Merges a duplicate report into the earlier one about the same person and place (the dispatcher
 * decides that they are; Sigap checks the service, the office and the window). The duplicate leaves
 * the board; its reporter keeps their own receipt and tracking code, and both cases say where the other went.
 */
import { insertEvent } from '../../db/applications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportByNumber, insertEmergencyEvent, setMerged } from '../../db/emergency-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { reportNotFound, settingsOf } from './emergency-common.js';

export async function mergeReports(ctx: Ctx, actor: Actor, duplicate: string, into: string): Promise<Outcome<{ merged: string; into: string }>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.dispatch'))
    return fail('forbidden', { field: 'into', code: 'permission-required', message: 'Hanya Kepala Bidang atau Kepala Dinas yang menggabungkan laporan', messageEn: 'Only the head of division or head of office merges reports' });
  const db = ctx.database.db;
  const [d, t] = await Promise.all([findReportByNumber(db, actor.officeId, duplicate), findReportByNumber(db, actor.officeId, into.trim())]);
  if (!d) return reportNotFound();
  if (!t) return fail('invalid', { field: 'into', code: 'merge-target-unknown', message: `Laporan ${into} tidak ditemukan di kantor ini`, messageEn: `No report ${into} in this office` });
  if (d.id === t.id) return fail('invalid', { field: 'into', code: 'merge-self', message: 'Laporan tidak dapat digabung ke dirinya sendiri', messageEn: 'A report cannot be merged into itself' });
  if (d.service_slug !== t.service_slug)
    return fail('invalid', { field: 'into', code: 'merge-other-service', message: 'Hanya laporan dari layanan yang sama yang dapat digabung', messageEn: 'Only reports of the same service can be merged' });
  if (t.state === 'merged') return fail('invalid', { field: 'into', code: 'merge-target-merged', message: `Laporan ${into} sendiri sudah digabung ke ${t.merged_into}`, messageEn: `Report ${into} was itself merged into ${t.merged_into}` });
  if (d.state !== 'open') return fail('conflict', { field: 'into', code: 'report-not-open', message: 'Hanya laporan yang belum direspon yang dapat digabung', messageEn: 'Only reports awaiting their first response can be merged' });
  const { mergeWindowMinutes } = await settingsOf(ctx, actor.officeId);
  if (Math.abs(Date.parse(d.reported_at) - Date.parse(t.reported_at)) > mergeWindowMinutes * 60_000)
    return fail('invalid', { field: 'into', code: 'merge-outside-window', message: `Kedua laporan berjarak lebih dari ${mergeWindowMinutes} menit; tidak digabung`, messageEn: `The reports are more than ${mergeWindowMinutes} minutes apart; not merged` });
  const now = nowOf(ctx).toISOString();
  const done = await ctx.database.write(async (trx) => {
    if (!(await setMerged(trx, d.id, d.version, t.registration_number))) return false;
    await insertEmergencyEvent(trx, { report_id: d.id, office_id: d.office_id, type: 'merged', actor_id: actor.id, actor_name: actor.name, data: { into: t.registration_number }, at: now });
    await insertEmergencyEvent(trx, { report_id: t.id, office_id: t.office_id, type: 'merged-from', actor_id: actor.id, actor_name: actor.name, data: { from: d.registration_number }, at: now });
    await insertEvent(trx, { application_id: d.application_id, office_id: d.office_id, type: 'emergency:merged', actor_id: actor.id, actor_name: actor.name, data: { into: t.registration_number }, at: now });
    await insertEvent(trx, { application_id: t.application_id, office_id: t.office_id, type: 'emergency:merged-from', actor_id: actor.id, actor_name: actor.name, data: { from: d.registration_number }, at: now });
    await insertAuditEvent(trx, { officeId: d.office_id, actor: actor.name, action: 'emergency.merged', subject: `emergency:${d.id}`, detail: { duplicate: d.registration_number, into: t.registration_number, actorId: actor.id }, at: now });
    return true;
  });
  if (!done) return fail('conflict', { field: 'into', code: 'report-changed', message: 'Laporan baru saja berubah; muat ulang', messageEn: 'The report has just changed; reload' });
  return { ok: true, value: { merged: d.registration_number, into: t.registration_number } };
}
