/**
 * Records a prospective client (Banjarmasin 9, "Pramu Sosial melakukan pencatatan identitas dan
 * melakukan identifikasi awal"): from a razia, the public, another agency, or an emergency report the
 * TRC refers ("rujuk ke rumah singgah"), which links report → intake → stay → termination. Audited;
 * the emergency report's history shows the referral. The intake files Banjarmasin 9's own case in
 * the same transaction (docs/SHELTERS.md "The decreed cases").
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertEvent } from '../../db/applications-repo.js';
import { findReportByNumber, insertEmergencyEvent } from '../../db/emergency-repo.js';
import { findShelter, insertShelterEvent, insertStay } from '../../db/shelters-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import type { IntakeInput as CaseIntake } from '../../domain/applications/intake.js';
import type { Source } from '../../domain/shelters/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import type { ClientInput } from './check-in-client.js';
import { officeFor, shelterNotFound, withStayCase } from './shelters-common.js';

/** The case intake's fields as the shelter intake names them (a problem is shown beside the field the officer filled). */
export const CASE_FIELDS: Record<string, string> = { 'reporter.name': 'requester', 'applicant.name': 'client.name', 'applicant.nik': 'client.nik' };

export interface IntakeInput {
  shelter: string;
  source: Source;
  /** The emergency report's registration number, when the intake comes from one. */
  emergencyReport?: string;
  requester?: string;
  client: ClientInput;
  /** "Calon Klien dalam Kondisi Sehat Jasmani" as found at the initial identification. */
  healthy: boolean;
  note?: string;
}

export async function recordIntake(ctx: Ctx, actor: Actor, input: IntakeInput): Promise<Outcome<{ id: string; intakeAt: string; case: string | null }>> {
  const office = officeFor(actor, 'shelters.admit');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const shelter = await findShelter(db, office.value, input.shelter);
  if (!shelter) return shelterNotFound();
  const report = input.emergencyReport ? await findReportByNumber(db, office.value, input.emergencyReport) : undefined;
  if (input.emergencyReport && !report) return fail('invalid', { field: 'emergencyReport', code: 'emergency-not-found', message: 'Laporan darurat tidak ditemukan', messageEn: 'Emergency report not found' });
  const now = nowOf(ctx).toISOString();
  const id = randomUUID();
  const source: Source = report ? 'emergency' : input.source;
  const requester = input.requester?.trim() || undefined;
  const filed = await withStayCase(
    ctx,
    actor,
    'shelters.admit',
    { officeId: office.value, stayId: id, kind: 'intake', at: now, intake: intakeCaseOf(source, requester ?? (report ? `Laporan darurat ${report.registration_number}` : undefined), input.client, !!report) },
    async (trx, c) => {
      await insertStay(trx, {
        id, office_id: office.value, shelter_id: shelter.id, state: 'intake', source, emergency_report_id: report?.id ?? null, requester: requester ?? null,
        client_name: input.client.name.trim(), client_sex: input.client.sex, client_category: input.client.category, client_nik: input.client.nik?.trim() || null, client_birth_date: input.client.birthDate ?? null,
        intake_at: now, decision: null, referred_to: null, bed_id: null, checked_in_at: null, override_reason: null, belongings: '[]', terminated_at: null, termination: null, handover_number: null, handover_token: null, handover_sha256: null, version: 1,
      });
      const data = { shelter: shelter.id, shelterName: shelter.name, source, healthy: input.healthy, emergencyReport: input.emergencyReport ?? null, case: c?.registrationNumber ?? null };
      await insertShelterEvent(trx, { stay_id: id, office_id: office.value, type: 'intake', actor_id: actor.id, actor_name: actor.name, data: { ...data, note: input.note ?? null }, at: now });
      if (report) {
        await insertEmergencyEvent(trx, { report_id: report.id, office_id: office.value, type: 'shelter-referral', actor_id: actor.id, actor_name: actor.name, data: { stay: id, shelterName: shelter.name }, at: now });
        await insertEvent(trx, { application_id: report.application_id, office_id: office.value, type: 'emergency:shelter-referral', actor_id: actor.id, actor_name: actor.name, note: null, data: { stay: id, shelterName: shelter.name }, at: now });
      }
      await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'shelter.intake', subject: `shelter-stay:${id}`, detail: { ...data, actorId: actor.id }, at: now });
    },
  );
  if (!filed.ok) return { ok: false, error: { ...filed.error, problems: filed.error.problems.map((p) => ({ ...p, field: CASE_FIELDS[p.field ?? ''] ?? p.field })) } };
  return { ok: true, value: { id, intakeAt: now, case: filed.value.case?.registrationNumber ?? null } };
}

/**
 * Banjarmasin 9's case intake for a client. Its initiators are `institution` (razia, lembaga: who
 * brought the client is then required) and `citizen` (laporan masyarakat; an emergency report is one).
 */
export function intakeCaseOf(source: Source, requester: string | null | undefined, client: ClientInput, fromReport: boolean): CaseIntake {
  return {
    initiator: source === 'razia' || source === 'lembaga' ? 'institution' : 'citizen',
    channel: fromReport ? 'field' : 'counter',
    applicant: { name: client.name.trim(), nik: client.nik?.trim() || undefined },
    reporter: { name: requester ?? undefined, role: source },
    aboutOther: true,
  };
}
