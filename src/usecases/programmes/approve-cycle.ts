/**
 * Approves a draft cycle (the head of office): every recipient the decree names is re-checked
 * against the current registry snapshot (the programme's registry conditions, the age on the
 * round's reference date) and against the exits recorded; each one's facts are frozen into the
 * cycle, those now failing are kept out with the reason, and a registry flag (meninggal, pindah)
 * holds the payment. A cash cycle cannot pass the period's allocation; an in-kind one its quota
 * when the decree states one. Optimistic on the cycle's version; audited.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { candidatesOfRound } from '../../db/programmes-repo.js';
import { budgetOf, committedTotal, exitsOf, insertRecipients, registryRowsByNiks, updateCycleIfVersion } from '../../db/programme-cycles-repo.js';
import type { ProgrammeCycleRecipientsTable } from '../../db/schema-programme-cycles.js';
import type { RegistryRowTable } from '../../db/schema-registry.js';
import type { Snapshot } from '../../db/registry-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { budgetProblem, EXIT_NAMES, HOLDING_FLAGS, MAX_CYCLE_RECIPIENTS, type ExitReason } from '../../domain/programmes/cycles.js';
import { findCategory, screen } from '../../domain/programmes/eligibility.js';
import type { Facts } from '../../domain/standards/rules.js';
import { layoutOf, otherFlags } from '../registry/rows.js';
import { currentSnapshotOf } from '../registry/snapshots.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { cycleOf, decreedPeople } from './cycle-of.js';

export interface ApprovedCycle {
  included: number;
  excluded: number;
  held: number;
  total: number;
}

const flagOf = (v: number | null): boolean | undefined => (v === null ? undefined : v === 1);

/** The facts a programme rule reads, and the flag that holds a payment, from one registry row. */
export function registryView(snapshot: Snapshot, row: RegistryRowTable | undefined): { facts: Facts; hold: string | null } {
  const facts: Facts = { 'registry.dtks': !!row };
  if (!row) return { facts, hold: null };
  facts['registry.desil'] = row.desil ?? undefined;
  facts['registry.pkh'] = flagOf(row.pkh);
  facts['registry.bpnt'] = flagOf(row.bpnt);
  facts['registry.pbi'] = flagOf(row.pbi);
  const layout = layoutOf(snapshot);
  let hold: string | null = null;
  if (layout.flags.length)
    for (const [k, v] of Object.entries(otherFlags(row, layout))) {
      if (v !== null) facts[`registry.${k}`] = v;
      if (v === true && k in HOLDING_FLAGS) hold ??= HOLDING_FLAGS[k as keyof typeof HOLDING_FLAGS];
    }
  return { facts, hold };
}

export async function approveCycle(ctx: Ctx, actor: Actor, cycleId: string, input: { version: number }): Promise<Outcome<ApprovedCycle>> {
  const found = await cycleOf(ctx, actor, cycleId);
  if (!found.ok) return found;
  const { officeId, cycle, round } = found.value;
  if (cycle.status !== 'draft') return failWith('conflict', 'cycle-not-draft', 'Siklus ini sudah disetujui', 'This cycle is already approved');
  const db = ctx.database.db;
  const category = findCategory(round.programme, cycle.category)!;
  const decree = await decreedPeople(ctx, round, cycle.decree_number);
  if (!decree.ok) return decree;
  const people = decree.value.people.filter((p) => p.category === cycle.category);
  if (people.length > MAX_CYCLE_RECIPIENTS) return failWith('too-large', 'cycle-too-large', `Satu siklus paling banyak ${MAX_CYCLE_RECIPIENTS} penerima`, `A cycle holds at most ${MAX_CYCLE_RECIPIENTS} recipients`);
  const snapshot = await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId, ctx.caches.registry);
  if (!snapshot) return failWith('conflict', 'no-snapshot', 'Belum ada snapshot registri DTKS; kelayakan tidak dapat diperiksa ulang', 'No DTKS registry snapshot; eligibility cannot be re-checked');
  const candidates = new Map((await candidatesOfRound(db, round.id, MAX_CYCLE_RECIPIENTS)).map((c) => [c.id, c]));
  const registry = await registryRowsByNiks(db, snapshot.tableName, people.map((p) => p.nik));
  const monthEnd = `${cycle.due_month}-31`;
  const exits = new Map((await exitsOf(db, officeId, cycle.programme_slug, cycle.period, MAX_CYCLE_RECIPIENTS)).filter((e) => e.exit_date <= monthEnd).map((e) => [e.nik, e]));
  const rows: ProgrammeCycleRecipientsTable[] = [];
  let included = 0;
  let held = 0;
  people.forEach((p, i) => {
    const c = candidates.get(p.candidateId);
    const { facts, hold } = registryView(snapshot, registry.get(p.nik));
    const s = screen(round.programme, category, { birthDate: c?.birth_date ?? null, sex: c?.sex === 'L' || c?.sex === 'P' ? c.sex : null }, facts, round.reference_date);
    const exit = exits.get(p.nik);
    const failed = s.checks.filter((k) => k.verdict === 'fail');
    const reason = exit ? `${EXIT_NAMES[exit.reason as ExitReason].id} (${exit.exit_date})` : failed.length ? failed.map((k) => k.text).join('; ') : null;
    const status = reason ? 'excluded' : 'included';
    if (status === 'included') included++;
    if (status === 'included' && hold) held++;
    rows.push({
      id: randomUUID(),
      cycle_id: cycle.id,
      row_no: i + 1,
      candidate_id: p.candidateId,
      nik: p.nik,
      name: p.name,
      village: p.village,
      amount: cycle.amount,
      status,
      reason: reason?.slice(0, 500) ?? null,
      flag: status === 'included' ? hold : null,
      // Frozen: what the registry said at approval, whatever later imports say.
      facts: JSON.stringify({ s: snapshot.id, f: facts, c: s.checks.filter((k) => k.verdict !== 'to-verify').map((k) => [k.id, k.verdict]) }),
      payment: 'pending',
      batch_id: null,
      attempts: 0,
    });
  });
  const total = (cycle.amount ?? 0) * included;
  if (cycle.kind === 'cash') {
    const budget = await budgetOf(db, officeId, cycle.programme_slug, cycle.period);
    const problem = budgetProblem(budget?.amount ?? null, await committedTotal(db, officeId, cycle.programme_slug, cycle.period), total);
    if (problem) return fail('conflict', problem);
  } else if (round.programme.quota.value !== null && included > round.programme.quota.value) {
    return failWith('conflict', 'quota-exceeded', `Penerima (${included}) melebihi kuota program: "${round.programme.quota.text}"`, `Recipients (${included}) exceed the programme's quota: "${round.programme.quota.text}"`);
  }
  const now = nowOf(ctx).toISOString();
  let moved = false;
  await ctx.database.write(async (trx) => {
    moved = await updateCycleIfVersion(trx, cycle.id, input.version, { status: 'approved', recipients: included, excluded: people.length - included, total, snapshot_id: snapshot.id, approved_at: now, approved_by: actor.name });
    if (!moved) return;
    await insertRecipients(trx, rows);
    await insertAuditEvent(trx, { officeId, actor: actor.name, action: 'programme-cycle-approved', subject: `programme-cycle:${cycle.id}`, detail: { snapshot: snapshot.id, included, excluded: people.length - included, held, total }, at: now });
  });
  if (!moved) return failWith('conflict', 'cycle-changed', 'Siklus ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this cycle; reload the page');
  return { ok: true, value: { included, excluded: people.length - included, held, total } };
}
