/**
 * Everything Sigap holds about one person, for that person's own request through the office (UU
 * 27/2022 Pasal 32): registry rows in every snapshot, applications and their events, proposals, and
 * the access log of reads of their data. Admins and the head of office only; logged first, so the
 * export itself appears in the log it returns.
 */
import { accessLogForNik, applicationsForNik, completeSnapshots, currentSnapshot, eventsForApplications, proposalEvents, proposalsForNik, rowByNik } from '../../db/registry-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { parseNik } from '../../domain/identity/index.js';
import { canExportPerson, type PersonView } from '../../domain/registry/access.js';
import { exportBasis } from '../../domain/registry/inputs.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from './log-access.js';
import { cellsByHeader, layoutOf, personOf } from './rows.js';
import { snapshotRef, type SnapshotRef } from './snapshots.js';

export interface PersonExport {
  generatedAt: string;
  office: string;
  nik: string;
  requestReason: string;
  registry: { snapshot: SnapshotRef; row: PersonView | null; cells: Record<string, string> | null }[];
  applications: {
    registrationNumber: string;
    service: string;
    status: string;
    submittedAt: string;
    applicant: unknown;
    answers: unknown;
    eligibility: unknown;
    events: { type: string; step: string | null; outcome: string | null; actor: string; note: string | null; at: string }[];
  }[];
  proposals: { id: string; kind: string; stage: string; siksngReference: string | null; openedAt: string; events: { type: string; stage: string; actor: string; note: string | null; at: string }[] }[];
  accessLog: { at: string; actor: string; action: string; application: string | null; reason: string | null; found: boolean | null }[];
}

/** Whether this officer may export a person's data (asked by the request form too). */
export function mayExportPerson(actor: Actor): Outcome<string> {
  return actor.officeId && canExportPerson(actor.roles)
    ? { ok: true, value: actor.officeId }
    : failWith('forbidden', 'role-required', 'Ekspor data pribadi hanya untuk admin atau kepala dinas', 'Personal data exports are for admins and the head of office only');
}

export async function exportPerson(ctx: Ctx, actor: Actor, input: { nik: string; reason?: string }): Promise<Outcome<PersonExport>> {
  const allowed = mayExportPerson(actor);
  if (!allowed.ok) return allowed;
  const officeId = allowed.value;
  const office = ctx.catalogue.officeById(officeId);
  const now = nowOf(ctx);
  const parsed = parseNik(input.nik, { today: ctx.clock.localDate(office.office, now.toISOString()) });
  if (!parsed.ok) return fail('invalid', parsed.error);
  const reason = exportBasis(input.reason);
  if (!reason.ok) return fail('invalid', reason.error);
  const nik = parsed.value.nik;
  const db = ctx.database.db;
  await logAccess(ctx.database, { officeId, actor, action: 'export-person', nik, reason: reason.value, detail: {}, at: now.toISOString() });
  const registry: PersonExport['registry'] = [];
  const currentId = (await currentSnapshot(db, officeId))?.id ?? null;
  for (const s of await completeSnapshots(db, officeId)) {
    const row = await rowByNik(db, s.tableName, nik).catch(() => undefined);
    const layout = layoutOf(s);
    registry.push({ snapshot: snapshotRef(s, currentId), row: row ? personOf(row, layout) : null, cells: row ? cellsByHeader(row, layout) : null });
  }
  const apps = await applicationsForNik(db, officeId, nik);
  const events = await eventsForApplications(db, apps.map((a) => a.id));
  const services = new Map(office.services.map((s) => [s.id, s.service.title]));
  const proposals: PersonExport['proposals'] = [];
  for (const p of await proposalsForNik(db, officeId, nik))
    proposals.push({
      id: p.id,
      kind: p.kind,
      stage: p.stage,
      siksngReference: p.siksngReference,
      openedAt: p.openedAt,
      events: (await proposalEvents(db, p.id)).map((e) => ({ type: e.type, stage: e.stage, actor: e.actorName, note: e.note, at: e.at })),
    });
  const log = await accessLogForNik(db, officeId, nik);
  return {
    ok: true,
    value: {
      generatedAt: now.toISOString(),
      office: office.office.name,
      nik,
      requestReason: reason.value,
      registry,
      applications: apps.map((a) => ({
        registrationNumber: a.registrationNumber,
        service: services.get(a.serviceId) ?? a.serviceId,
        status: a.status,
        submittedAt: a.submittedAt,
        applicant: a.applicant,
        answers: a.answers,
        eligibility: a.eligibility,
        events: events.filter((e) => e.applicationId === a.id).map(({ applicationId: _a, ...e }) => e),
      })),
      proposals,
      accessLog: log.map((l) => ({ at: l.at, actor: l.actorName, action: l.action, application: l.applicationId, reason: l.reason, found: l.found })),
    },
  };
}
