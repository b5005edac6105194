/**
 * A stay ends "dirujuk" by itself when its referral to a panti (Banjarmasin 11) completes: the case's
 * last step is "Penyerahan Surat Rekomendasi dan pengantaran calon klien", so the client has left for
 * the panti. Runs inside the transaction that completes the case (a step, or the signature releasing a
 * held end), so the bed is freed exactly when the case closes, and both are audited together.
 */
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportById, insertEmergencyEvent } from '../../db/emergency-repo.js';
import type { DB } from '../../db/schema.js';
import { endStayInResidence, eventsOfStay, insertShelterEvent, stayOfCase } from '../../db/shelters-repo.js';
import type { Actor } from '../context.js';

/** `c`: the case as it closes. Nothing happens unless it completed and is a stay's referral to a panti. */
export async function endReferredStay(trx: Transaction<DB>, c: { id: string; status: string; registration_number: string }, actor: Pick<Actor, 'id' | 'name'>, now: string): Promise<void> {
  if (c.status !== 'completed') return;
  const s = await stayOfCase(trx, c.id, 'referral');
  if (!s || s.state !== 'in-residence') return;
  const referred = (await eventsOfStay(trx, s.id)).filter((e) => e.type === 'referred-to-panti' && e.data.case === c.registration_number).pop();
  const panti = typeof referred?.data.panti === 'string' ? referred.data.panti : null;
  const termination = { kind: 'dirujuk', panti, case: c.registration_number };
  if (!(await endStayInResidence(trx, s.id, { state: 'referred', referred_to: panti, terminated_at: now, termination: JSON.stringify(termination) }))) return;
  const data = { panti, case: c.registration_number, bed: s.bed_id };
  await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'referral-completed', actor_id: actor.id, actor_name: actor.name, data, at: now });
  if (s.emergency_report_id) {
    const report = await findReportById(trx, s.emergency_report_id);
    if (report) await insertEmergencyEvent(trx, { report_id: report.id, office_id: s.office_id, type: 'shelter-referred-to-panti', actor_id: actor.id, actor_name: actor.name, data: { stay: s.id, panti, case: c.registration_number }, at: now });
  }
  await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.referred-ended', subject: `shelter-stay:${s.id}`, detail: { ...data, actorId: actor.id }, at: now });
}
