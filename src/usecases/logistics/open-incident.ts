/**
 * Opens a disaster incident from a report (Jambi 1: "dari RT/lurah/camat/warga/Call Center
 * 112/TAGANA/disposisi pimpinan"); when it came through the emergency line its report is linked by
 * registration number. Stock dispatched to it, handovers and victims hang from it. Opened from a
 * decreed disaster case (Jambi distribusi-logistik-bencana, Kukar bantuan-korban-bencana), it serves
 * that case (docs/LOGISTICS.md): the case's clock is its own and keeps running.
 */
import { randomUUID } from 'node:crypto';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportByNumber } from '../../db/emergency-repo.js';
import { insertIncident } from '../../db/logistics-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { INCIDENT_SOURCES } from '../../domain/logistics/index.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { officeFor } from './logistics-common.js';
import { disasterCaseByNumber } from './incident-case.js';

export interface IncidentInput {
  office?: string;
  title: string;
  source: (typeof INCIDENT_SOURCES)[number];
  reportedAt?: string;
  location: { text: string; lat?: number; lng?: number };
  description: string;
  emergencyReport?: string;
  /** The registration number of the disaster case the incident serves. */
  case?: string;
}

export async function openIncident(ctx: Ctx, actor: Actor, input: IncidentInput): Promise<Outcome<{ id: string; reportedAt: string }>> {
  const office = officeFor(ctx, actor, input.office);
  if (!office.ok) return office;
  const now = nowOf(ctx);
  const reportedAt = input.reportedAt ? new Date(input.reportedAt) : now;
  if (reportedAt.getTime() > now.getTime() + 60_000) return failWith('invalid', 'reported-in-future', 'Waktu laporan tidak boleh di masa depan', 'The report time cannot be in the future', 'reportedAt');
  let emergencyReportId: string | null = null;
  if (input.emergencyReport) {
    const report = await findReportByNumber(ctx.database.db, office.value, input.emergencyReport.trim());
    if (!report) return failWith('not-found', 'emergency-not-found', 'Laporan darurat tidak ditemukan', 'Emergency report not found', 'emergencyReport');
    emergencyReportId = report.id;
  }
  let applicationId: string | null = null;
  if (input.case) {
    const found = await disasterCaseByNumber(ctx, office.value, input.case);
    if (!found.ok) return found;
    applicationId = found.value.id;
  }
  const id = randomUUID();
  const at = now.toISOString();
  await ctx.database.write(async (trx) => {
    await insertIncident(trx, {
      id,
      office_id: office.value,
      title: input.title,
      source: input.source,
      reported_at: reportedAt.toISOString(),
      location_text: input.location.text,
      lat: input.location.lat ?? null,
      lng: input.location.lng ?? null,
      emergency_report_id: emergencyReportId,
      description: input.description,
      assessment: null,
      needs: null,
      plan: null,
      state: 'open',
      emergency_status: null,
      application_id: applicationId,
      closed_at: null,
      closed_by: null,
      closure_reason: null,
      closure: null,
      created_by: actor.name,
      created_at: at,
      version: 1,
    });
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.incident-opened', subject: `incident:${id}`, detail: { title: input.title, source: input.source, reportedAt: reportedAt.toISOString(), emergencyReport: input.emergencyReport ?? null, case: input.case ?? null, actorId: actor.id }, at });
  });
  return { ok: true, value: { id, reportedAt: reportedAt.toISOString() } };
}
