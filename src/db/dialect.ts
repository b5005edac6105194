/**
 * The one place where SQLite and PostgreSQL differ: connection, pragmas, auto-increment column
 * type. Everything else (migrations, repositories) is written once against Kysely.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnDataType, type Expression, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Human description for logs (never includes a password). */
  describe: string;
  /** Runs a write in a transaction; resolves after the commit. */
  write<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
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

/**
 * Kysely prepares a statement for every query; preparing costs more than running a small insert,
 * so the SQLite connection keeps the most recent statements (they are reusable, and
 * better-sqlite3 runs them synchronously, so sharing one is safe).
 */
function withStatementCache(sqlite: SQLite.Database, max = 512): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare')
        return (source: string) => {
          let stmt = cache.get(source);
          if (stmt) {
            cache.delete(source);
            cache.set(source, stmt);
            return stmt;
          }
          stmt = prepare(source);
          cache.set(source, stmt);
          if (cache.size > max) cache.delete(cache.keys().next().value!);
          return stmt;
        };
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Database {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // BIGINT (int8) columns come back as strings by default; our counters fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    // An idle connection closed by the server (restart, admin termination) must not crash the
    // process; the pool replaces it on the next query.
    pool.on('error', (e) => process.emitWarning(`PostgreSQL idle connection error: ${e.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', describe: `PostgreSQL ${redact(url)}`, write: (fn) => db.transaction().execute(fn), close: () => db.destroy() };
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(opts.dataDir, 'sigap.db');
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable across process crashes; FULL adds power-loss durability.
  sqlite.pragma(`synchronous = ${process.env.SIGAP_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', describe: `SQLite ${file}`, write: (fn) => db.transaction().execute(fn), close: () => db.destroy() };
}
