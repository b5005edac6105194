/**
 * One report with what the board leaves out: the reporter, the subject, the description, its
 * events and assignments. Personal data: the read is logged with its purpose before the answer.
 */
import { assignmentsOf, findReportByNumber, reportEvents } from '../../db/emergency-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { logDataRead } from '../audit/log-data-read.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { reportNotFound, settingsOf, summaryOf, type ReportSummary } from './emergency-common.js';

export interface ReportDetail extends ReportSummary {
  applicationId: string;
  description: string;
  subjectName: string | null;
  reporter: { name: string | null; phone: string | null };
  receivedAtLocal: string;
  events: { type: string; actor: string; atLocal: string; data: Record<string, unknown> }[];
  assigned: { member: string; name: string; task: string; atLocal: string }[];
}

export async function showEmergencyReport(ctx: Ctx, actor: Actor, registrationNumber: string): Promise<Outcome<ReportDetail>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.read')) return fail('forbidden', { code: 'permission-required', message: 'Peran Anda tidak dapat membuka laporan darurat', messageEn: 'Your role cannot open emergency reports' });
  const db = ctx.database.db;
  const r = await findReportByNumber(db, actor.officeId, registrationNumber);
  if (!r) return reportNotFound();
  await logDataRead(ctx, actor, { officeId: r.office_id, recordKind: 'application', recordId: r.application_id, purpose: 'case-work', fields: ['emergency.reporter', 'emergency.subject', 'emergency.description'] });
  const office = ctx.catalogue.officeById(r.office_id).office;
  const settings = await settingsOf(ctx, r.office_id);
  const [events, assignments] = await Promise.all([reportEvents(db, r.id), assignmentsOf(db, [r.id])]);
  return {
    ok: true,
    value: {
      ...summaryOf(ctx, r, nowOf(ctx).toISOString(), settings.atRiskShare),
      applicationId: r.application_id,
      description: r.description,
      subjectName: r.subject_name,
      reporter: { name: r.reporter_name, phone: r.reporter_phone },
      receivedAtLocal: ctx.clock.local(office, r.received_at),
      events: events.map((e) => ({ type: e.type, actor: e.actor_name, atLocal: ctx.clock.local(office, e.at), data: e.data })),
      assigned: assignments.map((a) => ({ member: a.user_id, name: a.display_name, task: a.task, atLocal: ctx.clock.local(office, a.at) })),
    },
  };
}
