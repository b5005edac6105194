/**
 * `sigap audit verify`: walks every office's audit and access-log chain and names the first row
 * where it stops holding, and the head hash each chain ends on (to note down or publish: an
 * anchor outside the database, docs/ARCHITECTURE.md "The audit chain").
 */
import { chainedOfficeKeys, chainHeads, chainPage, officeSlugs } from '../../db/audit-chain-repo.js';
import type { Database } from '../../db/dialect.js';
import { CHAINED_TABLES, ChainWalker, type ChainBreak, type ChainedTable } from '../../domain/audit-chain.js';
import { failWith, type Outcome } from '../../domain/errors.js';

export interface ChainReport {
  table: ChainedTable;
  /** The office's slug, or null for the rows without an office. */
  office: string | null;
  officeId: string | null;
  rows: number;
  /** The hash the chain head records (what to note down), or null if the chain has no head. */
  headHash: string | null;
  broken: ChainBreak | null;
  /** Which of the noted hashes this chain still passes through. */
  anchored: string[];
}

export interface AuditVerification {
  chains: ChainReport[];
  /**
   * Noted head hashes that no intact part of any chain passes through any more: the rows they
   * ended on were rewritten (with the chain made consistent again) or removed.
   */
  lostAnchors: string[];
}

const HASH = /^[0-9a-f]{64}$/;

const PAGE = 2000;

export async function verifyAudit(ctx: { database: Database }, opts: { office?: string; noted?: string[] } = {}): Promise<Outcome<AuditVerification>> {
  const q = ctx.database.db;
  const noted = new Set((opts.noted ?? []).map((h) => h.trim().toLowerCase()));
  const bad = [...noted].find((h) => !HASH.test(h));
  if (bad !== undefined)
    return failWith('invalid', 'bad-hash', `"${bad}" bukan hash SHA-256 (64 digit heksadesimal)`, `"${bad}" is not a SHA-256 hash (64 hexadecimal digits)`, 'noted');
  const slugs = await officeSlugs(q);
  let onlyId: string | null = null;
  if (opts.office !== undefined) {
    onlyId = [...slugs].find(([, slug]) => slug === opts.office)?.[0] ?? null;
    if (!onlyId) return failWith('not-found', 'office-not-found', `Kantor "${opts.office}" tidak ada`, `No office "${opts.office}"`, 'office');
  }
  const heads = await chainHeads(q);
  const reports: ChainReport[] = [];
  for (const table of CHAINED_TABLES) {
    // Chains known to the heads, and any office with rows but no head (its head deleted).
    const keys = new Set([...heads.filter((h) => h.chain === table).map((h) => h.officeKey), ...(await chainedOfficeKeys(q, table))]);
    const name = (key: string) => (key === '' ? '' : (slugs.get(key) ?? key));
    for (const key of [...keys].sort((a, b) => name(a).localeCompare(name(b)))) {
      if (onlyId !== null && key !== onlyId) continue;
      const walker = new ChainWalker(table, key, noted);
      let after = 0;
      for (;;) {
        const rows = await chainPage(q, table, key, after, PAGE);
        for (const r of rows) walker.next(r);
        if (rows.length < PAGE || walker.broken) break;
        after = rows[rows.length - 1]!.seq;
      }
      const head = heads.find((h) => h.chain === table && h.officeKey === key)?.head ?? null;
      const broken = walker.end(head);
      reports.push({ table, office: key === '' ? null : name(key), officeId: key === '' ? null : key, rows: walker.length, headHash: head?.headHash ?? null, broken, anchored: walker.anchored });
    }
  }
  const found = new Set(reports.flatMap((r) => r.anchored));
  return { ok: true, value: { chains: reports, lostAnchors: [...noted].filter((h) => !found.has(h)) } };
}
