/**
 * Who may manage which staff account: an office admin (role `admin`) the accounts of their own
 * office, and the server's operator at the command line (OPERATOR) any account. Every change is
 * written with its audit row in one transaction, and every session of a changed account is
 * forgotten by this process's session cache at once (another server process within SESSION_CACHE_MS).
 */
import type { Transaction } from 'kysely';
import { findUserById, findUserByUsername, recordAccountAudit } from '../../db/staff-repo.js';
import type { DB, StaffUsersTable } from '../../db/schema.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';

export const ADMIN_ROLE = 'admin';

/** The command line's actor: whoever runs `sigap user …` on the server (identity compared, never built from a request). */
export const OPERATOR: Actor = Object.freeze({ id: null, name: 'sigap (baris perintah / command line)', roles: [ADMIN_ROLE], officeId: null });

export const isOperator = (actor: Actor) => actor === OPERATOR;

const notAdmin = () =>
  failWith('forbidden', 'role-required', 'Hanya admin kantor yang dapat mengelola akun petugas', 'Only an office admin can manage staff accounts');

/** The office whose accounts an actor manages (null: the operator, every office). */
export function accountsOffice(actor: Actor): Outcome<string | null> {
  if (isOperator(actor)) return { ok: true, value: null };
  if (!may(actor.roles, 'accounts.admin') || !actor.officeId) return notAdmin();
  return { ok: true, value: actor.officeId };
}

/** The account `username` if the actor may manage it (another office's account is "not found", as if it did not exist). */
export async function manageableAccount(ctx: Ctx, actor: Actor, username: string): Promise<Outcome<StaffUsersTable>> {
  const office = accountsOffice(actor);
  if (!office.ok) return office;
  const row = await findUserByUsername(ctx.database.db, username.trim().toLowerCase());
  if (!row || (office.value !== null && row.office_id !== office.value))
    return failWith('not-found', 'account-not-found', `Akun "${username}" tidak ditemukan di kantor ini`, `No account "${username}" in this office`, 'username');
  return { ok: true, value: row };
}

/** An admin may not lock themselves out by their own hand (disable themselves, drop their own admin role). */
export const isSelf = (actor: Actor, row: StaffUsersTable) => actor.id !== null && actor.id === row.id;

export const notOnSelf = (what: string, whatEn: string) => failWith('conflict', 'not-on-self', `Anda tidak dapat ${what} akun Anda sendiri; minta admin lain.`, `You cannot ${whatEn} your own account; ask another admin.`);

/** Applies a change to an account and writes its audit row in one transaction, then forgets the account's cached sessions. */
export async function changeAccount<T>(
  ctx: Ctx,
  actor: Actor,
  row: StaffUsersTable,
  action: string,
  change: (trx: Transaction<DB>) => Promise<{ value: T; detail: Record<string, unknown> }>,
): Promise<T> {
  const value = await ctx.database.write(async (trx) => {
    const r = await change(trx);
    await recordAccountAudit(trx, { officeId: row.office_id, actor: actor.name, action, subject: row.username, detail: { ...r.detail, by: actor.id }, at: nowOf(ctx).toISOString() });
    return r.value;
  });
  ctx.caches.sessions.forgetUser(row.id);
  return value;
}

/** The account as it is now (after a change), for the answer. */
export async function reread(ctx: Ctx, id: string): Promise<StaffUsersTable> {
  return (await findUserById(ctx.database.db, id))!;
}

/** What a lifecycle change answers: the account, and how many sessions and tokens it ended. */
export interface AccountChanged {
  username: string;
  sessionsEnded: number;
}

/** The refusal for roles the office does not declare (or none at all), else null. */
export function checkRoles(ctx: Pick<Ctx, 'catalogue'>, officeId: string, roles: readonly string[]) {
  const office = ctx.catalogue.officeById(officeId).office;
  const declared = new Set(office.roles.map((r) => r.id));
  const unknown = roles.filter((r) => !declared.has(r));
  if (roles.length > 0 && unknown.length === 0) return null;
  return failWith(
    'invalid',
    'unknown-role',
    `Peran tidak dikenal di ${office.slug}: ${unknown.join(', ') || '(kosong)'}. Peran yang ada: ${[...declared].join(', ')}`,
    `Unknown role in ${office.slug}: ${unknown.join(', ') || '(none)'}. Declared roles: ${[...declared].join(', ')}`,
    'roles',
  );
}
