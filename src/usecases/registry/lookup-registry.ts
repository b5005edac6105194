/**
 * Look-up at the counter: a person by NIK (with their family in the same KK) or a family by No.
 * KK, from the current snapshot or the one in force at a past date, masked by the officer's role,
 * and logged with its purpose (the case it served, or a reason) before it is answered.
 */
import { findApplication } from '../../db/applications-repo.js';
import { familyOfKk, personWithFamily } from '../../db/registry-repo.js';
import type { RegistryRowTable } from '../../db/schema-registry.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { parseKk, parseNik } from '../../domain/identity/index.js';
import { maskingFor, maskPerson, type Masking, type PersonView } from '../../domain/registry/access.js';
import { REASON_MAX, reasonTooLong } from '../../domain/registry/inputs.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logAccess } from './log-access.js';
import { layoutOf, personOf } from './rows.js';
import { currentSnapshotOf, pickSnapshot, snapshotRef, type SnapshotRef } from './snapshots.js';

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

export interface LookupAnswer {
  found: boolean;
  snapshot: SnapshotRef | null;
  person?: PersonView;
  family?: PersonView[];
  masking: Masking;
  logId: string;
}

/** The office's local date (computed once a minute: the counter's hot path). */
function todayFor(ctx: Ctx, officeId: string, now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const cache = ctx.caches.registry.today;
  const hit = cache.get(officeId);
  if (hit && hit.minute === minute) return hit.today;
  const today = ctx.clock.localDate(ctx.catalogue.officeById(officeId).office, now.toISOString());
  cache.set(officeId, { minute, today });
  return today;
}

export async function lookupRegistry(ctx: Ctx, actor: Actor, input: LookupInput): Promise<Outcome<LookupAnswer>> {
  const masking = actor.officeId ? maskingFor(actor.roles) : null;
  if (!masking || !actor.officeId) return failWith('forbidden', 'role-required', 'Peran Anda tidak berwenang membaca data registri DTKS/DTSEN', 'Your role may not read DTKS/DTSEN registry data');
  const officeId = actor.officeId;
  const now = nowOf(ctx);
  const today = todayFor(ctx, officeId, now);
  const hasNik = input.nik !== undefined && input.nik !== '';
  const hasKk = input.kk !== undefined && input.kk !== '';
  if (hasNik === hasKk) return failWith('invalid', 'nik-or-kk', 'Isi NIK atau Nomor KK (salah satu)', 'Give a NIK or a KK number (one of them)');
  let nik: string | null = null;
  let kk: string | null = null;
  if (hasNik) {
    const p = parseNik(input.nik!, { today });
    if (!p.ok) return fail('invalid', p.error);
    nik = p.value.nik;
  } else {
    const p = parseKk(input.kk!, { today });
    if (!p.ok) return fail('invalid', p.error);
    kk = p.value.kk;
  }
  let applicationId: string | null = null;
  const reason = input.reason?.trim() || null;
  if (input.application) {
    const app = await findApplication(ctx.database.db, officeId, input.application);
    if (!app) return failWith('not-found', 'application-not-found', 'Berkas permohonan tidak ditemukan di kantor ini', 'Case not found in this office');
    applicationId = app.id;
  } else if (!reason || reason.length < 3)
    return failWith('invalid', 'purpose-required', 'Sebutkan keperluan pemeriksaan: nomor berkas (application) atau alasan (reason)', 'State the purpose of the look-up: a case (application) or a reason');
  if (reason && reason.length > REASON_MAX) return fail('invalid', reasonTooLong);

  const picked = await pickSnapshot(ctx, officeId, input);
  if (!picked.ok) return picked;
  const snap = picked.value;
  let person: RegistryRowTable | undefined;
  let family: RegistryRowTable[] = [];
  const dialect = ctx.database.dialect;
  if (snap) {
    if (nik) ({ person, family } = await personWithFamily(ctx.database, dialect, snap.tableName, nik));
    else family = await familyOfKk(ctx.database, dialect, snap.tableName, kk!);
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
  const currentId = snap && (input.snapshot || input.asOf) ? ((await currentSnapshotOf(ctx.database, dialect, officeId, ctx.caches.registry))?.id ?? null) : (snap?.id ?? null);
  let shown: Pick<LookupAnswer, 'person' | 'family'> = {};
  if (snap && found) {
    const layout = layoutOf(snap);
    shown = { ...(person ? { person: maskPerson(personOf(person, layout), masking, true) } : {}), family: family.map((r) => maskPerson(personOf(r, layout), masking, false)) };
  }
  // Keys in the order the API documents them.
  return { ok: true, value: { found, snapshot: snap ? snapshotRef(snap, currentId) : null, ...shown, masking, logId } };
}
