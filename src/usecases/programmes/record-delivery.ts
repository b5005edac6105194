/**
 * Records one in-kind delivery at a recipient's address (receiver, relation, time, position, photo,
 * the decree's condition checks) or its failure with a reason. Every act is kept; a recipient
 * delivered stays delivered, a failed one can be delivered on a later visit. The cycle becomes
 * delivered once nobody is pending. Audited in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { knownUploads } from '../../db/applications-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { paymentTally } from '../../db/programme-cycles-repo.js';
import { includedRecipient, insertDelivery, moveCycleStatus, moveDelivery } from '../../db/programme-deliveries-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { reconcile, type CycleStatus, type Reconciliation } from '../../domain/programmes/cycles.js';
import { closedCycle, deliveryProblems, isDelivered, type DeliveryInput } from '../../domain/programmes/deliveries.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { cycleOf } from './cycle-of.js';

export interface DeliveryRecorded {
  id: string;
  result: 'delivered' | 'failed';
  cycleStatus: CycleStatus;
  reconciliation: Reconciliation;
}

export async function recordDelivery(ctx: Ctx, actor: Actor, cycleId: string, recipientId: string, input: DeliveryInput): Promise<Outcome<DeliveryRecorded>> {
  const found = await cycleOf(ctx, actor, cycleId);
  if (!found.ok) return found;
  const { officeId, cycle, round } = found.value;
  if (cycle.status === 'closed') return fail('conflict', closedCycle);
  if (cycle.kind !== 'in-kind') return failWith('conflict', 'not-in-kind', 'Siklus ini dibayar tunai melalui bank; penyaluran barang tidak dicatat', 'This cycle is paid in cash through a bank; no delivery is recorded');
  if (cycle.status === 'draft') return failWith('conflict', 'cycle-not-approved', 'Siklus ini belum disetujui; penyaluran dicatat setelah disetujui', 'This cycle is not approved yet; deliveries are recorded once it is');
  const db = ctx.database.db;
  const recipient = await includedRecipient(db, cycle.id, recipientId);
  if (!recipient) return failWith('not-found', 'recipient-not-found', 'Penerima tidak ada dalam siklus ini', 'The recipient is not in this cycle');
  if (recipient.payment === 'delivered') return failWith('conflict', 'already-delivered', `Penyaluran kepada ${recipient.name} sudah dicatat`, `The delivery to ${recipient.name} is already recorded`);
  if (recipient.flag && input.result === 'delivered')
    return failWith('conflict', 'recipient-held', `Penyaluran kepada ${recipient.name} ditahan: registri mencatatnya ${recipient.flag === 'deceased' ? 'meninggal dunia' : 'pindah'}`, `The delivery to ${recipient.name} is held: the registry records them as ${recipient.flag}`);
  const now = nowOf(ctx).toISOString();
  const checks = round.programme.channel.checks ?? [];
  const problems = deliveryProblems(input, { recipientName: recipient.name, checks, now, approvedAt: cycle.approved_at });
  if (input.result === 'delivered' && input.photo && !(await knownUploads(db, [input.photo])).has(input.photo))
    problems.push({ code: 'upload-unknown', field: 'photo', message: 'Foto tidak ditemukan; unggah ulang', messageEn: 'Photo not found; upload it again' });
  if (problems.length) return fail('invalid', ...problems);
  const id = randomUUID();
  const delivered = input.result === 'delivered';
  const row = {
    id,
    cycle_id: cycle.id,
    recipient_id: recipient.id,
    result: input.result,
    receiver_name: delivered ? input.receiverName!.trim() : null,
    relation: delivered ? input.relation?.trim() || null : null,
    delivered_at: delivered ? (input.at ? new Date(input.at).toISOString() : now) : null,
    lat: delivered ? (input.lat ?? null) : null,
    lng: delivered ? (input.lng ?? null) : null,
    photo_upload_id: delivered ? input.photo || null : null,
    checks: JSON.stringify(delivered ? checks.map((c) => c.id) : []),
    reason: delivered ? null : input.reason!.trim(),
    recorded_by: actor.name,
    recorded_at: now,
  };
  const out = await ctx.database.write(async (trx) => {
    if (!(await moveDelivery(trx, recipient.id, recipient.payment, input.result))) return null;
    await insertDelivery(trx, row);
    const r = reconcile(await paymentTally(trx, cycle.id));
    let status: CycleStatus = cycle.status;
    if (isDelivered(r) && (await moveCycleStatus(trx, cycle.id, 'approved', 'delivered'))) status = 'delivered';
    // No NIK or name in the audit detail: the recipient row is named by id.
    const { receiver_name: _n, relation: _r, ...proof } = row;
    await insertAuditEvent(trx, { officeId, actor: actor.name, action: delivered ? 'programme-delivery-recorded' : 'programme-delivery-failed', subject: `programme-cycle:${cycle.id}`, detail: { ...proof, receiverIsRecipient: delivered ? !row.relation : null, cycleStatus: status }, at: now });
    return { reconciliation: r, status };
  });
  if (!out) return failWith('conflict', 'delivery-changed', `Penyaluran kepada ${recipient.name} baru saja dicatat petugas lain; muat ulang halaman`, `Another officer just recorded the delivery to ${recipient.name}; reload the page`);
  return { ok: true, value: { id, result: input.result, cycleStatus: out.status, reconciliation: out.reconciliation } };
}
