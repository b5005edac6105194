/**
 * Writer thread for append-only tables on SQLite (see sqlite-append.ts): its own connection to the
 * database file, one IMMEDIATE transaction per group of rows, answered after the commit. Rows of
 * chained tables (domain/audit-chain.ts) are linked here, inside that transaction, which holds the
 * database's write lock: the same steps as db/audit-chain-repo.ts, in this connection's SQL.
 */
import SQLite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { GENESIS, isChainedTable, officeKey, rowHash } from '../domain/audit-chain.js';
import type { AppendReply, AppendRequest } from './sqlite-append.js';

const { file, synchronous } = workerData as { file: string; synchronous: 'FULL' | 'NORMAL' };
const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma(`synchronous = ${synchronous}`);
db.pragma('busy_timeout = 10000');
const statements = new Map<string, SQLite.Statement>();

const statement = (sql: string): SQLite.Statement => {
  let stmt = statements.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    statements.set(sql, stmt);
  }
  return stmt;
};
const insertSql = (table: string, columns: string[]) => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

const insertAll = db.transaction((req: AppendRequest) => {
  if (!isChainedTable(req.table)) {
    const stmt = statement(insertSql(req.table, req.columns));
    for (const row of req.rows) stmt.run(row);
    return;
  }
  const insert = statement(insertSql(req.table, [...req.columns, 'prev_hash', 'hash']));
  const lockHead = statement(
    'INSERT INTO audit_chain_heads (chain, office_key, row_count, head_hash) VALUES (?, ?, 0, ?) ON CONFLICT (chain, office_key) DO UPDATE SET row_count = audit_chain_heads.row_count RETURNING row_count, head_hash',
  );
  const officeAt = req.columns.indexOf('office_id');
  const moveHead = statement('UPDATE audit_chain_heads SET row_count = ?, head_hash = ? WHERE chain = ? AND office_key = ?');
  // One head lock and one head move per office and group (as insertChained does on PostgreSQL);
  // rows keep their arrival order within their office's chain.
  const byOffice = new Map<string, unknown[][]>();
  for (const values of req.rows) {
    const key = officeKey(values[officeAt] as string | null);
    const list = byOffice.get(key);
    if (list) list.push(values);
    else byOffice.set(key, [values]);
  }
  for (const [key, rows] of byOffice) {
    const head = lockHead.get(req.table, key, GENESIS) as { row_count: number; head_hash: string };
    let prev = head.head_hash;
    for (const values of rows) {
      const hash = rowHash(req.table, Object.fromEntries(req.columns.map((c, i) => [c, values[i]])), prev);
      insert.run([...values, prev, hash]);
      prev = hash;
    }
    moveHead.run(head.row_count + rows.length, prev, req.table, key);
  }
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
