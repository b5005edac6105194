/**
 * All SQL about the registry: snapshots and their row tables, the import lock, the access log,
 * proposals. One dialect-specific part, clearly named: the bulk loader (`openBulkLoader`), which
 * uses a second better-sqlite3 connection with prepared statements in big transactions on SQLite
 * and `COPY ... FROM STDIN` (pg-copy-streams) on PostgreSQL.
 *
 * Each snapshot's rows live in their own table, `registry_rows_<snapshot id without dashes>`,
 * created empty by the import, loaded without indexes, indexed once loaded, and only then made
 * visible by the short publishing transaction. Dropping a refused or dead import is one DROP TABLE.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Problem } from '../domain/errors.js';
import { PROPOSAL_KINDS, STAGES, type ProposalKind, type Stage } from '../domain/registry/proposals.js';
import { LOAD_COLUMNS } from '../domain/registry/row.js';
import { ACCESS_ACTIONS, IMPORT_PHASES, SNAPSHOT_STATUSES, type AccessAction, type ImportPhase, type Layout, type SnapshotStatus } from '../domain/registry/snapshots.js';
import type { Database, DialectName } from './dialect.js';
import type { ApplicationEventsTable, DB } from './schema.js';
import type { RegistryAccessLogTable, RegistryProposalEventsTable, RegistryProposalsTable, RegistryRowTable, RegistrySnapshotsTable } from './schema-registry.js';
import { updateIfVersion } from './versioned.js';
import { insertAuditEvent } from './audit-chain-repo.js';
import { newLogId } from './log-ids.js';

type Q = Kysely<DB> | Transaction<DB>;
type RowsDB = { registry_rows: RegistryRowTable };

/** A snapshot's row table, typed (the name is dynamic, the shape is not). */
const rows = (q: Q, table: string) => (q as unknown as Kysely<RowsDB>).selectFrom(checkTable(table) as 'registry_rows');

export function rowTableName(snapshotId: string): string {
  return `registry_rows_${snapshotId.replace(/-/g, '')}`;
}

function checkTable(name: string): string {
  if (!/^registry_rows_[0-9a-f]{32}$/.test(name)) throw new Error(`not a registry row table: ${name}`);
  return name;
}

/* ---------- snapshots ---------- */

/** What a snapshot's summary column holds: the import's figures, its layout, and why it was refused. */
export type SnapshotSummary = Record<string, unknown> & { layout?: Layout | null; problems?: Problem[] };

/** A snapshot row with its status narrowed and its summary decoded. */
export interface Snapshot {
  id: string;
  officeId: string;
  period: string;
  status: SnapshotStatus;
  /** The one complete snapshot readers use for its period. */
  current: boolean;
  tableName: string;
  sourceName: string | null;
  sourceSha256: string;
  sourceSize: number;
  sourceKind: string;
  importerId: string | null;
  importerName: string;
  startedAt: string;
  completedAt: string | null;
  replacedAt: string | null;
  heartbeatAt: string;
  host: string;
  pid: number;
  phase: ImportPhase;
  rowsRead: number;
  bytesRead: number;
  rowsAccepted: number | null;
  rowsRejected: number | null;
  rowsUnchanged: number | null;
  reportPath: string | null;
  summary: SnapshotSummary;
}

const narrow = <T extends string>(values: readonly T[], v: string, what: string): T => {
  if (!(values as readonly string[]).includes(v)) throw new Error(`registry: unknown ${what} "${v}"`);
  return v as T;
};

function toSnapshot(r: RegistrySnapshotsTable): Snapshot {
  return {
    id: r.id,
    officeId: r.office_id,
    period: r.period,
    status: narrow(SNAPSHOT_STATUSES, r.status, 'snapshot status'),
    current: r.current_for_period === 1,
    tableName: r.table_name,
    sourceName: r.source_name,
    sourceSha256: r.source_sha256,
    // PostgreSQL returns bigint columns as text.
    sourceSize: Number(r.source_size),
    sourceKind: r.source_kind,
    importerId: r.importer_id,
    importerName: r.importer_name,
    startedAt: r.started_at,
    completedAt: r.completed_at,
    replacedAt: r.replaced_at,
    heartbeatAt: r.heartbeat_at,
    host: r.host,
    pid: r.pid,
    phase: narrow(IMPORT_PHASES, r.phase, 'import phase'),
    rowsRead: r.rows_read,
    bytesRead: Number(r.bytes_read),
    rowsAccepted: r.rows_accepted,
    rowsRejected: r.rows_rejected,
    rowsUnchanged: r.rows_unchanged,
    reportPath: r.report_path,
    summary: JSON.parse(r.summary || '{}') as SnapshotSummary,
  };
}

const snapshot = (r: RegistrySnapshotsTable | undefined) => (r ? toSnapshot(r) : undefined);

/** A snapshot row as the import writes it: columns as stored, the summary as an object (encoded here). */
export type SnapshotRow = Omit<RegistrySnapshotsTable, 'summary'> & { summary: SnapshotSummary };

const encodeSummary = <T extends { summary?: SnapshotSummary }>(set: T) => {
  const { summary, ...rest } = set;
  return { ...rest, ...(summary ? { summary: JSON.stringify(summary) } : {}) };
};

