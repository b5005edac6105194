/**
 * Imports a DTKS/DTSEN extract as a new snapshot, atomically (docs/REGISTRY.md):
 *  1. hash the file; the same file (SHA-256) already current for the office and period is a no-op;
 *  2. take the office's import lock, cleaning up what a dead import left (table, snapshot row);
 *  3. create the snapshot (status `loading`, invisible to readers) and its empty row table;
 *  4. stream: parse and check rows (a worker thread for big files), load accepted ones in bulk,
 *     write rejected ones to the report (row, column, reason);
 *  5. index, drop duplicate NIKs (kept: the first), refuse beyond the threshold (default 1%);
 *  6. compare with the current snapshot (unchanged, new, removed);
 *  7. publish in one short transaction: complete, current for its period, the old one kept;
 *  8. confirm proposals whose person now appears.
 * A crash or kill at any point before 7 leaves the previous snapshot current and nothing of the
 * new one visible; the next import removes the leftovers.
 */
import { randomUUID } from 'node:crypto';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWriteStream, type WriteStream } from 'node:fs';
import { ensurePrivateDir, PRIVATE_FILE } from '../../io/private-files.js';
import { hostname } from 'node:os';
import { join } from 'node:path';
import {
  compareRows,
  countRows,
  createRowTable,
  currentForPeriod,
  currentSnapshot,
  dropDuplicateRows,
  dropRowTable,
  duplicateNiks,
  findLock,
  heartbeat,
  indexKk,
  indexNik,
  insertSnapshot,
  openBulkLoader,
  publishSnapshot,
  releaseLock,
  rowTableExists,
  rowTableName,
  takeLock,
  updateSnapshot,
  type BulkLoader,
  type SnapshotRow,
} from '../../db/registry-repo.js';
import { fail, type Failure, type Problem } from '../../domain/errors.js';
import { officeNotFound } from '../../domain/standards/not-found.js';
import type { MappingFile } from '../../domain/registry/columns.js';
import { canImport } from '../../domain/registry/access.js';
import { validPeriod } from '../../domain/registry/inputs.js';
import { storedSeparator, type Rejection } from '../../domain/registry/row.js';
import type { ImportPhase, Layout } from '../../domain/registry/snapshots.js';
import { inspectSource, type SourceInfo } from '../../io/registry-file.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { cleanupDeadImports, importAlive, running } from './clean-up-imports.js';
import { confirmProposals } from './confirm-proposals.js';
import { BATCH_ROWS, parseBatches, parseInWorker, WORKER_MIN_BYTES, type ParseJob, type ParseMessage } from './parse-pipeline.js';
import { csvCell } from '../../domain/util/csv-cell.js';

const DEFAULT_THRESHOLD = 0.01;

export interface ImportProgress {
  snapshotId: string | null;
  phase: ImportPhase;
  rowsRead: number;
  accepted: number;
  rejected: number;
  bytesRead: number;
  totalBytes: number;
  /** Rows per second since loading began. */
  rate: number;
  /** Seconds left, estimated from bytes read; null when unknown. */
  etaSeconds: number | null;
}

export interface ImportInput {
  office: string;
  file: string;
  sourceName?: string;
  period?: string;
  mapping?: MappingFile | null;
  threshold?: number;
  actor: Actor;
  /** PostgreSQL URL for COPY (else DATABASE_URL; without either, portable inserts). */
  databaseUrl?: string | null;
  onProgress?: (p: ImportProgress) => void;
  /** Cancels between batches (Ctrl-C): cleaned up like a refused import. */
  signal?: AbortSignal;
  /** Parse in a worker thread: 'auto' (default) follows SIGAP_IMPORT_WORKER=1 for CSV files of 8 MB or more on SQLite. */
  worker?: boolean | 'auto';
  /** A pre-assigned snapshot id (background imports started from the back office). */
  snapshotId?: string;
}

