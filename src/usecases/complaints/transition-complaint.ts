/**
 * Moves a complaint through the office's stages with the data each stage needs: the written
 * answer, the unit it is routed to, where to go instead when it is not the office's authority,
 * the earlier complaint it merges into; reopening restarts the response clock. The complaint row
 * and its events are written in one transaction, conditional on the version the officer saw.
 */
import { complaintEvent, findComplaintByReceiptInOffice, insertComplaintEvents, type Complaint } from '../../db/complaints-repo.js';
import type { ComplaintsTable } from '../../db/schema-complaints.js';
import { updateIfVersion } from '../../db/versioned.js';
import { MERGED, answeredState, checkTransition, statusOf, type TransitionInput } from '../../domain/complaints/index.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { changedByAnother, findWorkableComplaint, type WorkDone } from './find-staff-complaint.js';
import { queueComplaintNotice } from '../notifications/queue-complaint-notices.js';
import { complaintSetup, responseDue } from './office-complaints.js';

export interface TransitionRequest extends TransitionInput {
  /** The version of the complaint the officer saw. */
  version: number;
}

export async function transitionComplaint(ctx: Ctx, actor: Actor, id: string, input: TransitionRequest): Promise<Outcome<WorkDone>> {
  const found = await findWorkableComplaint(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  if (input.version !== c.version) return changedByAnother();
  const setup = complaintSetup(ctx.catalogue.officeById(c.officeId));
  const checked = checkTransition(setup.stages, c.stage, input);
  if (!checked.ok) return fail('invalid', ...checked.problems);
  const t = checked.value;
  const now = nowOf(ctx).toISOString();
  const set: Partial<ComplaintsTable> = { stage: t.target.id, status: statusOf(t.target), updated_at: now };
  const answered = () => ({ answered_at: now, answered_by: actor.name, sla_state: answeredState(now, c.dueAt) });
  let eventType = 'stage-changed';
  let eventText: string | null = null;
  const data: Record<string, unknown> = { from: c.stage, to: t.target.id };
  let mergeTarget: Complaint | undefined;

  switch (t.target.kind) {
    case 'answered':
      Object.assign(set, { answer: t.answer, ...answered(), resolved: null, feedback: null, feedback_at: null });
      eventType = 'answered';
      eventText = t.answer;
      break;
    case 'not-our-authority':
      Object.assign(set, { referral: t.referral, ...answered(), closed_at: now });
      eventType = 'not-our-authority';
      eventText = t.referral;
      break;
    case 'merged': {
      const target = await mergeTargetOf(ctx, c, t.mergeInto!);
      if (!target.ok) return target;
      mergeTarget = target.value;
      Object.assign(set, { merged_into: mergeTarget.id, ...answered(), closed_at: now });
      eventType = 'merged';
      data.mergedInto = mergeTarget.receiptNumber;
      break;
    }
    case 'closed':
      set.closed_at = now;
      eventType = 'closed';
      break;
    case 'work':
      if (t.target.routing) {
        Object.assign(set, { routed_to: t.unit, coordination: t.coordination });
        data.unit = t.unit;
        data.coordination = t.coordination;
      }
      if (t.reopen) {
        const due = responseDue(ctx, setup, now);
        Object.assign(set, { clock_started_at: now, due_at: due.dueAt, sla_state: 'on-time', escalated_at: null, resolved: null });
        eventType = 'reopened';
        data.dueAt = due.dueAt;
      }
      break;
    default:
      break;
  }

  const won = await ctx.database.write(async (trx) => {
    if (!(await updateIfVersion(trx, 'complaints', c.id, c.version, set))) return false;
    const event = complaintEvent(c, { type: eventType, stage: t.target.id, actor, note: eventText, data, at: now });
    await insertComplaintEvents(
      trx,
      event,
      ...(t.note ? [complaintEvent(c, { type: 'note', stage: t.target.id, actor, visibility: 'internal', note: t.note, at: now })] : []),
      ...(mergeTarget ? [complaintEvent(mergeTarget, { type: 'merged-in', stage: mergeTarget.stage, actor, visibility: 'internal', data: { from: c.receiptNumber }, at: now })] : []),
    );
    await queueComplaintNotice(trx, ctx, c, event, set.status!);
    return true;
  });
  if (!won) return changedByAnother();
  return { ok: true, value: { id: c.id, stage: set.stage!, status: set.status!, slaState: set.sla_state ?? c.slaState, dueAt: set.due_at ?? c.dueAt, version: c.version + 1 } };
}

/** The earlier complaint of the same office a duplicate merges into. */
async function mergeTargetOf(ctx: Ctx, c: Complaint, receipt: string): Promise<Outcome<Complaint>> {
  const problem = (code: string, message: string, messageEn: string) => failWith('invalid', code, message, messageEn, 'mergeInto');
  const target = await findComplaintByReceiptInOffice(ctx.database.db, c.officeId, receipt);
  if (!target) return problem('merge-target-not-found', `Pengaduan ${receipt} tidak ditemukan di kantor ini`, `Complaint ${receipt} not found at this office`);
  if (target.id === c.id) return problem('merge-self', 'Pengaduan tidak dapat digabung dengan dirinya sendiri', 'A complaint cannot be merged into itself');
  if (target.stage === MERGED.id) return problem('merge-target-merged', `Pengaduan ${receipt} sendiri sudah digabung; gabungkan ke pengaduan induknya`, `${receipt} was itself merged; merge into its parent`);
  if (target.receivedAt > c.receivedAt) return problem('merge-target-later', 'Gabungkan ke pengaduan yang diterima lebih dahulu', 'Merge into the complaint received earlier');
  return { ok: true, value: target };
}
