/**
 * Exports of registry data, limited to authorised roles and logged:
 *  - a snapshot's rows (CSV, every column of the extract, optionally one kecamatan/kelurahan),
 *    streamed a page at a time;
 *  - everything Sigap holds about one person, for that person's own request through the office
 *    (UU 27/2022 Pasal 32): registry rows in every snapshot, applications and their events,
 *    proposals, and the access log of reads of their data.
 */
import {
  accessLogForNik,
  applicationsForNik,
  completeSnapshots,
  currentSnapshot,
  eventsForApplications,
  findSnapshot,
  proposalEvents,
  proposalsForNik,
  rowByNik,
  rowsPage,
} from '../../db/registry-repo.js';
import type { RegistrySnapshotsTable } from '../../db/schema-registry.js';
import type { Problem } from '../../domain/errors.js';
import { parseNik } from '../../domain/identity/index.js';
import { canExportPerson, canExportRows } from '../../domain/registry/access.js';
import { decodeCells } from '../../domain/registry/row.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from './access-log.js';
import { cellsByHeader, layoutOf, personOf } from './rows.js';
import { snapshotRef } from './lookup.js';

type Fail = { ok: false; status: 403 | 404 | 422; problems: Problem[] };
const fail = (status: 403 | 404 | 422, code: string, message: string, messageEn: string): Fail => ({ ok: false, status, problems: [{ code, message, messageEn }] });

const csvCell = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function checkReason(reason: string | undefined): string | Fail {
  const r = reason?.trim() ?? '';
  if (r.length < 5) return fail(422, 'reason-required', 'Dasar/keperluan ekspor wajib ditulis (minimal 5 karakter), mis. nomor surat permintaan', 'The basis for the export is required (at least 5 characters), e.g. the request letter number');
  if (r.length > 300) return fail(422, 'reason-too-long', 'Alasan terlalu panjang (maksimal 300 karakter)', 'Reason too long (at most 300 characters)');
  return r;
}

/**
 * Starts an export of a snapshot's rows; the access is logged before the first byte. The CSV is
 * produced page by page (never the whole snapshot in memory).
 */
export async function exportRows(
  ctx: Ctx,
  actor: Actor,
  input: { snapshot: string; district?: string; village?: string; reason?: string },
): Promise<{ ok: true; snapshot: RegistrySnapshotsTable; lines: AsyncGenerator<string> } | Fail> {
  if (!actor.officeId || !canExportRows(actor.roles)) return fail(403, 'role-required', 'Ekspor data registri hanya untuk operator atau admin', 'Registry exports are for operators and admins only');
  const reason = checkReason(input.reason);
  if (typeof reason !== 'string') return reason;
  const snap = await findSnapshot(ctx.database.db, actor.officeId, input.snapshot);
  if (!snap || snap.status !== 'complete') return fail(404, 'snapshot-not-found', 'Snapshot registri tidak ditemukan', 'Registry snapshot not found');
  const layout = layoutOf(snap);
  const district = input.district?.trim().toUpperCase() || undefined;
  const village = input.village?.trim().toUpperCase() || undefined;
  await logAccess(ctx.database, {
    officeId: actor.officeId,
    actor,
    action: 'export-rows',
    snapshotId: snap.id,
    reason,
    detail: { district: district ?? null, village: village ?? null },
    at: nowOf(ctx).toISOString(),
  });
  const di = layout.index.kecamatan;
  const vi = layout.index.desa_kelurahan;
  async function* lines(): AsyncGenerator<string> {
    yield '\uFEFF' + layout.header.map(csvCell).join(',') + '\n';
    let after = 0;
    for (;;) {
      const page = await rowsPage(ctx.database.db, snap!.table_name, { afterRowNo: after, limit: 5000 });
      if (!page.length) return;
      let out = '';
      for (const r of page) {
        const cells = decodeCells(r.cells, layout.separator);
        if (district && di !== undefined && (cells[di] ?? '').toUpperCase() !== district) continue;
        if (village && vi !== undefined && (cells[vi] ?? '').toUpperCase() !== village) continue;
        out += cells.map(csvCell).join(',') + '\n';
      }
      after = Number(page[page.length - 1]!.row_no);
      if (out) yield out;
    }
  }
  return { ok: true, snapshot: snap, lines: lines() };
}

