/**
 * Writer thread for append-only tables on SQLite (see sqlite-append.ts): its own connection to the
 * database file, one IMMEDIATE transaction per group of rows, answered after the commit.
 */
import SQLite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendReply, AppendRequest } from './sqlite-append.js';

const { file, synchronous } = workerData as { file: string; synchronous: 'FULL' | 'NORMAL' };
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('busy_timeout = 10000');
const statements = new Map<string, SQLite.Statement>();

const insertAll = db.transaction((req: AppendRequest) => {
  const key = `${req.table}(${req.columns.join(',')})`;
  let stmt = statements.get(key);
  if (!stmt) {
    stmt = db.prepare(`INSERT INTO "${req.table}" (${req.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${req.columns.map(() => '?').join(', ')})`);
    statements.set(key, stmt);
  }
  for (const row of req.rows) stmt.run(row);
});

parentPort!.on('message', (req: AppendRequest) => {
  let reply: AppendReply;
  try {
    insertAll.immediate(req);
    reply = { id: req.id, ok: true };
  } catch (e) {
    const err = e as { message?: string; code?: string };
    reply = { id: req.id, ok: false, message: err.message ?? String(e), code: err.code ?? null };
  }
  parentPort!.postMessage(reply);
});
