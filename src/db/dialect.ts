/**
 * The one place where SQLite and PostgreSQL differ: connection, pragmas, auto-increment column
 * type. Everything else (migrations, repositories) is written once against Kysely.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnDataType, type Expression } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Human description for logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export interface DialectHelpers {
  /** Column type of an auto-incrementing integer key. */
  serial: ColumnDataType | Expression<unknown>;
}

export function dialectHelpers(dialect: DialectName): DialectHelpers {
  return dialect === 'sqlite' ? { serial: 'integer' } : { serial: sql`bigserial` };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Database {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // BIGINT (int8) columns come back as strings by default; our counters fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', describe: `PostgreSQL ${redact(url)}`, close: () => db.destroy() };
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(opts.dataDir, 'sigap.db');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable across process crashes; FULL adds power-loss durability.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', describe: `SQLite ${file}`, close: () => db.destroy() };
}
