/** What the shelter use cases share: the acting officer's office, the office's stay limit from its standard, the one "not found" answers, a stay as answered. */
import type { StayRow } from '../../db/shelters-repo.js';
import { fail, failWith, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { stayClock, type StayClock } from '../../domain/shelters/index.js';
import { may, type Permission } from '../../domain/staff/permissions.js';
import type { StayLimit } from '../../domain/standards/schema.js';
import type { Actor, Ctx } from '../context.js';

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