export type ImportSummary = {
  snapshotId: string;
  status: 'complete' | 'refused' | 'noop' | 'failed';
  office: string;
  period: string;
  sha256: string;
  sourceName: string | null;
  kind: string;
  encoding: string | null;
  separator: string | null;
  rows: { read: number; accepted: number; rejected: number; duplicates: number; unchanged: number | null; new: number | null; removed: number | null; families: number };
  threshold: number;
  rejectedFraction: number;
  reportPath: string | null;
  previousSnapshotId: string | null;
  unusedColumns: string[];
  confirmedProposals: number;
  durationMs: number;
  loader: string | null;
  /** Milliseconds spent per phase. */
  timings: Record<string, number>;
  /** How to read the stored cells back: the file's header and the mapping. */
  layout: Layout | null;
};

/** The summary, or why the import was refused (with its summary when it got that far: the report's path). */
export type ImportResult = { ok: true; value: ImportSummary } | { ok: false; error: Failure; summary?: ImportSummary };

const refused = (error: { ok: false; error: Failure }, summary?: ImportSummary): ImportResult => ({ ...error, ...(summary ? { summary } : {}) });
const problemOf = (code: string, message: string, messageEn: string): Problem => ({ code, message, messageEn });
const importRunning = () =>
  fail('conflict', problemOf('import-running', 'Impor lain untuk kantor ini sedang berjalan; tunggu sampai selesai', 'Another import for this office is running; wait until it finishes'));

/**
 * Keeps this process's heap near its size at the start of the import. A million rows leave their
 * garbage behind faster than V8 chooses to collect it (it grows the heap instead), so the import
 * asks for a full collection when the heap has grown by HEAP_SLACK_MB, and peak memory stays flat
 * whatever the file size. The collection is started concurrent ('async': V8 marks on its own
 * threads and finishes without stopping this one): a synchronous one stopped the import ~150 ms
 * each, 1.2 s of a 200,000-row import and 2.8 s of a million rows (measured, docs/REGISTRY.md),
 * for the same peak memory.
 */
const HEAP_SLACK_MB = 24;
type Gc = (opts?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async' }) => void;
/** V8's collector, asked for once per process (it is the process's, whatever the product). */
let forceGc: Gc | null | undefined;
function collector(): Gc | null {
  if (forceGc !== undefined) return forceGc;
  try {
    v8.setFlagsFromString('--expose-gc');
    forceGc = runInNewContext('gc') as Gc;
  } catch {
    forceGc = null;
  }
  return forceGc;
}

class HeapGuard {
  private readonly base = process.memoryUsage().heapUsed + process.memoryUsage().external;
  private n = 0;
  check(): void {
    if (++this.n % 4 !== 0) return;
    const m = process.memoryUsage();
    if (m.heapUsed + m.external - this.base > HEAP_SLACK_MB * 1048576) collector()?.({ type: 'major', execution: 'async' });
  }
}

class ReportWriter {
  private stream: WriteStream | null = null;
  count = 0;
  constructor(readonly path: string) {}
  write(rejections: Rejection[]): void {
    if (!rejections.length) return;
    if (!this.stream) {
      ensurePrivateDir(join(this.path, '..'));
      this.stream = createWriteStream(this.path, { mode: PRIVATE_FILE });
      this.stream.write('\uFEFFbaris,kolom,alasan,reason\n');
    }
    let out = '';
    for (const r of rejections) out += `${r.rowNo},${csvCell(r.column, false)},${csvCell(r.reason, false)},${csvCell(r.reasonEn, false)}\n`;
    this.count += rejections.length;
    this.stream.write(out);
  }
  async close(): Promise<string | null> {
    if (!this.stream) return null;
    const s = this.stream;
    await new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve())));
    return this.path;
  }
}


