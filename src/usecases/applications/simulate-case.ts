/**
 * Runs one case of a service through its procedure with the demo accounts, through the same use
 * cases the API uses (submit, complete task, resubmit). For staff training and smoke tests.
 */
import { findCaseAnyOffice, openTaskFor } from '../../db/applications-repo.js';
import { lettersOfApplication } from '../../db/letters-repo.js';
import { findUserByUsername, toStaff } from '../../db/staff-repo.js';
import { firstStepWith, mainOutcome } from '../../domain/procedure/paths.js';
import { evaluateRule } from '../../domain/standards/rules.js';
import type { Rule, Service } from '../../domain/standards/schema.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { signLetters } from '../letters/sign-letters.js';
import { DEMO_PASSWORD } from '../staff/ensure-demo-accounts.js';
import { completeTask } from './complete-task.js';
import { resubmitFile } from './resubmit-file.js';
import { submitApplication } from './submit-application.js';

export type SimPath = 'main' | 'return' | 'reject';

export interface SimStep {
  step: string;
  label: string;
  actor: string;
  outcome: string;
  dueAt: string | null;
  dueAtLocal: string | null;
  status: string;
}

export interface SimResult {
  registrationNumber: string;
  trackingCode: string;
  applicationId: string;
  steps: SimStep[];
  finalStatus: string;
  end: string | null;
}

/** A NIK for a person of a given age and sex, registered in the office's province. */
export function demoNik(provinceCode: string, birth: { y: number; m: number; d: number }, sex: 'L' | 'P', serial = 1): string {
  const dd = String(birth.d + (sex === 'P' ? 40 : 0)).padStart(2, '0');
  return `${provinceCode}0101${dd}${String(birth.m).padStart(2, '0')}${String(birth.y % 100).padStart(2, '0')}${String(serial).padStart(4, '0')}`;
}

const PROVINCE_OF: Record<string, string> = { Jambi: '15', 'Kalimantan Selatan': '63', 'Kalimantan Timur': '64', 'Jawa Tengah': '33', Riau: '14' };

