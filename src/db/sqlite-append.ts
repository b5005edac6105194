/**
 * Durable appends to log tables on SQLite without blocking the event loop: a commit with
 * synchronous=FULL waits for an fsync (milliseconds on ordinary disks), and better-sqlite3 waits
 * synchronously, so a busy counter's access-log writes would stall every other request. A writer
 * thread with its own connection commits instead; the caller's promise resolves after the commit.
 * Rows that arrive while a commit is under way go together in the next one (group commit without
 * a timer). Main-connection transactions begin IMMEDIATE (dialect.ts), so the two writers queue on
 * SQLite's lock instead of failing on a stale read snapshot.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../io/start-worker.js';

export interface AppendRequest {
  id: number;
  table: string;
  columns: string[];
  rows: unknown[][];
}

export type AppendReply = { id: number; ok: true } | { id: number; ok: false; message: string; code: string | null };

interface Waiting {
  row: unknown[];
  resolve: () => void;
  reject: (e: Error) => void;
}

const TABLE = /^[a-z_][a-z0-9_]*$/;

export class SqliteAppender {
  private worker: Worker | null = null;
  private seq = 0;
  /** Per table and column list: rows waiting for the next group. */
  private queued = new Map<string, { table: string; columns: string[]; waiting: Waiting[] }>();
  private inFlight = new Map<number, Waiting[]>();
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly synchronous: 'FULL' | 'NORMAL',
  ) {}

  append(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error('database closed'));
    if (!TABLE.test(table)) return Promise.reject(new Error(`bad table name ${table}`));
    const columns = Object.keys(rows[0]!);
    for (const c of columns) if (!TABLE.test(c)) return Promise.reject(new Error(`bad column name ${c}`));
    const key = `${table}(${columns.join(',')})`;
    let q = this.queued.get(key);
    if (!q) {
      q = { table, columns, waiting: [] };
      this.queued.set(key, q);
    }
    const group = q;
    const promises = rows.map(
      (r) =>
        new Promise<void>((resolve, reject) => {
          group.waiting.push({ row: columns.map((c) => normalise(r[c])), resolve, reject });
        }),
    );
    // Nothing being committed: go now. Otherwise the rows join the group sent after that commit.
    if (!this.inFlight.size) this.send();
    return rows.length === 1 ? promises[0]! : Promise.all(promises).then(() => undefined);
  }

  /** Waits for everything sent and queued, then stops the thread. */
  async close(): Promise<void> {
    while (this.inFlight.size || [...this.queued.values()].some((q) => q.waiting.length)) {
      if (!this.inFlight.size) this.send();
      await new Promise((r) => setTimeout(r, 1));
    }
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private send(): void {
    for (const q of this.queued.values()) {
      if (!q.waiting.length) continue;
      const waiting = q.waiting.splice(0, 2000);
      const id = ++this.seq;
      this.inFlight.set(id, waiting);
      const w = this.ensureWorker();
      w.ref();
      w.postMessage({ id, table: q.table, columns: q.columns, rows: waiting.map((x) => x.row) } satisfies AppendRequest);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = startModuleWorker(import.meta.url, 'sqlite-append-worker', { workerData: { file: this.file, synchronous: this.synchronous } });
    w.on('message', (m: AppendReply) => {
      const waiting = this.inFlight.get(m.id);
      this.inFlight.delete(m.id);
      if (waiting) {
        if (m.ok) for (const x of waiting) x.resolve();
        else {
          const e = Object.assign(new Error(m.message), { code: m.code ?? undefined });
          for (const x of waiting) x.reject(e);
        }
      }
      if (this.queued.size && [...this.queued.values()].some((q) => q.waiting.length)) this.send();
      // An idle writer thread must not keep a command-line process alive.
      if (!this.inFlight.size) w.unref();
    });
    const fail = (e: Error) => {
      if (this.worker === w) this.worker = null;
      for (const waiting of this.inFlight.values()) for (const x of waiting) x.reject(e);
      this.inFlight.clear();
      // Rows queued behind the failed group go to a fresh thread.
      if (!this.closed && [...this.queued.values()].some((q) => q.waiting.length)) this.send();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (code !== 0 && !this.closed) fail(new Error(`writer thread exited with code ${code}`));
      else if (this.worker === w) this.worker = null;
    });
    this.worker = w;
    return w;
  }
}

/** What better-sqlite3 binds: booleans as 0/1, objects as JSON. */
function normalise(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object' && !(v instanceof Uint8Array)) return JSON.stringify(v);
  return v;
}
