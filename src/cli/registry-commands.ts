/**
 * `sigap registry ...` commands (docs/REGISTRY.md). Returns an exit code, or null when the command
 * is not ours.
 *
 *   sigap registry import <file> --office <slug> [--mapping <file>] [--period YYYY-MM]
 *                                [--as <username>] [--threshold 1%] [--json]
 *   sigap registry snapshots --office <slug>
 *   sigap registry lookup --office <slug> (--nik <nik> | --kk <kk>) --as <username> --reason <text>
 *   sigap registry sample --office <slug> --rows <n> --out <file> [--separator ;] [--encoding windows-1252] [--seed <n>]
 *   sigap registry cleanup --office <slug>
 */
import { createWriteStream } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { boot } from '../boot.js';
import type { Config } from '../config.js';
import { listSnapshots } from '../db/registry-repo.js';
import { findUserByUsername, toStaff } from '../db/staff-repo.js';
import { parseMapping, type MappingFile } from '../domain/registry/columns.js';
import { parseThreshold } from '../domain/registry/inputs.js';
import { csvLine, SAMPLE_HEADER, sampleRows } from '../domain/registry/sample.js';
import { formatProblem } from '../domain/standards/validate.js';
import { readMappingValue } from '../io/registry-file.js';
import type { Actor, Ctx } from '../usecases/context.js';
import { cleanupDeadImports } from '../usecases/registry/clean-up-imports.js';
import { importRegistry, type ImportProgress } from '../usecases/registry/import-registry.js';
import { lookupRegistry } from '../usecases/registry/lookup-registry.js';
import { snapshotView } from '../usecases/registry/snapshots.js';

const USAGE = `sigap registry — registri DTKS/DTSEN / the DTKS/DTSEN registry

  sigap registry import <berkas.csv|xlsx> --office <slug> [--mapping <berkas.yaml|json>] [--period YYYY-MM]
                        [--as <nama-pengguna>] [--threshold 1%] [--json]
  sigap registry snapshots --office <slug>
  sigap registry lookup --office <slug> (--nik <NIK> | --kk <No KK>) --as <nama-pengguna> --reason <keperluan>
  sigap registry sample --office <slug> --rows <n> --out <berkas.csv> [--separator ";"] [--encoding windows-1252] [--seed <n>]
  sigap registry cleanup --office <slug>
`;

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');

const fmtInt = (n: number) => Math.round(n).toLocaleString('id-ID');
function fmtSecs(s: number | null): string {
  if (s === null || !Number.isFinite(s)) return '--:--';
  const t = Math.round(s);
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
}

const PHASE: Record<string, string> = { hashing: 'memeriksa berkas', loading: 'memuat', indexing: 'mengindeks', comparing: 'membandingkan', publishing: 'menerbitkan', done: 'selesai' };

/** A progress bar (rows/s, ETA) on a terminal; plain lines every few seconds otherwise. */
function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; done(): void } {
  const tty = !!stream.isTTY;
  let last = 0;
  let lastPhase = '';
  let drawn = false;
  return {
    update(p) {
      const now = Date.now();
      const phaseChanged = p.phase !== lastPhase;
      if (!phaseChanged && now - last < (tty ? 120 : 2000)) return;
      last = now;
      lastPhase = p.phase;
      const frac = p.totalBytes ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
      const pct = `${(frac * 100).toFixed(0).padStart(3)}%`;
      if (tty) {
        const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 70));
        const filled = Math.round(frac * width);
        const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
        const text =
          p.phase === 'loading'
            ? `${bar} ${pct} ${fmtInt(p.rowsRead)} baris · ${fmtInt(p.rate)} baris/dtk · sisa ${fmtSecs(p.etaSeconds)} · ditolak ${fmtInt(p.rejected)}`
            : `${bar} ${pct} ${PHASE[p.phase] ?? p.phase}…`;
        stream.write(`\r\x1b[2K${text}`);
        drawn = true;
      } else if (p.phase === 'loading')
        stream.write(`impor: ${pct.trim()} ${p.rowsRead} baris, ${Math.round(p.rate)} baris/dtk, sisa ~${fmtSecs(p.etaSeconds)}, ditolak ${p.rejected}\n`);
      else stream.write(`impor: ${PHASE[p.phase] ?? p.phase}\n`);
    },
    done() {
      if (tty && drawn) stream.write('\n');
    },
  };
}

/** Boots the product for a command, or prints why the standards refuse to load (also `sigap signing`). */
export async function bootCtx(config: Config): Promise<Ctx | null> {
  const booted = await boot({ ...config, demo: false, actor: 'cli' });
  if (!booted.ok) {
    for (const p of booted.problems) err(formatProblem(p));
    await booted.database.close();
    return null;
  }
  return booted.ctx;
}

