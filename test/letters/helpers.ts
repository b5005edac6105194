/** Helpers for the letter tests: drive cases, act as officers, read PDFs and their QR codes. */
import { openTaskFor } from '../../src/db/applications-repo.js';
import { findUserByUsername, toStaff } from '../../src/db/staff-repo.js';
import { mainOutcome } from '../../src/domain/procedure/paths.js';
import type { Procedure, Step } from '../../src/domain/standards/schema.js';
import { serviceOfCase } from '../../src/usecases/applications/service-of-case.js';
import { resubmitFile } from '../../src/usecases/applications/resubmit-file.js';
import { findCaseAnyOffice } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { nowOf, type Actor, type Ctx } from '../../src/usecases/context.js';
import { demoNik, plausibleIntake } from '../../src/usecases/applications/simulate-case.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';

export async function actorFor(ctx: Ctx, username: string): Promise<Actor> {
  const row = await findUserByUsername(ctx.database.db, username);
  if (!row) throw new Error(`no account ${username}`);
  const u = toStaff(row);
  return { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId };
}

const PROVINCE: Record<string, string> = { 'kota-jambi': '15', 'kota-banjarmasin': '63', 'kabupaten-kutai-kartanegara': '64', 'kota-semarang': '33', 'kota-pekanbaru': '14' };

/** Files a case at the counter with plausible answers; the applicant's name (and an e-mail address) can be chosen. */
export async function fileCase(ctx: Ctx, office: string, service: string, name = 'Siti Aminah', email?: string, applicantExtra: Record<string, unknown> = {}): Promise<{ id: string; registrationNumber: string; trackingCode: string }> {
  const found = ctx.catalogue.service(office, service)!;
  const svc = found.service.service;
  const intake = plausibleIntake(svc, ctx.clock.localDate(found.office.office, nowOf(ctx).toISOString()));
  const front = await actorFor(ctx, `front-office@${office}`);
  const initiator = svc.initiators[0]!;
  const r = await submitApplication(
    ctx,
    {
      office,
      service,
      initiator,
      channel: initiator === 'citizen' ? 'counter' : 'phone',
      applicant: { nik: demoNik(PROVINCE[office] ?? '15', intake.birth, intake.sex), name, phone: '081266782747', ...(email ? { email } : {}), address: 'Jl. Sultan Thaha No. 12, RT 05, Pasar Jambi', residentOfRegion: intake.resident, ...applicantExtra },
      reporter: initiator === 'citizen' ? undefined : { name: 'Ahmad Fauzi', role: 'Ketua RT 05', institution: 'LKS Harapan Bunda', phone: '081298765432' },
      answers: intake.answers,
      attachments: svc.requirements.filter((x) => x.kind === 'document').map((x) => ({ requirement: x.id, shown: true })),
    },
    front,
  );
  if (!r.ok) throw new Error(r.error.problems.map((p) => p.messageEn).join('; '));
  return r.value;
}

/** Completes the open task as the demo account of its role, with the data its step kind needs. */
async function completeAs(ctx: Ctx, office: string, task: { id: string; role: string }, step: Step, outcome: string, version: number): Promise<void> {
  const r = await completeTask(
    ctx,
    {
      taskId: task.id,
      outcome,
      note: 'Sesuai hasil pemeriksaan',
      data: {
        ...(step.kind === 'field-visit' ? { report: 'Rumah semi permanen, 5 anggota keluarga.' } : {}),
        ...(step.kind === 'external' ? { reference: 'REF/2026/001' } : {}),
        // A sign step is the signature itself: the demo signer confirms with the demo password.
        ...(step.kind === 'sign' ? { password: 'sigap-demo' } : {}),
      },
      version,
    },
    await actorFor(ctx, `${task.role}@${office}`),
  );
  if (!r.ok) throw new Error(`${step.id}: ${r.error.problems.map((p) => p.messageEn).join('; ')}`);
}

/** Completes tasks along the main path until the open task's step satisfies `stop` (or the case ends). */
export async function driveUntil(ctx: Ctx, applicationId: string, stop: (s: Step) => boolean, office: string): Promise<{ step: Step | null; taskId: string | null; version: number }> {
  for (let i = 0; i < 60; i++) {
    const task = await openTaskFor(ctx.database.db, applicationId);
    const app = await ctx.database.db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
    if (!task) return { step: null, taskId: null, version: app.version };
    const svc = await serviceOfCase(ctx, app.service_version_id);
    const step = svc.procedure!.steps.find((s) => s.id === task.step_id)!;
    if (stop(step)) return { step, taskId: task.id, version: app.version };
    const outcome = mainOutcome(svc.procedure!, step.id)!;
    await completeAs(ctx, office, task, step, outcome, app.version);
  }
  throw new Error('did not stop');
}

