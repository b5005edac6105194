/**
 * An outcome of the emergency/shelter chain (Banjarmasin 13 step 8 "Pelaksanaan intervensi lanjutan
 * dan atau rujukan", then "Terminasi dan Penyampaian Informasi kepada Pelapor"): a referral to a
 * hospital, pemulangan, or identity documents, recorded from the report page or the stay page. Where
 * the office's standards have the decreed service (Banjarmasin 6 pemulangan, Jambi 20 identification)
 * its case is filed through the one intake with its own clock, in the same transaction. The outcome
 * goes into the stay's history, the report's history and its case's timeline; the report is closed
 * and the reporter told through the channels they chose (docs/EMERGENCY.md "Outcomes").
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportById, findReportByNumber, insertEmergencyEvent, setClosed, type ReportRow } from '../../db/emergency-repo.js';
import { insertOutcome } from '../../db/outcomes-repo.js';
import type { DB } from '../../db/schema.js';
import { findShelter, findStay, insertShelterEvent, type StayRow } from '../../db/shelters-repo.js';
import type { IntakeInput as CaseIntake } from '../../domain/applications/intake.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { OUTCOME_SERVICES, outcomeProblems, type OutcomeInput } from '../../domain/outcomes/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { recordEvent } from '../notifications/queue-notices.js';
import { reportNotFound } from '../emergency/emergency-common.js';
import { linkStayCase, officeFor, stayNotFound, withDecreedCase } from '../shelters/shelters-common.js';

export type OutcomeTarget = { report: string } | { stay: string };

export interface RecordedOutcome {
  id: string;
  kind: OutcomeInput['kind'];
  at: string;
  /** The decreed case filed with it (e.g. Banjarmasin 6's), or null: a chain record only. */
  case: string | null;
  /** The report it closed, if it came from one. */
  reportClosed: string | null;
}

/** The case intake's fields as the outcome form names them. */
const FIELD_OF: Record<string, string> = {
  'eligibility.luar-daerah-bukan-pekerjaan': 'fromOutsideRegion',
  'answers.terlantar-karena-pekerjaan': 'strandedByWork',
  'attachments.keterangan-terlantar': 'documents.policeLetter',
  'attachments.identitas': 'documents.identity',
  'attachments.surat-terusan': 'documents.forwardingLetter',
};
const PEMULANGAN_DOCUMENTS = [['keterangan-terlantar', 'policeLetter'], ['identitas', 'identity'], ['surat-terusan', 'forwardingLetter']] as const;

export async function recordOutcome(ctx: Ctx, actor: Actor, target: OutcomeTarget, input: OutcomeInput): Promise<Outcome<RecordedOutcome>> {
  const office = officeFor(actor, 'outcomes.record');
  if (!office.ok) return office;
  const db = ctx.database.db;
  let stay: StayRow | undefined;
  let report: ReportRow | undefined;
  if ('stay' in target) {
    stay = await findStay(db, office.value, target.stay);
    if (!stay) return stayNotFound();
    if (stay.state !== 'in-residence' && stay.state !== 'intake') return fail('conflict', { field: 'kind', code: 'stay-ended', message: 'Klien sudah tidak berada di rumah singgah', messageEn: 'The client is no longer in the shelter' });
    report = stay.emergency_report_id ? await findReportById(db, stay.emergency_report_id) : undefined;
  } else {
    report = await findReportByNumber(db, office.value, target.report);
    if (!report) return reportNotFound();
    if (report.state === 'merged') return failWith('conflict', 'report-merged', `Laporan ini digabung ke ${report.merged_into ?? ''}: catat hasilnya di laporan itu`, `This report was merged into ${report.merged_into ?? ''}: record the outcome there`);
    // Step 4 (the TRC's response) comes before step 8 (further intervention or referral).
    if (!report.first_response_at) return fail('conflict', { field: 'kind', code: 'first-response-first', message: 'Catat respon awal Tim Reaksi Cepat lebih dahulu', messageEn: "Record the rapid-response team's first response first" });
  }
  const now = nowOf(ctx).toISOString();
  const earliest = stay?.intake_at ?? report!.reported_at;
  const problems: FieldProblem[] = outcomeProblems(input, now, report && report.reported_at < earliest ? report.reported_at : earliest);
  if (problems.length) return fail('invalid', ...problems);

  const id = randomUUID();
  const at = input.kind === 'hospital' && input.at ? new Date(input.at).toISOString() : now;
  const data = dataOf(input);
  const person = stay ? { name: stay.client_name, nik: stay.client_nik ?? undefined } : { name: report!.subject_name ?? 'Belum diketahui (laporan darurat)', nik: undefined };
  const shelterName = stay ? ((await findShelter(db, office.value, stay.shelter_id))?.name ?? 'Rumah singgah') : null;
  const asker = shelterName ?? `Laporan darurat ${report!.registration_number}`;
  const filed = await withDecreedCase(ctx, actor, 'outcomes.record', { officeId: office.value, slugs: OUTCOME_SERVICES[input.kind], intake: caseIntake(input, person, asker) }, async (trx, c) => {
    await insertOutcome(trx, {
      id, office_id: office.value, report_id: report?.id ?? null, stay_id: stay?.id ?? null, kind: input.kind, data: JSON.stringify(data),
      application_id: c?.id ?? null, registration_number: c?.registrationNumber ?? null, recorded_by: actor.id!, recorded_by_name: actor.name, at: now,
    });
    const told = { outcome: id, kind: input.kind, case: c?.registrationNumber ?? null };
    if (stay) {
      await insertShelterEvent(trx, { stay_id: stay.id, office_id: office.value, type: 'outcome', actor_id: actor.id, actor_name: actor.name, data: { ...told, ...data }, at: now });
      if (c) await linkStayCase(trx, stay.id, office.value, input.kind, c, now);
    }
    const closed = report ? await closeReport(trx, ctx, actor, report, { ...told, stay: stay?.id ?? null }, data, now) : false;
    await insertAuditEvent(trx, {
      officeId: office.value, actor: actor.name, action: `outcome.${input.kind}`, subject: stay ? `shelter-stay:${stay.id}` : `emergency:${report!.id}`,
      detail: { ...told, report: report?.registration_number ?? null, reportClosed: closed, actorId: actor.id }, at: now,
    });
    return closed;
  });
  if (!filed.ok) return { ok: false, error: { ...filed.error, problems: filed.error.problems.map((p) => ({ ...p, field: FIELD_OF[p.field ?? ''] ?? p.field })) } };
  return { ok: true, value: { id, kind: input.kind, at, case: filed.value.case?.registrationNumber ?? null, reportClosed: filed.value.value ? report!.registration_number : null } };
}

