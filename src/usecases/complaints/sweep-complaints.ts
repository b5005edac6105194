/**
 * Holds offices to their response promise: flags complaints at risk (75% of the time budget used)
 * and late, notifies the complaint officer, escalates late ones to the head of office, and closes
 * answered complaints nobody replied to within 10 working days (SP4N-LAPOR!). Idempotent: each
 * notification is written once per complaint, role, kind and deadline.
 */
import { randomUUID } from 'node:crypto';
import { answeredWithoutReply, insertComplaintEvent, insertComplaintNotification, sweepCandidates, updateComplaintIfVersion } from '../../db/complaints-repo.js';
import { AUTO_CLOSE_WORKING_DAYS, CLOSED, COMPLAINT_OFFICER_ROLE, HEAD_ROLE } from '../../domain/complaints/index.js';
import { utc } from '../sla-clock.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { officeById } from './office-complaints.js';

export interface ComplaintSweep {
  atRisk: number;
  late: number;
  escalated: number;
  autoClosed: number;
}

export async function sweepComplaints(ctx: Ctx, officeId: string): Promise<ComplaintSweep> {
  const out: ComplaintSweep = { atRisk: 0, late: 0, escalated: 0, autoClosed: 0 };
  const office = officeById(ctx, officeId);
  if (!office) return out;
  const db = ctx.database.db;
  const now = nowOf(ctx).toISOString();
  for (const r of await sweepCandidates(db, officeId)) {
    const state = ctx.clock.state(r.clock_started_at, r.due_at, false, now);
    if (state === r.sla_state || (state !== 'at-risk' && state !== 'late')) continue;
    const late = state === 'late';
    await ctx.database.write(async (trx) => {
      const won = await updateComplaintIfVersion(trx, r.id, r.version, { sla_state: state, ...(late ? { escalated_at: now } : {}) });
      if (!won) return;
      if (late) out.late++;
      else out.atRisk++;
      const kind = `${state}@${r.due_at}`;
      const due = ctx.clock.local(office.office, r.due_at);
      const message = late
        ? `Pengaduan ${r.receipt_number} melewati janji waktu tanggapan (${due}) / past its response promise`
        : `Pengaduan ${r.receipt_number} hampir melewati janji waktu tanggapan (${due}) / at risk of missing its response promise`;
      for (const role of late ? [COMPLAINT_OFFICER_ROLE, HEAD_ROLE] : [COMPLAINT_OFFICER_ROLE])
        await insertComplaintNotification(trx, { id: randomUUID(), office_id: officeId, complaint_id: r.id, role, kind, message, created_at: now, read_at: null });
      await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: r.id, office_id: officeId, type: `sla:${state}`, stage: r.stage, actor_id: null, actor_name: 'Sigap (jam layanan)', visibility: 'internal', note: null, data: JSON.stringify({ dueAt: r.due_at }), at: now });
      if (late) {
        out.escalated++;
        await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: r.id, office_id: officeId, type: 'escalated', stage: r.stage, actor_id: null, actor_name: 'Sigap (jam layanan)', visibility: 'internal', note: null, data: JSON.stringify({ to: HEAD_ROLE, dueAt: r.due_at }), at: now });
      }
    });
  }
  const cal = ctx.clock.calendar(office.office);
  for (const r of await answeredWithoutReply(db, officeId)) {
    if (!r.answered_at) continue;
    const closeAt = utc(cal.addDuration(r.answered_at, AUTO_CLOSE_WORKING_DAYS, 'working_days').dueAt);
    if (closeAt > now) break; // ordered by answer time: the rest are later
    await ctx.database.write(async (trx) => {
      const won = await updateComplaintIfVersion(trx, r.id, r.version, { stage: CLOSED.id, status: 'closed', closed_at: now, updated_at: now });
      if (!won) return;
      out.autoClosed++;
      await insertComplaintEvent(trx, { id: randomUUID(), complaint_id: r.id, office_id: officeId, type: 'auto-closed', stage: CLOSED.id, actor_id: null, actor_name: 'Sigap', visibility: 'public', note: null, data: JSON.stringify({ closeAt }), at: now });
    });
  }
  return out;
}

/** For the server's minute loop: every office. */
export async function sweepAllComplaints(ctx: Ctx): Promise<void> {
  for (const o of ctx.catalogue.list()) await sweepComplaints(ctx, o.id);
}