export async function importRegistry(ctx: Ctx, input: ImportInput): Promise<ImportResult> {
  const started = performance.now();
  const found = ctx.catalogue.findOffice(input.office);
  if (!found.ok) return found;
  const office = found.value;
  if (input.actor.id !== null && (input.actor.officeId !== office.id || !canImport(input.actor.roles)))
    return fail('forbidden', problemOf('role-required', 'Impor registri hanya untuk operator atau admin kantor ini', 'Registry imports are for this office’s operators or admins only'));
  const now0 = nowOf(ctx);
  const today = ctx.clock.localDate(office.office, now0.toISOString());
  const period = input.period ?? today.slice(0, 7);
  if (!validPeriod(period)) return fail('invalid', problemOf('period-invalid', `Periode harus YYYY-MM, mis. ${today.slice(0, 7)}`, `The period must be YYYY-MM, e.g. ${today.slice(0, 7)}`));
  const threshold = input.threshold ?? input.mapping?.threshold ?? DEFAULT_THRESHOLD;
  if (!(threshold >= 0 && threshold <= 1))
    return fail('invalid', problemOf('threshold-invalid', 'Ambang penolakan harus antara 0 dan 1 (mis. 0.01 = 1%)', 'The rejection threshold must be between 0 and 1 (e.g. 0.01 = 1%)'));
  const db = ctx.database.db;
  const snapshotId = input.snapshotId ?? randomUUID();
  const table = rowTableName(snapshotId);
  let info: SourceInfo;
  const progress: ImportProgress = { snapshotId, phase: 'hashing', rowsRead: 0, accepted: 0, rejected: 0, bytesRead: 0, totalBytes: 0, rate: 0, etaSeconds: null };
  try {
    info = await inspectSource(input.file, (n) => {
      progress.bytesRead = n;
      input.onProgress?.(progress);
    });
  } catch (e) {
    return fail('invalid', problemOf('file-unreadable', `Berkas tidak dapat dibaca: ${(e as Error).message}`, `The file could not be read: ${(e as Error).message}`));
  }
  progress.totalBytes = info.size;
  const hashedAt = performance.now();
  const summary: ImportSummary = {
    snapshotId,
    status: 'noop',
    office: office.office.slug,
    period,
    sha256: info.sha256,
    sourceName: input.sourceName ?? input.file.split('/').pop() ?? null,
    kind: info.kind,
    encoding: info.encoding,
    separator: null,
    rows: { read: 0, accepted: 0, rejected: 0, duplicates: 0, unchanged: null, new: null, removed: null, families: 0 },
    threshold,
    rejectedFraction: 0,
    reportPath: null,
    previousSnapshotId: null,
    unusedColumns: [],
    confirmedProposals: 0,
    durationMs: 0,
    loader: null,
    timings: {},
    layout: null,
  };
  let phaseStart = hashedAt;
  summary.timings.hashing = Math.round(hashedAt - started);
  const lap = (name: string) => {
    const now = performance.now();
    summary.timings[name] = Math.round(now - phaseStart);
    phaseStart = now;
  };
  const same = await currentForPeriod(db, office.id, period);
  if (same && same.sourceSha256 === info.sha256) {
    const prior = same.summary as Partial<ImportSummary>;
    return { ok: true, value: { ...summary, ...prior, snapshotId: same.id, status: 'noop', durationMs: Math.round(performance.now() - started) } };
  }

  // The office's import lock: one import at a time; a dead holder's leftovers are cleaned up.
  const lockRow = { office_id: office.id, snapshot_id: snapshotId, host: hostname(), pid: process.pid, heartbeat_at: now0.toISOString() };
  const held = await findLock(db, office.id);
  if (held && (running.has(held.snapshotId) || importAlive(held, now0))) return importRunning();
  const took = await takeLock(db, lockRow, held ? held.snapshotId : null);
  if (!took) return importRunning();
  running.add(snapshotId);
  const reports = join(ctx.dataDir, 'registry', 'reports');
  const report = new ReportWriter(join(reports, `${snapshotId}.csv`));
  let loader: BulkLoader | null = null;
  let created = false;
  const nowIso = () => nowOf(ctx).toISOString();
  try {
    await cleanupDeadImports(ctx, office.id, snapshotId);
    const snap: SnapshotRow = {
      id: snapshotId,
      office_id: office.id,
      period,
      status: 'loading',
      current_for_period: 0,
      table_name: table,
      source_name: summary.sourceName,
      source_sha256: info.sha256,
      source_size: info.size,
      source_kind: info.kind,
      importer_id: input.actor.id,
      importer_name: input.actor.name,
      started_at: now0.toISOString(),
      completed_at: null,
      replaced_at: null,
      heartbeat_at: now0.toISOString(),
      host: hostname(),
      pid: process.pid,
      phase: 'loading',
      rows_read: 0,
      bytes_read: 0,
      rows_accepted: null,
      rows_rejected: null,
      rows_unchanged: null,
      report_path: null,
      summary: { threshold },
    };
    await insertSnapshot(db, snap);
    await createRowTable(db, table);
    created = true;

    const job: ParseJob = { info, mapping: input.mapping ?? null, today, batchSize: BATCH_ROWS, output: 'copy' };
    const env = process.env.SIGAP_IMPORT_WORKER;
    // Parsing runs in this thread by default: with the heap guard the whole import stays near
    // 200 MB. SIGAP_IMPORT_WORKER=1 parses big CSV files in a worker thread while this thread loads
    // SQLite: faster when a second core is free, at the cost of the worker's heap (about 80 MB).
    // On PostgreSQL this thread only streams COPY text, so parsing here is always the better choice.
    const auto = info.kind === 'csv' && ctx.database.dialect === 'sqlite' && env === '1' && info.size >= WORKER_MIN_BYTES;
    const useWorker = input.worker === 'auto' || input.worker === undefined ? auto : input.worker;
    // In this thread, rows for SQLite go straight to its prepared statement (no COPY text).
    if (!useWorker && ctx.database.dialect === 'sqlite') job.output = 'values';
    const messages: AsyncGenerator<ParseMessage> = useWorker ? parseInWorker(job) : parseBatches(job);
    progress.phase = 'loading';
    const loadStart = performance.now();
    let lastBeat = loadStart;
    let refusedEarly: Problem | null = null;
    let accepted = 0;
    let rejected = 0;
    let tWait = performance.now();
    const spent = { wait: 0, load: 0 };
    const heap = new HeapGuard();
    for await (const m of messages) {
      spent.wait += performance.now() - tWait;
      if (m.type === 'error') {
        await abandon(ctx, snap, report, loader, 'failed', { problems: m.problems });
        loader = null;
        return refused(fail('invalid', ...m.problems), { ...summary, status: 'failed', durationMs: Math.round(performance.now() - started) });
      }
      if (m.type === 'header') {
        summary.separator = m.separator;
        summary.unusedColumns = m.mapping.unused;
        summary.layout = { header: m.header, separator: storedSeparator(m.separator ?? ','), index: m.mapping.index, flags: m.mapping.flags };
        await updateSnapshot(db, snapshotId, { summary: { threshold, layout: summary.layout } });
        loader = await openBulkLoader(ctx.database, table, { databaseUrl: input.databaseUrl });
        summary.loader = loader.kind;
        continue;
      }
      if (m.type === 'end') break;
      if (input.signal?.aborted) {
        await abandon(ctx, snap, report, loader, 'failed', { cancelled: true });
        loader = null;
        return refused(fail('conflict', problemOf('import-cancelled', 'Impor dibatalkan; snapshot sebelumnya tetap berlaku', 'Import cancelled; the previous snapshot stays current')), { ...summary, status: 'failed' });
      }
      const tl = performance.now();
      if (m.accepted) await loader!.load(m, m.accepted);
      heap.check();
      spent.load += performance.now() - tl;
      tWait = performance.now();
      report.write(m.rejections);
      accepted += m.accepted;
      rejected += m.rejections.length ? new Set(m.rejections.map((r) => r.rowNo)).size : 0;
      progress.rowsRead = m.rowsRead;
      progress.accepted = accepted;
      progress.rejected = rejected;
      progress.bytesRead = m.bytesRead;
      const secs = (performance.now() - loadStart) / 1000;
      progress.rate = secs > 0 ? m.rowsRead / secs : 0;
      progress.etaSeconds = m.bytesRead > 0 && secs > 0.5 ? Math.max(0, ((info.size - m.bytesRead) * secs) / m.bytesRead) : null;
      input.onProgress?.(progress);
      if (performance.now() - lastBeat > 1000) {
        lastBeat = performance.now();
        await heartbeat(db, office.id, snapshotId, nowIso(), { rows_read: m.rowsRead, bytes_read: m.bytesRead, phase: 'loading' });
      }
      // A file that is clearly wrong (wrong mapping, wrong separator) is refused early.
      if (m.rowsRead >= 1000 && rejected / m.rowsRead > Math.max(0.5, threshold)) {
        refusedEarly = {
          code: 'threshold-exceeded',
          message: `Lebih dari separuh baris ditolak pada ${m.rowsRead} baris pertama; periksa pemetaan kolom dan pemisah. Laporan: ${report.path}`,
          messageEn: `More than half of the first ${m.rowsRead} rows were rejected; check the column mapping and separator. Report: ${report.path}`,
        };
        break;
      }
    }
    await messages.return(undefined);
    summary.timings.waitingForParser = Math.round(spent.wait);
    summary.timings.writingRows = Math.round(spent.load);
    summary.rows.read = progress.rowsRead;
    summary.rows.accepted = accepted;
    summary.rows.rejected = rejected;
    summary.rejectedFraction = progress.rowsRead ? rejected / progress.rowsRead : 0;
    if (refusedEarly) return await refuse(ctx, snap, report, loader, summary, [refusedEarly], started);
    if (loader) await loader.finish();
    loader = null;
    lap('loading');

    progress.phase = 'indexing';
    input.onProgress?.(progress);
    await heartbeat(db, office.id, snapshotId, nowIso(), { rows_read: progress.rowsRead, bytes_read: info.size, phase: 'indexing' });
    // Both indexes at once (on PostgreSQL two connections build them in parallel).
    const kkIndexed = indexKk(db, table);
    kkIndexed.catch(() => undefined);
    const nikIndex = await indexNik(db, ctx.database.dialect, table);
    lap('indexNik');
    // Duplicate NIKs: the first row is kept, the later ones rejected (they count toward the threshold).
    const maxRejected = Math.floor(threshold * Math.max(1, progress.rowsRead));
    const dups = nikIndex.unique ? [] : await duplicateNiks(db, table, Math.max(0, maxRejected - rejected) + 1);
    const dupCount = dups.reduce((a, d) => a + d.n - 1, 0);
    if (rejected + dupCount <= maxRejected)
      for (const d of dups) {
        const dropped = await dropDuplicateRows(db, table, d.nik, d.keep);
        report.write(dropped.map((rowNo) => ({ rowNo, column: 'nomor_nik', reason: `NIK ganda: sudah tercantum di baris ${d.keep}`, reasonEn: `Duplicate NIK: already listed at row ${d.keep}` })));
      }
    summary.rows.duplicates = dupCount;
    lap('duplicates');
    summary.rows.rejected = rejected + dupCount;
    summary.rows.accepted = accepted - dupCount;
    summary.rejectedFraction = progress.rowsRead ? summary.rows.rejected / progress.rowsRead : 0;
    await kkIndexed;
    lap('indexKk');
    if (summary.rows.rejected > maxRejected)
      return await refuse(
        ctx,
        snap,
        report,
        null,
        summary,
        [
          {
            code: 'threshold-exceeded',
            message: `Impor ditolak seluruhnya: ${summary.rows.rejected} dari ${progress.rowsRead} baris (${(summary.rejectedFraction * 100).toFixed(2)}%) tidak sah, melebihi ambang ${(threshold * 100).toFixed(2)}%. Snapshot sebelumnya tetap berlaku. Lihat laporan baris yang ditolak.`,
            messageEn: `Import refused as a whole: ${summary.rows.rejected} of ${progress.rowsRead} rows (${(summary.rejectedFraction * 100).toFixed(2)}%) are invalid, beyond the ${(threshold * 100).toFixed(2)}% threshold. The previous snapshot stays current. See the rejected-rows report.`,
          },
        ],
        started,
      );
    if (summary.rows.accepted <= 0)
      return await refuse(ctx, snap, report, null, summary, [{ code: 'no-rows', message: 'Berkas tidak berisi satu baris data pun', messageEn: 'The file holds no data rows' }], started);
    progress.phase = 'comparing';
    input.onProgress?.(progress);
    await heartbeat(db, office.id, snapshotId, nowIso(), { rows_read: progress.rowsRead, bytes_read: info.size, phase: 'comparing' });
    const counting = countRows(db, table);
    counting.catch(() => undefined);
    const previous = await currentSnapshot(db, office.id);
    if (previous && (await rowTableExists(db, previous.tableName))) {
      const cmp = await compareRows(db, table, previous.tableName);
      const prevRows = previous.rowsAccepted ?? 0;
      summary.previousSnapshotId = previous.id;
      summary.rows.unchanged = cmp.unchanged;
      summary.rows.new = summary.rows.accepted - cmp.continuing;
      summary.rows.removed = Math.max(0, prevRows - cmp.continuing);
    }

    summary.rows.families = (await counting).families;
    lap('comparing');
    progress.phase = 'publishing';
    input.onProgress?.(progress);
    summary.reportPath = await report.close();
    summary.status = 'complete';
    summary.durationMs = Math.round(performance.now() - started);
    const publishedAt = nowIso();
    await ctx.database.write(async (trx) => {
      await publishSnapshot(
        trx,
        snap,
        {
          rows_read: progress.rowsRead,
          bytes_read: info.size,
          rows_accepted: summary.rows.accepted,
          rows_rejected: summary.rows.rejected,
          rows_unchanged: summary.rows.unchanged,
          report_path: summary.reportPath,
          summary,
        },
        publishedAt,
        { actor: input.actor.name, detail: { period, sha256: info.sha256, source: summary.sourceName, rows: summary.rows, previous: summary.previousSnapshotId } },
      );
      await releaseLock(trx, office.id, snapshotId);
    });
    lap('publishing');
    ctx.caches.registry.forgetCurrent(office.id);
    running.delete(snapshotId);
    progress.phase = 'done';
    input.onProgress?.(progress);
    // After publishing: proposals whose person now appears are confirmed (never undoes the import).
    try {
      summary.confirmedProposals = await confirmProposals(ctx, office.id, snapshotId);
      if (summary.confirmedProposals) await updateSnapshot(db, snapshotId, { summary });
    } catch (e) {
      process.emitWarning(`registry: confirming proposals failed: ${(e as Error).message}`);
    }
    return { ok: true, value: summary };
  } catch (e) {
    if (loader) await loader.abort().catch(() => undefined);
    if (created) await dropRowTable(db, table).catch(() => undefined);
    await updateSnapshot(db, snapshotId, { status: 'failed', phase: 'done', summary: { ...summary, status: 'failed', error: (e as Error).message } }).catch(() => undefined);
    await report.close().catch(() => undefined);
    throw e;
  } finally {
    running.delete(snapshotId);
    await releaseLock(db, office.id, snapshotId).catch(() => undefined);
  }
}

