/**
 * An officer records a call they made for a decree's promise: connected closes the task (the
 * promise kept, its time measured); not answered or a wrong number leaves it open to try again.
 * Every attempt is a case event (the timeline and the audit trail), in one transaction with the task.
 */
import { insertEvent } from '../../db/applications-repo.js';
import { findCallTask, recordCallAttempt } from '../../db/calls-repo.js';
import { CALL_OUTCOMES, minutesBetween, type CallOutcome } from '../../domain/calls/calls.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

export interface CallRecorded {
  applicationId: string;
  done: boolean;
  attempts: number;
  minutesSinceMoment: number;
}

export async function recordCallOutcome(ctx: Ctx, actor: Actor & { officeId: string }, callId: string, input: { outcome: string; note?: string }): Promise<Outcome<CallRecorded>> {
  const task = await findCallTask(ctx.database.db, actor.officeId, callId);
  if (!task) return failWith('not-found', 'call-not-found', 'Tugas panggilan tidak ditemukan', 'Call task not found');
  if (!actor.roles.includes(task.role))
    return failWith('forbidden', 'call-role-required', `Panggilan ini tugas peran ${task.role}`, `This call is the ${task.role} role's task`);
  if (task.status !== 'open') return failWith('conflict', 'call-done', 'Panggilan ini sudah tersambung dan dicatat', 'This call already connected and was recorded');
  if (!(CALL_OUTCOMES as readonly string[]).includes(input.outcome))
    return fail('invalid', { field: 'outcome', code: 'call-outcome-required', message: 'Pilih hasil panggilan: tersambung, tidak diangkat atau nomor salah', messageEn: 'Choose the call outcome: connected, not answered or wrong number' });
  const outcome = input.outcome as CallOutcome;
  const note = input.note?.trim().slice(0, 2000) || null;
  const now = nowOf(ctx).toISOString();
  const done = outcome === 'tersambung';
  const minutes = minutesBetween(task.due_from, now);
  const ok = await ctx.database.write(async (trx) => {
    if (!(await recordCallAttempt(trx, task, { outcome, at: now, by: actor.id, done }))) return false;
    await insertEvent(trx, {
      application_id: task.application_id,
      office_id: task.office_id,
      type: `call:${outcome}`,
      actor_id: actor.id,
      actor_name: actor.name,
      note,
      data: { callTask: task.id, promise: task.promise_id, attempt: task.attempts + 1, minutesSinceMoment: minutes },
      at: now,
    });
    return true;
  });
  if (!ok) return failWith('conflict', 'call-changed', 'Panggilan ini baru saja dicatat orang lain; muat ulang halaman', 'Someone just recorded this call; reload the page');
  return { ok: true, value: { applicationId: task.application_id, done, attempts: task.attempts + 1, minutesSinceMoment: minutes } };
}

/** The case a call task of this office belongs to (where a refused record goes back to). */
export async function caseOfCall(ctx: Ctx, officeId: string, callId: string): Promise<string | null> {
  return (await findCallTask(ctx.database.db, officeId, callId))?.application_id ?? null;
}