/** What the outcome row keeps of the input (trimmed; nothing the kind does not record). */
function dataOf(input: OutcomeInput): Record<string, unknown> {
  const note = input.note?.trim() || null;
  if (input.kind === 'hospital') return { hospital: input.hospital.trim(), reason: input.reason.trim(), escortedBy: input.escortedBy.trim(), takenAt: input.at ? new Date(input.at).toISOString() : null, note };
  if (input.kind === 'pemulangan') return { origin: input.origin.trim(), fromOutsideRegion: input.fromOutsideRegion, strandedByWork: input.strandedByWork, documents: input.documents, note };
  return { documents: input.documents, note };
}

/**
 * The decreed case's intake. Pemulangan: the person is the applicant ("Pemohon berasal dari luar
 * daerah"), the decree's initiator (citizen) with the documents the officer has seen; its clock
 * ("30 Menit", from the complete file) starts now when they are all there. Identity (Jambi 20, an
 * official's "usulan"): the shelter or the report asks for the person.
 */
function caseIntake(input: OutcomeInput, person: { name: string; nik?: string }, asker: string): CaseIntake {
  if (input.kind === 'pemulangan')
    return {
      initiator: 'citizen',
      channel: 'field',
      applicant: { ...person, residentOfRegion: !input.fromOutsideRegion },
      reporter: { name: asker, role: 'dinas-sosial' },
      answers: { 'terlantar-karena-pekerjaan': input.strandedByWork },
      attachments: PEMULANGAN_DOCUMENTS.filter(([, f]) => input.documents[f]).map(([requirement]) => ({ requirement, shown: true })),
      aboutOther: true,
    };
  return { initiator: 'official', channel: 'field', applicant: person, reporter: { name: asker, role: 'dinas-sosial' }, aboutOther: true };
}

/**
 * The report's part: the outcome in its history and its case's timeline (which tells the reporter),
 * and the report closed if it was still on the board. Answers whether it closed it now.
 */
async function closeReport(trx: Transaction<DB>, ctx: Ctx, actor: Actor, r: ReportRow, data: Record<string, unknown>, details: Record<string, unknown>, now: string): Promise<boolean> {
  // The report's history (a logged read for staff) has the details; the case's timeline, which the
  // reporter's tracking page words, only the kind.
  await insertEmergencyEvent(trx, { report_id: r.id, office_id: r.office_id, type: 'outcome', actor_id: actor.id, actor_name: actor.name, data: { ...details, ...data }, at: now });
  await recordEvent(trx, ctx, { application_id: r.application_id, office_id: r.office_id, type: 'emergency:outcome', actor_id: actor.id, actor_name: actor.name, note: String(data.kind), data, at: now });
  if (r.state !== 'open' && r.state !== 'responded') return false;
  const closed = await setClosed(trx, r.id, r.state);
  if (closed) await insertEmergencyEvent(trx, { report_id: r.id, office_id: r.office_id, type: 'closed', actor_id: actor.id, actor_name: actor.name, data: { outcome: data.kind }, at: now });
  return closed;
}
