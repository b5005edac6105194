/**
 * Imports the bank's result file for a batch (BERHASIL / GAGAL per reference, see the layout in
 * domain/programmes/cycles.ts): every line checked first, every problem named with its line; then
 * each transfer and its recipient take the result, the batch is settled once nothing in it is
 * pending, and the cycle becomes paid once every included recipient is. Audited.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findBatch, paymentTally, settleBatch, settleTransfers, transfersOfBatch, updateCycleIfVersion } from '../../db/programme-cycles-repo.js';
import { fail, failWith, type Outcome, type Problem } from '../../domain/errors.js';
import { MAX_CYCLE_RECIPIENTS, MAX_RESULT_BYTES, parseResultFile, reconcile, type Reconciliation } from '../../domain/programmes/cycles.js';
import { closedCycle } from '../../domain/programmes/deliveries.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { cycleOf } from './cycle-of.js';
import { officeOf } from './programmes-of.js';

export async function importBankResult(ctx: Ctx, actor: Actor, batchId: string, text: string): Promise<Outcome<{ paid: number; failed: number; reconciliation: Reconciliation }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const db = ctx.database.db;
  const batch = await findBatch(db, officeId.value, batchId);
  if (!batch) return failWith('not-found', 'batch-not-found', 'Berkas penyaluran tidak ditemukan', 'Disbursement batch not found');
  if (Buffer.byteLength(text) > MAX_RESULT_BYTES) return failWith('too-large', 'result-too-large', 'Berkas hasil bank paling besar 20 MB', 'The bank result file is at most 20 MB', 'file');
  if (!text.trim()) return failWith('invalid', 'result-empty', 'Pilih berkas hasil dari bank (CSV)', "Choose the bank's result file (CSV)", 'file');
  const found = await cycleOf(ctx, actor, batch.cycle_id);
  if (!found.ok) return found;
  const { cycle } = found.value;
  if (cycle.status === 'closed') return fail('conflict', closedCycle);
  const parsed = parseResultFile(text);
  const transfers = new Map((await transfersOfBatch(db, batch.id, MAX_CYCLE_RECIPIENTS)).map((t) => [t.reference, t]));
  const problems: Problem[] = [...parsed.problems];
  parsed.lines.forEach((l, i) => {
    const t = transfers.get(l.reference);
    if (!t) problems.push({ code: 'result-unknown-reference', field: 'file', message: `Referensi ${l.reference} tidak ada dalam berkas penyaluran ${batch.seq}`, messageEn: `Reference ${l.reference} is not in disbursement batch ${batch.seq}` });
    else if (t.result !== 'pending') problems.push({ code: 'result-already-recorded', field: 'file', message: `Referensi ${l.reference} sudah tercatat ${t.result === 'paid' ? 'BERHASIL' : 'GAGAL'}`, messageEn: `Reference ${l.reference} is already recorded as ${t.result}` });
    void i;
  });
  if (problems.length) return fail('invalid', ...problems.slice(0, 50));
  if (parsed.lines.length === 0) return failWith('invalid', 'result-empty', 'Berkas hasil bank tidak memuat satu baris pun', 'The bank result file holds no line', 'file');
  const now = nowOf(ctx).toISOString();
  const paid = parsed.lines.filter((l) => l.result === 'paid').length;
  const reconciliation = await ctx.database.write(async (trx) => {
    await settleTransfers(trx, batch.id, parsed.lines, now);
    const remaining = [...transfers.values()].filter((t) => t.result === 'pending').length - parsed.lines.length;
    if (remaining === 0) await settleBatch(trx, batch.id, actor.name, now);
    const r = reconcile(await paymentTally(trx, cycle.id));
    if (r.pending.n === 0 && r.failed.n === 0) await updateCycleIfVersion(trx, cycle.id, cycle.version, { status: 'paid' });
    await insertAuditEvent(trx, { officeId: officeId.value, actor: actor.name, action: 'programme-bank-result-imported', subject: `programme-cycle:${cycle.id}`, detail: { batch: batch.id, paid, failed: parsed.lines.length - paid, remaining, reconciliation: { paid: r.paid, failed: r.failed, pending: r.pending, approved: r.approved } }, at: now });
    return r;
  });
  return { ok: true, value: { paid, failed: parsed.lines.length - paid, reconciliation } };
}
