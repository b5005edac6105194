/**
 * `sigap restore <dir>`: puts a backup back into an EMPTY data directory (and, on PostgreSQL, an
 * empty database), never over live data. Every hash in the manifest is checked before anything is
 * written, and again on what was written: the restored files, the restored SQLite file, and on
 * either database the migrations and the rows per table.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { appliedMigrations, openSqliteFile, rowCounts, tableNames } from '../../db/backup-repo.js';
import { openDatabase, type DialectName } from '../../db/dialect.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { runPgTool } from '../../io/pg-tools.js';
import { copyLargeVerified, copyVerified, readManifest, rootOf, sha256File, tampered, type Manifest } from './manifest.js';

export interface RestoreTarget {
  databaseUrl: string | null;
  dataDir: string;
  /** FILES_DIR (io/file-store.ts); unset: the data directory. */
  filesDir?: string;
}

export interface Restored {
  manifest: Manifest;
  database: string;
  files: number;
}

const sqliteFileOf = (t: RestoreTarget) => (t.databaseUrl?.startsWith('sqlite:') ? t.databaseUrl.slice('sqlite:'.length) : join(t.dataDir, 'sigap.db'));
const dialectOf = (t: RestoreTarget): DialectName => (t.databaseUrl && /^postgres(ql)?:\/\//.test(t.databaseUrl) ? 'postgres' : 'sqlite');

const refuseNotEmpty = (what: string, whatEn: string) =>
  failWith(
    'conflict',
    'restore-target-not-empty',
    `Pemulihan ditolak: ${what} tidak kosong. Pemulihan hanya ke direktori data dan basis data yang kosong, agar data yang ada tidak pernah tertimpa; tidak ada yang diubah.`,
    `Restore refused: ${whatEn} is not empty. A backup is restored only into an empty data directory and an empty database, so that existing data is never overwritten; nothing was changed.`,
  );

/** Every hash of the backup, before anything is written. */
async function verifyBackup(dir: string, m: Manifest): Promise<Outcome<null>> {
  const dbFile = join(dir, m.database.file);
  if (!existsSync(dbFile) || (await sha256File(dbFile)) !== m.database.sha256) return tampered(m.database.file);
  for (const f of m.files) {
    const path = join(dir, 'files', f.path);
    if (!existsSync(path) || statSync(path).size !== f.size || (await sha256File(path)) !== f.sha256) return tampered(`files/${f.path}`);
  }
  return { ok: true, value: null };
}

/** After writing: the restored database differs from the one the manifest describes. */
const differs = (what: string, whatEn: string) =>
  failWith(
    'conflict',
    'restore-differs',
    `Hasil pemulihan berbeda dari cadangan: ${what}. Jangan jalankan Sigap pada hasil ini; kosongkan tempatnya dan pulihkan dari salinan lain.`,
    `The restored data differs from the backup: ${whatEn}. Do not run Sigap on it; empty the place and restore from another copy.`,
  );

/** The migrations and rows per table of the restored database must be the manifest's. */
function compareSnapshot(m: Manifest, migrations: string[], counts: Record<string, number>): Outcome<null> {
  if (JSON.stringify(migrations) !== JSON.stringify(m.database.migrations)) return differs('daftar migrasi basis data', 'the list of database migrations');
  for (const [table, n] of Object.entries(m.database.rowCounts))
    if (counts[table] !== n) return differs(`tabel ${table} berisi ${counts[table] ?? 0} baris, bukan ${n}`, `table ${table} holds ${counts[table] ?? 0} rows, not ${n}`);
  return { ok: true, value: null };
}

async function restoreSqlite(dir: string, m: Manifest, target: RestoreTarget): Promise<Outcome<string>> {
  const file = sqliteFileOf(target);
  if (existsSync(file) || existsSync(`${file}-wal`)) return refuseNotEmpty(`basis data ${file}`, `the database ${file}`);
  if (!(await copyLargeVerified(join(dir, m.database.file), file, m.database.sha256))) return tampered(m.database.file);
  const db = openSqliteFile(file);
  try {
    const dialect = 'sqlite';
    const checked = compareSnapshot(m, await appliedMigrations(db, dialect), await rowCounts(db, await tableNames(db, dialect)));
    return checked.ok ? { ok: true, value: `SQLite ${file}` } : checked;
  } finally {
    await db.destroy();
  }
}

async function restorePostgres(dir: string, m: Manifest, url: string, dataDir: string): Promise<Outcome<string>> {
  const database = openDatabase({ databaseUrl: url, dataDir });
  try {
    const tables = await tableNames(database.db, 'postgres').catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    if (tables instanceof Error)
      return failWith(
        'not-found',
        'restore-no-database',
        `Basis data ${database.describe} tidak dapat dibuka (${tables.message}). Buat dulu basis data kosong, mis. \`createdb sigap\`.`,
        `The database ${database.describe} cannot be opened (${tables.message}). Create an empty database first, e.g. \`createdb sigap\`.`,
      );
    if (tables.length > 0) return refuseNotEmpty(`basis data ${database.describe}`, `the database ${database.describe}`);
    // One transaction: a restore that fails half-way leaves the database empty, ready for another try.
    const r = await runPgTool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', `--dbname=${url}`, join(dir, m.database.file)]);
    if (r.code !== 0)
      return failWith('conflict', 'restore-pg-restore', `pg_restore gagal (kode ${r.code}): ${r.stderr.trim()}`, `pg_restore failed (exit ${r.code}): ${r.stderr.trim()}`);
    const checked = compareSnapshot(m, await appliedMigrations(database.db, 'postgres'), await rowCounts(database.db, await tableNames(database.db, 'postgres')));
    return checked.ok ? { ok: true, value: database.describe } : checked;
  } finally {
    await database.close();
  }
}

export async function restoreBackup(dir: string, target: RestoreTarget): Promise<Outcome<Restored>> {
  const m = readManifest(dir);
  if (!m)
    return failWith(
      'invalid',
      'restore-no-manifest',
      `${join(dir, 'manifest.json')} tidak ada atau bukan manifest cadangan Sigap: folder ini bukan cadangan yang selesai.`,
      `${join(dir, 'manifest.json')} is missing or not a Sigap backup manifest: this folder is not a finished backup.`,
    );
  const dialect = dialectOf(target);
  if (m.database.dialect !== dialect)
    return failWith(
      'invalid',
      'restore-wrong-database',
      `Cadangan ini dari ${m.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, tetapi DATABASE_URL menunjuk ke ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: pulihkan ke jenis basis data yang sama.`,
      `This backup is of ${m.database.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, but DATABASE_URL points to ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: restore into the same kind of database.`,
    );
  if (existsSync(target.dataDir) && (!statSync(target.dataDir).isDirectory() || readdirSync(target.dataDir).length > 0))
    return refuseNotEmpty(`direktori data ${target.dataDir}`, `the data directory ${target.dataDir}`);
  const before = await verifyBackup(dir, m);
  if (!before.ok) return before;
  const db = dialect === 'sqlite' ? await restoreSqlite(dir, m, target) : await restorePostgres(dir, m, target.databaseUrl!, target.dataDir);
  if (!db.ok) return db;
  for (const f of m.files) {
    // Checked against the manifest while copying, and read back after.
    if (!copyVerified(join(dir, 'files', f.path), join(rootOf(f.path, target), f.path), f.sha256)) return tampered(`files/${f.path}`);
  }
  return { ok: true, value: { manifest: m, database: db.value, files: m.files.length } };
}
