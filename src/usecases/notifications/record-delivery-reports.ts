/**
 * What WhatsApp and SMS providers tell us back about our messages: delivery receipts (sent,
 * delivered, read, failed) recorded on the outbox row and audited as a system event; a "failed" one
 * hands over to the next channel in the same transaction. Idempotent: a receipt already known, or one
 * older than what is known, changes nothing; ids we never sent are ignored.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findByProviderRef, recordDelivery } from '../../db/notifications-repo.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { fallBack } from './send-outbox.js';

export const DELIVERY_STATES = ['sent', 'delivered', 'read', 'failed'] as const;
export type Delivery = (typeof DELIVERY_STATES)[number];

export interface DeliveryReport {
  providerId: string | null;
  /** Our attempt id, carried by the provider (WhatsApp's callback data, the SMS callback URL). */
  attemptId: string | null;
  status: Delivery;
  error: string | null;
}

const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3 };

/** Whether a receipt tells something new: receipts may arrive out of order and more than once. */
export function advances(current: string | null, next: Delivery): boolean {
  if (next === 'failed') return current !== 'failed' && current !== 'delivered' && current !== 'read';
  if (current === 'failed') return false;
  return (RANK[next] ?? 0) > (RANK[current ?? ''] ?? 0);
}

export async function recordDeliveryReports(ctx: Ctx, officeId: string, channel: 'whatsapp' | 'sms', reports: DeliveryReport[]): Promise<{ recorded: number; ignored: number }> {
  let recorded = 0;
  const at = nowOf(ctx).toISOString();
  for (const r of reports) {
    const changed = await ctx.database.write(async (trx) => {
      const row = await findByProviderRef(trx, channel, r);
      if (!row || row.office_id !== officeId || !advances(row.delivery, r.status)) return false;
      // A receipt for a send that timed out on our side: it went, so it is never sent again.
      const wentOut = row.status === 'sending' || row.status === 'queued';
      await recordDelivery(trx, row.id, { delivery: r.status, at, providerId: r.providerId, error: r.error, wentOut: wentOut && r.status !== 'failed' });
      let fellBack = false;
      if (r.status === 'failed') {
        await trx.updateTable('outbox').set({ status: 'failed', lease_until: null }).where('id', '=', row.id).execute();
        fellBack = await fallBack(trx, row, at);
      }
      await insertAuditEvent(trx, {
        officeId,
        actor: channel === 'whatsapp' ? 'Sistem (WhatsApp)' : 'Sistem (SMS)',
        action: 'notifications.delivery',
        subject: `outbox:${row.id}`,
        detail: { application: row.application_id, channel, kind: row.kind, delivery: r.status, ...(r.error ? { error: r.error.slice(0, 200) } : {}), ...(fellBack ? { fallback: true } : {}) },
        at,
      });
      return true;
    });
    if (changed) recorded++;
  }
  return { recorded, ignored: reports.length - recorded };
}
