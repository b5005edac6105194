/**
 * Escalates open reports whose first response is at risk (to the head of division) or breached
 * (to the head of office), once each, as report and case events and a notice to the role; tells the
 * head of office when the head of division has not acknowledged within the office's interval, and
 * repeats an unacknowledged notice to the head of office (escalationStep); closes the reports whose
 * case has ended. Each step is claimed by a conditional update, so several processes write it once. A write:
 * it runs in the background (every minute under `sigap serve`) beside the case sweep, never on a page view.
 */
import { insertEvent, notifyOnce } from '../../db/applications-repo.js';
import { escalationCandidates, insertEmergencyEvent, reportsOfEndedCases, setClosed, setEscalation, setReminded } from '../../db/emergency-repo.js';
import { escalationStep, firstResponseState, MAX_REMINDERS } from '../../domain/emergency/index.js';
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
  for (const r of await escalationCandidates(ctx.database.db, officeId, 1000, MAX_REMINDERS, new Date(Date.parse(now) - settings.ackMinutes * 60_000).toISOString())) {
    const state = firstResponseState({ reportedAt: r.reported_at, dueAt: r.first_response_due_at, respondedAt: null }, now, settings.atRiskShare);
    const facts = { escalation: r.escalation, acknowledgedLevel: r.acknowledged_level ?? 'none', escalatedAt: r.escalated_at ?? null, notifiedAt: r.notified_at ?? null, reminders: r.reminders ?? 0 };
    const step = escalationStep(facts, state, now, settings.ackMinutes);
    if (!step) continue;
    const level = step.kind === 'escalate' ? step.to : r.escalation;
    // An office without a head of division escalates straight to its head.
    const role = roles.includes(level) ? level : 'kepala-dinas';
    const message =
      step.kind === 'remind'
        ? `${r.registration_number}: eskalasi belum diterima (pengingat ${facts.reminders + 1}) / escalation not yet acknowledged (reminder ${facts.reminders + 1})`
        : step.reason === 'unacknowledged'
          ? `${r.registration_number}: eskalasi belum diterima Kepala Bidang dalam ${settings.ackMinutes} menit / not acknowledged by the head of division within ${settings.ackMinutes} min`
          : state === 'breached'
            ? `${r.registration_number}: respon awal melewati batas waktu / first response overdue`
            : `${r.registration_number}: respon awal hampir melewati batas waktu / first response at risk`;
    const done = await ctx.database.write(async (trx) => {
      // The conditional update is the claim: of two processes sweeping at once, one writes the step.
      const claimed = step.kind === 'escalate' ? await setEscalation(trx, r.id, r.escalation, step.to, now) : await setReminded(trx, r.id, r.escalation, facts.reminders, now);
      if (!claimed) return false;
      const data = step.kind === 'escalate' ? { to: step.to, role, state, reason: step.reason, dueAt: r.first_response_due_at } : { to: level, role, state, reminder: facts.reminders + 1 };
      await insertEmergencyEvent(trx, { report_id: r.id, office_id: officeId, type: step.kind === 'escalate' ? 'escalated' : 'escalation-reminder', actor_id: null, actor_name: 'Sigap (jam layanan)', data, at: now });
      await notifyOnce(trx, { officeId, applicationId: r.application_id, role, kind: step.kind === 'escalate' ? `emergency:${level}` : `emergency-reminder:${level}:${facts.reminders + 1}`, message, at: now });
      const eventId = await insertEvent(trx, { application_id: r.application_id, office_id: officeId, type: step.kind === 'escalate' ? `emergency:escalated` : 'emergency:escalation-reminder', actor_id: null, actor_name: 'Sigap (jam layanan)', data: { to: role, state }, at: now });
      await queueStaffMessages(
        trx,
        ctx,
        { officeId, applicationId: r.application_id, registrationNumber: r.registration_number, service: r.service_slug, eventKey: eventId, kind: 'staff-escalation', state, at: now, path: `/petugas/darurat/${r.registration_number}` },
        { roles: [role] },
      );
      return true;
    });
    // Repeat notices are not escalations: they are counted in the report's events.
    if (done && step.kind === 'escalate') escalated++;
  }
  return { escalated, closed };
}
