/** All SQL about staff accounts and their sessions. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './dialect.js';
import type { DB, StaffUsersTable } from './schema.js';

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

export async function insertUser(db: Kysely<DB>, row: StaffUsersTable): Promise<void> {
  await db.insertInto('staff_users').values(row).execute();
}

export async function recordFailedSignIn(db: Kysely<DB>, id: string, lockUntil: string | null): Promise<void> {
  await db
    .updateTable('staff_users')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), locked_until: lockUntil }))
    .where('id', '=', id)
    .execute();
}

export async function resetFailedSignIns(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('staff_users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', id).execute();
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
  for (const [officeId, accounts] of perOffice)
    await trx
      .insertInto('audit_events')
      .values({ id: randomUUID(), office_id: officeId, actor, action, subject: `office:${officeId}`, detail: JSON.stringify({ accounts }), at })
      .execute();
}