export async function insertSnapshot(q: Q, row: SnapshotRow): Promise<void> {
  await q.insertInto('registry_snapshots').values({ ...row, summary: JSON.stringify(row.summary) }).execute();
}

export async function updateSnapshot(q: Q, id: string, set: Partial<SnapshotRow>): Promise<void> {
  await q.updateTable('registry_snapshots').set(encodeSummary(set)).where('id', '=', id).execute();
}

export async function findSnapshot(q: Q, officeId: string, id: string): Promise<Snapshot | undefined> {
  return snapshot(await q.selectFrom('registry_snapshots').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst());
}

export async function snapshotById(q: Q, id: string): Promise<Snapshot | undefined> {
  return snapshot(await q.selectFrom('registry_snapshots').selectAll().where('id', '=', id).executeTakeFirst());
}

export async function listSnapshots(q: Q, officeId: string, limit = 100): Promise<Snapshot[]> {
  return (await q.selectFrom('registry_snapshots').selectAll().where('office_id', '=', officeId).orderBy('started_at', 'desc').limit(limit).execute()).map(toSnapshot);
}

/** The snapshot readers use now: the current snapshot of the latest period. */
export async function currentSnapshot(q: Q, officeId: string): Promise<Snapshot | undefined> {
  return snapshot(
    await q
      .selectFrom('registry_snapshots')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('current_for_period', '=', 1)
      .orderBy('period', 'desc')
      .limit(1)
      .executeTakeFirst(),
  );
}

export async function currentForPeriod(q: Q, officeId: string, period: string): Promise<Snapshot | undefined> {
  return snapshot(await q.selectFrom('registry_snapshots').selectAll().where('office_id', '=', officeId).where('period', '=', period).where('current_for_period', '=', 1).executeTakeFirst());
}

/**
 * The snapshot that readers used at an instant: among snapshots published by then and not yet
 * replaced for their period, the one of the latest period.
 */
export async function snapshotAsOf(q: Q, officeId: string, instant: string): Promise<Snapshot | undefined> {
  return snapshot(
    await q
      .selectFrom('registry_snapshots')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('status', '=', 'complete')
      .where('completed_at', '<=', instant)
      .where((eb) => eb.or([eb('replaced_at', 'is', null), eb('replaced_at', '>', instant)]))
      .orderBy('period', 'desc')
      .limit(1)
      .executeTakeFirst(),
  );
}

export async function completeSnapshots(q: Q, officeId: string): Promise<Snapshot[]> {
  return (await q.selectFrom('registry_snapshots').selectAll().where('office_id', '=', officeId).where('status', '=', 'complete').orderBy('completed_at', 'asc').execute()).map(toSnapshot);
}

export async function loadingSnapshots(q: Q, officeId: string): Promise<Snapshot[]> {
  return (await q.selectFrom('registry_snapshots').selectAll().where('office_id', '=', officeId).where('status', '=', 'loading').execute()).map(toSnapshot);
}

/** Row tables that snapshots still need (loading or complete ones); any other is a leftover. */
export async function rowTablesInUse(q: Q): Promise<Set<string>> {
  const snaps = await q.selectFrom('registry_snapshots').select('table_name').where('status', 'in', ['complete', 'loading']).execute();
  return new Set(snaps.map((s) => s.table_name));
}

/**
 * Publishes a loaded snapshot in one short transaction: it becomes complete and current for its
 * period; the previous current one of that period is kept, marked replaced. The publication is
 * audited in the same transaction.
 */
export async function publishSnapshot(
  trx: Transaction<DB>,
  snap: Pick<SnapshotRow, 'id' | 'office_id' | 'period'>,
  set: Partial<SnapshotRow>,
  now: string,
  audit: { actor: string; detail: Record<string, unknown> },
): Promise<void> {
  const previous = await currentForPeriod(trx, snap.office_id, snap.period);
  if (previous)
    await trx.updateTable('registry_snapshots').set({ current_for_period: 0, replaced_at: now }).where('id', '=', previous.id).where('current_for_period', '=', 1).execute();
  await trx
    .updateTable('registry_snapshots')
    .set({ ...encodeSummary(set), status: 'complete', current_for_period: 1, completed_at: now, heartbeat_at: now, phase: 'done' })
    .where('id', '=', snap.id)
    .where('status', '=', 'loading')
    .execute();
  await insertAuditEvent(trx, { officeId: snap.office_id, actor: audit.actor, action: 'registry.import', subject: `registry-snapshot:${snap.id}`, detail: audit.detail, at: now });
}

/* ---------- import lock ---------- */

/** Who holds the office's import lock, if anyone. */
export async function findLock(q: Q, officeId: string): Promise<{ snapshotId: string; host: string; pid: number; heartbeatAt: string } | undefined> {
  const r = await q.selectFrom('registry_import_locks').selectAll().where('office_id', '=', officeId).executeTakeFirst();
  return r ? { snapshotId: r.snapshot_id, host: r.host, pid: r.pid, heartbeatAt: r.heartbeat_at } : undefined;
}