/** Answers and an age that satisfy a service's eligibility rules where a simple value does. */
export function plausibleIntake(svc: Service, today: string) {
  const answers: Record<string, unknown> = {};
  let minAge: number | null = null;
  let maxAge: number | null = null;
  let sex: 'L' | 'P' = 'P';
  let resident = true;
  const visit = (r: Rule, negate = false): void => {
    if ('all' in r) r.all.forEach((x) => visit(x, negate));
    else if ('any' in r) visit(r.any[0]!, negate);
    else if ('not' in r) visit(r.not, !negate);
    else {
      const [ns, key] = [r.fact.split('.')[0], r.fact.split('.').slice(1).join('.')];
      const v = r.value;
      if (ns === 'applicant' && key === 'age' && typeof v === 'number') {
        if ((r.op === 'gte' || r.op === 'gt') !== negate) minAge = Math.max(minAge ?? 0, v + (r.op === 'gt' ? 1 : 0));
        if ((r.op === 'lte' || r.op === 'lt') !== negate) maxAge = Math.min(maxAge ?? 150, v - (r.op === 'lt' ? 1 : 0));
      }
      if (ns === 'applicant' && key === 'residentOfRegion') resident = (r.op === 'is-true') !== negate;
      if (ns === 'applicant' && key === 'sex' && (v === 'L' || v === 'P')) sex = r.op === 'eq' !== negate ? v : v === 'L' ? 'P' : 'L';
      if (ns === 'answers') {
        const input = svc.inputs.find((i) => i.id === key);
        let val: unknown;
        switch (r.op) {
          case 'eq':
            val = negate ? undefined : v;
            break;
          case 'ne':
            val = negate ? v : undefined;
            break;
          case 'in':
            val = Array.isArray(v) && !negate ? v[0] : undefined;
            break;
          case 'is-true':
            val = !negate;
            break;
          case 'is-false':
            val = negate;
            break;
          case 'gte':
          case 'gt':
            val = negate ? Number(v) - 1 : Number(v) + 1;
            break;
          case 'lte':
          case 'lt':
            val = negate ? Number(v) + 1 : Math.max(0, Number(v) - 1);
            break;
        }
        if (val === undefined && input?.type === 'choice') val = input.options!.find((o) => o.value !== v)?.value;
        if (val !== undefined && answers[key] === undefined) answers[key] = val;
      }
    }
  };
  for (const e of svc.eligibility) visit(e.rule);
  for (const f of svc.inputs)
    if (answers[f.id] === undefined && f.required)
      answers[f.id] = f.type === 'choice' ? f.options![0]!.value : f.type === 'number' ? 1 : f.type === 'boolean' ? true : f.type === 'date' ? today : 'Contoh isian';
  const guess = minAge !== null && maxAge !== null ? Math.floor((minAge + maxAge) / 2) : minAge !== null ? minAge + 5 : maxAge !== null ? Math.max(0, maxAge - 2) : 40;
  // The guess handles most rules; when `any` branches interact, search a bounded set of
  // combinations (choice values, ages, residence), judged by the real rule evaluator.
  const fails = (ans: Record<string, unknown>, age: number, res: boolean) =>
    svc.eligibility.some(
      (e) =>
        evaluateRule(e.rule, {
          'applicant.age': age,
          'applicant.sex': sex,
          'applicant.residentOfRegion': res,
          ...Object.fromEntries(Object.entries(ans).map(([k, v]) => [`answers.${k}`, v])),
        }) === 'fail',
    );
  let best = { answers, age: guess, resident };
  if (fails(answers, guess, resident)) {
    const choices = svc.inputs.filter((i) => i.type === 'choice' || i.type === 'boolean');
    const values = choices.map((c) => (c.type === 'boolean' ? [true, false] : c.options!.map((o) => o.value)) as unknown[]);
    let combos: Record<string, unknown>[] = [{ ...answers }];
    values.forEach((vals, i) => {
      combos = combos.flatMap((c) => vals.map((v) => ({ ...c, [choices[i]!.id]: v }))).slice(0, 512);
    });
    search: for (const c of combos)
      for (const age of [guess, 8, 30, 45, 65])
        for (const res of [resident, !resident])
          if (!fails(c, age, res)) {
            best = { answers: c, age, resident: res };
            break search;
          }
  }
  const year = Number(today.slice(0, 4)) - best.age - 1;
  return { answers: best.answers, birth: { y: year, m: 7, d: 1 }, sex, resident: best.resident };
}

async function actorFor(ctx: Ctx, role: string, officeSlug: string): Promise<Actor> {
  const row = await findUserByUsername(ctx.database.db, `${role}@${officeSlug}`);
  if (!row) throw new Error(`no demo account ${role}@${officeSlug}: run with demo mode`);
  const u = toStaff(row);
  return { id: u.id, name: `${u.displayName}`, roles: u.roles, officeId: u.officeId };
}

/** A simulation refused before anything was written, with the reason in both languages. */
export class SimulationRefused extends Error {
  constructor(
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(`${messageId} / ${messageEn}`);
  }
}

/**
 * Why a simulation cannot run (null when it can), checked before anything is filed: a path the
 * service does not have must leave no case, event or number behind. Pure, so the CLI asks it
 * before it even opens the database.
 */
export function simulationRefusal(officeSlug: string, serviceSlug: string, svc: Service | undefined, path: SimPath): SimulationRefused | null {
  if (!svc) return new SimulationRefused(`Layanan tidak ditemukan: ${officeSlug}/${serviceSlug}`, `unknown service ${officeSlug}/${serviceSlug}`);
  if (!svc.procedure) return new SimulationRefused(`Layanan ${serviceSlug} tidak punya prosedur (hanya tercantum dalam daftar)`, `${serviceSlug} has no procedure (listed only)`);
  if (path === 'return' && !firstStepWith(svc.procedure, 'return'))
    return new SimulationRefused(
      `Layanan ${serviceSlug} tidak punya jalur pengembalian berkas ke pemohon; tidak ada yang diajukan`,
      `${serviceSlug} has no return-to-applicant path; nothing was filed`,
    );
  if (path === 'reject' && !firstStepWith(svc.procedure, 'reject'))
    return new SimulationRefused(`Layanan ${serviceSlug} tidak punya jalur penolakan; tidak ada yang diajukan`, `${serviceSlug} has no rejection path; nothing was filed`);
  return null;
}

