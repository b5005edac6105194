/**
 * `sigap audit ...` commands. Returns an exit code, or null when the command is not ours.
 *
 *   sigap audit verify [--office <slug>] [--noted <hash>...]
 *     checks the audit chain; exit 1 at the first broken link, or when a head hash noted earlier
 *     is no longer in any chain (the trail was rewritten whole)
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db/dialect.js';
import { verifyAudit, type ChainReport } from '../usecases/audit/verify-audit.js';

export const AUDIT_HELP = `  sigap audit verify [--office <slug>] [--noted <hash>]...
                                   periksa rantai hash jejak audit; keluar 1 bila putus atau bila
                                   hash kepala yang dicatat dulu tidak lagi ada di rantai
                                   check the audit trail's hash chain; exit 1 on a break or when a
                                   head hash noted earlier is no longer in the chain
`;

const chainName = (r: ChainReport) => `${r.office ?? '(tanpa kantor / no office)'} ${r.table}`;

/** One line per chain: intact with its row count and head hash (to note down), or where it breaks. */
export function formatChainReport(r: ChainReport): string {
  if (!r.broken) return `UTUH/INTACT  ${chainName(r)}: ${r.rows} baris/rows, hash kepala/head hash ${r.headHash ?? '—'}\n`;
  const b = r.broken;
  const where = b.rowId ? `baris/row ${b.rowId} (seq ${b.seq})` : 'akhir rantai/end of chain';
  return `PUTUS/BROKEN ${chainName(r)}: ${where}: ${b.message} / ${b.messageEn}\n`;
}

export async function auditCommand(argv: string[], config: Config): Promise<number | null> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') return null;
  let values: { office?: string; noted?: string[] };
  try {
    values = parseArgs({ args: rest, options: { office: { type: 'string' }, noted: { type: 'string', multiple: true } } }).values;
  } catch (e) {
    process.stderr.write(`Argumen tidak sah / invalid arguments: ${(e as Error).message}\nPemakaian / usage:\n${AUDIT_HELP}`);
    return 2;
  }
  const database = openDatabase(config);
  try {
    // A database not migrated to the chain (or not reachable) is a clear refusal, not a stack trace.
    const r = await verifyAudit({ database }, { ...(values.office === undefined ? {} : { office: values.office }), noted: values.noted ?? [] }).catch((e: unknown) => {
      process.stderr.write(`Jejak audit tidak dapat dibaca (jalankan sigap migrate?) / cannot read the audit trail (run sigap migrate?): ${(e as Error).message}\n`);
      return null;
    });
    if (!r) return 2;
    if (!r.ok) {
      for (const p of r.error.problems) process.stderr.write(`${p.message} / ${p.messageEn}\n`);
      return 2;
    }
    const { chains, lostAnchors } = r.value;
    for (const c of chains) process.stdout.write(formatChainReport(c));
    for (const h of lostAnchors)
      process.stdout.write(`PUTUS/BROKEN hash yang dicatat ${h} tidak lagi ada di rantai mana pun: jejak ditulis ulang / noted hash ${h} is no longer in any chain: the trail was rewritten\n`);
    const broken = chains.filter((c) => c.broken);
    if (broken.length || lostAnchors.length) {
      process.stdout.write(
        `Jejak audit RUSAK: ${broken.length} dari ${chains.length} rantai putus, ${lostAnchors.length} hash yang dicatat hilang / audit trail BROKEN: ${broken.length} of ${chains.length} chains broken, ${lostAnchors.length} noted hashes lost\n`,
      );
      return 1;
    }
    process.stdout.write(
      `Jejak audit utuh: ${chains.length} rantai; catat hash kepala di luar server untuk perbandingan berikutnya (--noted) / audit trail intact: ${chains.length} chains; note the head hashes outside the server to compare next time (--noted)\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
