/**
 * The decreed case an incident serves (Jambi 1 distribusi-logistik-bencana, Kutai Kartanegara 6
 * bantuan-korban-bencana): an incident is opened from the case, or an open one linked to it; the
 * case keeps its own procedure and decreed clock. When the aid is handed over with its berita acara
 * and the case stands at its procedure's `deliver` step (Jambi "4. Pelaksanaan penyerahan bantuan
 * dilengkapi dengan dokumentasi dan berita acara", Kukar "5. … mengantar bantuan korban bencana ke
 * tempat bencana terjadi"), that step is completed with its forward outcome by the handing officer,
 * through the one completeTask (role, version and effects as for any step). Nothing else is moved.
 */
import { findByRegistrationNumber, findCase, openTaskFor } from '../../db/applications-repo.js';
import { findIncident, incidentOfCase, updateIncidentIfVersion } from '../../db/logistics-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { DISASTER_SERVICES } from '../../domain/logistics/index.js';
import { mayDoStep } from '../../domain/procedure/step-roles.js';
import { completeTask } from '../applications/complete-task.js';
import { serviceOfCase } from '../applications/service-of-case.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { incidentNotFound, officeFor } from './logistics-common.js';


const caseNotFound = (field = 'case') => failWith('not-found', 'case-not-found', 'Berkas tidak ditemukan di kantor ini', 'Case not found in this office', field);

export interface CaseRef {
  id: string;
  registrationNumber: string;
  service: string;
  serviceTitle: string;
  status: string;
  dueAt: string | null;
  step: string | null;
}

export async function caseRef(ctx: Ctx, officeId: string, applicationId: string): Promise<CaseRef | null> {
  const c = await findCase(ctx.database.db, officeId, applicationId);
  if (!c) return null;
  const svc = await serviceOfCase(ctx, c.service_version_id);
  return { id: c.id, registrationNumber: c.registration_number, service: svc.slug, serviceTitle: svc.title, status: c.status, dueAt: c.due_at, step: c.current_step };
}

/** A case of the office that an incident may serve: one of the disaster services, not yet served by another incident. */
export async function disasterCase(ctx: Ctx, officeId: string, applicationId: string): Promise<Outcome<CaseRef>> {
  const ref = await caseRef(ctx, officeId, applicationId);
  if (!ref) return caseNotFound();
  if (!(DISASTER_SERVICES as readonly string[]).includes(ref.service))
    return failWith('invalid', 'case-not-disaster', `Berkas ${ref.registrationNumber} (${ref.serviceTitle}) bukan layanan bantuan bencana`, `Case ${ref.registrationNumber} (${ref.serviceTitle}) is not a disaster aid service`, 'case');
  const linked = await incidentOfCase(ctx.database.db, officeId, applicationId);
  if (linked) return failWith('conflict', 'case-linked', `Berkas ${ref.registrationNumber} sudah terhubung ke kejadian "${linked.title}"`, `Case ${ref.registrationNumber} is already linked to the incident "${linked.title}"`, 'case');
  return { ok: true, value: ref };
}

/** A disaster case of the office by its registration number (what officers read off the case page). */
export async function disasterCaseByNumber(ctx: Ctx, officeId: string, registrationNumber: string): Promise<Outcome<CaseRef>> {
  const found = (await findByRegistrationNumber(ctx.database.db, registrationNumber.trim())).find((c) => c.office_id === officeId);
  return found ? disasterCase(ctx, officeId, found.id) : caseNotFound();
}

/** Links an open incident to a disaster case (audited); one incident per case, one case per incident. */
export async function linkIncidentToCase(ctx: Ctx, actor: Actor, incidentId: string, registrationNumber: string): Promise<Outcome<{ id: string; case: string }>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const incident = await findIncident(ctx.database.db, office.value, incidentId);
  if (!incident) return incidentNotFound();
  if (incident.state !== 'open') return failWith('conflict', 'incident-closed', 'Kejadian ini sudah ditutup', 'This incident is closed', 'incident');
  if (incident.application_id) return failWith('conflict', 'incident-linked', 'Kejadian ini sudah terhubung ke berkas lain', 'This incident is already linked to another case', 'incident');
  const c = await disasterCaseByNumber(ctx, office.value, registrationNumber);
  if (!c.ok) return c;
  const applicationId = c.value.id;
  const now = nowOf(ctx).toISOString();
  const done = await ctx.database.write(async (trx) => {
    if (!(await updateIncidentIfVersion(trx, incident.id, incident.version, { application_id: applicationId }))) return false;
    await insertAuditEvent(trx, { officeId: office.value, actor: actor.name, action: 'logistics.incident-case-linked', subject: `incident:${incident.id}`, detail: { case: c.value.registrationNumber, service: c.value.service, actorId: actor.id }, at: now });
    return true;
  });
  if (!done) return failWith('conflict', 'incident-changed', 'Kejadian ini baru saja diubah petugas lain; muat ulang halaman', 'Another officer just changed this incident; reload the page', 'incident');
  return { ok: true, value: { id: incident.id, case: c.value.registrationNumber } };
}

export type StepCompletion = { completed: true; step: string } | { completed: false; step: string | null; why: string; whyEn: string } | null;

/**
 * After a handover: completes the linked case's `deliver` step when the case stands there and the
 * officer may do it; otherwise says why not (the step stays for its own officer on the case page).
 */
export async function completeDeliverStep(ctx: Ctx, actor: Actor, officeId: string, applicationId: string | null, berita: string): Promise<StepCompletion> {
  if (!applicationId) return null;
  const c = await findCase(ctx.database.db, officeId, applicationId);
  if (!c || !c.current_step) return null;
  const svc = await serviceOfCase(ctx, c.service_version_id);
  const step = svc.procedure?.steps.find((s) => s.id === c.current_step);
  if (!step || step.kind !== 'deliver') return { completed: false, step: c.current_step, why: 'berkas belum/tidak berada di langkah penyerahan bantuan', whyEn: 'the case is not at its aid handover step' };
  if (!mayDoStep(step, actor.roles)) return { completed: false, step: step.id, why: `langkah "${step.label}" diselesaikan oleh peran ${step.role}`, whyEn: `the step "${step.label}" is completed by the role ${step.role}` };
  const task = await openTaskFor(ctx.database.db, c.id);
  const outcome = step.outcomes.find((o) => (o.kind ?? 'forward') === 'forward');
  if (!task || task.status !== 'open' || !outcome) return { completed: false, step: step.id, why: 'tugas langkah ini tidak terbuka', whyEn: "this step's task is not open" };
  const r = await completeTask(ctx, { taskId: task.id, outcome: outcome.id, note: `Berita acara serah terima ${berita}`, version: c.version }, actor);
  return r.ok ? { completed: true, step: step.id } : { completed: false, step: step.id, why: r.error.problems[0]?.message ?? r.error.kind, whyEn: r.error.problems[0]?.messageEn ?? r.error.kind };
}