async function actorFor(ctx: Ctx, officeSlug: string, username: string | undefined): Promise<Actor | string> {
  const office = ctx.catalogue.office(officeSlug);
  if (!office) return `Kantor tidak ditemukan / office not found: ${officeSlug}`;
  if (!username) return { id: null, name: `CLI (${userInfo().username})`, roles: [], officeId: office.id };
  const row = await findUserByUsername(ctx.database.db, username.toLowerCase());
  if (!row || row.active !== 1) return `Pengguna tidak ditemukan / user not found: ${username}`;
  const u = toStaff(row);
  if (u.officeId !== office.id) return `Pengguna ${username} bukan petugas ${officeSlug} / not staff of ${officeSlug}`;
  return { id: u.id, name: `${u.displayName} (CLI)`, roles: u.roles, officeId: u.officeId };
}

async function importCommand(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { office: { type: 'string' }, mapping: { type: 'string' }, period: { type: 'string' }, as: { type: 'string' }, threshold: { type: 'string' }, json: { type: 'boolean' } },
  });
  const file = positionals[0];
  if (!file || !values.office) {
    err('Wajib / required: sigap registry import <berkas> --office <slug>\n\n' + USAGE);
    return 2;
  }
  let threshold: number | undefined;
  if (values.threshold !== undefined) {
    const t = parseThreshold(values.threshold);
    if (t === null) {
      err('--threshold: pecahan 0–1 atau persen, mis. 1% / a fraction 0–1 or a percentage, e.g. 1%');
      return 2;
    }
    threshold = t;
  }
  let mapping: MappingFile | null = null;
  if (values.mapping) {
    const v = await readMappingValue(values.mapping);
    if (!v.ok) {
      err(`${v.message} / ${v.messageEn}`);
      return 2;
    }
    const m = parseMapping(v.value);
    if (!m.ok) {
      for (const p of m.problems) err(`${values.mapping}: ${p.message} / ${p.messageEn}`);
      return 2;
    }
    mapping = m.value;
  }
  const ctx = await bootCtx(config);
  if (!ctx) return 1;
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    err('\nMembatalkan impor… (Ctrl-C lagi untuk keluar paksa) / cancelling… (Ctrl-C again to force)');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const actor = await actorFor(ctx, values.office, values.as);
    if (typeof actor === 'string') {
      err(actor);
      return 1;
    }
    const printer = progressPrinter();
    const r = await importRegistry(ctx, {
      office: values.office,
      file,
      period: values.period,
      mapping,
      threshold,
      actor,
      databaseUrl: config.databaseUrl,
      onProgress: (p) => printer.update(p),
      signal: controller.signal,
    });
    printer.done();
    const s = r.ok ? r.value : r.summary;
    const proc = { maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
    if (values.json) out(JSON.stringify(r.ok ? { ...r.value, process: proc } : { problems: r.error.problems, summary: r.summary ?? null, process: proc }, null, 2));
    if (!r.ok) {
      for (const p of r.error.problems) err(`DITOLAK / REFUSED [${p.code}] ${p.message}\n  ${p.messageEn}`);
      if (s?.reportPath) err(`Laporan baris ditolak / rejected-rows report: ${s.reportPath}`);
      return 1;
    }
    const v = r.value;
    if (!values.json) {
      if (v.status === 'noop') {
        out(`Tidak ada perubahan: berkas yang sama (SHA-256 ${v.sha256.slice(0, 16)}…) sudah menjadi snapshot ${v.period} yang berlaku (${v.snapshotId}). / No-op: the same file is already current.`);
        return 0;
      }
      out(
        [
          `Snapshot ${v.period} diterbitkan / published: ${v.snapshotId}`,
          `  berkas / file: ${v.sourceName} (${v.kind}${v.encoding ? `, ${v.encoding}` : ''}${v.separator ? `, pemisah "${v.separator === '\t' ? 'TAB' : v.separator}"` : ''}), SHA-256 ${v.sha256}`,
          `  baris dibaca / rows read: ${fmtInt(v.rows.read)}`,
          `  diterima / accepted: ${fmtInt(v.rows.accepted)} (${fmtInt(v.rows.families)} keluarga / families)`,
          `  ditolak / rejected: ${fmtInt(v.rows.rejected)} (${(v.rejectedFraction * 100).toFixed(2)}%, ambang / threshold ${(v.threshold * 100).toFixed(2)}%; NIK ganda / duplicate NIKs ${fmtInt(v.rows.duplicates)})`,
          v.rows.unchanged !== null
            ? `  dibanding snapshot sebelumnya / versus the previous snapshot: ${fmtInt(v.rows.unchanged)} tidak berubah / unchanged, ${fmtInt(v.rows.new ?? 0)} baru / new, ${fmtInt(v.rows.removed ?? 0)} keluar / removed`
            : '  snapshot pertama kantor ini / first snapshot of this office',
          v.unusedColumns.length ? `  kolom tidak dipetakan (tetap disimpan) / unmapped columns (kept): ${v.unusedColumns.join(', ')}` : '',
          v.confirmedProposals ? `  usulan terkonfirmasi / proposals confirmed: ${v.confirmedProposals}` : '',
          v.reportPath ? `  laporan baris ditolak / rejected-rows report: ${v.reportPath}` : '',
          `  waktu / time: ${(v.durationMs / 1000).toFixed(1)} dtk, ${fmtInt(v.rows.read / Math.max(0.001, v.durationMs / 1000))} baris/dtk`,
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await ctx.database.close();
  }
}

type OfficeEntry = NonNullable<ReturnType<Ctx['catalogue']['office']>>;

/** The frame of a per-office command: boot, find the office, run, close the database. */
async function withOffice(config: Config, slug: string | undefined, run: (ctx: Ctx, office: OfficeEntry) => Promise<number>): Promise<number> {
  if (!slug) {
    err('Wajib / required: --office <slug>');
    return 2;
  }
  const ctx = await bootCtx(config);
  if (!ctx) return 1;
  try {
    const office = ctx.catalogue.office(slug);
    if (!office) {
      err(`Kantor tidak ditemukan / office not found: ${slug}`);
      return 1;
    }
    return await run(ctx, office);
  } finally {
    await ctx.database.close();
  }
}

async function snapshotsCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { office: { type: 'string' }, json: { type: 'boolean' } } });
  return withOffice(config, values.office, async (ctx, office) => {
    const rows = await listSnapshots(ctx.database.db, office.id, 200);
    if (values.json) {
      out(JSON.stringify(rows.map(snapshotView), null, 2));
      return 0;
    }
    if (!rows.length) out('Belum ada snapshot / no snapshots yet');
    for (const r of rows)
      out(
        `${r.current ? '*' : ' '} ${r.period} ${r.status.padEnd(9)} ${r.id} ${String(r.rowsAccepted ?? r.rowsRead).padStart(9)} baris  ${r.startedAt}  ${r.importerName}  ${r.sourceName ?? ''} ${r.sourceSha256.slice(0, 12)}`,
      );
    return 0;
  });
}

