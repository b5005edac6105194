/**
 * One client's stay: identity, bed, clock, belongings, services given, history, the berita acara.
 * A read of personal data, logged with its purpose before answering; a child's stay (specific
 * personal data) needs `shelters.sensitive`, and its log entry names the child's fields.
 */
import { findReportById } from '../../db/emergency-repo.js';
import { casesOfStay, consentsOfStay, eventsOfStay, findShelter, findStay, mediaOfStay } from '../../db/shelters-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { isChild } from '../../domain/shelters/index.js';
import { may } from '../../domain/staff/permissions.js';
import { logDataRead } from '../audit/log-data-read.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { pdfFileName, readLetterFile, type LetterFile } from '../letters/letter-files.js';
import { officeFor, stayNotFound, summaryOfStay, type StaySummary } from './shelters-common.js';

export interface StayDetail extends StaySummary {
  shelterName: string;
  client: { name: string; nik: string | null; birthDate: string | null };
  child: boolean;
  source: string;
  requester: string | null;
  emergencyReport: string | null;
  intakeAtLocal: string;
  decision: string | null;
  referredTo: string | null;
  overrideReason: string | null;
  belongings: { item: string; quantity: number }[];
  termination: Record<string, unknown> | null;
  terminatedAtLocal: string | null;
  handoverNumber: string | null;
  events: { type: string; actor: string; atLocal: string; data: Record<string, unknown> }[];
  /** The decreed cases the stay filed (Banjarmasin 9, 10, 11), each with its status and due time as the queue shows them. */
  cases: { applicationId: string; kind: string; registrationNumber: string; service: string; serviceTitle: string; status: string; dueAtLocal: string | null }[];
  /** The client's photos and videos (their facts; each view is its own logged read), or null for a role without `shelters.sensitive`. */
  media: { id: string; mime: string; size: number; caption: string | null; uploadedAtLocal: string }[] | null;
  mediaCount: number;
  /** A child's guardians' consents (UU 27/2022 Pasal 25). */
  consents: { guardianName: string; relation: string; givenAtLocal: string }[];
}

const childRestricted = () => failWith('forbidden', 'child-data-restricted', 'Data anak adalah data pribadi spesifik: hanya pekerja sosial dan pimpinan yang dapat membukanya', "A child's data is specific personal data: only the social worker and the heads may open it");

export async function showStay(ctx: Ctx, actor: Actor, stayId: string): Promise<Outcome<StayDetail>> {
  const office = officeFor(actor, 'shelters.read');
  if (!office.ok) return office;
  const db = ctx.database.db;
  const s = await findStay(db, office.value, stayId);
  if (!s) return stayNotFound();
  const o = ctx.catalogue.officeById(office.value).office;
  const now = nowOf(ctx).toISOString();
  const child = isChild({ category: s.client_category, birthDate: s.client_birth_date }, ctx.clock.localDate(o, now));
  if (child && !may(actor.roles, 'shelters.sensitive')) return childRestricted();
  await logDataRead(ctx, actor, { officeId: office.value, recordKind: 'shelter-client', recordId: s.id, subjectNik: s.client_nik, purpose: 'shelter-care', fields: child ? ['name', 'nik', 'birthDate', 'child'] : ['name', 'nik'] });
  const shelter = await findShelter(db, office.value, s.shelter_id);
  const events = await eventsOfStay(db, s.id);
  const bed = events.find((e) => e.type === 'checked-in')?.data.bed as { room: string; label: string } | null | undefined;
  const report = s.emergency_report_id ? await findReportById(db, s.emergency_report_id) : undefined;
  const services = ctx.catalogue.officeById(office.value).services;
  const cases = (await casesOfStay(db, s.id)).map((c) => ({
    applicationId: c.application_id,
    kind: c.kind,
    registrationNumber: c.registration_number,
    service: c.service_slug,
    serviceTitle: services.find((x) => x.service.slug === c.service_slug)?.service.title ?? c.service_slug,
    status: c.status,
    dueAtLocal: c.due_at ? ctx.clock.local(o, c.due_at) : null,
  }));
  const media = await mediaOfStay(db, s.id);
  const consents = child ? await consentsOfStay(db, s.id) : [];
  return {
    ok: true,
    value: {
      ...summaryOfStay(ctx, s, now, bed ? `${bed.room} no. ${bed.label}` : null),
      media: may(actor.roles, 'shelters.sensitive') ? media.map((m) => ({ id: m.id, mime: m.mime, size: m.size, caption: m.caption, uploadedAtLocal: ctx.clock.local(o, m.uploaded_at) })) : null,
      mediaCount: media.length,
      consents: consents.map((c) => ({ guardianName: c.guardian_name, relation: c.relation, givenAtLocal: ctx.clock.local(o, c.given_at) })),
      shelterName: shelter?.name ?? '',
      client: { name: s.client_name, nik: s.client_nik, birthDate: s.client_birth_date },
      child,
      source: s.source,
      requester: s.requester,
      emergencyReport: report?.registration_number ?? null,
      intakeAtLocal: ctx.clock.local(o, s.intake_at),
      decision: s.decision,
      referredTo: s.referred_to,
      overrideReason: s.override_reason,
      belongings: JSON.parse(s.belongings) as { item: string; quantity: number }[],
      termination: s.termination ? (JSON.parse(s.termination) as Record<string, unknown>) : null,
      terminatedAtLocal: s.terminated_at ? ctx.clock.local(o, s.terminated_at) : null,
      handoverNumber: s.handover_number,
      events: events.map((e) => ({ type: e.type, actor: e.actor_name, atLocal: ctx.clock.local(o, e.at), data: e.data })),
      cases,
    },
  };
}

/** The berita acara PDF for officers: a logged download (it names the client). */
export async function downloadHandover(ctx: Ctx, actor: Actor, stayId: string): Promise<Outcome<LetterFile>> {
  const office = officeFor(actor, 'shelters.read');
  if (!office.ok) return office;
  const s = await findStay(ctx.database.db, office.value, stayId);
  if (!s?.handover_sha256 || !s.handover_number) return stayNotFound();
  const o = ctx.catalogue.officeById(office.value).office;
  if (isChild({ category: s.client_category, birthDate: s.client_birth_date }, ctx.clock.localDate(o, nowOf(ctx).toISOString())) && !may(actor.roles, 'shelters.sensitive')) return childRestricted();
  await logDataRead(ctx, actor, { officeId: office.value, recordKind: 'shelter-client', recordId: s.id, subjectNik: s.client_nik, purpose: 'shelter-care', action: 'download', fields: ['name', 'nik'] });
  const pdf = await readLetterFile(ctx, s.handover_sha256);
  return pdf ? { ok: true, value: { pdf, fileName: pdfFileName(`berita-acara-serah-terima-${s.handover_number}`) } } : stayNotFound();
}
