/**
 * Takes an emergency report at any hour, from the receiving officer (any channel the decrees name,
 * with the time the report came in) or from the public web form (now). The report is a case of the
 * decreed service, filed through the one intake with its clock started at the report ("dari
 * Pelaporan"), not at a complete file; the emergency row, its first event and the audit row are
 * written in the case's own transaction.
 */
import type { NotifyChannel } from '../../domain/notifications/consent.js';
import { randomUUID } from 'node:crypto';
import { findReportByApplication, insertEmergencyEvent, insertReport, membersOnDuty, reportsNear } from '../../db/emergency-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { AUTO_TASK, CASE_CHANNEL, OFFICIAL_CHANNELS, coordinateProblems, isEmergencyService, pickResponder, sameIncident, type Category, type EmergencyChannel } from '../../domain/emergency/index.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { officeNotFound, serviceNotFound } from '../../domain/standards/not-found.js';
import { may } from '../../domain/staff/permissions.js';
import { submitApplication } from '../applications/submit-application.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { settingsOf, writeAssignment } from './emergency-common.js';

export interface EmergencyInput {
  office: string;
  service: string;
  reportedAt?: string;
  channel: EmergencyChannel;
  location: { text: string; lat?: number; lng?: number };
  description: string;
  /** `email` and `notify`: the reporter's choice of channels for news of the report (the case's contact, since the case is about someone else). */
  reporter?: { name?: string; phone?: string; email?: string; notify?: { channels: NotifyChannel[] } };
  subject: { name?: string; nik?: string; category: Category };
  /** The service's own questions (e.g. Banjarmasin's "Kondisi kedaruratan terjadi di wilayah Kota Banjarmasin"). */
  answers?: Record<string, string | number | boolean>;
  /** Identity documents are "jika ada" in Banjarmasin; where a decree requires them (Semarang), shown or uploaded. */
  documents?: { requirement: string; shown?: boolean; upload?: string }[];
  idempotencyKey?: string;
}

export interface Reported {
  registrationNumber: string;
  trackingCode: string;
  reportedAt: string;
  firstResponseDueAt: string | null;
  firstResponseDueAtLocal: string | null;
  /** Earlier open reports that look like the same person and place (a dispatcher may merge them). */
  possibleDuplicates: string[];
  replayed: boolean;
}

/** How far back an officer may date a report written down late (a note from the night's phone log); a choice, not a decree's rule. */
export const BACKDATE_LIMIT_HOURS = 72;

/** Who an assignment by the office's rule is by, in the report's events and the audit trail. */
export const RULE_ACTOR = 'sigap (aturan penugasan piket / duty assignment rule)';

/** Until the subject is identified the case needs a name: the report's words say so. */
export const UNKNOWN_SUBJECT = 'Belum diketahui (laporan darurat)';

