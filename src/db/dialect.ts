/**
 * The one place where SQLite and PostgreSQL differ: connection, pragmas, auto-increment column
 * type. Everything else (migrations, repositories) is written once against Kysely.
 */
import { ensurePrivateDir, ensurePrivateFile, tightenIfExists } from '../io/private-files.js';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type ColumnDataType, type DatabaseConnection, type Compilable, type Driver, type Expression, type SqliteDialectConfig, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { SqliteAppender } from './sqlite-append.js';
import { GroupAppender } from './group-append.js';
import { insertChained } from './audit-chain-repo.js';
import { isChainedTable } from '../domain/audit-chain.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Human description for logs (never includes a password). */
  describe: string;
  /** Where the data is: the SQLite file, or the PostgreSQL URL (for COPY on a connection of its own). */
  location: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  /** Runs a write in a transaction; resolves after the commit. */
  write<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /**
   * A read by ready SQL text (the dialect's placeholders) outside Kysely's single-connection
   * queue, for hot paths (sessions, registry look-ups): on SQLite a second, read-only connection
   * (WAL readers never wait for a writer and see every committed write), on PostgreSQL the pool.
   */
  read<T>(text: string, params: readonly unknown[]): Promise<T[]>;
  /**
   * A heavy read that may be served by the streaming replica (DATABASE_READ_URL): registry look-ups.
   * Never for what the reader has just written (read-your-writes): a lagging replica would not show
   * it. Without a replica, or while it fails, the same as `read` on the primary.
   */
  readHeavy<T>(text: string, params: readonly unknown[]): Promise<T[]>;
  /** The replica's state for the admin status page: null without DATABASE_READ_URL. */
  replica(): Promise<ReplicaStatus | null>;
  /**
   * Appends rows to an append-only table (logs) and resolves once they are committed. On SQLite
   * the commit happens in a writer thread (sqlite-append.ts) so its fsync never blocks requests.
   * Never await it inside `write`: that thread would wait for the transaction's lock. Rows of
   * chained tables (domain/audit-chain.ts) are linked to their office's audit chain on the way in.
   */
  append(table: string, rows: Record<string, unknown>[]): Promise<void>;
  close(): Promise<void>;
}

export interface ReplicaStatus {
  /** Where it is (no password). */
  describe: string;
  /** It answered just now, as a standby in recovery. */
  up: boolean;
  /** WAL bytes the replica has not replayed yet (0 when caught up); null when unknown. */
  lagBytes: number | null;
  /** Seconds since the last transaction it replayed was committed on the primary (grows while the primary is idle too). */
  replayAgeSeconds: number | null;
  /** Heavy reads sent to the primary since start because the replica failed. */
  fallbacks: number;
  error: string | null;
}

export interface DialectHelpers {
  /** Column type of an auto-incrementing integer key. */
  serial: ColumnDataType | Expression<unknown>;
  /** For the rare migration step that differs (constraints SQLite cannot add to a table). */
  dialect: DialectName;
}

export function dialectHelpers(dialect: DialectName): DialectHelpers {
  return dialect === 'sqlite' ? { serial: 'integer', dialect } : { serial: sql`bigserial`, dialect };
}

