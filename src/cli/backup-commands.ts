/**
 * `sigap backup <dir>` and `sigap restore <dir>` (docs/OPERATIONS.md). Returns an exit code, or
 * null when the command is not ours. Neither boots the product: a backup only reads, and a restore
 * must find its database empty, untouched by migrations.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from '../db/dialect.js';
import type { Failure } from '../domain/errors.js';
import { restoreBackup } from '../usecases/backup/restore-backup.js';
import { takeBackup } from '../usecases/backup/take-backup.js';

const USAGE = `sigap backup <folder-baru>    salinan lengkap saat server berjalan / a consistent copy while the server runs
sigap restore <folder>        pulihkan ke DATA_DIR (dan DATABASE_URL) yang kosong / restore into an empty DATA_DIR (and DATABASE_URL)
`;

const err = (s: string) => process.stderr.write(s.endsWith('\n') ? s : s + '\n');
const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : s + '\n');
const report = (f: Failure) => f.problems.forEach((p) => err(`${p.message}\n${p.messageEn}`));

function sigapVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** Where the configured database is, without opening (and so creating) a SQLite file. */
function locationOf(config: Config): Database['location'] {
  const url = config.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : resolve(config.dataDir, 'sigap.db') };
}

export async function backupCommand(argv: string[], config: Config): Promise<number | null> {
  const [cmd, dirArg] = argv;
  if (cmd !== 'backup' && cmd !== 'restore') return null;
  if (!dirArg || dirArg.startsWith('-')) {
    err(`Wajib / required: sigap ${cmd} <folder>\n\n${USAGE}`);
    return 2;
  }
  try {
    return await run(cmd, resolve(dirArg), config);
  } catch (e) {
    // An unreachable database, a full disk: said plainly, without a stack trace.
    const why = e instanceof Error ? e.message : String(e);
    err(cmd === 'backup' ? `Pencadangan gagal / backup failed: ${why}` : `Pemulihan gagal / restore failed: ${why}`);
    return 1;
  }
}

async function run(cmd: 'backup' | 'restore', dir: string, config: Config): Promise<number> {
  if (cmd === 'backup') {
    const r = await takeBackup({ location: locationOf(config), dataDir: config.dataDir, filesDir: config.filesDir, sigapVersion: sigapVersion() }, dir);
    if (!r.ok) {
      report(r.error);
      return 1;
    }
    const m = r.value;
    out(`Cadangan selesai / backup done: ${dir}`);
    out(`  basis data / database: ${m.database.dialect}, skema / schema ${m.database.schemaVersion ?? '—'}, sha256 ${m.database.sha256}`);
    out(`  berkas / files: ${m.files.length}; keadaan per / as of ${m.snapshotAt}`);
    if (m.missing.length) {
      err(`PERINGATAN: ${m.missing.length} berkas yang dirujuk basis data tidak ada di ${config.dataDir} (tercatat di manifest.json "missing"):`);
      err(`WARNING: ${m.missing.length} files the database refers to are not in ${config.dataDir} (listed in manifest.json "missing"):`);
      for (const p of m.missing.slice(0, 20)) err(`  ${p}`);
      return 1;
    }
    return 0;
  }
  const r = await restoreBackup(dir, { databaseUrl: config.databaseUrl, dataDir: config.dataDir, filesDir: config.filesDir });
  if (!r.ok) {
    report(r.error);
    return 1;
  }
  out(`Dipulihkan / restored: ${r.value.database}, ${r.value.files} berkas / files ke / into ${config.dataDir}`);
  out(`  keadaan per / as of ${r.value.manifest.snapshotAt} (Sigap ${r.value.manifest.sigapVersion}, skema / schema ${r.value.manifest.database.schemaVersion ?? '—'})`);
  out('  semua hash cocok sebelum dan sesudah / every hash matched before and after');
  return 0;
}