async function lookupCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { office: { type: 'string' }, nik: { type: 'string' }, kk: { type: 'string' }, as: { type: 'string' }, reason: { type: 'string' }, application: { type: 'string' }, 'as-of': { type: 'string' } } });
  if (!values.office || !values.as || (!values.nik && !values.kk)) {
    err('Wajib / required: --office --as <nama-pengguna> (--nik | --kk) --reason <keperluan>');
    return 2;
  }
  const ctx = await bootCtx(config);
  if (!ctx) return 1;
  try {
    const actor = await actorFor(ctx, values.office, values.as);
    if (typeof actor === 'string') {
      err(actor);
      return 1;
    }
    const r = await lookupRegistry(ctx, actor, { nik: values.nik, kk: values.kk, reason: values.reason, application: values.application, asOf: values['as-of'] });
    if (!r.ok) {
      for (const p of r.error.problems) err(`[${p.code}] ${p.message} / ${p.messageEn}`);
      return 1;
    }
    out(JSON.stringify(r.value, null, 2));
    return 0;
  } finally {
    await ctx.database.close();
  }
}

async function sampleCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { office: { type: 'string' }, rows: { type: 'string' }, out: { type: 'string' }, separator: { type: 'string' }, encoding: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' } } });
  const rows = Number(values.rows);
  if (!values.office || !values.out || !Number.isInteger(rows) || rows < 1) {
    err('Wajib / required: --office <slug> --rows <n> --out <berkas.csv>');
    return 2;
  }
  const sep = values.separator === 'tab' ? '\t' : (values.separator ?? ',');
  if (![',', ';', '|', '\t'].includes(sep)) {
    err('--separator: , ; | atau tab');
    return 2;
  }
  const cp1252 = values.encoding === 'windows-1252';
  const stream = createWriteStream(values.out);
  const write = async (s: string) => {
    if (!stream.write(cp1252 ? iconv.encode(s, 'windows1252') : s)) await new Promise<void>((r) => stream.once('drain', r));
  };
  let buf = csvLine(SAMPLE_HEADER, sep) + '\n';
  for (const r of sampleRows(rows, { office: values.office, seed: values.seed ? Number(values.seed) : undefined, today: values.today })) {
    buf += csvLine(r, sep) + '\n';
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  out(`${rows} baris contoh ditulis ke / sample rows written to ${values.out}`);
  return 0;
}

async function cleanupCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({ args, options: { office: { type: 'string' } } });
  return withOffice(config, values.office, async (ctx, office) => {
    const cleaned = await cleanupDeadImports(ctx, office.id, null);
    out(`${cleaned.length} impor mati dibersihkan / dead imports cleaned up${cleaned.length ? `: ${cleaned.join(', ')}` : ''}`);
    return 0;
  });
}

export async function registryCommand(argv: string[], config: Config): Promise<number | null> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'import':
      return importCommand(rest, config);
    case 'snapshots':
      return snapshotsCommand(rest, config);
    case 'lookup':
      return lookupCommand(rest, config);
    case 'sample':
      return sampleCommand(rest);
    case 'cleanup':
      return cleanupCommand(rest, config);
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return sub === undefined ? 2 : 0;
    default:
      return null;
  }
}
