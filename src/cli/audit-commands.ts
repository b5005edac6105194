/**
 * `sigap audit ...` commands. Returns an exit code, or null when the command is not ours.
 *
 *   sigap audit verify [--office <slug>]   checks the audit chain; exit 1 at the first broken link
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { openDatabase } from '../db/dialect.js';
import { verifyAudit, type ChainReport } from '../usecases/audit/verify-audit.js';

export const AUDIT_HELP = `  sigap audit verify [--office <slug>]
                                   periksa rantai hash jejak audit; keluar 1 bila putus
                                   check the audit trail's hash chain; exit 1 on a break
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
  let office: string | undefined;
  try {
    office = parseArgs({ args: rest, options: { office: { type: 'string' } } }).values.office;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\nPemakaian / usage:\n${AUDIT_HELP}`);
    return 2;
  }
  const database = openDatabase(config);
  try {
    const r = await verifyAudit({ database }, office === undefined ? {} : { office });
    if (!r.ok) {
      for (const p of r.error.problems) process.stderr.write(`${p.message} / ${p.messageEn}\n`);
      return 2;
    }
    for (const c of r.value) process.stdout.write(formatChainReport(c));
    const broken = r.value.filter((c) => c.broken);
    if (broken.length) {
      process.stdout.write(`Jejak audit RUSAK di ${broken.length} dari ${r.value.length} rantai / audit trail BROKEN in ${broken.length} of ${r.value.length} chains\n`);
      return 1;
    }
    process.stdout.write(
      `Jejak audit utuh: ${r.value.length} rantai; catat hash kepala di luar server untuk perbandingan berikutnya / audit trail intact: ${r.value.length} chains; note the head hashes outside the server to compare next time\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
