/**
 * Reading and checking an extract, batch by batch: the source is read (src/io/registry-file.ts),
 * its header resolved against the mapping, every row checked (src/domain/registry/row.ts) and the
 * accepted ones encoded as COPY text. Runs in a worker thread for big files (so parsing and
 * loading use both cores) or inline; both yield the same messages.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../io/start-worker.js';
import type { Problem } from '../../domain/errors.js';
import { resolveMapping, type MappingFile, type ResolvedMapping } from '../../domain/registry/columns.js';
import { checkRow, copyText, encodeRowTo, fastPlan, fastRowTo, mappedPositions, newEncoded, newMemo, newRecord, pushValues, type Rejection } from '../../domain/registry/row.js';
import { openSource, SourceError, splitLine, type SourceInfo } from '../../io/registry-file.js';

export interface ParseJob {
  info: SourceInfo;
  /**
   * copy: each batch as COPY text (PostgreSQL, or across threads); values: a flat array of
   * LOAD_COLUMNS values for a loader in the same thread (SQLite), with no text to build and re-read.
   */
  output: 'copy' | 'values';
  mapping: MappingFile | null;
  /** Import date in the office's zone, 'YYYY-MM-DD' (NIK century, dates in the future). */
  today: string;
  batchSize: number;
}

export type ParseMessage =
  | { type: 'header'; header: string[]; separator: string | null; mapping: ResolvedMapping }
  | { type: 'batch'; text: string; values: (string | number | null)[] | null; accepted: number; rejections: Rejection[]; rowsRead: number; bytesRead: number }
  | { type: 'end'; rowsRead: number; bytesRead: number }
  | { type: 'error'; problems: Problem[] };

const wrongColumnCount = (n: number, expected: number): [string, string] => [
  `jumlah kolom ${n}, seharusnya ${expected} (periksa pemisah dan tanda kutip)`,
  `${n} columns, expected ${expected} (check the separator and quotes)`,
];

/** The pipeline itself (no threads): header first, then batches, then end. */
export async function* parseBatches(job: ParseJob): AsyncGenerator<ParseMessage> {
  let source;
  try {
    source = await openSource(job.info, { encoding: job.mapping?.encoding, separator: job.mapping?.separator, sheet: job.mapping?.sheet, batchSize: job.batchSize });
  } catch (e) {
    if (e instanceof SourceError) {
      yield { type: 'error', problems: [{ code: e.code, message: e.messageId, messageEn: e.messageEn }] };
      return;
    }
    throw e;
  }
  const resolved = resolveMapping(source.header, job.mapping);
  if (!resolved.ok) {
    yield { type: 'error', problems: resolved.problems };
    return;
  }
  const map = resolved.value;
  yield { type: 'header', header: source.header, separator: source.separator, mapping: map };
  const rec = newRecord();
  const memo = newMemo();
  const expected = source.header.length;
  const positions = mappedPositions(map);
  const sep = source.separator ?? ',';
  const plan = job.info.kind === 'csv' ? fastPlan(map, sep) : null;
  const copy = job.output === 'copy';
  const enc = newEncoded();
  const today = job.today;
  let rowsRead = 0;
  let bytesRead = 0;
  try {
    for await (const b of source.batches) {
      const lines: string[] = [];
      const values: (string | number | null)[] = [];
      const rejections: Rejection[] = [];
      let accepted = 0;
      const rows = b.rows;
      for (let i = 0; i < rows.length; i++) {
        const rowNo = b.rowNos[i]!;
        let line = b.lines[i] ?? null;
        let cells = rows[i] ?? null;
        // Most rows of an extract are already in normal form: checked and kept without a split.
        if (line !== null && cells === null && plan && fastRowTo(enc, line, rowNo, plan, today, memo)) {
          if (copy) lines.push(copyText(enc));
          else pushValues(values, enc);
          accepted++;
          continue;
        }
        if (cells === null) {
          const [c, used] = splitLine(line!, sep, expected);
          cells = c;
          if (used !== sep) line = null;
        }
        if (job.info.kind === 'csv' && cells.length !== expected) {
          const [id, en] = wrongColumnCount(cells.length, expected);
          rejections.push({ rowNo, column: '*', reason: id, reasonEn: en });
          continue;
        }
        const rej = checkRow(cells, rowNo, map, today, rec, memo);
        if (rej) {
          for (const r of rej) rejections.push(r);
          continue;
        }
        encodeRowTo(enc, cells, line, sep, rec, positions, map.flags, copy);
        if (copy) lines.push(copyText(enc));
        else pushValues(values, enc);
        accepted++;
      }
      rowsRead += rows.length;
      bytesRead = b.bytesRead;
      yield { type: 'batch', text: lines.length ? lines.join('\n') + '\n' : '', values: copy ? null : values, accepted, rejections, rowsRead, bytesRead };
    }
  } catch (e) {
    if (e instanceof SourceError) {
      yield { type: 'error', problems: [{ code: e.code, message: e.messageId, messageEn: e.messageEn }] };
      return;
    }
    throw e;
  }
  yield { type: 'end', rowsRead, bytesRead: job.info.size };
}

/** The parse worker thread (compiled, or through tsx in development). */
function startWorker(job: ParseJob): Worker {
  return startModuleWorker(import.meta.url, 'parse-worker', {
    workerData: job,
    // A bounded heap: the worker holds a few batches at a time, and a small heap keeps the
    // import's memory flat for any file size.
    resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 },
  });
}

/** Files below this size are parsed inline: starting a worker costs more than it saves. */
export const WORKER_MIN_BYTES = 8 * 1024 * 1024;

/** Rows per batch: small enough to die young in the heap, big enough to amortise messages. */
export const BATCH_ROWS = 1000;

/**
 * Runs the pipeline in a worker thread, keeping at most `ahead` batches in flight (so memory stays
 * flat whatever the file size). Falls back to inline parsing when a worker cannot start.
 */
export async function* parseInWorker(job: ParseJob, ahead = 8): AsyncGenerator<ParseMessage> {
  let worker: Worker;
  try {
    worker = startWorker(job);
  } catch {
    yield* parseBatches(job);
    return;
  }
  const queue: ParseMessage[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  let exited = false;
  worker.on('message', (m: ParseMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', () => {
    exited = true;
    wake?.();
  });
  worker.postMessage({ credit: ahead });
  try {
    for (;;) {
      while (!queue.length && !failure && !exited) await new Promise<void>((r) => (wake = r));
      wake = null;
      const m = queue.shift();
      if (!m) {
        const why = (failure as Error | null)?.message ?? 'parse worker exited early';
        yield { type: 'error', problems: [{ code: 'parse-failed', message: `Pembacaan berkas terhenti: ${why}`, messageEn: `Reading the file stopped: ${why}` }] };
        return;
      }
      if (m.type === 'batch') worker.postMessage({ credit: 1 });
      yield m;
      if (m.type === 'end' || m.type === 'error') return;
    }
  } finally {
    await worker.terminate();
  }
}
