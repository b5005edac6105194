/**
 * Reading cycles: a programme's cycles with its rounds that can give more, and one cycle with its
 * reconciliation, batches and a bounded page of recipients (NIK masked; the page's reads logged
 * with the disbursement purpose before the answer).
 */
import { roundsOf } from '../../db/programmes-repo.js';
import { batchesOf, budgetOf, committedTotal, cyclesOf, paymentTally, recipientsPage, type Cycle, type CycleRecipient, type RecipientFilter } from '../../db/programme-cycles-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { maskNik } from '../../domain/identity/mask.js';
import { CYCLE_PAGE, reconcile, type Reconciliation } from '../../domain/programmes/cycles.js';
import type { Programme } from '../../domain/programmes/schema.js';
import { logDataReads } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { cycleOf } from './cycle-of.js';
import { findProgramme, officeOf } from './programmes-of.js';

export interface CyclesView {
  programme: Programme;
  cycles: Cycle[];
  rounds: Awaited<ReturnType<typeof roundsOf>>;
  budget: { period: string; amount: number; note: string; committed: number } | null;
}

export async function listCycles(ctx: Ctx, actor: Actor, slug: string, period?: string): Promise<Outcome<CyclesView>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const found = findProgramme(ctx, officeId.value, slug);
  if (!found.ok) return found;
  const db = ctx.database.db;
  const cycles = await cyclesOf(db, officeId.value, slug, 200);
  const rounds = await roundsOf(db, officeId.value, slug, 50);
  const p = period ?? cycles[0]?.period ?? rounds[0]?.period;
  const b = p ? await budgetOf(db, officeId.value, slug, p) : undefined;
  return { ok: true, value: { programme: found.value.programme, cycles, rounds, budget: b && p ? { period: p, amount: b.amount, note: b.note, committed: await committedTotal(db, officeId.value, slug, p) } : null } };
}

export interface CycleView {
  cycle: Cycle;
  programme: Programme;
  reconciliation: Reconciliation;
  batches: Awaited<ReturnType<typeof batchesOf>>;
  recipients: CycleRecipient[];
  page: number;
  more: boolean;
}

export async function showCycle(ctx: Ctx, actor: Actor, cycleId: string, filter: RecipientFilter, page: number): Promise<Outcome<CycleView>> {
  const found = await cycleOf(ctx, actor, cycleId);
  if (!found.ok) return found;
  const { officeId, cycle, round } = found.value;
  const db = ctx.database.db;
  const rows = await recipientsPage(db, cycle.id, filter, { limit: CYCLE_PAGE + 1, offset: page * CYCLE_PAGE });
  const recipients = rows.slice(0, CYCLE_PAGE);
  await logDataReads(ctx, actor, recipients.map((r) => ({ officeId, recordKind: 'programme-candidate' as const, recordId: r.candidate_id, subjectNik: r.nik, purpose: 'programme-disbursement' as const, fields: ['name', 'village', 'payment'] })));
  return {
    ok: true,
    value: { cycle, programme: round.programme, reconciliation: reconcile(await paymentTally(db, cycle.id)), batches: await batchesOf(db, cycle.id), recipients: recipients.map((r) => ({ ...r, nik: maskNik(r.nik), facts: '' })), page, more: rows.length > CYCLE_PAGE },
  };
}
