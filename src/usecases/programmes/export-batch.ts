/**
 * Makes a disbursement batch of an approved cash cycle for the paying bank and gives its file: a
 * first batch takes every included recipient not yet sent whose payment no registry flag holds, a
 * retry the failed transfers, each under a new reference (the failed attempt stays on record).
 * Before the first batch the flags are read again from the current snapshot when a newer one was
 * imported since approval, so a death or a move recorded there holds the next payment. Audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { assignToBatch, batchesOf, findBatch, flagRecipients, insertBatch, insertTransfers, paymentTally, recipientsToSend, setBatchSha, registryRowsByNiks, transfersOfBatch } from '../../db/programme-cycles-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { BANK_FILE_HEADER, bankFileLine, MAX_CYCLE_RECIPIENTS, reconcile, transferReference } from '../../domain/programmes/cycles.js';
import { logDataRead } from '../audit/log-data-read.js';
import { currentSnapshotOf } from '../registry/snapshots.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { registryView } from './approve-cycle.js';
import { cycleOf } from './cycle-of.js';
import { officeOf } from './programmes-of.js';

export interface ExportBatchInput {
  purpose: 'first' | 'retry';
  /** The paying bank, when the decree does not name it ("bank penyalur"). */
  bank?: string | null;
}

export async function exportBatch(ctx: Ctx, actor: Actor, cycleId: string, input: ExportBatchInput): Promise<Outcome<{ id: string; rows: number; total: number; held: number }>> {
  const found = await cycleOf(ctx, actor, cycleId);
  if (!found.ok) return found;
  const { officeId, cycle, round } = found.value;
  if (cycle.kind !== 'cash') return failWith('conflict', 'in-kind', 'Bantuan siklus ini berupa barang; tidak ada transfer bank', "This cycle's aid is in kind; there is no bank transfer");
  if (cycle.status !== 'approved') return failWith('conflict', 'cycle-not-approved', 'Berkas bank dibuat untuk siklus yang sudah disetujui dan belum lunas', 'A bank file is made for an approved cycle not yet fully paid');
  const bank = (round.programme.channel.name ?? input.bank ?? '').trim();
  if (!bank || bank.length > 80)
    return failWith('invalid', 'bank-required', `Tulis nama bank penyalur (paling banyak 80 karakter); keputusan hanya menyebut: "${round.programme.channel.text}"`, `Write the paying bank's name (at most 80 characters); the decree only says: "${round.programme.channel.text}"`, 'bank');
  const db = ctx.database.db;
  const earlier = await batchesOf(db, cycle.id);
  const now = nowOf(ctx).toISOString();
  const newFlags = input.purpose === 'first' ? await refreshFlags(ctx, officeId, cycle.id, cycle.snapshot_id) : [];
  const id = randomUUID();
  const seq = earlier.length + 1;
  const code = cycle.id.replace(/-/g, '').slice(0, 10).toUpperCase();
  const done = await ctx.database.write(async (trx) => {
    await flagRecipients(trx, cycle.id, newFlags);
    const chosen = await recipientsToSend(trx, cycle.id, input.purpose, MAX_CYCLE_RECIPIENTS);
    if (chosen.length === 0) return null;
    const transfers = chosen.map((r) => ({ reference: transferReference(code, seq, r.row_no), batch_id: id, recipient_id: r.id, amount: r.amount, result: 'pending', bank_note: null, settled_at: null }));
    const total = transfers.reduce((s, t) => s + t.amount, 0);
    await insertBatch(trx, { id, cycle_id: cycle.id, office_id: officeId, seq, bank, status: 'exported', purpose: input.purpose, rows: transfers.length, total, sha256: '', created_at: now, created_by: actor.name, settled_at: null, settled_by: null });
    await insertTransfers(trx, transfers);
    await assignToBatch(trx, id, chosen.map((r) => r.id));
    await setBatchSha(trx, id, createHash('sha256').update(fileText(cycle, await transfersOfBatch(trx, id, MAX_CYCLE_RECIPIENTS))).digest('hex'));
    await insertAuditEvent(trx, { officeId, actor: actor.name, action: 'programme-batch-exported', subject: `programme-cycle:${cycle.id}`, detail: { batch: id, seq, bank, purpose: input.purpose, rows: transfers.length, total, newlyHeld: newFlags.length }, at: now });
    return { rows: transfers.length, total };
  });
  if (!done) return failWith('conflict', 'nothing-to-send', input.purpose === 'retry' ? 'Tidak ada transfer gagal untuk diulang' : 'Semua penerima siklus ini sudah masuk berkas bank (atau pembayarannya ditahan)', input.purpose === 'retry' ? 'No failed transfer to retry' : "Every recipient of this cycle is already in a bank file (or their payment is held)");
  const held = reconcile(await paymentTally(db, cycle.id)).held.n;
  return { ok: true, value: { id, ...done, held } };
}

/** Holds the payment of recipients a newer snapshot marks deceased or moved. */
async function refreshFlags(ctx: Ctx, officeId: string, cycleId: string, approvedOn: string | null): Promise<{ id: string; flag: string }[]> {
  const snapshot = await currentSnapshotOf(ctx.database, ctx.database.dialect, officeId, ctx.caches.registry);
  if (!snapshot || snapshot.id === approvedOn) return [];
  const pending = (await recipientsToSend(ctx.database.db, cycleId, 'first', MAX_CYCLE_RECIPIENTS));
  const rows = await registryRowsByNiks(ctx.database.db, snapshot.tableName, pending.map((r) => r.nik));
  return pending.flatMap((r) => {
    const hold = registryView(snapshot, rows.get(r.nik)).hold;
    return hold ? [{ id: r.id, flag: hold }] : [];
  });
}

type Transfer = Awaited<ReturnType<typeof transfersOfBatch>>[number];

function fileText(cycle: { programme_slug: string; due_month: string; seq: number; of_count: number }, transfers: Transfer[]): string {
  const memo = `${cycle.programme_slug} ${cycle.due_month} ${cycle.seq}/${cycle.of_count}`;
  return [BANK_FILE_HEADER.join(','), ...transfers.map((t, i) => bankFileLine(i + 1, t, memo))].join('\r\n') + '\r\n';
}

/** A batch's bank file as made (the same bytes each time); the export of personal data is logged. */
export async function batchFile(ctx: Ctx, actor: Actor, batchId: string): Promise<Outcome<{ name: string; text: string; sha256: string }>> {
  const officeId = officeOf(actor);
  if (!officeId.ok) return officeId;
  const batch = await findBatch(ctx.database.db, officeId.value, batchId);
  const found = batch && (await cycleOf(ctx, actor, batch.cycle_id));
  if (!batch || !found || !found.ok) return failWith('not-found', 'batch-not-found', 'Berkas penyaluran tidak ditemukan', 'Disbursement batch not found');
  const cycle = found.value.cycle;
  const text = fileText(cycle, await transfersOfBatch(ctx.database.db, batch.id, MAX_CYCLE_RECIPIENTS));
  await logDataRead(ctx, actor, { officeId: officeId.value, recordKind: 'programme-candidate', recordId: `batch:${batch.id}`, purpose: 'programme-disbursement', action: 'export', fields: ['nik', 'name', 'village', 'amount'] });
  return { ok: true, value: { name: `${cycle.programme_slug}-${cycle.category}-${cycle.due_month}-batch-${batch.seq}.csv`, text, sha256: batch.sha256 } };
}
