/** All SQL about staff accounts and their sessions. */
import { insertAuditEvent } from './audit-chain-repo.js';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './dialect.js';
import type { DB, StaffUsersTable } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface StaffUser {
  id: string;
  officeId: string;
  username: string;
  displayName: string;
  roles: string[];
  title: string | null;
  nip: string | null;
  rank: string | null;
}

export const toStaff = (r: StaffUsersTable): StaffUser => ({
  id: r.id,
  officeId: r.office_id,
  username: r.username,
  displayName: r.display_name,
  roles: JSON.parse(r.roles) as string[],
  title: r.title,
  nip: r.nip,
  rank: r.rank,
});

export async function findUserByUsername(db: Kysely<DB>, username: string) {
  return db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertUser(db: Q, row: StaffUsersTable): Promise<void> {
  await db.insertInto('staff_users').values(row).execute();
}

/** Why an attempt on a password was not even checked. */
export type Reservation = 'reserved' | 'address-locked' | 'account-locked';

class Refused extends Error {
  constructor(readonly reason: Exclude<Reservation, 'reserved'>) {
    super(reason);
  }
}

/**
 * Counts one attempt on an account's password BEFORE the (slow) password check, in one
 * transaction, so that no burst of concurrent attempts gets past the limits: the account's
 * failures since its last success stay below `ceiling`, and the failures from `address` below
 * `perAddress` (the attempt that reaches it sets `locked_until` for that address). An expired
 * address lock starts the count again. The success that follows clears it (clearFailures). A lock
 * of the address `lockedEverywhere` (signing re-confirmations: a signed-in session guessing) holds
 * for every address.
 */
export async function reserveAttempt(
  database: Database,
  a: { userId: string; address: string; now: string; lockUntil: string; perAddress: number; ceiling: number; lockedEverywhere: string },
): Promise<Reservation> {
  try {
    return await database.write(async (trx) => {
      const account = await trx
        .updateTable('staff_users')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', a.userId)
        .where('failed_attempts', '<', a.ceiling)
        .executeTakeFirst();
      if (Number(account.numUpdatedRows) === 0) throw new Refused('account-locked');
      const everywhere = await trx
        .selectFrom('sign_in_failures')
        .select('address')
        .where('user_id', '=', a.userId)
        .where('address', '=', a.lockedEverywhere)
        .where('locked_until', '>', a.now)
        .executeTakeFirst();
      if (everywhere) throw new Refused('address-locked');
      await trx
        .insertInto('sign_in_failures')
        .values({ user_id: a.userId, address: a.address, failures: 0, locked_until: null })
        .onConflict((oc) => oc.columns(['user_id', 'address']).doNothing())
        .execute();
      // Both assignments read the row as it was before this update (SQL semantics on both databases).
      const next = sql<number>`case when locked_until is not null and locked_until <= ${a.now} then 1 else failures + 1 end`;
      const place = await trx
        .updateTable('sign_in_failures')
        .set({ failures: next, locked_until: sql<string | null>`case when ${next} >= ${a.perAddress} then ${a.lockUntil} else null end` })
        .where('user_id', '=', a.userId)
        .where('address', '=', a.address)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', a.now)]))
        .executeTakeFirst();
      if (Number(place.numUpdatedRows) === 0) throw new Refused('address-locked');
      return 'reserved' as const;
    });
  } catch (e) {
    if (e instanceof Refused) return e.reason;
    throw e;
  }
}

/** A right password: the account's count and this address's count start again. */
export async function clearFailures(database: Database, userId: string, address: string): Promise<void> {
  await database.write(async (trx) => {
    await trx.updateTable('staff_users').set({ failed_attempts: 0 }).where('id', '=', userId).execute();
    await trx.deleteFrom('sign_in_failures').where('user_id', '=', userId).where('address', '=', address).execute();
  });
}

/** An admin's unlock: every count of the account, from every address, starts again. */
export async function unlockUser(q: Q, userId: string): Promise<void> {
  await q.updateTable('staff_users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
  await q.deleteFrom('sign_in_failures').where('user_id', '=', userId).execute();
}

/** How many addresses of each account of an office are locked out now. */
export async function lockedAddresses(q: Q, officeId: string, now: string): Promise<Map<string, number>> {
  const rows = await q
    .selectFrom('sign_in_failures')
    .innerJoin('staff_users', 'staff_users.id', 'sign_in_failures.user_id')
    .select(['sign_in_failures.user_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('staff_users.office_id', '=', officeId)
    .where('sign_in_failures.locked_until', '>', now)
    .groupBy('sign_in_failures.user_id')
    .execute();
  return new Map(rows.map((r) => [r.user_id, Number(r.n)]));
}

/** Every account of an office, by username. */
export async function officeUsers(q: Q, officeId: string) {
  return q.selectFrom('staff_users').selectAll().where('office_id', '=', officeId).orderBy('username').execute();
}

export async function findUserById(q: Q, id: string) {
  return q.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setUserActive(q: Q, id: string, active: boolean): Promise<void> {
  await q.updateTable('staff_users').set({ active: active ? 1 : 0 }).where('id', '=', id).execute();
}

export async function setUserEmail(q: Q, id: string, email: string | null): Promise<void> {
  await q.updateTable('staff_users').set({ email }).where('id', '=', id).execute();
}

export async function setUserRoles(q: Q, id: string, roles: string[]): Promise<void> {
  await q.updateTable('staff_users').set({ roles: JSON.stringify(roles) }).where('id', '=', id).execute();
}

export async function setPasswordHash(q: Q, id: string, passwordHash: string): Promise<void> {
  await q.updateTable('staff_users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

/** Ends every browser session and API token of an account; answers how many there were. */
export async function deleteSessionsOfUser(q: Q, userId: string): Promise<number> {
  const r = await q.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session and API token of an account but the one in use (an officer changing their own password stays signed in there). */
export async function deleteOtherSessionsOfUser(q: Q, userId: string, keepTokenHash: string): Promise<number> {
  const r = await q.deleteFrom('sessions').where('user_id', '=', userId).where('token_hash', '<>', keepTokenHash).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** What an admin (or the command line) did to an account, in the office's audit trail. */
export async function recordAccountAudit(q: Q, a: { officeId: string; actor: string; action: string; subject: string; detail: Record<string, unknown>; at: string }): Promise<void> {
  // Through the audit chain, like every audit row (audit-chain-repo.ts).
  await insertAuditEvent(q, a);
}

export async function insertSession(db: Kysely<DB>, row: DB['sessions']): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

let sessionSql: { dialect: string; text: string } | null = null;

/** A live session with its user: on every signed-in request, so through the database's read path. */
export async function findSession(database: Database, tokenHash: string, now: string) {
  if (sessionSql?.dialect !== database.dialect)
    sessionSql = {
      dialect: database.dialect,
      text: database.db
        .selectFrom('sessions')
        .innerJoin('staff_users', 'staff_users.id', 'sessions.user_id')
        .selectAll('staff_users')
        .select(['sessions.csrf_token', 'sessions.kind', 'sessions.expires_at'])
        .where('sessions.token_hash', '=', '')
        .where('sessions.expires_at', '>', '')
        .where('staff_users.active', '=', 1)
        .compile().sql,
    };
  type Row = StaffUsersTable & { csrf_token: string; kind: string; expires_at: string };
  return (await database.read<Row>(sessionSql.text, [tokenHash, now, 1]))[0];
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/**
 * Production start: every demo account (published password) is switched off and its sessions
 * and API tokens deleted, with one audit row per office naming how many. Returns the count.
 */
export async function deactivateDemoAccounts(database: Database, actor: string, at: string): Promise<number> {
  return database.write(async (trx) => {
    const rows = await trx.selectFrom('staff_users').select(['id', 'office_id']).where('demo', '=', 1).where('active', '=', 1).execute();
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    await trx.deleteFrom('sessions').where('user_id', 'in', ids).execute();
    await trx.updateTable('staff_users').set({ active: 0 }).where('id', 'in', ids).execute();
    await auditDemoChange(trx, rows, actor, at, 'staff.demo-accounts-disabled');
    return rows.length;
  });
}

/** Demo start: demo accounts a production start switched off sign in again. Returns the count. */
export async function reactivateDemoAccounts(database: Database, actor: string, at: string): Promise<number> {
  return database.write(async (trx) => {
    const rows = await trx.selectFrom('staff_users').select(['id', 'office_id']).where('demo', '=', 1).where('active', '=', 0).execute();
    if (rows.length === 0) return 0;
    await trx.updateTable('staff_users').set({ active: 1, failed_attempts: 0, locked_until: null }).where('id', 'in', rows.map((r) => r.id)).execute();
    await auditDemoChange(trx, rows, actor, at, 'staff.demo-accounts-enabled');
    return rows.length;
  });
}

async function auditDemoChange(trx: Kysely<DB>, rows: { office_id: string }[], actor: string, at: string, action: string): Promise<void> {
  const perOffice = new Map<string, number>();
  for (const r of rows) perOffice.set(r.office_id, (perOffice.get(r.office_id) ?? 0) + 1);
  for (const [officeId, accounts] of perOffice) await insertAuditEvent(trx, { officeId, actor, action, subject: `office:${officeId}`, detail: { accounts }, at });
}
