/**
 * Look-up at the counter: a person by NIK (with their family in the same KK) or a family by No.
 * KK, from the current snapshot or the one in force at a past date, masked by the officer's role,
 * and logged with its purpose (the case it served, or a reason) before it is answered.
 */
import { Temporal } from 'temporal-polyfill';
import { findApplication } from '../../db/applications-repo.js';
import { familyOfKk, findSnapshot, personWithFamily, snapshotAsOf } from '../../db/registry-repo.js';
import type { RegistryRowTable, RegistrySnapshotsTable } from '../../db/schema-registry.js';
import type { Problem } from '../../domain/errors.js';
import { parseKk, parseNik } from '../../domain/identity/index.js';
import { maskingFor, maskPerson, type Masking, type PersonView } from '../../domain/registry/access.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from './access-log.js';
import { layoutOf, personOf } from './rows.js';
import { currentSnapshotOf } from './snapshots.js';

export interface LookupInput {
  nik?: string;
  kk?: string;
  /** The case this look-up serves (a case of the officer's office). */
  application?: string;
  /** Why, when no case: e.g. "cek DTKS di loket atas permintaan warga". */
  reason?: string;
  /** A specific snapshot (id), or the one in force at the end of a date (YYYY-MM-DD) or instant. */
  snapshot?: string;
  asOf?: string;
}

export interface SnapshotRef {
  id: string;
  period: string;
  importedAt: string | null;
  sourceSha256: string;
  sourceName: string | null;
  rows: number | null;
  current: boolean;
}

export interface LookupAnswer {
  found: boolean;
  snapshot: SnapshotRef | null;
  person?: PersonView;
  family?: PersonView[];
  masking: Masking;
  logId: string;
}

export type LookupResult = { ok: true; value: LookupAnswer } | { ok: false; status: 403 | 404 | 422; problems: Problem[] };

const bad = (status: 403 | 404 | 422, code: string, message: string, messageEn: string): LookupResult => ({ ok: false, status, problems: [{ code, message, messageEn }] });

/** `currentId`: the office's current snapshot (the one readers use now). */
export function snapshotRef(s: RegistrySnapshotsTable, currentId: string | null = s.id): SnapshotRef {
  return { id: s.id, period: s.period, importedAt: s.completed_at, sourceSha256: s.source_sha256, sourceName: s.source_name, rows: s.rows_accepted, current: s.id === currentId };
}

/** Which snapshot a query reads: a given id, the one in force at a date, or the current one. */
export async function pickSnapshot(ctx: Ctx, officeId: string, q: { snapshot?: string; asOf?: string }): Promise<RegistrySnapshotsTable | undefined | Problem> {
  const db = ctx.database.db;
  if (q.snapshot) {
    const s = await findSnapshot(db, officeId, q.snapshot);
    if (!s || s.status !== 'complete') return { code: 'snapshot-not-found', message: 'Snapshot registri tidak ditemukan', messageEn: 'Registry snapshot not found' };
    return s;
  }
  if (q.asOf) {
    const office = ctx.catalogue.list().find((o) => o.id === officeId)!;
    let instant: string;
    if (/^\d{4}-\d{2}-\d{2}$/.test(q.asOf)) {
      // The end of that local day in the office's zone.
      try {
        instant = Temporal.PlainDate.from(q.asOf, { overflow: 'reject' }).toZonedDateTime({ timeZone: office.office.timezone, plainTime: '23:59:59.999' }).toInstant().toString();
      } catch {
        return { code: 'as-of-invalid', message: 'Tanggal tidak ada di kalender', messageEn: 'The date does not exist' };
      }
    } else if (!Number.isNaN(Date.parse(q.asOf)) && /T.*(Z|[+-]\d{2}:\d{2})$/.test(q.asOf)) instant = new Date(q.asOf).toISOString();
    else return { code: 'as-of-invalid', message: 'Tanggal harus YYYY-MM-DD atau instan ISO 8601 dengan zona waktu', messageEn: 'The date must be YYYY-MM-DD or an ISO 8601 instant with an offset' };
    return snapshotAsOf(db, officeId, instant);
  }
  return currentSnapshotOf(ctx.database, ctx.database.dialect, officeId);
}

