/** What the shelter use cases share: the acting officer's office, the office's stay limit from its standard, the one "not found" answers, a stay as answered, the decreed case a stay files. */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { findStay, insertStayCase, type StayRow } from '../../db/shelters-repo.js';
import type { IntakeInput as CaseIntake } from '../../domain/applications/intake.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { submitApplication } from '../applications/submit-application.js';
import { isChild, stayClock, type StayClock } from '../../domain/shelters/index.js';
import { may, type Permission } from '../../domain/staff/permissions.js';
import type { StayLimit } from '../../domain/standards/schema.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

/** The office of an officer who may do `permission`, or why not. */
export function officeFor(actor: Actor, permission: Permission): Outcome<string> {
  if (!actor.officeId || !actor.id) return failWith('forbidden', 'office-required', 'Akun ini tidak terikat pada kantor', 'This account belongs to no office');
  if (!may(actor.roles, permission)) return failWith('forbidden', 'permission-required', 'Peran Anda tidak berwenang untuk tindakan ini di rumah singgah', 'Your role may not do this in the shelter');
  return { ok: true, value: actor.officeId };
}

/**
 * The office's stay limit: the one its standard states on a service (Banjarmasin 10's "lebih dari 21
 * hari"), with the service it comes from; none when no service of the office states one.
 */
export function stayLimitOf(ctx: Ctx, officeId: string): { limit: StayLimit; service: string } | null {
  for (const s of ctx.catalogue.officeById(officeId).services) if (s.service.stayLimit) return { limit: s.service.stayLimit, service: s.service.slug };
  return null;
}

/** A refusal beside a form field, in both languages. */
export const bad = (field: string, code: string, message: string, messageEn: string): FieldProblem => ({ field, code, message, messageEn });

/**
 * The stay an officer who may do `permission` acts on, the moment, and whether its client is a child
 * today (specific personal data); or why not.
 */
export async function stayToActOn(ctx: Ctx, actor: Actor, permission: Permission, stayId: string): Promise<Outcome<{ stay: StayRow; now: string; child: boolean }>> {
  const office = officeFor(actor, permission);
  if (!office.ok) return office;
  const stay = await findStay(ctx.database.db, office.value, stayId);
  if (!stay) return stayNotFound();
  const now = nowOf(ctx).toISOString();
  const o = ctx.catalogue.officeById(office.value).office;
  return { ok: true, value: { stay, now, child: isChild({ category: stay.client_category, birthDate: stay.client_birth_date }, ctx.clock.localDate(o, now)) } };
}

export const shelterNotFound = () => failWith('not-found', 'shelter-not-found', 'Rumah singgah tidak ditemukan', 'Shelter not found');
export const stayNotFound = () => failWith('not-found', 'stay-not-found', 'Data klien rumah singgah tidak ditemukan', 'Shelter stay not found');
export const stayChanged = () => fail('conflict', { code: 'stay-changed', message: 'Data klien ini baru saja diubah petugas lain; muat ulang halaman', messageEn: 'Another officer just changed this stay; reload the page' });

export interface StaySummary {
  id: string;
  shelterId: string;
  state: string;
  category: string;
  sex: string;
  checkedInAt: string | null;
  checkedInAtLocal: string | null;
  bed: string | null;
  clock: StayClock | null;
  eligibleAtLocal: string | null;
}

/** A stay as lists show it: no name, no NIK (those are on the stay page, whose read is logged). */
export function summaryOfStay(ctx: Ctx, s: StayRow, now: string, bedLabel: string | null = null): StaySummary {
  const office = ctx.catalogue.officeById(s.office_id).office;
  const limit = stayLimitOf(ctx, s.office_id);
  const clock = s.checked_in_at ? stayClock(s.checked_in_at, limit?.limit ?? null, s.terminated_at ?? now) : null;
  return {
    id: s.id,
    shelterId: s.shelter_id,
    state: s.state,
    category: s.client_category,
    sex: s.client_sex,
    checkedInAt: s.checked_in_at,
    checkedInAtLocal: s.checked_in_at ? ctx.clock.local(office, s.checked_in_at) : null,
    bed: bedLabel,
    clock,
    eligibleAtLocal: clock?.eligibleAt ? ctx.clock.local(office, clock.eligibleAt) : null,
  };
}

