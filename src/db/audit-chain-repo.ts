/**
 * The one way rows enter the chained audit tables (audit_events, registry_access_log): each row
 * takes the office's chain head under a lock, carries its hash, and moves the head on, in the
 * same transaction, so concurrent appends for one office queue instead of forking the chain.
 */
import type { Kysely, Transaction } from 'kysely';
import { GENESIS, officeKey, rowHash, type ChainHead, type ChainedTable } from '../domain/audit-chain.js';
import type { DB } from './schema.js';
import { newLogId } from './log-ids.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Runs `fn` in `q`'s transaction, or in a new one when `q` is not a transaction. */
function inTransaction<T>(q: Q, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return q.isTransaction ? fn(q as Transaction<DB>) : q.transaction().execute(fn);
}

/**
 * Takes the chain head's row lock and reads it: the upsert creates the head on an office's first
 * row and otherwise rewrites it unchanged, which on PostgreSQL locks the row until the commit (a
 * concurrent append waits, then reads the head it left); on SQLite every writing transaction
 * already holds the database's write lock (BEGIN IMMEDIATE).
 */
async function lockHead(trx: Transaction<DB>, chain: ChainedTable, key: string): Promise<ChainHead> {
  const r = await trx
    .insertInto('audit_chain_heads')
    .values({ chain, office_key: key, row_count: 0, head_hash: GENESIS })
    .onConflict((oc) => oc.columns(['chain', 'office_key']).doUpdateSet((eb) => ({ row_count: eb.ref('audit_chain_heads.row_count') })))
    .returning(['row_count', 'head_hash'])
    .executeTakeFirstOrThrow();
  return { rowCount: Number(r.row_count), headHash: r.head_hash };
}

/**
 * Appends rows (without seq, prev_hash, hash) to a chained table, each linked to its office's
 * previous row. Rows of one office are chained in the order given; each office's head is locked
 * once, its rows go in one statement and the head moves once (a group commit's rows cost one
 * round trip each per office, not three per row). Offices are taken in key order, so concurrent
 * groups lock heads in the same order.
 */
export async function insertChained(q: Q, table: ChainedTable, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const byOffice = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = officeKey(row.office_id as string | null | undefined);
    const list = byOffice.get(key);
    if (list) list.push(row);
    else byOffice.set(key, [row]);
  }
  await inTransaction(q, async (trx) => {
    for (const key of [...byOffice.keys()].sort()) {
      const head = await lockHead(trx, table, key);
      let prev = head.headHash;
      const linked: Record<string, unknown>[] = [];
      for (const row of byOffice.get(key)!) {
        const hash = rowHash(table, row, prev);
        linked.push({ ...row, prev_hash: prev, hash });
        prev = hash;
      }
      // Bounded statements: both dialects cap bound parameters (SQLite 32,766).
      for (let i = 0; i < linked.length; i += 200) await trx.insertInto(table).values(linked.slice(i, i + 200) as never).execute();
      await trx.updateTable('audit_chain_heads').set({ row_count: head.rowCount + linked.length, head_hash: prev }).where('chain', '=', table).where('office_key', '=', key).execute();
    }
  });
}

export interface NewAuditEvent {
  officeId: string | null;
  actor: string;
  action: string;
  subject: string;
  /** Stored as JSON. */
  detail: Record<string, unknown>;
  at: string;
}

/** One row in the office's audit trail, chained. Inside `q`'s transaction when it is one. */
export async function insertAuditEvent(q: Q, a: NewAuditEvent): Promise<void> {
  await insertChained(q, 'audit_events', [{ id: newLogId(), office_id: a.officeId, actor: a.actor, action: a.action, subject: a.subject, detail: JSON.stringify(a.detail), at: a.at }]);
}

/* ---------- verification ---------- */

/** Every chain head: which chains exist, and where each should end. */
export async function chainHeads(q: Q): Promise<{ chain: string; officeKey: string; head: ChainHead }[]> {
  const rows = await q.selectFrom('audit_chain_heads').selectAll().orderBy('chain').orderBy('office_key').execute();
  return rows.map((r) => ({ chain: r.chain, officeKey: r.office_key, head: { rowCount: Number(r.row_count), headHash: r.head_hash } }));
}

/** The offices that have chained rows, by chain (a table edited behind the head's back may have rows without a head). */
export async function chainedOfficeKeys(q: Q, table: ChainedTable): Promise<string[]> {
  const rows = await q.selectFrom(table).select('office_id').distinct().execute();
  return rows.map((r) => officeKey(r.office_id));
}

/** A page of one office's chain in order, after `afterSeq`. */
export async function chainPage(q: Q, table: ChainedTable, key: string, afterSeq: number, limit: number): Promise<(Record<string, unknown> & { id: string; seq: number; prev_hash: string | null; hash: string | null })[]> {
  // selectAll: the hash covers every content column, including ones added after this was written.
  let s = q.selectFrom(table).selectAll().where('seq', '>', afterSeq);
  s = key === '' ? s.where('office_id', 'is', null) : s.where('office_id', '=', key);
  const rows = await s.orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ ...(r as Record<string, unknown>), seq: Number(r.seq) }) as Record<string, unknown> & { id: string; seq: number; prev_hash: string | null; hash: string | null });
}

/** Office slugs by id, to name chains in reports. */
export async function officeSlugs(q: Q): Promise<Map<string, string>> {
  return new Map((await q.selectFrom('offices').select(['id', 'slug']).execute()).map((r) => [r.id, r.slug]));
}