export interface PersonExport {
  generatedAt: string;
  office: string;
  nik: string;
  requestReason: string;
  registry: { snapshot: ReturnType<typeof snapshotRef>; row: ReturnType<typeof personOf> | null; cells: Record<string, string> | null }[];
  applications: { registrationNumber: string; service: string; status: string; submittedAt: string; applicant: unknown; answers: unknown; eligibility: unknown; events: { type: string; step: string | null; outcome: string | null; actor: string; note: string | null; at: string }[] }[];
  proposals: { id: string; kind: string; stage: string; siksngReference: string | null; openedAt: string; events: { type: string; stage: string; actor: string; note: string | null; at: string }[] }[];
  accessLog: { at: string; actor: string; action: string; application: string | null; reason: string | null; found: boolean | null }[];
}

/** Everything Sigap holds about one NIK in the officer's office, for the person's own request. */
export async function exportPerson(ctx: Ctx, actor: Actor, input: { nik: string; reason?: string }): Promise<{ ok: true; value: PersonExport } | Fail> {
  if (!actor.officeId || !canExportPerson(actor.roles)) return fail(403, 'role-required', 'Ekspor data pribadi hanya untuk admin atau kepala dinas', 'Personal data exports are for admins and the head of office only');
  const office = ctx.catalogue.list().find((o) => o.id === actor.officeId)!;
  const now = nowOf(ctx);
  const parsed = parseNik(input.nik ?? '', { today: ctx.clock.localDate(office.office, now.toISOString()) });
  if (!parsed.ok) return { ok: false, status: 422, problems: [parsed.error] };
  const reason = checkReason(input.reason);
  if (typeof reason !== 'string') return reason;
  const nik = parsed.value.nik;
  const db = ctx.database.db;
  // The log first: the export itself appears in the access log it returns.
  await logAccess(ctx.database, { officeId: actor.officeId, actor, action: 'export-person', nik, reason, detail: {}, at: now.toISOString() });
  const registry: PersonExport['registry'] = [];
  const currentId = (await currentSnapshot(db, actor.officeId))?.id ?? null;
  for (const s of await completeSnapshots(db, actor.officeId)) {
    const row = await rowByNik(db, s.table_name, nik).catch(() => undefined);
    const layout = layoutOf(s);
    registry.push({ snapshot: snapshotRef(s, currentId), row: row ? personOf(row, layout) : null, cells: row ? cellsByHeader(row, layout) : null });
  }
  const apps = await applicationsForNik(db, actor.officeId, nik);
  const events = await eventsForApplications(db, apps.map((a) => a.id));
  const services = new Map(office.services.map((s) => [s.id, s.service.title]));
  const proposals: PersonExport['proposals'] = [];
  for (const p of await proposalsForNik(db, actor.officeId, nik))
    proposals.push({
      id: p.id,
      kind: p.kind,
      stage: p.stage,
      siksngReference: p.siksng_reference,
      openedAt: p.opened_at,
      events: (await proposalEvents(db, p.id)).map((e) => ({ type: e.type, stage: e.stage, actor: e.actor_name, note: e.note, at: e.at })),
    });
  const log = await accessLogForNik(db, actor.officeId, nik);
  return {
    ok: true,
    value: {
      generatedAt: now.toISOString(),
      office: office.office.name,
      nik,
      requestReason: reason,
      registry,
      applications: apps.map((a) => ({
        registrationNumber: a.registration_number,
        service: services.get(a.service_id) ?? a.service_id,
        status: a.status,
        submittedAt: a.submitted_at,
        applicant: JSON.parse(a.applicant),
        answers: JSON.parse(a.answers),
        eligibility: JSON.parse(a.eligibility),
        events: events.filter((e) => e.application_id === a.id).map((e) => ({ type: e.type, step: e.step_id, outcome: e.outcome, actor: e.actor_name, note: e.note, at: e.at })),
      })),
      proposals,
      accessLog: log.map((l) => ({ at: l.at, actor: l.actor_name, action: l.action, application: l.application_id, reason: l.reason, found: l.found === null ? null : l.found === 1 })),
    },
  };
}
