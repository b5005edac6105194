/**
 * Completes a task with one of its step's outcomes. Exactly one of two concurrent completions
 * wins: the case row is updated only if its version is the one the officer saw (else 409), and
 * the new state, the event and the next task are written in the same transaction. A step effect
 * may hold the move (a handover or completion waits for its letters' signature; docs/LETTERS.md).
 */
import { closeOpenTasks, findCase, findTask, insertTask, updateCaseIfVersion, type CaseChanges } from '../../db/applications-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { checkStepData, completesFile, outcomeMove, stepById, type Move } from '../../domain/procedure/engine.js';
import { mayDoStep, stepRoles } from '../../domain/procedure/step-roles.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import type { Hold } from '../step-effects.js';
import { roleRequired, taskNotFound } from './case-failures.js';
import { serviceOfCase } from './service-of-case.js';
import { recordEvent } from '../notifications/queue-notices.js';
import { endReferredStay } from '../shelters/end-referred-stay.js';
import { countClosedCase } from '../oversight/count-closed-case.js';

export interface CompleteInput {
  taskId: string;
  outcome: string;
  note?: string;
  data?: Record<string, unknown>;
  version: number;
}

export interface StepDone {
  applicationId: string;
  status: string;
  step: string | null;
  end: string | null;
  dueAt: string | null;
  version: number;
}

const conflict = () =>
  failWith('conflict', 'conflict', 'Petugas lain sudah lebih dulu menindaklanjuti berkas ini. Muat ulang untuk melihat keadaan terbaru.', 'Someone else acted on this case first. Reload to see its current state.');

export async function completeTask(ctx: Ctx, input: CompleteInput, actor: Actor): Promise<Outcome<StepDone>> {
  const db = ctx.database.db;
  if (!actor.officeId) return taskNotFound();
  const task = await findTask(db, actor.officeId, input.taskId);
  if (!task) return taskNotFound();
  const app = await findCase(db, actor.officeId, task.application_id);
  if (!app) return taskNotFound();
  const svc = await serviceOfCase(ctx, app.service_version_id);
  const proc = svc.procedure!;
  const step = stepById(proc, task.step_id)!;
  // The step's role, or a further role it names (orRoles), may complete it.
  if (!mayDoStep(step, actor.roles)) return roleRequired(stepRoles(step).join(' / '));
  if (task.status !== 'open' || app.version !== input.version) return conflict();
  if (task.claimed_by && task.claimed_by !== actor.id) return failWith('conflict', 'claimed', 'Tugas ini sedang ditangani petugas lain', 'Another officer is handling this task');
  const move = outcomeMove(proc, step.id, input.outcome);
  if ('code' in move) return fail('invalid', move);
  const dataProblems = checkStepData(step, input.outcome, { note: input.note, data: input.data });
  if (dataProblems.length) return fail('invalid', ...dataProblems);
  const outcome = step.outcomes.find((o) => o.id === input.outcome)!;
  const effectInput = { ctx, app: app.row, service: svc, step, outcome, move, actor, note: input.note, data: input.data ?? {}, now: nowOf(ctx).toISOString() };
  for (const e of ctx.effects) {
    const problems = e.check ? await e.check(effectInput) : [];
    if (problems.length) return fail('invalid', ...problems);
  }

  const office = ctx.catalogue.officeById(app.office_id).office;
  const now = effectInput.now;
  let pauses = app.pauses;
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
  let stages = ctx.clock.leaveStep(office, svc, app.stages, step.id, now);
  const set: CaseChanges = { updated_at: now };
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
  set.pauses = pauses;
  set.paused_since = open ? open.from : null;
  set.clock_started_at = clockStart;
  set.due_at = times.dueAt;
  set.expected_at = times.expectedAt;
  set.stages = stages;
  set.sla_state = move.kind === 'end' ? (times.dueAt && now > times.dueAt ? 'late' : 'closed') : ctx.clock.state(clockStart, times.dueAt, !!open, now);
  if (times.dueAt !== app.due_at) effects.dueAt = times.dueAt;

  let won = false;
  let hold: Hold | null = null;
  await ctx.database.write(async (trx) => {
    won = await updateCaseIfVersion(trx, app.id, app.version, set);
    if (!won) return;
    const effectData: Record<string, unknown> = {};
    for (const e of ctx.effects) if (e.apply) Object.assign(effectData, (await e.apply({ ...effectInput, trx })) ?? {});
    for (const e of ctx.effects) hold ??= e.hold ? await e.hold({ ...effectInput, trx }) : null;
    if (hold) {
      // The move is made but waits: the next step's task is kept out of the queue, or the end is
      // remembered in end_id; the clock keeps running (no pause, not stopped).
      Object.assign(set, heldChanges(hold, move, ctx.clock.state(clockStart, times.dueAt, !!open, now)));
      if (!(await updateCaseIfVersion(trx, app.id, app.version + 1, set))) throw new Error('case changed inside its own transaction');
      // The clock was not stopped: it says only what happened to it before the held end (a resumed wait).
      if (effects.clock === 'stopped') {
        if (app.paused_since && app.status === 'waiting-external') effects.clock = 'resumed';
        else delete effects.clock;
      }
      Object.assign(effectData, hold.data);
    }
    await closeOpenTasks(trx, app.id, now, actor.id);
    if (move.kind === 'end' && !hold) {
      await countClosedCase(trx, ctx, { ...app.row, status: move.status, closed_at: now, clock_started_at: clockStart, due_at: times.dueAt, pauses, stages });
      await endReferredStay(trx, { ...app.row, status: move.status }, actor, now);
    }
    if (move.kind === 'step')
      await insertTask(trx, {
        office_id: app.office_id,
        application_id: app.id,
        service_id: app.service_id,
        step_id: move.step.id,
        role: move.step.role,
        sla_state: set.sla_state!,
        // A case back with the applicant is not in anyone's queue until the file comes back.
        status: move.status === 'waiting-applicant' || hold ? 'waiting' : 'open',
        due_at: times.dueAt,
        created_at: now,
      });
    // A signer's password (and a provider passphrase) must never reach the case history.
    const { password: _password, certified: _certified, ...data } = { ...(input.data ?? {}), ...effectData };
    await recordEvent(trx, ctx, {
      application_id: app.id,
      office_id: app.office_id,
      type: move.kind === 'end' && !hold ? `closed:${move.status}` : outcome.kind === 'return' ? 'returned' : 'step-completed',
      step_id: step.id,
      outcome: outcome.id,
      actor_id: actor.id,
      actor_name: actor.name,
      note: input.note?.trim() || null,
      data: { ...data, outcomeLabel: outcome.label, next: move.kind === 'end' ? move.endId : move.step.id, warnings: times.warnings },
      slaEffect: Object.keys(effects).length ? effects : null,
      at: now,
    });
  });
  if (!won) return conflict();
  return {
    ok: true,
    value: {
      applicationId: app.id,
      status: set.status!,
      step: move.kind === 'step' ? move.step.id : null,
      end: move.kind === 'end' ? move.endId : null,
      dueAt: times.dueAt,
      version: app.version + (hold ? 2 : 1),
    },
  };
}

/** What a held move writes instead: the case waits where the move would take it, its clock running. */
function heldChanges(hold: Hold, move: Move, slaState: string): CaseChanges {
  return {
    status: hold.status,
    current_step: move.kind === 'step' ? move.step.id : null,
    end_id: move.kind === 'end' ? move.endId : null,
    closed_at: null,
    sla_state: slaState,
  };
}