/**
 * `leaveForSigner`: stop where the case needs a signature (an open sign step, or a handover or
 * completion waiting for its letters), so a test or a trainee signs in the letters screen; by
 * default the demo account of the signing role signs with the demo password, as a head would.
 */
export async function simulateCase(ctx: Ctx, officeSlug: string, serviceSlug: string, path: SimPath = 'main', log: (s: SimStep) => void = () => {}, opts: { leaveForSigner?: boolean } = {}): Promise<SimResult> {
  const found = ctx.catalogue.service(officeSlug, serviceSlug);
  const refused = simulationRefusal(officeSlug, serviceSlug, found?.service.service, path);
  if (refused) throw refused;
  const svc = found!.service.service;
  const proc = svc.procedure!;
  const returnAt = path === 'return' ? firstStepWith(proc, 'return')?.id : undefined;
  const rejectAt = path === 'reject' ? firstStepWith(proc, 'reject')?.id : undefined;
  const office = found!.office.office;
  // The context's clock, not the machine's: a date answer (a death, for a filing window) must not lie in the case's future.
  const today = ctx.clock.localDate(office, nowOf(ctx).toISOString());
  const intake = plausibleIntake(svc, today);
  const front = await actorFor(ctx, 'front-office', officeSlug);
  const initiator = svc.initiators[0]!;
  const nik = demoNik(PROVINCE_OF[office.region.province] ?? '15', intake.birth, intake.sex);
  const submitted = await submitApplication(
    ctx,
    {
      office: officeSlug,
      service: serviceSlug,
      initiator,
      channel: initiator === 'citizen' ? 'counter' : initiator === 'office' ? 'office-data' : 'phone',
      applicant: { nik, name: intake.sex === 'P' ? 'Siti Aminah' : 'Budi Santoso', phone: '081234567890', address: `Jl. Merdeka No. 10, ${office.region.name}`, residentOfRegion: intake.resident },
      reporter: initiator === 'citizen' ? undefined : { name: 'Ahmad Fauzi', role: initiator === 'institution' ? 'Ketua LKS' : 'Ketua RT 05', phone: '081298765432' },
      answers: intake.answers,
      attachments: svc.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, shown: true })),
    },
    front,
  );
  if (!submitted.ok) throw new Error(`submission refused: ${submitted.error.problems.map((p) => `${p.field}: ${p.messageEn}`).join('; ')}`);
  const id = submitted.value.id;
  const steps: SimStep[] = [];
  let returned = false;
  for (let guard = 0; guard < 100; guard++) {
    const task = await openTaskFor(ctx.database.db, id);
    const app = await findCaseAnyOffice(ctx.database.db, id);
    if (!app) throw new Error(`case ${id} disappeared`);
    const done = { registrationNumber: submitted.value.registrationNumber, trackingCode: submitted.value.trackingCode, applicationId: id, steps, finalStatus: app.status, end: app.end_id };
    if (app.status === 'waiting-signature') {
      if (opts.leaveForSigner) return done;
      for (const signed of await signWaitingLetters(ctx, app.id, officeSlug)) {
        const s = { ...signed, dueAt: app.due_at, dueAtLocal: app.due_at ? ctx.clock.local(office, app.due_at) : null };
        steps.push(s);
        log(s);
      }
      continue;
    }
    if (!task) return done;
    if (task.status === 'waiting') {
      const r = await resubmitFile(ctx, app, front, 'Berkas sudah dilengkapi');
      if (!r.ok) throw new Error(`resubmit failed: ${r.error.problems[0]?.messageEn}`);
      log({ step: task.step_id, label: 'berkas dilengkapi / file completed', actor: front.name, outcome: 'resubmitted', dueAt: r.value.dueAt, dueAtLocal: r.value.dueAt ? ctx.clock.local(office, r.value.dueAt) : null, status: r.value.status });
      continue;
    }
    const step = proc.steps.find((s) => s.id === task.step_id)!;
    let outcome: string | null;
    if (step.id === rejectAt) outcome = step.outcomes.find((o) => o.kind === 'reject')!.id;
    else if (step.id === returnAt && !returned) {
      outcome = step.outcomes.find((o) => o.kind === 'return')!.id;
      returned = true;
    } else outcome = mainOutcome(proc, step.id);
    if (!outcome) throw new Error(`no route to completion from ${step.id}`);
    const kind = step.outcomes.find((o) => o.id === outcome)!.kind;
    if (step.kind === 'sign' && kind === 'forward' && opts.leaveForSigner) return done;
    const actor = await actorFor(ctx, task.role, officeSlug);
    const r = await completeTask(
      ctx,
      {
        taskId: task.id,
        outcome,
        note: kind === 'forward' ? 'Sesuai' : kind === 'return' ? 'Fotokopi KK belum dilampirkan' : 'Tidak memenuhi kriteria sesuai hasil verifikasi',
        data: {
          ...(step.kind === 'field-visit' ? { report: 'Rumah semi permanen, 5 anggota keluarga, kepala keluarga buruh harian.', coordinates: { lat: -1.61, lng: 103.61 } } : {}),
          ...(step.kind === 'external' ? { reference: `REF/${step.id}/2026` } : {}),
          // The demo signer signs at its step (a sign step never completes unsigned).
          ...(step.kind === 'sign' ? { password: DEMO_PASSWORD } : {}),
        },
        version: app.version,
      },
      actor,
    );
    if (!r.ok) throw new Error(`${step.id} → ${outcome}: ${r.error.problems.map((p) => p.messageEn).join('; ')}`);
    const s = { step: step.id, label: step.label, actor: actor.name, outcome, dueAt: r.value.dueAt, dueAtLocal: r.value.dueAt ? ctx.clock.local(office, r.value.dueAt) : null, status: r.value.status };
    steps.push(s);
    log(s);
  }
  throw new Error('procedure did not finish in 100 steps');
}

