/**
 * The complainant's verdict on the answer, given once. Resolved: the complaint is closed. Not
 * resolved (a comment says why): it is reopened into the last work stage with a fresh response clock.
 */
import { complaintEvent, insertComplaintEvents } from '../../db/complaints-repo.js';
import { updateIfVersion } from '../../db/versioned.js';
import { CLOSED, cleanText } from '../../domain/complaints/index.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import type { TrackedAction } from './add-complaint-information.js';
import { changedMeanwhile, findTrackedComplaint, type TrackingKey } from './find-tracked-complaint.js';
import { complaintSetup, responseDue } from './office-complaints.js';

export interface FeedbackInput {
  resolved?: boolean | undefined;
  comment?: string | undefined;
}

export async function giveComplaintFeedback(ctx: Ctx, key: TrackingKey, input: FeedbackInput): Promise<Outcome<TrackedAction>> {
  const found = await findTrackedComplaint(ctx, key);
  if (!found.ok) return found;
  const c = found.value;
  if (c.status !== 'answered' || c.resolved !== null)
    return failWith('conflict', 'not-answered', 'Tanggapan atas jawaban hanya dapat diberikan sekali, setelah pengaduan dijawab', 'A response to the answer can be given once, after the complaint is answered');
  const { resolved } = input;
  const problems: FieldProblem[] = [];
  if (resolved === undefined) problems.push({ field: 'resolved', code: 'resolved-required', message: 'Pilih apakah jawaban menyelesaikan masalah (ya/tidak)', messageEn: 'Say whether the answer resolved the problem (yes/no)' });
  const comment = cleanText(input.comment, { field: 'comment', label: 'Komentar', labelEn: 'Comment', max: 2000, multiline: true, required: resolved === false });
  if (!comment.ok) problems.push(comment.problem);
  if (problems.length || resolved === undefined || !comment.ok) return fail('invalid', ...problems);
  const setup = complaintSetup(ctx.catalogue.officeById(c.officeId));
  const now = nowOf(ctx).toISOString();
  const lastWork = [...setup.stages].reverse().find((s) => s.kind === 'work')!;
  const due = resolved ? null : responseDue(ctx, setup, now);
  const stage = resolved ? CLOSED.id : lastWork.id;
  const complainant = { id: null, name: 'Pelapor' };
  const won = await ctx.database.write(async (trx) => {
    const changed = await updateIfVersion(trx, 'complaints', c.id, c.version, {
      resolved: resolved ? 1 : 0,
      feedback: comment.value,
      feedback_at: now,
      stage,
      status: resolved ? 'closed' : 'open',
      closed_at: resolved ? now : null,
      ...(due ? { clock_started_at: now, due_at: due.dueAt, sla_state: 'on-time', escalated_at: null } : {}),
      updated_at: now,
    });
    if (!changed) return false;
    await insertComplaintEvents(
      trx,
      complaintEvent(c, { type: 'feedback', stage, actor: complainant, note: comment.value, data: { resolved }, at: now }),
      ...(due ? [complaintEvent(c, { type: 'reopened', stage, data: { dueAt: due.dueAt }, at: now })] : []),
    );
    return true;
  });
  if (!won) return changedMeanwhile();
  return { ok: true, value: { status: resolved ? 'closed' : 'open', stage, version: c.version + 1 } };
}
