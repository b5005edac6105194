/**
 * Records what the incident's later steps rest on: TAGANA's identification at the place (note,
 * position, photo uploads; Jambi 1 step 2 "dilengkapi dokumentasi"), the needs analysis by the
 * pejabat fungsional (step 3), or the distribution plan (Perka BNPB 13/2008 as explained: who
 * receives, priority, when, where, how, transport, who is responsible), or the declared emergency
 * status a lumbung's release gate asks for (which decree, who declared it, from when). Each at the
 * version seen.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findIncident, updateIncidentIfVersion } from '../../db/logistics-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { incidentNotFound, officeFor } from './logistics-common.js';

export type IncidentRecord =
  | { part: 'assessment'; note: string; lat?: number; lng?: number; photos?: string[] }
  | { part: 'needs'; note: string }
  | { part: 'plan'; recipients: string; priority: 'tinggi' | 'sedang' | 'rendah'; when: string; where: string; how: string; transport?: string; responsible: string }
  | { part: 'emergency-status'; decree: string; declaredBy: string; declaredOn: string; until?: string };

const COLUMN = { assessment: 'assessment', needs: 'needs', plan: 'plan', 'emergency-status': 'emergency_status' } as const;

export async function recordAssessment(ctx: Ctx, actor: Actor, incidentId: string, input: IncidentRecord): Promise<Outcome<{ id: string; part: string }>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const incident = await findIncident(ctx.database.db, office.value, incidentId);
  if (!incident) return incidentNotFound();
  if (incident.state !== 'open') return failWith('conflict', 'incident-closed', 'Kejadian ini sudah ditutup', 'This incident is closed');
  const now = nowOf(ctx).toISOString();
  if (input.part === 'emergency-status' && input.declaredOn > ctx.clock.localDate(ctx.catalogue.officeById(office.value).office, now))
    return failWith('invalid', 'declared-in-future', 'Tanggal penetapan status tidak boleh di masa depan', 'The declaration date cannot be in the future', 'declaredOn');
  const { part, ...data } = input;
  const value = JSON.stringify({ ...data, by: actor.name, at: now });
  const changed = await ctx.database.write(async (trx) => {
    if (!(await updateIncidentIfVersion(trx, incident.id, incident.version, { [COLUMN[part]]: value }))) return false;
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: `logistics.incident-${part}`, subject: `incident:${incident.id}`, detail: { ...data, actorId: actor.id }, at: now });
    return true;
  });
  if (!changed) return failWith('conflict', 'incident-changed', 'Kejadian ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this incident; reload the page');
  return { ok: true, value: { id: incident.id, part } };
}
