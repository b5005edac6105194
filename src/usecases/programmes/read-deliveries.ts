/**
 * A cycle's delivery sheet for the field worker: the cycle with its reconciliation, a page of
 * recipients (NIK masked; reads logged by showCycle) each with their latest delivery act, and the
 * condition checks the decree words.
 */
import type { ProgrammeDeliveriesTable } from '../../db/schema-programme-cycles.js';
import { latestDeliveries } from '../../db/programme-deliveries-repo.js';
import type { RecipientFilter } from '../../db/programme-cycles-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { CheckText } from '../../domain/programmes/deliveries.js';
import type { Actor, Ctx } from '../context.js';
import { showCycle, type CycleView } from './read-cycles.js';

export interface DeliverySheet extends CycleView {
  checks: CheckText[];
  latest: Map<string, ProgrammeDeliveriesTable>;
}

export async function readDeliveries(ctx: Ctx, actor: Actor, cycleId: string, filter: RecipientFilter, page: number): Promise<Outcome<DeliverySheet>> {
  const r = await showCycle(ctx, actor, cycleId, filter, page);
  if (!r.ok) return r;
  const latest = await latestDeliveries(ctx.database.db, r.value.recipients.map((x) => x.id));
  return { ok: true, value: { ...r.value, checks: r.value.programme.channel.checks ?? [], latest } };
}
