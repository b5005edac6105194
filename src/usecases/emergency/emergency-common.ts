/** What the emergency use cases share: the office's settings (or the defaults), the one "report not found", the one way an assignment is written, the report as answered. */
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertAssignment, insertEmergencyEvent, settingsRow, type ReportRow } from '../../db/emergency-repo.js';
import type { DB } from '../../db/schema.js';
import type { Task } from '../../domain/emergency/index.js';
import { queueStaffMessages } from '../notifications/queue-staff-messages.js';
import { DEFAULT_SETTINGS, firstResponseState, type EmergencySettings, type FirstResponseState } from '../../domain/emergency/index.js';
import { fail } from '../../domain/errors.js';
import type { Ctx } from '../context.js';

export async function settingsOf(ctx: Ctx, officeId: string): Promise<EmergencySettings & { custom: boolean }> {
  const r = await settingsRow(ctx.database.db, officeId);
  return r
    ? { atRiskShare: r.at_risk_share, reviewHours: r.review_hours, mergeWindowMinutes: r.merge_window_minutes, mergeRadiusMetres: r.merge_radius_metres, autoAssign: Number(r.auto_assign) === 1, custom: true }
    : { ...DEFAULT_SETTINGS, custom: false };
}

/** Another office's report looks as if it did not exist. */
export const reportNotFound = () =>
  fail('not-found', { code: 'emergency-not-found', message: 'Laporan darurat tidak ditemukan', messageEn: 'Emergency report not found' });

export interface ReportSummary {
  id: string;
  registrationNumber: string;
  service: string;
  channel: string;
  category: string;
  location: { text: string; lat: number | null; lng: number | null };
  reportedAt: string;
  reportedAtLocal: string;
  firstResponseDueAt: string | null;
  firstResponseDueAtLocal: string | null;
  firstResponseAt: string | null;
  firstResponseAtLocal: string | null;
  /** Minutes from the report to the "respon awal" event, once recorded. */
  firstResponseMinutes: number | null;
  firstResponseState: FirstResponseState;
  escalation: string;
  state: string;
  mergedInto: string | null;
}

/** A report as the board and the API show it (no names or phone numbers: those are on the report page, whose read is logged). */
export function summaryOf(ctx: Ctx, r: ReportRow, now: string, atRiskShare: number): ReportSummary {
  const office = ctx.catalogue.officeById(r.office_id).office;
  const local = (iso: string | null) => (iso ? ctx.clock.local(office, iso) : null);
  return {
    id: r.id,
    registrationNumber: r.registration_number,
    service: r.service_slug,
    channel: r.channel,
    category: r.category,
    location: { text: r.location_text, lat: r.lat, lng: r.lng },
    reportedAt: r.reported_at,
    reportedAtLocal: ctx.clock.local(office, r.reported_at),
    firstResponseDueAt: r.first_response_due_at,
    firstResponseDueAtLocal: local(r.first_response_due_at),
    firstResponseAt: r.first_response_at,
    firstResponseAtLocal: local(r.first_response_at),
    firstResponseMinutes: r.first_response_at ? Math.round((Date.parse(r.first_response_at) - Date.parse(r.reported_at)) / 60_000) : null,
    firstResponseState: firstResponseState({ reportedAt: r.reported_at, dueAt: r.first_response_due_at, respondedAt: r.first_response_at }, now, atRiskShare),
    escalation: r.escalation,
    state: r.state,
    mergedInto: r.merged_into,
  };
}

/**
 * Writes an assignment in the caller's transaction: the row, the report's event, the e-mail to the
 * member (once per report, task and moment) and the audit row. By the head of division or, with
 * `byRule`, by the office's assignment rule (settings.autoAssign) as the report is filed.
 */
export async function writeAssignment(
  trx: Transaction<DB>,
  ctx: Ctx,
  r: { id: string; officeId: string; applicationId: string; registrationNumber: string; service: string },
  member: { id: string; name: string },
  task: Task,
  by: { id: string | null; name: string; onDuty: boolean; byRule: boolean },
  now: string,
): Promise<void> {
  await insertAssignment(trx, { report_id: r.id, office_id: r.officeId, user_id: member.id, task, assigned_by: by.name, at: now });
  await insertEmergencyEvent(trx, { report_id: r.id, office_id: r.officeId, type: 'assigned', actor_id: by.id, actor_name: by.name, data: { member: member.id, memberName: member.name, task, onDuty: by.onDuty, ...(by.byRule ? { byRule: true } : {}) }, at: now });
  await queueStaffMessages(
    trx,
    ctx,
    { officeId: r.officeId, applicationId: r.applicationId, registrationNumber: r.registrationNumber, service: r.service, eventKey: `assigned:${r.id}:${task}:${now}`, kind: 'staff-assigned', task, at: now, path: `/petugas/berkas/${r.applicationId}` },
    { userId: member.id },
  );
  await insertAuditEvent(trx, {
    officeId: r.officeId,
    actor: by.name,
    action: 'emergency.assigned',
    subject: `emergency:${r.id}`,
    detail: { registrationNumber: r.registrationNumber, member: member.id, task, onDuty: by.onDuty, actorId: by.id, ...(by.byRule ? { byRule: true } : {}) },
    at: now,
  });
}
