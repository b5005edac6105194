/**
 * Closes a disaster incident. Its reconciliation must balance item by item (received − distributed −
 * returned − written off = 0; DOMAIN.md §4 (d) 10) or the head writes why it does not; the closure
 * keeps the reconciliation as it stood, with the handovers and victims counted, and is audited.
 * A closed incident refuses every change (409): no dispatch, return, handover, record or shipment move.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findIncident, handoversOf, updateIncidentIfVersion, victimsOf } from '../../db/logistics-repo.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { MAX_ROWS, MIN_CLOSURE_REASON, unbalanced } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { incidentNotFound, officeFor } from './logistics-common.js';
import { MAX_HANDOVERS, reconcileIncident, type ItemReconciliation } from './reconcile-incident.js';

export interface ClosureSummary {
  closedAt: string;
  closedBy: string;
  balanced: boolean;
  reason: string | null;
  reconciliation: ItemReconciliation[];
  handovers: number;
  victims: number;
}

export async function closeIncident(ctx: Ctx, actor: Actor, incidentId: string, input: { reason?: string }): Promise<Outcome<ClosureSummary, FieldProblem>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return fail(office.error.kind, ...office.error.problems.map((p) => ({ ...p, field: p.field ?? 'reason' })));
  const db = ctx.database.db;
  const incident = await findIncident(db, office.value, incidentId);
  if (!incident) return fail('not-found', { ...incidentNotFound().error.problems[0]!, field: 'reason' });
  if (incident.state !== 'open') return fail('conflict', { field: 'reason', code: 'incident-closed', message: 'Kejadian ini sudah ditutup', messageEn: 'This incident is already closed' });
  const [reconciliation, handovers, victims] = await Promise.all([reconcileIncident(db, office.value, incident.id), handoversOf(db, incident.id, MAX_HANDOVERS), victimsOf(db, incident.id, MAX_ROWS)]);
  const open = unbalanced(reconciliation);
  const reason = input.reason?.trim() || null;
  if (open.length && (reason?.length ?? 0) < MIN_CLOSURE_REASON) {
    const list = open.map((l) => `${l.name} ${l.outstanding} ${l.unit}`).join(', ');
    return fail('invalid', {
      field: 'reason',
      code: 'closure-reason-required',
      message: `Rekonsiliasi belum seimbang (masih di lapangan: ${list}); tulis alasan penutupan paling sedikit ${MIN_CLOSURE_REASON} huruf`,
      messageEn: `The reconciliation does not balance (still in the field: ${list}); write why the incident closes, at least ${MIN_CLOSURE_REASON} characters`,
    });
  }
  const now = nowOf(ctx).toISOString();
  const summary: ClosureSummary = { closedAt: now, closedBy: actor.name, balanced: open.length === 0, reason, reconciliation, handovers: handovers.length, victims: victims.length };
  const closed = await ctx.database.write(async (trx) => {
    if (!(await updateIncidentIfVersion(trx, incident.id, incident.version, { state: 'closed', closed_at: now, closed_by: actor.name, closure_reason: reason, closure: JSON.stringify(summary) }))) return false;
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.incident-closed', subject: `incident:${incident.id}`, detail: { balanced: summary.balanced, reason, outstanding: open.map((l) => ({ code: l.code, outstanding: l.outstanding })), handovers: summary.handovers, victims: summary.victims, actorId: actor.id }, at: now });
    return true;
  });
  if (!closed) return failWith('conflict', 'incident-changed', 'Kejadian ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this incident; reload the page', 'reason') as Outcome<never, FieldProblem>;
  return { ok: true, value: summary };
}
