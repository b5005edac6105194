/** The SQL of backup and restore: a consistent snapshot of either database, what it holds and which files it references. */
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { DialectName } from './dialect.js';
import type { DB } from './schema.js';

/** The migrations applied, in order (none on an empty database): the last one is the schema version. */
export async function appliedMigrations(db: Kysely<DB>, dialect: DialectName): Promise<string[]> {
  if (!(await tableNames(db, dialect)).includes('kysely_migration')) return [];
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Every table of the application's schema (registry snapshot tables are created at run time, so they are listed, not named). */
export async function tableNames(db: Kysely<DB>, dialect: DialectName): Promise<string[]> {
  const r =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Rows per table: recorded with a backup, compared after a restore. */
export async function rowCounts(db: Kysely<DB>, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

/** The content addresses (sha256) of every upload and every signed letter the database refers to. */
export async function referencedFiles(db: Kysely<DB>): Promise<{ uploads: string[]; letters: string[] }> {
  const uploads = await db.selectFrom('uploads').select('sha256').distinct().orderBy('sha256').execute();
  const letters = await db.selectFrom('letters').select('sha256').distinct().where('sha256', 'is not', null).orderBy('sha256').execute();
  return { uploads: uploads.map((r) => r.sha256), letters: letters.map((r) => r.sha256!) };
}

/** A read-only Kysely over one SQLite file (a backup copy, or a restored database), closed by the caller. */
export function openSqliteFile(file: string): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }) });
}

/**
 * SQLite's online backup API copies the live database page by page while the server keeps
 * writing; a write by another connection between two steps restarts the copy, so under a steady
 * stream of submissions small steps might never finish. After the first step the rest is copied
 * in one step: one read transaction (WAL readers never block writers), so the copy is the
 * database as of one commit.
 */
export async function sqliteOnlineBackup(source: string, destination: string): Promise<void> {
  const src = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    await src.backup(destination, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    src.close();
  }
}

/**
 * Runs `fn` inside a REPEATABLE READ transaction on one PostgreSQL connection whose snapshot is
 * exported (pg_export_snapshot): `pg_dump --snapshot` and the queries `fn` runs on `trx` see the
 * very same database state.
 */
export async function withExportedSnapshot<T>(db: Kysely<DB>, fn: (snapshot: string, trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`begin transaction isolation level repeatable read read only`.execute(conn);
    try {
      const r = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(conn);
      return await fn(r.rows[0]!.snapshot, conn);
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
}
