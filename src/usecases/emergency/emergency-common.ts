/** What the emergency use cases share: the office's settings (or the defaults), the one "report not found", the one way an assignment is written, the report as answered. */
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertAssignment, insertEmergencyEvent, memberOf, settingsRow, shiftsFrom, type ReportRow } from '../../db/emergency-repo.js';
import { findUserById } from '../../db/staff-repo.js';
import type { DB } from '../../db/schema.js';
import type { Task } from '../../domain/emergency/index.js';
import { queueStaffMessages } from '../notifications/queue-staff-messages.js';
import { DEFAULT_SETTINGS, firstResponseState, type EmergencySettings, type FirstResponseState } from '../../domain/emergency/index.js';
import { awaitingAcknowledgement, credentialProblems } from '../../domain/emergency/index.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';

export async function settingsOf(ctx: Ctx, officeId: string): Promise<EmergencySettings & { custom: boolean }> {
  const r = await settingsRow(ctx.database.db, officeId);
  return r
    ? { atRiskShare: r.at_risk_share, reviewHours: r.review_hours, mergeWindowMinutes: r.merge_window_minutes, mergeRadiusMetres: r.merge_radius_metres, autoAssign: Number(r.auto_assign) === 1, ackMinutes: r.ack_minutes ?? DEFAULT_SETTINGS.ackMinutes, custom: true }
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
  /** Whether the current escalation waits for its head, since when and how long (ms), and who acknowledged last (migration 039). */
  acknowledgement: { awaiting: boolean; level: string; escalatedAt: string | null; waitingMs: number | null; by: string | null; at: string | null; atLocal: string | null };
  state: string;
  mergedInto: string | null;
}

export function acknowledgementOf(r: ReportRow, now: string, local: (iso: string | null) => string | null): ReportSummary['acknowledgement'] {
  const awaiting = r.state === 'open' && awaitingAcknowledgement({ escalation: r.escalation, acknowledgedLevel: r.acknowledged_level ?? 'none' });
  const escalatedAt = r.escalated_at ?? null;
  return {
    awaiting,
    level: r.acknowledged_level ?? 'none',
    escalatedAt,
    waitingMs: awaiting && escalatedAt ? Math.max(0, Date.parse(now) - Date.parse(escalatedAt)) : null,
    by: r.acknowledged_by ?? null,
    at: r.acknowledged_at ?? null,
    atLocal: local(r.acknowledged_at ?? null),
  };
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
    acknowledgement: acknowledgementOf(r, now, local),
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

/**
 * Whether a member of the office may be given a task now: active, of this office, with the
 * decree's credentials (an official ID; a SIM for pick-up and escort); and whether they are on duty.
 */
export async function checkAssignee(ctx: Ctx, officeId: string, memberId: string, task: Task, now: string): Promise<Outcome<{ user: { id: string; name: string }; onDuty: boolean }>> {
  const db = ctx.database.db;
  const user = await findUserById(db, memberId);
  if (!user || user.office_id !== officeId || !user.active)
    return fail('invalid', { field: 'member', code: 'member-unknown', message: 'Petugas tidak ditemukan di kantor ini', messageEn: 'No such member in this office' });
  const office = ctx.catalogue.officeById(officeId).office;
  const member = await memberOf(db, user.id);
  const problems = credentialProblems(member ? { officialId: member.official_id, licence: member.licence, licenceValidUntil: member.licence_valid_until } : null, task, ctx.clock.localDate(office, now));
  if (problems.length) return fail('invalid', ...problems.map((p) => ({ ...p, field: 'member' })));
  const onDuty = (await shiftsFrom(db, officeId, now, 500)).some((s) => s.user_id === user.id && s.starts_at <= now);
  return { ok: true, value: { user: { id: user.id, name: user.display_name }, onDuty } };
}