async function abandon(ctx: Ctx, snap: SnapshotRow, report: ReportWriter, loader: BulkLoader | null, status: 'failed' | 'refused', extra: Record<string, unknown>): Promise<void> {
  if (loader) await loader.abort().catch(() => undefined);
  await dropRowTable(ctx.database.db, snap.table_name);
  const path = await report.close();
  await updateSnapshot(ctx.database.db, snap.id, { status, phase: 'done', report_path: path, summary: { ...snap.summary, ...extra } });
}

async function refuse(ctx: Ctx, snap: SnapshotRow, report: ReportWriter, loader: BulkLoader | null, summary: ImportSummary, problems: Problem[], started: number): Promise<ImportResult> {
  if (loader) await loader.abort().catch(() => undefined);
  await dropRowTable(ctx.database.db, snap.table_name);
  summary.status = 'refused';
  summary.reportPath = await report.close();
  summary.durationMs = Math.round(performance.now() - started);
  await updateSnapshot(ctx.database.db, snap.id, {
    status: 'refused',
    phase: 'done',
    rows_read: summary.rows.read,
    rows_accepted: summary.rows.accepted,
    rows_rejected: summary.rows.rejected,
    report_path: summary.reportPath,
    summary: { ...summary, problems },
  });
  return refused(fail('invalid', ...problems), summary);
}
