/** The staff accounts of the admin's office, with what locks them (the admin's accounts page). */
import { lockedAddresses, officeUsers, toStaff, type StaffUser } from '../../db/staff-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { accountsOffice } from './account-admin.js';
import { ACCOUNT_FAILURE_CEILING } from './confirm-password.js';

export interface AccountListing extends StaffUser {
  active: boolean;
  demo: boolean;
  /** Locked for every address until an admin unlocks. */
  lockedForAll: boolean;
  /** Addresses locked out for now (LOCK_MINUTES after their fifth failure). */
  lockedAddresses: number;
  failuresSinceSignIn: number;
  /** The work e-mail address staff messages go to (migration 023), if any. */
  email: string | null;
}

export interface AccountsOverview {
  officeName: string;
  officeSlug: string;
  /** The roles the office declares, for the forms. */
  roles: { id: string; name: string }[];
  accounts: AccountListing[];
}

export async function listAccounts(ctx: Ctx, actor: Actor, officeSlug?: string): Promise<Outcome<AccountsOverview>> {
  const allowed = accountsOffice(actor);
  if (!allowed.ok) return allowed;
  let officeId = allowed.value;
  if (officeId === null) {
    const found = ctx.catalogue.findOffice(officeSlug ?? '');
    if (!found.ok) return found;
    officeId = found.value.id;
  }
  const [rows, locks] = await Promise.all([officeUsers(ctx.database.db, officeId), lockedAddresses(ctx.database.db, officeId, nowOf(ctx).toISOString())]);
  const accounts = rows.map((r) => ({
    ...toStaff(r),
    active: r.active === 1,
    demo: r.demo === 1,
    email: r.email,
    lockedForAll: r.failed_attempts >= ACCOUNT_FAILURE_CEILING,
    lockedAddresses: locks.get(r.id) ?? 0,
    failuresSinceSignIn: r.failed_attempts,
  }));
  const office = ctx.catalogue.officeById(officeId).office;
  return { ok: true, value: { officeName: office.name, officeSlug: office.slug, roles: office.roles.map((r) => ({ id: r.id, name: r.name })), accounts } };
}
