/** An incident's reconciliation per item: received (dispatched to it) − distributed (handovers) − returned − written off in the field. */
import type { Kysely, Transaction } from 'kysely';
import { fieldLosses, handoversOf, incidentLedger, itemsOf } from '../../db/logistics-repo.js';
import type { DB } from '../../db/schema.js';
import { MAX_ROWS, reconcile, type Reconciliation } from '../../domain/logistics/index.js';

export interface ItemReconciliation extends Reconciliation {
  item: string;
  code: string;
  name: string;
  unit: string;
}

/** Handovers an incident holds at most (each is a numbered document; a bound for the page and this sum). */
export const MAX_HANDOVERS = 500;

export async function reconcileIncident(q: Kysely<DB> | Transaction<DB>, officeId: string, incidentId: string): Promise<ItemReconciliation[]> {
  const [ledger, handovers, losses, items] = await Promise.all([incidentLedger(q, incidentId), handoversOf(q, incidentId, MAX_HANDOVERS), fieldLosses(q, incidentId), itemsOf(q, officeId, MAX_ROWS)]);
  const sums = new Map<string, { received: number; distributed: number; returned: number; writtenOff: number }>();
  const at = (item: string) => sums.get(item) ?? (sums.set(item, { received: 0, distributed: 0, returned: 0, writtenOff: 0 }), sums.get(item)!);
  for (const l of ledger) {
    if (l.kind === 'dispatch') at(l.item_id).received += -l.quantity;
    else if (l.kind === 'return') at(l.item_id).returned += l.quantity;
  }
  for (const h of handovers) for (const x of JSON.parse(h.items) as { item: string; quantity: number }[]) at(x.item).distributed += x.quantity;
  for (const l of losses) at(l.item_id).writtenOff += l.quantity;
  const byId = new Map(items.map((i) => [i.id, i]));
  return [...sums.entries()]
    .map(([item, s]) => ({ item, code: byId.get(item)?.code ?? item, name: byId.get(item)?.name ?? item, unit: byId.get(item)?.unit ?? '', ...reconcile(s) }))
    .sort((a, b) => a.code.localeCompare(b.code));
}
