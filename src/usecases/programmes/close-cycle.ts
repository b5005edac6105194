/**
 * Closes a paid or delivered cycle (the head of office, as for approval): nothing may be pending;
 * remaining failures are written off with the head's reason. A closed cycle refuses every further
 * change (deliveries, bank results, batches). Optimistic on the cycle's version; audited.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { paymentTally, updateCycleIfVersion } from '../../db/programme-cycles-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { reconcile, type Reconciliation } from '../../domain/programmes/cycles.js';
import { closeProblem } from '../../domain/programmes/deliveries.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { cycleOf } from './cycle-of.js';

export async function closeCycle(ctx: Ctx, actor: Actor, cycleId: string, input: { version: number; note?: string | null }): Promise<Outcome<{ writtenOff: number; reconciliation: Reconciliation }>> {
  const found = await cycleOf(ctx, actor, cycleId);
  if (!found.ok) return found;
  const { officeId, cycle } = found.value;
  const r = reconcile(await paymentTally(ctx.database.db, cycle.id));
  const problem = closeProblem(cycle.status, r, input.note);
  if (problem) return fail(problem.field === 'note' ? 'invalid' : 'conflict', problem);
  const now = nowOf(ctx).toISOString();
  const note = r.failed.n > 0 ? input.note!.trim() : input.note?.trim() || null;
  const moved = await ctx.database.write(async (trx) => {
    if (!(await updateCycleIfVersion(trx, cycle.id, input.version, { status: 'closed', closed_at: now, closed_by: actor.name, close_note: note }))) return false;
    await insertAuditEvent(trx, { officeId, actor: actor.name, action: 'programme-cycle-closed', subject: `programme-cycle:${cycle.id}`, detail: { from: cycle.status, writtenOff: r.failed, note, reconciliation: { paid: r.paid, failed: r.failed, pending: r.pending, approved: r.approved } }, at: now });
    return true;
  });
  if (!moved) return failWith('conflict', 'cycle-changed', 'Siklus ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this cycle; reload the page');
  return { ok: true, value: { writtenOff: r.failed.n, reconciliation: r } };
}