/** An append on the main connection: chained tables link each row to its office's chain (audit-chain-repo.ts). */
async function appendHere(db: Kysely<DB>, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  if (isChainedTable(table)) await insertChained(db, table, rows);
  else await db.insertInto(table as keyof DB).values(rows as never).execute();
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

/**
 * Where an aggregate is read: a `Database` reads through its heavy-read path (the streaming replica
 * when there is one, SQLite's read-only connection otherwise); a connection or transaction reads
 * there, in its own view (an approval's figures, read on the primary).
 */
export type Reader = Kysely<DB> | Transaction<DB> | Database;

/** Runs a select built on the reader's builder: compiled and sent to the heavy-read path for a Database. */
export async function selectOn<T>(r: Reader, build: (q: Kysely<DB> | Transaction<DB>) => Compilable<T> & { execute(): Promise<T[]> }): Promise<T[]> {
  if (!('readHeavy' in r)) return build(r).execute();
  const c = build(r.db).compile();
  return r.readHeavy<T>(c.sql, c.parameters);
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string; readUrl?: string | null }): Database {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // BIGINT (int8) columns come back as strings by default; our counters fit in a JS number.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_MAX ?? 10) });
    // An idle connection closed by the server (restart, admin termination) must not crash the
    // process; the pool replaces it on the next query.
    pool.on('error', (e) => process.emitWarning(`PostgreSQL idle connection error: ${e.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const read = async <T>(text: string, params: readonly unknown[]) => (await pool.query(text, params as unknown[])).rows as T[];
    const replica = opts.readUrl ? replicaReader(opts.readUrl, pool, read) : null;
    // Concurrent log appends commit together (group-append.ts): one chain-head lock and one fsync per group.
    const appender = new GroupAppender((table, rows) => appendHere(db, table, rows));
    return {
      db,
      dialect: 'postgres',
      describe: `PostgreSQL ${redact(url)}${replica ? ` + replica ${redact(opts.readUrl!)}` : ''}`,
      location: { kind: 'postgres', url },
      write: (fn) => db.transaction().execute(fn),
      read,
      readHeavy: replica ? replica.read : read,
      replica: async () => (replica ? replica.status() : null),
      append: (table, rows) => appender.append(table, rows),
      close: async () => {
        await replica?.close();
        await db.destroy();
      },
    };
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : join(opts.dataDir, 'sigap.db');
  if (file !== ':memory:') {
    // Created owner-only before SQLite opens it: its WAL and shared-memory files copy these permissions.
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
    tightenIfExists(`${file}-wal`);
    tightenIfExists(`${file}-shm`);
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable across process crashes; FULL adds power-loss durability.
  sqlite.pragma(`synchronous = ${process.env.SIGAP_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  const synchronous = process.env.SIGAP_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL';
  const inMemory = file === ':memory:';
  const appender = inMemory ? null : new SqliteAppender(file, synchronous);
  let reader: SQLite.Database | null = null;
  const readerStatements = new Map<string, SQLite.Statement>();
  const readStatement = (text: string): SQLite.Statement => {
    let stmt = readerStatements.get(text);
    if (!stmt) {
      if (!reader) {
        reader = new SQLite(file, { readonly: true, fileMustExist: true });
        reader.pragma('busy_timeout = 5000');
        // No mmap_size: with the file mapped, every commit by another connection (the access log's
        // writer thread commits many times a second) made the next reads several times slower
        // (micro-benchmark, 200,000 registry rows: 12 µs per look-up statement with no writer,
        // 34 µs with a commit every 0.2 ms; unmapped, 12 and 15 µs). The OS page cache serves the pages.
      }
      stmt = reader.prepare(text);
      if (readerStatements.size >= 256) readerStatements.delete(readerStatements.keys().next().value!);
      readerStatements.set(text, stmt);
    }
    return stmt;
  };
  const sqliteRead = async <T>(text: string, params: readonly unknown[]): Promise<T[]> => {
    if (inMemory) return (await db.executeQuery<T>(CompiledQuery.raw(text, params as unknown[]))).rows as T[];
    return readStatement(text).all(...params) as T[];
  };
  return {
    db,
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    location: { kind: 'sqlite', file },
    write: (fn) => db.transaction().execute(fn),
    read: sqliteRead,
    // One file, no replica: DATABASE_READ_URL is refused by the configuration on SQLite.
    readHeavy: sqliteRead,
    replica: async () => null,
    append: (table, rows) => (appender ? appender.append(table, rows) : appendHere(db, table, rows)),
    close: async () => {
      await appender?.close();
      (reader as SQLite.Database | null)?.close();
      await db.destroy();
    },
  };
}

/**
 * Write transactions take SQLite's write lock when they begin: with a second writer (the append
 * thread, a bulk import), a deferred transaction that read first could not upgrade to a write
 * once the other committed (SQLITE_BUSY on a stale snapshot); an immediate one waits its turn.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: SqliteDialectConfig) {
    super(cfg);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/** How long a failed replica is left alone before heavy reads try it again. */
const REPLICA_RETRY_MS = 5000;

/**
 * Heavy reads on the streaming replica, falling back to the primary on any failure (the replica
 * stopped, restarting, or cancelling a query that conflicts with recovery): a reader never sees an
 * error the primary would not have given. After a failure the replica rests REPLICA_RETRY_MS.
 */
function replicaReader(readUrl: string, primary: pg.Pool, onPrimary: <T>(text: string, params: readonly unknown[]) => Promise<T[]>) {
  const pool = new pg.Pool({ connectionString: readUrl, max: Number(process.env.PG_POOL_MAX ?? 10), connectionTimeoutMillis: 2000 });
  pool.on('error', (e) => process.emitWarning(`PostgreSQL replica idle connection error: ${e.message}`));
  let restingUntil = 0;
  let fallbacks = 0;
  let lastError: string | null = null;
  const read = async <T>(text: string, params: readonly unknown[]): Promise<T[]> => {
    if (Date.now() >= restingUntil) {
      try {
        return (await pool.query(text, params as unknown[])).rows as T[];
      } catch (e) {
        // A statement the primary also refuses (bad SQL) is ours to report, not the replica's fault.
        const code = (e as { code?: string }).code ?? '';
        if (code.startsWith('42') || code.startsWith('22')) throw e;
        lastError = e instanceof Error ? e.message : String(e);
        restingUntil = Date.now() + REPLICA_RETRY_MS;
      }
    }
    fallbacks++;
    return onPrimary<T>(text, params);
  };
  const status = async (): Promise<ReplicaStatus> => {
    const describe = redact(readUrl);
    try {
      const [r] = (await pool.query('select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replayed, extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as age')).rows as { standby: boolean; replayed: string | null; age: number | null }[];
      const [p] = (await primary.query('select pg_current_wal_lsn()::text as lsn')).rows as { lsn: string }[];
      const lag = r!.replayed ? ((await primary.query('select pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::float8 as d', [p!.lsn, r!.replayed])).rows[0] as { d: number }).d : null;
      return { describe, up: r!.standby, lagBytes: lag === null ? null : Math.max(0, lag), replayAgeSeconds: r!.age, fallbacks, error: r!.standby ? lastError : 'not a standby (pg_is_in_recovery() is false)' };
    } catch (e) {
      return { describe, up: false, lagBytes: null, replayAgeSeconds: null, fallbacks, error: e instanceof Error ? e.message : String(e) };
    }
  };
  return { read, status, close: () => pool.end() };
}
