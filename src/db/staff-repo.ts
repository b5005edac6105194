/** All SQL about staff accounts and their sessions. */
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
