/**
 * The escalated head acknowledges a report on the dispatch board: who, when, a note, and optionally
 * an order (assigning a member, checked like any assignment). It stops the repeat notices and the
 * escalation onward for that level; the head of office may acknowledge either level, the head of
 * division only their own. Audited; of two acknowledgements at once, one is written.
 */
import { insertEvent } from '../../db/applications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportByNumber, insertEmergencyEvent, setAcknowledged } from '../../db/emergency-repo.js';
import { awaitingAcknowledgement, type Task } from '../../domain/emergency/index.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { checkAssignee, reportNotFound, writeAssignment } from './emergency-common.js';

export interface AcknowledgeInput {
  note: string;
  /** An order given with the acknowledgement: assign this member to this task. */
  order?: { member: string; task: Task };
}

export interface Acknowledged {
  registrationNumber: string;
  level: string;
  acknowledgedAt: string;
  acknowledgedBy: string;
  /** Minutes the escalation waited for this acknowledgement (null: escalated before the times were kept). */
  waitedMinutes: number | null;
  assigned: string | null;
}

const LEVEL_NAMES: Record<string, [string, string]> = { 'kepala-bidang': ['Kepala Bidang', 'head of division'], 'kepala-dinas': ['Kepala Dinas', 'head of office'] };

export async function acknowledgeEscalation(ctx: Ctx, actor: Actor, registrationNumber: string, input: AcknowledgeInput): Promise<Outcome<Acknowledged>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.dispatch'))
    return fail('forbidden', { field: 'note', code: 'permission-required', message: 'Hanya Kepala Bidang atau Kepala Dinas yang menerima eskalasi', messageEn: 'Only the head of division or head of office acknowledges an escalation' });
  const db = ctx.database.db;
  const r = await findReportByNumber(db, actor.officeId, registrationNumber);
  if (!r) return reportNotFound();
  const facts = { escalation: r.escalation, acknowledgedLevel: r.acknowledged_level ?? 'none' };
  if (r.state !== 'open' || !awaitingAcknowledgement(facts))
    return fail('conflict', {
      field: 'note',
      code: 'nothing-to-acknowledge',
      message: r.acknowledged_by ? `Eskalasi laporan ini sudah diterima oleh ${r.acknowledged_by}` : 'Laporan ini tidak sedang menunggu penerimaan eskalasi',
      messageEn: r.acknowledged_by ? `This report's escalation was already acknowledged by ${r.acknowledged_by}` : 'This report is not waiting for an escalation to be acknowledged',
    });
  const level = r.escalation;
  const roles = ctx.catalogue.officeById(r.office_id).office.roles.map((x) => x.id);
  // The level's head, or the head of office for any level (and for an office without a head of division).
  const mayLevel = actor.roles.includes('kepala-dinas') || (actor.roles.includes(level) && roles.includes(level));
  if (!mayLevel) {
    const [id, en] = LEVEL_NAMES[level] ?? [level, level];
    return fail('forbidden', { field: 'note', code: 'not-your-level', message: `Eskalasi ini ditujukan ke ${id}; hanya ${id} (atau Kepala Dinas) yang menerimanya`, messageEn: `This escalation is addressed to the ${en}; only they (or the head of office) acknowledge it` });
  }
  const now = nowOf(ctx).toISOString();
  const who = input.order ? await checkAssignee(ctx, r.office_id, input.order.member, input.order.task, now) : null;
  if (who && !who.ok) return who;
  const waitedMinutes = r.escalated_at ? Math.max(0, Math.round((Date.parse(now) - Date.parse(r.escalated_at)) / 60_000)) : null;
  const written = await ctx.database.write(async (trx) => {
    if (!(await setAcknowledged(trx, r.id, level, actor.name, now))) return false;
    const order = who?.ok ? { member: who.value.user.id, memberName: who.value.user.name, task: input.order!.task } : null;
    const data = { level, note: input.note, waitedMinutes, order };
    await insertEmergencyEvent(trx, { report_id: r.id, office_id: r.office_id, type: 'acknowledged', actor_id: actor.id, actor_name: actor.name, data, at: now });
    await insertEvent(trx, { application_id: r.application_id, office_id: r.office_id, type: 'emergency:acknowledged', actor_id: actor.id, actor_name: actor.name, note: input.note, data: { level, waitedMinutes }, at: now });
    await insertAuditEvent(trx, { officeId: r.office_id, actor: actor.name, action: 'emergency.acknowledged', subject: `emergency:${r.id}`, detail: { registrationNumber, ...data, actorId: actor.id }, at: now });
    if (who?.ok)
      await writeAssignment(trx, ctx, { id: r.id, officeId: r.office_id, applicationId: r.application_id, registrationNumber, service: r.service_slug }, who.value.user, input.order!.task, { id: actor.id, name: actor.name, onDuty: who.value.onDuty, byRule: false }, now);
    return true;
  });
  if (!written) {
    const now2 = await findReportByNumber(db, actor.officeId, registrationNumber);
    const by = now2?.acknowledged_by;
    return fail('conflict', {
      field: 'note',
      code: 'already-acknowledged',
      message: by ? `Eskalasi ini baru saja diterima oleh ${by}` : 'Eskalasi laporan ini baru saja berubah; muat ulang papan',
      messageEn: by ? `This escalation has just been acknowledged by ${by}` : "This report's escalation has just changed; reload the board",
    });
  }
  return { ok: true, value: { registrationNumber, level, acknowledgedAt: now, acknowledgedBy: actor.name, waitedMinutes, assigned: who?.ok ? who.value.user.name : null } };
}
