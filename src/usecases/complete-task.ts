/**
 * Completes a task with one of its step's outcomes. Exactly one of two concurrent completions
 * wins: the case row is updated only if its version is the one the officer saw (else 409), and
 * the new state, the event and the next task are written in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { closeOpenTasks, findApplication, findTask, insertEvent, insertTask, updateApplicationIfVersion } from '../db/applications-repo.js';
import type { Problem } from '../domain/errors.js';
import { checkStepData, completesFile, outcomeMove, stepById } from '../domain/procedure/engine.js';
import { serviceOfCase } from './case-service.js';
import type { Actor, Ctx } from './context.js';
import { nowOf } from './context.js';
import type { Pause } from './sla-clock.js';

export interface CompleteInput {
  taskId: string;
  outcome: string;
  note?: string;
  data?: Record<string, unknown>;
  version: number;
}

export type CompleteResult =
  | { ok: true; value: { applicationId: string; status: string; step: string | null; end: string | null; dueAt: string | null; version: number } }
  | { ok: false; status: 403 | 404 | 409 | 422; problems: Problem[] };

const notFound: CompleteResult = { ok: false, status: 404, problems: [{ code: 'task-not-found', message: 'Tugas tidak ditemukan', messageEn: 'Task not found' }] };
const conflict: CompleteResult = {
  ok: false,
  status: 409,
  problems: [{ code: 'conflict', message: 'Petugas lain sudah lebih dulu menindaklanjuti berkas ini. Muat ulang untuk melihat keadaan terbaru.', messageEn: 'Someone else acted on this case first. Reload to see its current state.' }],
};

export async function completeTask(ctx: Ctx, input: CompleteInput, actor: Actor): Promise<CompleteResult> {
  const db = ctx.database.db;
  if (!actor.officeId) return notFound;
  const task = await findTask(db, actor.officeId, input.taskId);
  if (!task) return notFound;
  if (!actor.roles.includes(task.role))
    return { ok: false, status: 403, problems: [{ code: 'role-required', message: `Tugas ini untuk peran "${task.role}"`, messageEn: `This task belongs to the "${task.role}" role` }] };
  const app = await findApplication(db, actor.officeId, task.application_id);
  if (!app) return notFound;
  if (task.status !== 'open' || app.version !== input.version) return conflict;
  if (task.claimed_by && task.claimed_by !== actor.id)
    return { ok: false, status: 409, problems: [{ code: 'claimed', message: 'Tugas ini sedang ditangani petugas lain', messageEn: 'Another officer is handling this task' }] };
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const proc = svc.procedure!;
  const step = stepById(proc, task.step_id)!;
  const move = outcomeMove(proc, step.id, input.outcome);
  if ('code' in move) return { ok: false, status: 422, problems: [move] };
  const dataProblems = checkStepData(step, input.outcome, { note: input.note, data: input.data });
  if (dataProblems.length) return { ok: false, status: 422, problems: dataProblems };
  const outcome = step.outcomes.find((o) => o.id === input.outcome)!;
  const effectInput = { ctx, app, service: svc, step, outcome, move, actor, note: input.note, data: input.data ?? {}, now: nowOf(ctx).toISOString() };
  for (const e of ctx.effects) {
    const problems = e.check ? await e.check(effectInput) : [];
    if (problems.length) return { ok: false, status: 422, problems };
  }

  const found = ctx.catalogue.list().find((o) => o.id === app.office_id)!;
  const office = found.office;
  const now = effectInput.now;
  let pauses = JSON.parse(app.pauses) as Pause[];
  let clockStart = app.clock_started_at;
  const effects: Record<string, unknown> = {};
  // Leaving a wait on an outside body ends its pause.
  if (app.paused_since && app.status === 'waiting-external') {
    pauses = pauses.map((p) => (p.to === null ? { ...p, to: now } : p));
    effects.clock = 'resumed';
  }
  if (!clockStart && outcome.kind === 'forward' && completesFile(proc, step.id)) {
    clockStart = now;
    effects.clock = 'started';
  }
  let stages = ctx.clock.leaveStep(office, svc, JSON.parse(app.stages), step.id, now);
  const set: Parameters<typeof updateApplicationIfVersion>[3] = { updated_at: now };
  if (move.kind === 'end') {
    set.status = move.status;
    set.current_step = null;
    set.end_id = move.endId;
    set.closed_at = now;
    if (move.status !== 'completed') set.outcome_reason = input.note?.trim() ?? null;
    effects.clock = 'stopped';
  } else {
    set.status = move.status;
    set.current_step = move.step.id;
    if (move.pause) {
      pauses = [...pauses, { from: now, to: null, kind: move.pause }];
      effects.clock = 'paused';
      effects.waitingOn = move.pause === 'external' ? move.step.external : 'applicant';
    }
    if (outcome.kind === 'return') set.outcome_reason = input.note?.trim() ?? null;
    stages = ctx.clock.enterStep(office, svc, stages, move.step.id, now);
  }
  const times = clockStart ? ctx.clock.due(office, svc, clockStart, pauses) : { dueAt: null, expectedAt: null, warnings: [] };
  const open = pauses.find((p) => p.to === null);
  set.pauses = JSON.stringify(pauses);
  set.paused_since = open ? open.from : null;
  set.clock_started_at = clockStart;
  set.due_at = times.dueAt;
  set.expected_at = times.expectedAt;
  set.stages = JSON.stringify(stages);
  set.sla_state = move.kind === 'end' ? (times.dueAt && now > times.dueAt ? 'late' : 'closed') : ctx.clock.state(clockStart, times.dueAt, !!open, now);
  if (times.dueAt !== app.due_at) effects.dueAt = times.dueAt;

  let won = false;
  await ctx.database.write(async (trx) => {
    won = await updateApplicationIfVersion(trx, app.id, app.version, set);
    if (!won) return;
    const effectData: Record<string, unknown> = {};
    for (const e of ctx.effects) if (e.apply) Object.assign(effectData, (await e.apply({ ...effectInput, trx })) ?? {});
    await closeOpenTasks(trx, app.id, now, actor.id);
    if (move.kind === 'step')
      await insertTask(trx, {
        id: randomUUID(),
        office_id: app.office_id,
        application_id: app.id,
        service_id: app.service_id,
        step_id: move.step.id,
        role: move.step.role,
        sla_state: set.sla_state!,
        // A case back with the applicant is not in anyone's queue until the file comes back.
        status: move.status === 'waiting-applicant' ? 'waiting' : 'open',
        claimed_by: null,
        due_at: times.dueAt,
        created_at: now,
        completed_at: null,
        completed_by: null,
      });
    await insertEvent(trx, {
      id: randomUUID(),
      application_id: app.id,
      office_id: app.office_id,
      type: move.kind === 'end' ? `closed:${move.status}` : outcome.kind === 'return' ? 'returned' : 'step-completed',
      step_id: step.id,
      outcome: outcome.id,
      actor_id: actor.id,
      actor_name: actor.name,
      note: input.note?.trim() || null,
      // A signer's password must never reach the case history.
      data: JSON.stringify({ ...(input.data ?? {}), ...effectData, password: undefined, outcomeLabel: outcome.label, next: move.kind === 'end' ? move.endId : move.step.id, warnings: times.warnings }),
      sla_effect: Object.keys(effects).length ? JSON.stringify(effects) : null,
      at: now,
    });
  });
  if (!won) return conflict;
  return {
    ok: true,
    value: {
      applicationId: app.id,
      status: set.status!,
      step: move.kind === 'step' ? move.step.id : null,
      end: move.kind === 'end' ? move.endId : null,
      dueAt: times.dueAt,
      version: app.version + 1,
    },
  };
}

/** Claims an open task for the officer (or releases it). One officer holds a task at a time. */
export async function claimTask(ctx: Ctx, taskId: string, actor: Actor, release = false): Promise<{ ok: true; claimedBy: string | null } | { ok: false; status: 403 | 404 | 409; problems: Problem[] }> {
  if (!actor.officeId || !actor.id) return { ok: false, status: 404, problems: [{ code: 'task-not-found', message: 'Tugas tidak ditemukan', messageEn: 'Task not found' }] };
  const task = await findTask(ctx.database.db, actor.officeId, taskId);
  if (!task || task.status !== 'open') return { ok: false, status: 404, problems: [{ code: 'task-not-found', message: 'Tugas tidak ditemukan', messageEn: 'Task not found' }] };
  if (!actor.roles.includes(task.role))
    return { ok: false, status: 403, problems: [{ code: 'role-required', message: `Tugas ini untuk peran "${task.role}"`, messageEn: `This task belongs to the "${task.role}" role` }] };
  const r = await ctx.database.db
    .updateTable('tasks')
    .set({ claimed_by: release ? null : actor.id })
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .where((eb) => (release ? eb('claimed_by', '=', actor.id) : eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', actor.id)])))
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    return { ok: false, status: 409, problems: [{ code: 'claimed', message: 'Tugas ini sudah diambil petugas lain', messageEn: 'Another officer has already claimed this task' }] };
  return { ok: true, claimedBy: release ? null : actor.id };
}
