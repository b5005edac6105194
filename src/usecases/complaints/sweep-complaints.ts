/**
 * Holds offices to their response promise: flags complaints at risk (75% of the time budget used)
 * and late, notifies the complaint officer, escalates late ones to the head of office, and closes
 * answered complaints nobody replied to within 10 working days (SP4N-LAPOR!). Idempotent: each
 * notification is written once per complaint, role, kind and deadline.
 */
import { answeredWithoutReply, complaintEvent, insertComplaintEvents, insertComplaintNotification, sweepCandidates } from '../../db/complaints-repo.js';
import { updateIfVersion } from '../../db/versioned.js';
import { AUTO_CLOSE_WORKING_DAYS, CLOSED, COMPLAINT_OFFICER_ROLE, HEAD_ROLE } from '../../domain/complaints/index.js';
import { utc } from '../sla-clock.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { slaStateNow } from './office-complaints.js';

export interface ComplaintSweep {
  atRisk: number;
  late: number;
  escalated: number;
  autoClosed: number;
}

const CLOCK = { id: null, name: 'Sigap (jam layanan)' };

export async function sweepComplaints(ctx: Ctx, officeId: string): Promise<ComplaintSweep> {
  const out: ComplaintSweep = { atRisk: 0, late: 0, escalated: 0, autoClosed: 0 };
  const office = ctx.catalogue.officeById(officeId);
  const db = ctx.database.db;
  const now = nowOf(ctx).toISOString();
  for (const c of await sweepCandidates(db, officeId)) {
    const state = slaStateNow(ctx, c, now);
    if (state === c.slaState) continue;
    const late = state === 'late';
    await ctx.database.write(async (trx) => {
      const won = await updateIfVersion(trx, 'complaints', c.id, c.version, { sla_state: state, ...(late ? { escalated_at: now } : {}) });
      if (!won) return;
      if (late) out.late++;
      else out.atRisk++;
      const kind = `${state}@${c.dueAt}`;
      const due = ctx.clock.local(office.office, c.dueAt);
      const message = late
        ? `Pengaduan ${c.receiptNumber} melewati janji waktu tanggapan (${due}) / past its response promise`
        : `Pengaduan ${c.receiptNumber} hampir melewati janji waktu tanggapan (${due}) / at risk of missing its response promise`;
      for (const role of late ? [COMPLAINT_OFFICER_ROLE, HEAD_ROLE] : [COMPLAINT_OFFICER_ROLE])
        await insertComplaintNotification(trx, { office_id: officeId, complaint_id: c.id, role, kind, message, created_at: now });
      await insertComplaintEvents(
        trx,
        complaintEvent(c, { type: `sla:${state}`, stage: c.stage, actor: CLOCK, visibility: 'internal', data: { dueAt: c.dueAt }, at: now }),
        ...(late ? [complaintEvent(c, { type: 'escalated', stage: c.stage, actor: CLOCK, visibility: 'internal', data: { to: HEAD_ROLE, dueAt: c.dueAt }, at: now })] : []),
      );
      if (late) out.escalated++;
    });
  }
  const cal = ctx.clock.calendar(office.office);
  for (const c of await answeredWithoutReply(db, officeId)) {
    if (!c.answeredAt) continue;
    const closeAt = utc(cal.addDuration(c.answeredAt, AUTO_CLOSE_WORKING_DAYS, 'working_days').dueAt);
    if (closeAt > now) break; // ordered by answer time: the rest are later
    await ctx.database.write(async (trx) => {
      const won = await updateIfVersion(trx, 'complaints', c.id, c.version, { stage: CLOSED.id, status: 'closed', closed_at: now, updated_at: now });
      if (!won) return;
      out.autoClosed++;
      await insertComplaintEvents(trx, complaintEvent(c, { type: 'auto-closed', stage: CLOSED.id, data: { closeAt }, at: now }));
    });
  }
  return out;
}

/** For the server's minute loop: every office. */
export async function sweepAllComplaints(ctx: Ctx): Promise<void> {
  for (const o of ctx.catalogue.list()) await sweepComplaints(ctx, o.id);
}