/**
 * The demo accounts of the signing roles sign a waiting case's ready letters, with the demo
 * password: one simulated step per letter signed (each is a case event), and one for the case
 * moving on when the last signature releases it.
 */
async function signWaitingLetters(ctx: Ctx, applicationId: string, officeSlug: string): Promise<Omit<SimStep, 'dueAt' | 'dueAtLocal'>[]> {
  const ready = (await lettersOfApplication(ctx.database.db, applicationId)).filter((l) => l.status === 'ready');
  if (ready.length === 0) throw new Error('the case waits for a signature but no letter is ready');
  const done: Omit<SimStep, 'dueAt' | 'dueAtLocal'>[] = [];
  let signer: Actor | null = null;
  for (const role of new Set(ready.map((l) => l.signer_role))) {
    signer = await actorFor(ctx, role, officeSlug);
    const mine = ready.filter((l) => l.signer_role === role);
    const r = await signLetters(ctx, { ids: mine.map((l) => l.id), password: DEMO_PASSWORD }, signer);
    if (!r.ok || r.value.results.some((x) => !x.ok)) throw new Error(`signing as ${role}: ${JSON.stringify(r)}`);
    for (const l of mine) done.push({ step: 'tanda-tangan-surat', label: `${l.title} ditandatangani / signed`, actor: signer.name, outcome: 'signed', status: 'waiting-signature' });
  }
  const after = await findCaseAnyOffice(ctx.database.db, applicationId);
  if (after && after.status !== 'waiting-signature')
    done.push({ step: after.current_step ?? after.end_id ?? '', label: 'surat lengkap ditandatangani; berkas berlanjut / letters signed; the case moves on', actor: signer?.name ?? '', outcome: 'released', status: after.status });
  return done;
}