export async function reportEmergency(ctx: Ctx, input: EmergencyInput, actor: Actor): Promise<Outcome<Reported, FieldProblem>> {
  const found = ctx.catalogue.service(input.office, input.service);
  if (!found) return fail('not-found', { ...(ctx.catalogue.office(input.office) ? serviceNotFound(input.office, input.service) : officeNotFound(input.office)), field: 'service' });
  const { office, service } = found;
  const svc = service.service;
  const staff = actor.id !== null;
  if (staff && actor.officeId !== office.id) return fail('not-found', { ...officeNotFound(input.office), field: 'office' });
  if (!isEmergencyService(svc))
    return fail('invalid', { field: 'service', code: 'not-an-emergency-service', message: `Layanan "${svc.title}" bukan layanan kedaruratan; ajukan lewat formulir permohonan`, messageEn: `"${svc.title}" is not an emergency service; apply through the application form` });
  if (staff && !may(actor.roles, 'emergency.report'))
    return fail('forbidden', { field: 'channel', code: 'permission-required', message: 'Peran Anda tidak dapat mencatat laporan darurat', messageEn: 'Your role cannot record emergency reports' });

  const now = nowOf(ctx);
  const problems: FieldProblem[] = [];
  if (!staff && input.channel !== 'web')
    problems.push({ field: 'channel', code: 'channel-staff-only', message: 'Laporan dari telepon, WhatsApp, 112, RT, lurah atau camat dicatat oleh petugas', messageEn: 'Reports by phone, WhatsApp, 112, RT, lurah or camat are recorded by staff' });
  if (staff && input.channel === 'web')
    problems.push({ field: 'channel', code: 'channel-public-only', message: 'Saluran "formulir web" hanya untuk laporan warga lewat situs; pilih saluran laporan yang diterima', messageEn: 'The "web form" channel is for the public site; choose the channel the report came through' });
  let reportedAt = now;
  if (input.reportedAt !== undefined) {
    const at = new Date(input.reportedAt);
    if (!staff) problems.push({ field: 'reportedAt', code: 'reported-at-staff-only', message: 'Waktu laporan hanya dapat diisi petugas', messageEn: 'Only staff can set the report time' });
    else if (Number.isNaN(at.getTime())) problems.push({ field: 'reportedAt', code: 'reported-at-invalid', message: 'Waktu laporan tidak sah', messageEn: 'Invalid report time' });
    else if (at.getTime() > now.getTime())
      problems.push({ field: 'reportedAt', code: 'reported-at-future', message: 'Waktu laporan tidak boleh di masa depan', messageEn: 'The report time cannot be in the future' });
    else if (now.getTime() - at.getTime() > BACKDATE_LIMIT_HOURS * 3_600_000)
      problems.push({ field: 'reportedAt', code: 'reported-at-too-old', message: `Waktu laporan paling lama ${BACKDATE_LIMIT_HOURS} jam yang lalu`, messageEn: `The report time can be at most ${BACKDATE_LIMIT_HOURS} hours ago` });
    else reportedAt = at;
  }
  problems.push(...(coordinateProblems(input.location.lat, input.location.lng) as FieldProblem[]));
  if (problems.length) return fail('invalid', ...problems);

  const channel = input.channel;
  const initiator = OFFICIAL_CHANNELS.includes(channel) && svc.initiators.includes('official') ? 'official' : svc.initiators.includes('citizen') ? 'citizen' : svc.initiators[0];
  const reporterName = input.reporter?.name?.trim() || undefined;
  const reportedIso = reportedAt.toISOString();
  const settings = await settingsOf(ctx, office.id);
  const subjectName = input.subject.name?.trim() || null;
  // Before the write: earlier reports about the same person and place, for the dispatcher to merge.
  const windowMs = settings.mergeWindowMinutes * 60_000;
  const near = await reportsNear(ctx.database.db, office.id, svc.slug, new Date(reportedAt.getTime() - windowMs).toISOString(), new Date(reportedAt.getTime() + windowMs).toISOString(), 50);
  const mine = { locationText: input.location.text, lat: input.location.lat, lng: input.location.lng, subjectName, category: input.subject.category, reportedAt: reportedIso };
  const possibleDuplicates = near
    .filter((r) => sameIncident(mine, { locationText: r.location_text, lat: r.lat, lng: r.lng, subjectName: r.subject_name, category: r.category, reportedAt: r.reported_at }, settings.mergeWindowMinutes, settings.mergeRadiusMetres))
    .map((r) => r.registration_number);

  const id = randomUUID();
  let due: string | null = null;
  // The case is filed as of the report: its clock, its stages and its first event start then.
  const asReported: Ctx = { ...ctx, now: () => reportedAt };
  const submitted = await submitApplication(
    asReported,
    {
      office: input.office,
      service: input.service,
      initiator,
      channel: CASE_CHANNEL[channel],
      // The case's contact is who is told of it: the reporter, and only through the channels they chose.
      applicant: { name: subjectName ?? UNKNOWN_SUBJECT, nik: input.subject.nik, ...(input.reporter?.notify ? { phone: input.reporter.phone, email: input.reporter.email?.trim() || undefined, notify: input.reporter.notify } : {}) },
      reporter: { name: reporterName ?? (staff ? undefined : 'Pelapor (formulir web)'), phone: input.reporter?.phone, role: channel },
      answers: input.answers,
      attachments: input.documents,
      aboutOther: true,
      idempotencyKey: input.idempotencyKey,
    },
    actor,
    async (trx, c) => {
      // The first stage with a decreed limit that starts at intake is the first response ("Respon Awal Kasus : 45 Menit dari Pelaporan");
      // without one, the case's own due time (Semarang's 1 working day, once the file is complete).
      due = c.stages.find((s) => s.dueAt)?.dueAt ?? c.dueAt;
      const at = now.toISOString();
      await insertReport(trx, {
        id,
        office_id: office.id,
        application_id: c.id,
        registration_number: c.registrationNumber,
        service_slug: svc.slug,
        channel,
        reported_at: reportedIso,
        received_at: at,
        received_by: actor.id,
        location_text: input.location.text.trim(),
        lat: input.location.lat ?? null,
        lng: input.location.lng ?? null,
        description: input.description.trim(),
        category: input.subject.category,
        subject_name: subjectName,
        reporter_name: reporterName ?? null,
        reporter_phone: input.reporter?.phone?.trim() || null,
        first_response_due_at: due,
        first_response_at: null,
        state: 'open',
        escalation: 'none',
        merged_into: null,
        version: 1,
      });
      await insertEmergencyEvent(trx, { report_id: id, office_id: office.id, type: 'reported', actor_id: actor.id, actor_name: actor.name, data: { channel, reportedAt: reportedIso, firstResponseDueAt: due, possibleDuplicates }, at });
      await insertAuditEvent(trx, {
        officeId: office.id,
        actor: actor.name,
        action: 'emergency.reported',
        subject: `emergency:${id}`,
        detail: { registrationNumber: c.registrationNumber, service: svc.slug, channel, reportedAt: reportedIso, firstResponseDueAt: due, actorId: actor.id },
        at,
      });
      if (settings.autoAssign) {
        // The office's rule, in the report's own transaction: nobody fitting leaves it to the head of division.
        const team = await membersOnDuty(trx, office.id, at);
        const pick = pickResponder(
          team.map((m) => ({ userId: m.user_id, name: m.display_name, onShiftSince: m.on_shift_since, credentials: { officialId: m.official_id, licence: m.licence, licenceValidUntil: m.licence_valid_until }, openAssignments: Number(m.open_assignments ?? 0) })),
          AUTO_TASK,
          ctx.clock.localDate(office.office, at),
        );
        if (pick)
          await writeAssignment(trx, ctx, { id, officeId: office.id, applicationId: c.id, registrationNumber: c.registrationNumber, service: svc.slug }, { id: pick.userId, name: pick.name }, AUTO_TASK, { id: null, name: RULE_ACTOR, onDuty: true, byRule: true }, at);
      }
    },
  );
  // The intake checks the contact as the applicant's; the report form has it under the reporter.
  if (!submitted.ok) return { ok: false, error: { ...submitted.error, problems: submitted.error.problems.map((p) => (p.field?.startsWith('applicant.') && ['phone', 'email', 'notify'].includes(p.field.slice(10)) ? { ...p, field: `reporter.${p.field.slice(10)}` } : p)) } };
  const s = submitted.value;
  if (s.replayed) {
    const earlier = await findReportByApplication(ctx.database.db, s.id);
    due = earlier?.first_response_due_at ?? null;
  }
  return {
    ok: true,
    value: {
      registrationNumber: s.registrationNumber,
      trackingCode: s.trackingCode,
      reportedAt: reportedIso,
      firstResponseDueAt: due,
      firstResponseDueAtLocal: due ? ctx.clock.local(office.office, due) : null,
      possibleDuplicates: s.replayed ? [] : possibleDuplicates,
      replayed: s.replayed,
    },
  };
}
