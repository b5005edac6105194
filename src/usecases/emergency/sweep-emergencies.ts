/**
 * Escalates open reports whose first response is at risk (to the head of division) or breached
 * (to the head of office), once each, as report and case events and a notice to the role; closes
 * the reports whose case has ended. A write:
 * it runs in the background (every minute under `sigap serve`) beside the case sweep, never on a page view.
 */
import { insertEvent, notifyOnce } from '../../db/applications-repo.js';
import { escalationCandidates, insertEmergencyEvent, reportsOfEndedCases, setClosed, setEscalation } from '../../db/emergency-repo.js';
import { escalationFor, escalationRank, firstResponseState } from '../../domain/emergency/index.js';
import { nowOf, type Ctx } from '../context.js';
import { queueStaffMessages } from '../notifications/queue-staff-messages.js';
import { settingsOf } from './emergency-common.js';

export async function sweepEmergencies(ctx: Ctx, officeId: string): Promise<{ escalated: number; closed: number }> {
  const now = nowOf(ctx).toISOString();
  const settings = await settingsOf(ctx, officeId);
  const roles = ctx.catalogue.officeById(officeId).office.roles.map((r) => r.id);
  // An open report whose case has ended (terminated, withdrawn, rejected) leaves the board, never to be escalated.
  let closed = 0;
  for (const r of await reportsOfEndedCases(ctx.database.db, officeId, 1000)) {
    const done = await ctx.database.write(async (trx) => {
      if (!(await setClosed(trx, r.id, r.state))) return false;
      await insertEmergencyEvent(trx, { report_id: r.id, office_id: officeId, type: 'closed', actor_id: null, actor_name: 'Sigap (jam layanan)', data: { caseStatus: r.status, caseClosedAt: r.closed_at, withoutFirstResponse: r.state === 'open' }, at: now });
      return true;
    });
    if (done) closed++;
  }
  let escalated = 0;
  for (const r of await escalationCandidates(ctx.database.db, officeId, 1000)) {
    const state = firstResponseState({ reportedAt: r.reported_at, dueAt: r.first_response_due_at, respondedAt: null }, now, settings.atRiskShare);
    const to = escalationFor(state);
    if (escalationRank(to) <= escalationRank(r.escalation)) continue;
    // An office without a head of division escalates straight to its head.
    const role = roles.includes(to) ? to : 'kepala-dinas';
    const message =
      state === 'breached'
        ? `${r.registration_number}: respon awal melewati batas waktu / first response overdue`
        : `${r.registration_number}: respon awal hampir melewati batas waktu / first response at risk`;
    const done = await ctx.database.write(async (trx) => {
      if (!(await setEscalation(trx, r.id, r.escalation, to))) return false;
      await insertEmergencyEvent(trx, { report_id: r.id, office_id: officeId, type: 'escalated', actor_id: null, actor_name: 'Sigap (jam layanan)', data: { to, role, state, dueAt: r.first_response_due_at }, at: now });
      await notifyOnce(trx, { officeId, applicationId: r.application_id, role, kind: `emergency:${to}`, message, at: now });
      const eventId = await insertEvent(trx, { application_id: r.application_id, office_id: officeId, type: `emergency:escalated`, actor_id: null, actor_name: 'Sigap (jam layanan)', data: { to: role, state }, at: now });
      await queueStaffMessages(
        trx,
        ctx,
        { officeId, applicationId: r.application_id, registrationNumber: r.registration_number, service: r.service_slug, eventKey: eventId, kind: 'staff-escalation', state, at: now, path: `/petugas/berkas/${r.application_id}` },
        { roles: [role] },
      );
      return true;
    });
    if (done) escalated++;
  }
  return { escalated, closed };
}