export { pdfsig, pdfText, qrOf } from '../support/pdf.js';

/**
 * Drives a case to a completed end along a route that passes through a step producing a
 * document (a drafting step, a bound document step, or a sign step that drafts the product),
 * so every document product of a service can be exercised, not only the shortest route's.
 */
/**
 * The outcome of a step on the shortest route to a completed end that passes a document step
 * (`done`: one was passed already); the main outcome when no such route exists.
 */
export function outcomeTowardDocument(proc: Procedure, step: Step, isDocStep: (s: Step) => boolean, done: boolean): string | null {
  // Shortest forward distance to a completed end from (step, documentDone).
  const ends = new Map(proc.ends.map((e) => [e.id, e.kind]));
  const dist = new Map<string, number>();
  const key = (id: string, d: boolean) => `${id}|${d}`;
  for (let round = 0; round < proc.steps.length * 2 + 2; round++)
    for (const s of proc.steps)
      for (const d of [false, true]) {
        const d2 = d || isDocStep(s);
        for (const o of s.outcomes.filter((x) => x.kind !== 'reject')) {
          const n = ends.has(o.next) ? (ends.get(o.next) === 'completed' && d2 ? 0 : Infinity) : (dist.get(key(o.next, d2)) ?? Infinity);
          if (n + 1 < (dist.get(key(s.id, d)) ?? Infinity)) dist.set(key(s.id, d), n + 1);
        }
      }
  const d2 = done || isDocStep(step);
  let best: { id: string; n: number } | null = null;
  for (const o of step.outcomes.filter((x) => x.kind === 'forward' || (x.kind === 'return' && isDocStep(step) && !done))) {
    const n = ends.has(o.next) ? (ends.get(o.next) === 'completed' && d2 ? 0 : Infinity) : (dist.get(key(o.next, d2)) ?? Infinity);
    if (!best || n < best.n) best = { id: o.id, n };
  }
  return best && best.n < Infinity ? best.id : mainOutcome(proc, step.id);
}

export async function driveThroughDocument(ctx: Ctx, applicationId: string, office: string, isDocStep: (s: Step) => boolean, initiallyDone: boolean): Promise<string> {
  let done = initiallyDone;
  for (let i = 0; i < 80; i++) {
    const task = await openTaskFor(ctx.database.db, applicationId);
    const app = await ctx.database.db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
    if (app.status === 'waiting-signature') {
      await signReady(ctx, applicationId, office);
      continue;
    }
    if (!task) return app.status;
    const svc = await serviceOfCase(ctx, app.service_version_id);
    const proc = svc.procedure!;
    if (task.status === 'waiting') {
      const r = await resubmitFile(ctx, (await findCaseAnyOffice(ctx.database.db, applicationId))!, await actorFor(ctx, `front-office@${office}`), 'Berkas sudah dilengkapi');
      if (!r.ok) throw new Error(`resubmit: ${r.error.problems[0]?.messageEn}`);
      continue;
    }
    const step = proc.steps.find((s) => s.id === task.step_id)!;
    const outcome = outcomeTowardDocument(proc, step, isDocStep, done);
    const d2 = done || isDocStep(step);
    if (!outcome) throw new Error(`no route from ${step.id}`);
    await completeAs(ctx, office, task, step, outcome, app.version);
    done = d2;
  }
  throw new Error('did not finish');
}

/** Signs a case's ready letters as the demo account of each signing role (a case waiting for its signature). */
export async function signReady(ctx: Ctx, applicationId: string, office: string): Promise<void> {
  const ready = await ctx.database.db.selectFrom('letters').selectAll().where('application_id', '=', applicationId).where('status', '=', 'ready').execute();
  if (ready.length === 0) throw new Error('waiting for a signature, but no letter is ready');
  for (const role of new Set(ready.map((l) => l.signer_role))) {
    const r = await signLetters(ctx, { ids: ready.filter((l) => l.signer_role === role).map((l) => l.id), password: 'sigap-demo' }, await actorFor(ctx, `${role}@${office}`));
    if (!r.ok || r.value.results.some((x) => !x.ok)) throw new Error(`signing as ${role}: ${JSON.stringify(r)}`);
  }
}
