/**
 * Keeps the oversight counters up to date: called inside the transaction that closes a case
 * (completed, rejected, withdrawn), so the counters never disagree with the cases. One upsert for
 * the case (plus one per stage, for the few services whose decree sets stage limits).
 */
import type { Transaction } from 'kysely';
import { addClosedCount, addStageCounts } from '../../db/oversight-repo.js';
import type { DB } from '../../db/schema.js';
import type { Pause, StageRecord } from '../../domain/applications/case.js';
import { closedCaseCounts } from '../../domain/oversight/counters.js';
import type { Ctx } from '../context.js';
import { measureOf } from './measure-of.js';

export interface ClosedCase {
  office_id: string;
  service_id: string;
  status: string;
  submitted_at: string;
  clock_started_at: string | null;
  closed_at: string | null;
  due_at: string | null;
  pauses: readonly Pause[];
  stages: readonly StageRecord[];
}

export async function countClosedCase(trx: Transaction<DB>, ctx: Ctx, c: ClosedCase): Promise<void> {
  const o = ctx.catalogue.officeById(c.office_id);
  const svc = o.services.find((s) => s.id === c.service_id);
  // A service no longer in the catalogue is not evaluated either.
  if (!svc) return;
  const m = measureOf(ctx, o, svc, (c.clock_started_at ?? c.submitted_at).slice(0, 10));
  const counts = closedCaseCounts(m, { status: c.status, submittedAt: c.submitted_at, startedAt: c.clock_started_at, closedAt: c.closed_at, dueAt: c.due_at, slaState: 'closed', pauses: c.pauses, stages: c.stages });
  if (!counts) return;
  await addClosedCount(trx, c.office_id, c.service_id, counts.row);
  if (counts.stages.length) await addStageCounts(trx, c.office_id, c.service_id, counts.stages);
}