/** Takes the office's import lock; false when another live import holds it. */
export async function takeLock(q: Q, lock: { office_id: string; snapshot_id: string; host: string; pid: number; heartbeat_at: string }, replacing: string | null): Promise<boolean> {
  if (replacing === null) {
    const r = await q
      .insertInto('registry_import_locks')
      .values(lock)
      .onConflict((oc) => oc.column('office_id').doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await q.updateTable('registry_import_locks').set(lock).where('office_id', '=', lock.office_id).where('snapshot_id', '=', replacing).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function heartbeat(q: Q, officeId: string, snapshotId: string, now: string, progress: { rows_read: number; bytes_read: number; phase: string }): Promise<void> {
  await q.updateTable('registry_snapshots').set({ heartbeat_at: now, ...progress }).where('id', '=', snapshotId).execute();
  await q.updateTable('registry_import_locks').set({ heartbeat_at: now }).where('office_id', '=', officeId).where('snapshot_id', '=', snapshotId).execute();
}

export async function releaseLock(q: Q, officeId: string, snapshotId: string): Promise<void> {
  await q.deleteFrom('registry_import_locks').where('office_id', '=', officeId).where('snapshot_id', '=', snapshotId).execute();
}

/* ---------- row tables ---------- */

const INT_COLUMNS = new Set(['row_no', 'desil', 'pkh', 'bpnt', 'pbi']);

export async function createRowTable(q: Q, table: string): Promise<void> {
  let b = q.schema.createTable(checkTable(table));
  for (const k of LOAD_COLUMNS) {
    const type = k === 'row_hash' ? 'bigint' : INT_COLUMNS.has(k) ? 'integer' : 'text';
    b = b.addColumn(k, type, (c) => (k === 'row_no' || k === 'nik' || k === 'kk' || k === 'row_hash' || k === 'cells' ? c.notNull() : c));
  }
  await b.execute();
}

export async function dropRowTable(q: Q, table: string): Promise<void> {
  await q.schema.dropTable(checkTable(table)).ifExists().execute();
}

export async function rowTableExists(q: Q, table: string): Promise<boolean> {
  const tables = await q.introspection.getTables();
  return tables.some((t) => t.name === table);
}

/** Registry row tables that exist (to find leftovers whose snapshot row says otherwise). */
export async function listRowTables(q: Q): Promise<string[]> {
  const tables = await q.introspection.getTables();
  return tables.map((t) => t.name).filter((n) => /^registry_rows_[0-9a-f]{32}$/.test(n));
}

/**
 * The NIK index. On PostgreSQL it is first tried as UNIQUE (nik) INCLUDE (row_hash): the usual
 * extract has no duplicate NIKs, and then building the index proves it, sparing the duplicate
 * search (a full scan there, since a freshly loaded table has no visibility map for index-only
 * scans). `unique: true` means no NIK occurs twice.
 */
export async function indexNik(q: Q, dialect: DialectName, table: string): Promise<{ unique: boolean }> {
  const name = `${checkTable(table)}_nik`;
  if (dialect === 'postgres') {
    try {
      await sql`CREATE UNIQUE INDEX ${sql.id(name)} ON ${sql.table(table)} (nik) INCLUDE (row_hash)`.execute(q);
      return { unique: true };
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e;
    }
  }
  await q.schema.createIndex(name).on(table).columns(['nik', 'row_hash']).execute();
  return { unique: false };
}

export async function indexKk(q: Q, table: string): Promise<void> {
  // (kk, row_no): a family comes back in file order without a sort.
  await q.schema.createIndex(`${checkTable(table)}_kk`).on(table).columns(['kk', 'row_no']).execute();
}

/** NIKs that occur more than once (a scan of the NIK index only), with the first row that keeps them. */
export async function duplicateNiks(q: Q, table: string, limit: number): Promise<{ nik: string; keep: number; n: number }[]> {
  const groups = await rows(q, table)
    .select((eb) => ['nik', eb.fn.countAll<number>().as('n')])
    .groupBy('nik')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .limit(limit)
    .execute();
  const out: { nik: string; keep: number; n: number }[] = [];
  for (const g of groups) {
    const first = await rows(q, table).select('row_no').where('nik', '=', g.nik).orderBy('row_no').limit(1).executeTakeFirstOrThrow();
    out.push({ nik: g.nik, keep: Number(first.row_no), n: Number(g.n) });
  }
  return out;
}

/** Removes the later rows of a duplicated NIK; returns their row numbers. */
export async function dropDuplicateRows(q: Q, table: string, nik: string, keep: number): Promise<number[]> {
  const dropped = await rows(q, table).select('row_no').where('nik', '=', nik).where('row_no', '<>', keep).orderBy('row_no').execute();
  await (q as unknown as Kysely<RowsDB>).deleteFrom(checkTable(table) as 'registry_rows').where('nik', '=', nik).where('row_no', '<>', keep).execute();
  return dropped.map((d) => Number(d.row_no));
}

export async function countRows(q: Q, table: string): Promise<{ rows: number; families: number }> {
  // Families counted over a GROUP BY (hashed) rather than COUNT(DISTINCT), which sorts.
  const r = await sql<{ rows: number | string; families: number | string }>`
    SELECT (SELECT COUNT(*) FROM ${sql.table(checkTable(table))}) AS rows,
           (SELECT COUNT(*) FROM (SELECT kk FROM ${sql.table(table)} GROUP BY kk) f) AS families`.execute(q);
  return { rows: Number(r.rows[0]!.rows), families: Number(r.rows[0]!.families) };
}

/** Compares a new snapshot with an older one by NIK: people continuing, and of them unchanged rows. */
export async function compareRows(q: Q, table: string, older: string): Promise<{ continuing: number; unchanged: number }> {
  const r = await sql<{ continuing: number | string; unchanged: number | string | null }>`
    SELECT COUNT(*) AS continuing, SUM(CASE WHEN o.row_hash = n.row_hash THEN 1 ELSE 0 END) AS unchanged
    FROM ${sql.table(checkTable(table))} n JOIN ${sql.table(checkTable(older))} o ON o.nik = n.nik`.execute(q);
  const x = r.rows[0]!;
  return { continuing: Number(x.continuing), unchanged: Number(x.unchanged ?? 0) };
}

export async function rowByNik(q: Q, table: string, nik: string): Promise<RegistryRowTable | undefined> {
  return rows(q, table).selectAll().where('nik', '=', nik).executeTakeFirst();
}

/** Rows for an export, in file order, a page at a time. */
export async function rowsPage(q: Q, table: string, opts: { afterRowNo: number; limit: number }): Promise<RegistryRowTable[]> {
  return rows(q, table).selectAll().where('row_no', '>', opts.afterRowNo).orderBy('row_no').limit(opts.limit).execute();
}

/* ---------- the look-up hot path: statements compiled once, run with new parameters ---------- */

/**
 * SQL text by dialect and key. Module-level on purpose: the text is a pure function of the dialect
 * and the (checked) table name in the key, never of any data, so every database of the process may
 * share it.
 */
const compiled = new Map<string, string>();

/** SQL text of a query built once per dialect and key (the parameters differ from call to call). */
function once(dialect: DialectName, key: string, build: () => { compile(): CompiledQuery }): string {
  const k = `${dialect}:${key}`;
  let text = compiled.get(k);
  if (!text) {
    text = build().compile().sql;
    compiled.set(k, text);
  }
  return text;
}

/**
 * Inside a transaction through its connection; otherwise through the heavy-read path, which is the
 * streaming replica when there is one. Consistent there: the replica replays commits in order, so
 * when it shows a snapshot as current it also holds that snapshot's rows.
 */
async function run<T>(q: Q | Database, text: string, params: unknown[]): Promise<T[]> {
  if ('read' in q) return q.readHeavy<T>(text, params);
  return (await q.executeQuery<T>(CompiledQuery.raw(text, params))).rows;
}

const builder = (q: Q | Database): Q => ('read' in q ? q.db : q);

/** Id of the office's current snapshot (the one readers use now): an index search, no row data. */
export async function currentSnapshotId(q: Q | Database, dialect: DialectName, officeId: string): Promise<string | undefined> {
  const text = once(dialect, 'current-id', () =>
    builder(q).selectFrom('registry_snapshots').select('id').where('office_id', '=', officeId).where('current_for_period', '=', 1).orderBy('period', 'desc').limit(1),
  );
  return (await run<{ id: string }>(q, text, [officeId, 1, 1]))[0]?.id;
}

/** One person's row. */
export async function personRow(q: Q | Database, dialect: DialectName, table: string, nik: string): Promise<RegistryRowTable | undefined> {
  const text = once(dialect, `nik:${checkTable(table)}`, () => rows(builder(q), table).selectAll().where('nik', '=', nik).limit(1));
  return (await run<RegistryRowTable>(q, text, [nik, 1]))[0];
}

/**
 * A person and their family in one statement (the family found through the person's KK, in file
 * order): the counter's look-up. One index search fewer than `personRow` then `familyOfKk`.
 */
export async function personWithFamily(q: Q | Database, dialect: DialectName, table: string, nik: string, limit = 50): Promise<{ person: RegistryRowTable | undefined; family: RegistryRowTable[] }> {
  const n = rowLimit(limit);
  const text = once(dialect, `nik-family:${checkTable(table)}:${n}`, () => {
    const b = builder(q);
    return rows(b, table)
      .selectAll()
      .where('kk', '=', (eb) => eb.selectFrom(checkTable(table) as 'registry_rows').select('kk').where('nik', '=', nik).limit(1))
      .orderBy('row_no')
      .limit(sql.lit(n));
  });
  const family = await run<RegistryRowTable>(q, text, [nik, 1]);
  let person = family.find((r) => r.nik === nik);
  // A family larger than the limit may leave the person out of the rows returned.
  if (!person && family.length === n) person = await personRow(q, dialect, table, nik);
  return { person, family };
}

/** A family by No. KK. */
export async function familyOfKk(q: Q | Database, dialect: DialectName, table: string, kk: string, limit = 50): Promise<RegistryRowTable[]> {
  const n = rowLimit(limit);
  const text = once(dialect, `family-kk:${checkTable(table)}:${n}`, () => rows(builder(q), table).selectAll().where('kk', '=', kk).orderBy('row_no').limit(sql.lit(n)));
  return run<RegistryRowTable>(q, text, [kk]);
}

/**
 * A family's row limit, written into the statement's text rather than bound: SQLite plans a bound
 * LIMIT after ORDER BY less well (micro-benchmark, 200,000 rows: 18.5 µs against 11.7 µs per
 * look-up). Checked here because it becomes SQL text.
 */
function rowLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new Error(`bad family limit ${limit}`);
  return limit;
}

/* ---------- the bulk loader (dialect adapter) ---------- */

/** A batch of accepted rows: COPY text lines (LOAD_COLUMNS order), or the same as flat values. */
export interface LoadBatch {
  text: string;
  values: (string | number | null)[] | null;
}

export interface BulkLoader {
  /** Loads a batch (SQLite takes either form; PostgreSQL COPY and the portable loader take text). */
  load(batch: LoadBatch, rows: number): Promise<void>;
  /** Commits what is pending and closes; the table then holds every loaded row. */
  finish(): Promise<void>;
  /** Stops without keeping anything pending (the caller drops the table). */
  abort(): Promise<void>;
  readonly kind: 'sqlite' | 'postgres-copy' | 'portable';
}

const COLUMNS = LOAD_COLUMNS.map((k) => `"${k}"`).join(', ');
const LAST = LOAD_COLUMNS.length - 1;
/** A backslash other than the \N of a null: the rare batch whose values need unescaping. */
const NEEDS_UNESCAPE = /\\[^N]|\\N[^\t\n]/;

function unescapeValue(s: string): string | null {
  if (s === '\\N') return null;
  return s.replace(/\\(.)/g, (_, c: string) => (c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}

/** A non-negative integer written at text[s, e), or null for \N. */
function numberAt(text: string, s: number, e: number): number | null {
  if (text.charCodeAt(s) === 92) return null;
  let n = 0;
  for (let i = s; i < e; i++) n = n * 10 + (text.charCodeAt(i) - 48);
  return n;
}

/** Splits COPY text into rows of LOAD_COLUMNS values (\N kept as is unless `unescape`). */
function splitCopyText(text: string, unescape: boolean, each: (values: (string | null)[]) => void): void {
  let start = 0;
  const len = text.length;
  while (start < len) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = len;
    if (end > start) {
      const v: (string | null)[] = new Array(LOAD_COLUMNS.length);
      let p = start;
      for (let k = 0; k < LAST; k++) {
        const tab = text.indexOf('\t', p);
        v[k] = text.slice(p, tab);
        p = tab + 1;
      }
      v[LAST] = text.slice(p, end);
      if (unescape) for (let k = 0; k < v.length; k++) v[k] = unescapeValue(v[k]!);
      each(v);
    }
    start = end + 1;
  }
}

/**
 * Runs a synchronous write on a second SQLite connection without ever blocking the event loop on
 * a lock: busy_timeout is 0 there, and a busy database is retried after a short asynchronous wait,
 * so a transaction of the main connection that is waiting on the event loop can finish first.
 */
async function whenFree<T>(fn: () => T, limitMs = 60_000): Promise<T> {
  const start = Date.now();
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      return fn();
    } catch (e) {
      if ((e as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() - start > limitMs) throw e;
    }
    await new Promise((r) => setTimeout(r, wait));
  }
}

/**
 * Where the bulk loader connects: the SQLite file (from PRAGMA database_list) or the PostgreSQL
 * URL (given, or the database's own). An in-memory SQLite database has neither and gets the
 * portable loader (multi-row INSERTs through Kysely): correct, slower.
 */
export async function openBulkLoader(database: Database, table: string, opts: { databaseUrl?: string | null } = {}): Promise<BulkLoader> {
  checkTable(table);
  if (database.dialect === 'sqlite') {
    const list = await sql<{ name: string; file: string }>`PRAGMA database_list`.execute(database.db);
    const file = list.rows.find((r) => r.name === 'main')?.file;
    if (file) return sqliteLoader(file, table);
  } else {
    const url = opts.databaseUrl ?? (database.location.kind === 'postgres' ? database.location.url : null);
    if (url) return postgresCopyLoader(url, table);
  }
  return portableLoader(database, table);
}

async function sqliteLoader(file: string, table: string): Promise<BulkLoader> {
  const { default: SQLite } = await import('better-sqlite3');
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  // NORMAL: the loading table is invisible until published, and the publishing commit (on the
  // main connection, synchronous=FULL) syncs the whole WAL, these frames included.
  conn.pragma('synchronous = NORMAL');
  conn.pragma('busy_timeout = 0');
  // Appending needs little cache; a small one keeps the import's memory flat.
  conn.pragma('cache_size = -4096');
  const stmt = conn.prepare(`INSERT INTO "${table}" (${COLUMNS}) VALUES (${LOAD_COLUMNS.map(() => '?').join(', ')})`);
  const general = (v: (string | null)[]) => stmt.run(v);
  // The common batch (no backslash): numbers read in place and one bind array reused, so a
  // million rows leave as little garbage as possible in this (the server's) heap.
  const bind: (string | number | null)[] = new Array(LOAD_COLUMNS.length).fill(null);
  const loadPlain = (text: string) => {
    const len = text.length;
    let start = 0;
    while (start < len) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = len;
      if (end > start) {
        let p = start;
        for (let k = 0; k < LAST; k++) {
          const tab = text.indexOf('\t', p);
          bind[k] = k === 1 || k === 2 ? text.slice(p, tab) : numberAt(text, p, tab);
          p = tab + 1;
        }
        bind[LAST] = text.slice(p, end);
        stmt.run(bind);
      }
      start = end + 1;
    }
  };
  const loadValues = (values: (string | number | null)[]) => {
    const w = LOAD_COLUMNS.length;
    for (let i = 0; i < values.length; i += w) {
      for (let k = 0; k < w; k++) bind[k] = values[i + k]!;
      stmt.run(bind);
    }
  };
  const loadBatch = conn.transaction((batch: LoadBatch) =>
    batch.values ? loadValues(batch.values) : NEEDS_UNESCAPE.test(batch.text) ? splitCopyText(batch.text, true, general) : loadPlain(batch.text),
  ).immediate;
  let open = true;
  return {
    kind: 'sqlite',
    async load(batch) {
      await whenFree(() => loadBatch(batch));
      // Let the event loop breathe between batches (the server keeps answering).
      await new Promise<void>((r) => setImmediate(r));
    },
    async finish() {
      if (open) conn.close();
      open = false;
    },
    async abort() {
      if (open) conn.close();
      open = false;
    },
  };
}

async function postgresCopyLoader(url: string, table: string): Promise<BulkLoader> {
  const { default: pg } = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const stream = client.query(copyFrom(`COPY "${table}" (${COLUMNS}) FROM STDIN`));
  let failed: Error | null = null;
  stream.on('error', (e: Error) => (failed = e));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  done.catch(() => undefined);
  return {
    kind: 'postgres-copy',
    async load({ text }) {
      if (failed) throw failed;
      if (!stream.write(text)) await new Promise<void>((r) => stream.once('drain', r));
    },
    async finish() {
      stream.end();
      try {
        await done;
      } finally {
        await client.end();
      }
    },
    async abort() {
      // Ending the connection mid-COPY aborts it: nothing of it is committed.
      stream.destroy();
      await client.end().catch(() => undefined);
    },
  };
}

function portableLoader(database: Database, table: string): BulkLoader {
  const per = 500;
  return {
    kind: 'portable',
    async load({ text, values }) {
      const batch: Record<string, string | number | null>[] = [];
      const add = (v: (string | number | null)[], at: number) => {
        const o: Record<string, string | number | null> = {};
        for (let k = 0; k < LOAD_COLUMNS.length; k++) o[LOAD_COLUMNS[k]!] = v[at + k] ?? null;
        batch.push(o);
      };
      if (values) for (let i = 0; i < values.length; i += LOAD_COLUMNS.length) add(values, i);
      else splitCopyText(text, true, (v) => add(v, 0));
      await database.write(async (trx) => {
        for (let i = 0; i < batch.length; i += per)
          await (trx as unknown as Kysely<Record<string, Record<string, string | number | null>>>).insertInto(table).values(batch.slice(i, i + per)).execute();
      });
    },
    async finish() {},
    async abort() {},
  };
}

/* ---------- access log ---------- */

/** One entry of the access log, decoded. */
export interface AccessLogEntry {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  roles: string[];
  action: AccessAction;
  nik: string | null;
  kk: string | null;
  snapshotId: string | null;
  applicationId: string | null;
  reason: string | null;
  found: boolean | null;
  detail: Record<string, unknown>;
}

function toAccessLogEntry(r: Selectable<RegistryAccessLogTable>): AccessLogEntry {
  return {
    // PostgreSQL returns bigserial columns as text.
    seq: Number(r.seq),
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    roles: JSON.parse(r.roles) as string[],
    action: narrow(ACCESS_ACTIONS, r.action, 'access action'),
    nik: r.nik,
    kk: r.kk,
    snapshotId: r.snapshot_id,
    applicationId: r.application_id,
    reason: r.reason,
    found: r.found === null ? null : r.found === 1,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}

/** What one access records (who, what, which NIK/KK, why); the entry's id is returned. */
export interface NewAccessEntry {
  officeId: string;
  actor: { id: string | null; name: string; roles: string[] };
  action: AccessAction;
  nik?: string | null;
  kk?: string | null;
  snapshotId?: string | null;
  applicationId?: string | null;
  reason?: string | null;
  found?: boolean | null;
  detail?: Record<string, unknown>;
  at: string;
}

/** The columns every access log row shares (schema-registry.ts AccessLogColumns), from an entry. */
export const accessLogColumns = (id: string, e: { officeId: string; at: string; actor: { id: string | null; name: string; roles: readonly string[] } }) => ({
  id,
  office_id: e.officeId,
  at: e.at,
  actor_id: e.actor.id,
  actor_name: e.actor.name,
  roles: JSON.stringify(e.actor.roles),
});

/** Appends an access entry through the database's append path; resolves once it is committed. */
export async function appendAccessEntry(database: Database, e: NewAccessEntry): Promise<string> {
  const id = newLogId();
  const row: Omit<RegistryAccessLogTable, 'seq' | 'prev_hash' | 'hash'> = {
    ...accessLogColumns(id, e),
    action: e.action,
    nik: e.nik ?? null,
    kk: e.kk ?? null,
    snapshot_id: e.snapshotId ?? null,
    application_id: e.applicationId ?? null,
    reason: e.reason ?? null,
    found: e.found === undefined || e.found === null ? null : e.found ? 1 : 0,
    detail: JSON.stringify(e.detail ?? {}),
  };
  await database.append('registry_access_log', [row]);
  return id;
}

export async function accessLog(q: Q, officeId: string, opts: { nik?: string; limit: number; before?: number }): Promise<AccessLogEntry[]> {
  let s = q.selectFrom('registry_access_log').selectAll().where('office_id', '=', officeId);
  if (opts.nik) s = s.where('nik', '=', opts.nik);
  if (opts.before) s = s.where('seq', '<', opts.before);
  return (await s.orderBy('seq', 'desc').limit(opts.limit).execute()).map(toAccessLogEntry);
}

export async function accessLogForNik(q: Q, officeId: string, nik: string): Promise<AccessLogEntry[]> {
  return (await q.selectFrom('registry_access_log').selectAll().where('office_id', '=', officeId).where('nik', '=', nik).orderBy('seq').execute()).map(toAccessLogEntry);
}

/* ---------- proposals ---------- */

/** A proposal row with its kind and stage narrowed. */
export interface Proposal {
  id: string;
  officeId: string;
  applicationId: string | null;
  serviceId: string | null;
  kind: ProposalKind;
  nik: string;
  kk: string | null;
  name: string;
  stage: Stage;
  siksngReference: string | null;
  ministryReference: string | null;
  confirmedSnapshotId: string | null;
  confirmedAt: string | null;
  openedAt: string;
  updatedAt: string;
  version: number;
}

function toProposal(r: RegistryProposalsTable): Proposal {
  return {
    id: r.id,
    officeId: r.office_id,
    applicationId: r.application_id,
    serviceId: r.service_id,
    kind: narrow(PROPOSAL_KINDS, r.kind, 'proposal kind'),
    nik: r.nik,
    kk: r.kk,
    name: r.name,
    stage: narrow(STAGES, r.stage, 'proposal stage'),
    siksngReference: r.siksng_reference,
    ministryReference: r.ministry_reference,
    confirmedSnapshotId: r.confirmed_snapshot_id,
    confirmedAt: r.confirmed_at,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

const proposal = (r: RegistryProposalsTable | undefined) => (r ? toProposal(r) : undefined);

/** A new proposal at intake: what is not given is not known yet. */
export function newProposal(p: Pick<Proposal, 'officeId' | 'kind' | 'nik' | 'kk' | 'name' | 'openedAt'> & Partial<Pick<Proposal, 'applicationId' | 'serviceId'>>): Proposal {
  return {
    id: randomUUID(),
    applicationId: null,
    serviceId: null,
    stage: 'intake',
    siksngReference: null,
    ministryReference: null,
    confirmedSnapshotId: null,
    confirmedAt: null,
    updatedAt: p.openedAt,
    version: 1,
    ...p,
  };
}

export async function insertProposal(q: Q, p: Proposal): Promise<void> {
  await q
    .insertInto('registry_proposals')
    .values({
      id: p.id,
      office_id: p.officeId,
      application_id: p.applicationId,
      service_id: p.serviceId,
      kind: p.kind,
      nik: p.nik,
      kk: p.kk,
      name: p.name,
      stage: p.stage,
      siksng_reference: p.siksngReference,
      ministry_reference: p.ministryReference,
      confirmed_snapshot_id: p.confirmedSnapshotId,
      confirmed_at: p.confirmedAt,
      opened_at: p.openedAt,
      updated_at: p.updatedAt,
      version: p.version,
    })
    .execute();
}

/** What a proposal event records; data is encoded here. */
export interface NewProposalEvent {
  type: 'opened' | 'stage' | 'reference' | 'confirmed';
  stage: Stage;
  actor: { id: string | null; name: string };
  note?: string | null;
  data?: Record<string, unknown>;
  at: string;
}

export async function insertProposalEvent(q: Q, p: Pick<Proposal, 'id' | 'officeId'>, e: NewProposalEvent): Promise<void> {
  const row: Omit<RegistryProposalEventsTable, 'seq'> = {
    id: randomUUID(),
    proposal_id: p.id,
    office_id: p.officeId,
    type: e.type,
    stage: e.stage,
    actor_id: e.actor.id,
    actor_name: e.actor.name,
    note: e.note ?? null,
    data: JSON.stringify(e.data ?? {}),
    at: e.at,
  };
  await q.insertInto('registry_proposal_events').values(row).execute();
}

export async function proposalByApplication(q: Q, applicationId: string): Promise<Proposal | undefined> {
  return proposal(await q.selectFrom('registry_proposals').selectAll().where('application_id', '=', applicationId).executeTakeFirst());
}

export async function findProposal(q: Q, officeId: string, id: string): Promise<Proposal | undefined> {
  return proposal(await q.selectFrom('registry_proposals').selectAll().where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst());
}

/** Changes a proposal if nobody changed it since `version` (the one version-checked update). */
export async function updateProposalIfVersion(
  q: Q,
  id: string,
  version: number,
  set: Partial<Pick<Proposal, 'stage' | 'siksngReference' | 'ministryReference' | 'confirmedSnapshotId' | 'confirmedAt' | 'updatedAt'>>,
): Promise<boolean> {
  const row: Partial<RegistryProposalsTable> = {};
  if (set.stage !== undefined) row.stage = set.stage;
  if (set.siksngReference !== undefined) row.siksng_reference = set.siksngReference;
  if (set.ministryReference !== undefined) row.ministry_reference = set.ministryReference;
  if (set.confirmedSnapshotId !== undefined) row.confirmed_snapshot_id = set.confirmedSnapshotId;
  if (set.confirmedAt !== undefined) row.confirmed_at = set.confirmedAt;
  if (set.updatedAt !== undefined) row.updated_at = set.updatedAt;
  return updateIfVersion(q, 'registry_proposals', id, version, row);
}

export async function listProposals(q: Q, officeId: string, opts: { stage?: Stage; limit: number }): Promise<Proposal[]> {
  let s = q.selectFrom('registry_proposals').selectAll().where('office_id', '=', officeId);
  if (opts.stage) s = s.where('stage', '=', opts.stage);
  return (await s.orderBy('opened_at', 'desc').limit(opts.limit).execute()).map(toProposal);
}

/** Proposals still waiting for the registry to show the person. */
export async function openProposals(q: Q, officeId: string): Promise<Proposal[]> {
  return (await q.selectFrom('registry_proposals').selectAll().where('office_id', '=', officeId).where('stage', 'not in', ['confirmed', 'rejected', 'not-proposed']).execute()).map(toProposal);
}

/** One event of a proposal's history, decoded. */
export interface ProposalEvent {
  type: string;
  stage: Stage;
  actorId: string | null;
  actorName: string;
  note: string | null;
  data: Record<string, unknown>;
  at: string;
}

export async function proposalEvents(q: Q, proposalId: string): Promise<ProposalEvent[]> {
  const rows = await q.selectFrom('registry_proposal_events').selectAll().where('proposal_id', '=', proposalId).orderBy('seq').execute();
  return rows.map((e) => ({ type: e.type, stage: narrow(STAGES, e.stage, 'proposal stage'), actorId: e.actor_id, actorName: e.actor_name, note: e.note, data: JSON.parse(e.data) as Record<string, unknown>, at: e.at }));
}

export async function proposalsForNik(q: Q, officeId: string, nik: string): Promise<Proposal[]> {
  return (await q.selectFrom('registry_proposals').selectAll().where('office_id', '=', officeId).where('nik', '=', nik).execute()).map(toProposal);
}

/* ---------- a person's data (export on request) ---------- */

/** The cases of one NIK in an office, oldest first, their JSON columns decoded. */
export async function applicationsForNik(q: Q, officeId: string, nik: string) {
  const rows = await q.selectFrom('applications').selectAll().where('office_id', '=', officeId).where('applicant_nik', '=', nik).orderBy('submitted_at').execute();
  return rows.map((a) => ({
    id: a.id,
    registrationNumber: a.registration_number,
    serviceId: a.service_id,
    status: a.status,
    submittedAt: a.submitted_at,
    applicant: JSON.parse(a.applicant) as unknown,
    answers: JSON.parse(a.answers) as unknown,
    eligibility: JSON.parse(a.eligibility) as unknown,
  }));
}

/** The events of these cases, in order. */
export async function eventsForApplications(q: Q, ids: string[]) {
  if (!ids.length) return [];
  const rows = await q.selectFrom('application_events').selectAll().where('application_id', 'in', ids).orderBy('seq').execute();
  return rows.map((e) => ({ applicationId: e.application_id, type: e.type, step: e.step_id, outcome: e.outcome, actor: e.actor_name, note: e.note, at: e.at }));
}

/* ---------- a case's registry record ---------- */

/** What the registry records on a case at submission: the facts it read and the eligibility verdicts. */
export interface CaseEligibility {
  results: { id: string; message: string; verdict: string }[];
  registry: Record<string, unknown> | null;
}

/** A case of the office as the registry sees it: who, and what was checked at submission. */
export async function caseOfOffice(q: Q, officeId: string, id: string) {
  const a = await q.selectFrom('applications').select(['id', 'registration_number', 'applicant_name', 'eligibility']).where('office_id', '=', officeId).where('id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  const e = JSON.parse(a.eligibility) as Partial<CaseEligibility>;
  return { id: a.id, registrationNumber: a.registration_number, applicantName: a.applicant_name, eligibility: { results: e.results ?? [], registry: e.registry ?? null } satisfies CaseEligibility };
}

/** A case's events that concern the registry (re-checks at decision steps, proposal stages), in order, decoded. */
export async function registryEventsOfCase(q: Q, applicationId: string) {
  const rows = await q.selectFrom('application_events').selectAll().where('application_id', '=', applicationId).orderBy('seq').execute();
  return rows
    .map((e) => ({ type: e.type, stepId: e.step_id, actorName: e.actor_name, note: e.note, at: e.at, data: JSON.parse(e.data) as Record<string, unknown> }))
    .filter((e) => e.data.registry || e.type.startsWith('registry-'));
}