const todayCache = new Map<string, { minute: number; today: string }>();

/** The office's local date (computed once a minute: the counter's hot path). */
function todayFor(ctx: Ctx, officeId: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const hit = todayCache.get(officeId);
  if (hit && hit.minute === minute) return hit.today;
  const office = ctx.catalogue.list().find((o) => o.id === officeId)!;
  const today = ctx.clock.localDate(office.office, now.toISOString());
  todayCache.set(officeId, { minute, today });
  return today;
}

export async function lookupRegistry(ctx: Ctx, actor: Actor, input: LookupInput): Promise<LookupResult> {
  const masking = actor.officeId ? maskingFor(actor.roles) : null;
  if (!masking || !actor.officeId) return bad(403, 'role-required', 'Peran Anda tidak berwenang membaca data registri DTKS/DTSEN', 'Your role may not read DTKS/DTSEN registry data');
  const officeId = actor.officeId;
  const now = nowOf(ctx);
  const today = todayFor(ctx, officeId, now);
  const hasNik = input.nik !== undefined && input.nik !== '';
  const hasKk = input.kk !== undefined && input.kk !== '';
  if (hasNik === hasKk) return bad(422, 'nik-or-kk', 'Isi NIK atau Nomor KK (salah satu)', 'Give a NIK or a KK number (one of them)');
  let nik: string | null = null;
  let kk: string | null = null;
  if (hasNik) {
    const p = parseNik(input.nik!, { today });
    if (!p.ok) return { ok: false, status: 422, problems: [p.error] };
    nik = p.value.nik;
  } else {
    const p = parseKk(input.kk!, { today });
    if (!p.ok) return { ok: false, status: 422, problems: [p.error] };
    kk = p.value.kk;
  }
  let applicationId: string | null = null;
  const reason = input.reason?.trim() || null;
  if (input.application) {
    const app = await findApplication(ctx.database.db, officeId, input.application);
    if (!app) return bad(404, 'application-not-found', 'Berkas permohonan tidak ditemukan di kantor ini', 'Case not found in this office');
    applicationId = app.id;
  } else if (!reason || reason.length < 3)
    return bad(422, 'purpose-required', 'Sebutkan keperluan pemeriksaan: nomor berkas (application) atau alasan (reason)', 'State the purpose of the look-up: a case (application) or a reason');
  if (reason && reason.length > 300) return bad(422, 'reason-too-long', 'Alasan terlalu panjang (maksimal 300 karakter)', 'Reason too long (at most 300 characters)');

  const picked = await pickSnapshot(ctx, officeId, input);
  if (picked && 'code' in picked) return { ok: false, status: picked.code === 'snapshot-not-found' ? 404 : 422, problems: [picked] };
  const snap = picked;
  let person: RegistryRowTable | undefined;
  let family: RegistryRowTable[] = [];
  const db = ctx.database.db;
  const dialect = ctx.database.dialect;
  if (snap) {
    if (nik) {
      ({ person, family } = await personWithFamily(ctx.database, dialect, snap.table_name, nik));
    } else family = await familyOfKk(ctx.database, dialect, snap.table_name, kk!);
  }
  const found = nik ? !!person : family.length > 0;
  const logId = await logAccess(ctx.database, {
    officeId,
    actor,
    action: nik ? 'lookup-nik' : 'lookup-kk',
    nik,
    kk: kk ?? person?.kk ?? null,
    snapshotId: snap?.id ?? null,
    applicationId,
    reason,
    found,
    detail: { masking, familyMembers: family.length, asOf: input.asOf ?? null },
    at: now.toISOString(),
  });
  const currentId = snap && (input.snapshot || input.asOf) ? ((await currentSnapshotOf(ctx.database, dialect, officeId))?.id ?? null) : (snap?.id ?? null);
  const answer: LookupAnswer = { found, snapshot: snap ? snapshotRef(snap, currentId) : null, masking, logId };
  if (snap && found) {
    const layout = layoutOf(snap);
    if (person) answer.person = maskPerson(personOf(person, layout), masking, true);
    answer.family = family.map((r) => maskPerson(personOf(r, layout), masking, false));
  }
  return { ok: true, value: answer };
}
