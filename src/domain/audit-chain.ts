/**
 * The tamper-evident audit trail's arithmetic (docs/ARCHITECTURE.md, "The audit chain"): every
 * row of a chained table carries the hash of the office's previous row, so an edited, deleted,
 * moved or slipped-in row breaks the chain where it happened. Pure: the repository, the SQLite
 * writer thread, the migration and `sigap audit verify` all hash through this one function.
 */
import { createHash } from 'node:crypto';

/** The tables whose rows are chained, per office (office_id; the null office has a chain of its own). */
export const CHAINED_TABLES = ['audit_events', 'registry_access_log', 'data_access_log'] as const;
export type ChainedTable = (typeof CHAINED_TABLES)[number];

export const isChainedTable = (table: string): table is ChainedTable => (CHAINED_TABLES as readonly string[]).includes(table);

/** `prev_hash` of an office's first row. */
export const GENESIS = '0'.repeat(64);

/** Columns that are not content: the position, and the chain itself. */
const NOT_CONTENT = new Set(['seq', 'prev_hash', 'hash']);

/** The chain key of a row's office: rows without an office form the '' chain. */
export const officeKey = (officeId: string | null | undefined): string => officeId ?? '';

/**
 * Canonical encoding of a row: the table, the previous hash, and every content column with a
 * value, sorted by name. Null columns are left out, so a nullable column added later does not
 * change the hash of rows written before it existed; the table name keeps a row from being moved
 * to another chained table. Booleans count as 0/1, as the databases store them.
 */
export function canonicalRow(table: string, row: Record<string, unknown>, prevHash: string): string {
  const fields: [string, string | number][] = [];
  for (const k of Object.keys(row).sort()) {
    if (NOT_CONTENT.has(k)) continue;
    const v = row[k];
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') fields.push([k, v ? 1 : 0]);
    else if (typeof v === 'number' || typeof v === 'string') fields.push([k, v]);
    else if (typeof v === 'bigint') fields.push([k, Number(v)]);
    else throw new Error(`audit chain: column ${k} of ${table} is neither text nor a number`);
  }
  return JSON.stringify([table, prevHash, fields]);
}

/** SHA-256 (hex) of the row's canonical encoding together with the previous row's hash. */
export function rowHash(table: string, row: Record<string, unknown>, prevHash: string): string {
  return createHash('sha256').update(canonicalRow(table, row, prevHash), 'utf8').digest('hex');
}

/** What `audit verify` found wrong, at the first row where the chain stops holding. */
export type ChainBreakKind = 'altered' | 'link' | 'unchained' | 'head-behind' | 'head-ahead' | 'no-head';

export interface ChainBreak {
  table: string;
  officeKey: string;
  kind: ChainBreakKind;
  /** The row where the break shows (null when rows are missing after the last one). */
  rowId: string | null;
  seq: number | null;
  message: string;
  messageEn: string;
}

export interface ChainHead {
  rowCount: number;
  headHash: string;
}

/**
 * Walks one office's chain in `seq` order. Feed rows with `next`, then `end` with the chain head
 * (null if there is none); the first break is kept and later rows are not judged (they are read
 * against a chain that no longer holds).
 */
export class ChainWalker {
  private expected = GENESIS;
  private count = 0;
  private lastId: string | null = null;
  private lastSeq: number | null = null;
  broken: ChainBreak | null = null;
  /** Noted head hashes (anchors) the chain was found to pass through, up to its first break. */
  readonly anchored: string[] = [];

  constructor(
    readonly table: string,
    readonly officeKey: string,
    private readonly noted: ReadonlySet<string> = new Set(),
  ) {}

  private fail(kind: ChainBreakKind, row: { id: string; seq: number } | null, message: string, messageEn: string): void {
    this.broken ??= { table: this.table, officeKey: this.officeKey, kind, rowId: row?.id ?? null, seq: row?.seq ?? null, message, messageEn };
  }

  next(row: Record<string, unknown> & { id: string; seq: number; prev_hash: string | null; hash: string | null }): void {
    if (this.broken) return;
    this.count++;
    if (!row.hash || !row.prev_hash)
      return this.fail('unchained', row, 'baris tanpa hash rantai (ditulis di luar jalur audit)', 'row without a chain hash (written outside the audit path)');
    if (row.prev_hash !== this.expected)
      return this.fail(
        'link',
        row,
        'hash sebelumnya tidak cocok: baris sebelumnya hilang, dipindah, atau disisipkan',
        'previous hash does not match: a row before it was deleted, moved or inserted',
      );
    if (rowHash(this.table, row, row.prev_hash) !== row.hash)
      return this.fail('altered', row, 'isi baris tidak cocok dengan hash-nya: baris diubah', "the row's content does not match its hash: the row was edited");
    this.expected = row.hash;
    if (this.noted.has(row.hash)) this.anchored.push(row.hash);
    this.lastId = row.id;
    this.lastSeq = row.seq;
  }

  end(head: ChainHead | null): ChainBreak | null {
    if (this.broken) return this.broken;
    if (!head) {
      if (this.count > 0) this.fail('no-head', { id: this.lastId!, seq: this.lastSeq! }, 'rantai tanpa kepala rantai (audit_chain_heads)', 'chain without a chain head (audit_chain_heads)');
      return this.broken;
    }
    if (this.count < head.rowCount)
      this.fail(
        'head-behind',
        this.lastId ? { id: this.lastId, seq: this.lastSeq! } : null,
        `${head.rowCount - this.count} baris terakhir hilang: kepala rantai mencatat ${head.rowCount} baris`,
        `the last ${head.rowCount - this.count} row(s) are missing: the chain head records ${head.rowCount} rows`,
      );
    else if (this.count > head.rowCount || head.headHash !== this.expected)
      this.fail(
        'head-ahead',
        this.lastId ? { id: this.lastId, seq: this.lastSeq! } : null,
        `baris terakhir tidak sesuai kepala rantai (${head.rowCount} baris, ${head.headHash.slice(0, 12)}…): baris ditambahkan di luar jalur audit`,
        `the last row does not match the chain head (${head.rowCount} rows, ${head.headHash.slice(0, 12)}…): a row was added outside the audit path`,
      );
    return this.broken;
  }

  /** Rows walked so far, and the hash the chain ends on. */
  get length(): number {
    return this.count;
  }
  get lastHash(): string {
    return this.expected;
  }
}