/**
 * The decreed services a stay files its cases under (Banjarmasin 9, 10, 11), by slug in the office's
 * own standards; an office without such a service keeps its stays without a case.
 */
export const STAY_CASE_SERVICES = { intake: 'penerimaan-klien-rumah-singgah', termination: 'terminasi-klien-rumah-singgah', referral: 'rujukan-klien-ke-panti' } as const;
export type StayCaseKind = keyof typeof STAY_CASE_SERVICES;

export interface FiledCase {
  id: string;
  registrationNumber: string;
  service: string;
}

/** Thrown inside the case's transaction to undo it (the stay changed meanwhile); answered as `stayChanged()`. */
export class StayChangedError extends Error {}

/**
 * Runs `write` in the transaction that files the office's decreed case of the first service of `slugs`
 * its standards have, through the one intake (as an emergency report files its case); without such a
 * service, `write` runs alone. The capability's own permission authorises the filing (the case is the
 * chain's paperwork, not a counter registration). The case's procedure, roles and clock are the
 * decree's, worked in the queue like any other case. `write` may throw StayChangedError to undo it all.
 */
export async function withDecreedCase<T>(
  ctx: Ctx,
  actor: Actor,
  permission: Permission,
  f: { officeId: string; slugs: readonly string[]; intake: CaseIntake },
  write: (trx: Transaction<DB>, c: FiledCase | null) => Promise<T>,
): Promise<Outcome<{ value: T; case: FiledCase | null }>> {
  const office = ctx.catalogue.officeById(f.officeId);
  const svc = f.slugs.map((slug) => office.services.find((s) => s.service.slug === slug)?.service).find((s) => s?.openForApplications && s.procedure);
  try {
    if (!svc) return { ok: true, value: { value: await ctx.database.write((trx) => write(trx, null)), case: null } };
    let value: T | undefined;
    let filed: FiledCase | null = null;
    const submitted = await submitApplication(
      ctx,
      { ...f.intake, office: office.office.slug, service: svc.slug },
      actor,
      async (trx, c) => {
        filed = { id: c.id, registrationNumber: c.registrationNumber, service: svc.slug };
        value = await write(trx, filed);
      },
      { authorisedBy: permission },
    );
    if (!submitted.ok) return submitted;
    return { ok: true, value: { value: value as T, case: filed } };
  } catch (e) {
    if (e instanceof StayChangedError) return stayChanged();
    throw e;
  }
}

/** withDecreedCase for a stay's own paperwork (Banjarmasin 9, 10, 11), the case linked to the stay. */
export async function withStayCase<T>(
  ctx: Ctx,
  actor: Actor,
  permission: Permission,
  f: { officeId: string; stayId: string; kind: StayCaseKind; intake: CaseIntake; at: string },
  write: (trx: Transaction<DB>, c: FiledCase | null) => Promise<T>,
): Promise<Outcome<{ value: T; case: FiledCase | null }>> {
  return withDecreedCase(ctx, actor, permission, { officeId: f.officeId, slugs: [STAY_CASE_SERVICES[f.kind]], intake: f.intake }, async (trx, c) => {
    const value = await write(trx, c);
    if (c) await linkStayCase(trx, f.stayId, f.officeId, f.kind, c, f.at);
    return value;
  });
}

/** Links a filed case to the stay it is about (the stay page lists it; its completion may end the stay). */
export const linkStayCase = (trx: Transaction<DB>, stayId: string, officeId: string, kind: string, c: FiledCase, at: string) =>
  insertStayCase(trx, { stay_id: stayId, application_id: c.id, office_id: officeId, kind, registration_number: c.registrationNumber, service_slug: c.service, at });
