/**
 * `sigap backup <dir>`: a consistent copy of a running Sigap. The database is copied first, as of
 * one commit (SQLite's online backup API, or pg_dump on an exported snapshot); then the files.
 * Uploads and letters are written (and renamed into place) before the row that refers to them is
 * committed, and never rewritten, so every file the snapshot refers to already exists when the
 * files are copied; files added later are copied too and harm nothing.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appliedMigrations, openSqliteFile, referencedFiles, rowCounts, sqliteOnlineBackup, tableNames, withExportedSnapshot } from '../../db/backup-repo.js';
import { openDatabase, type Database } from '../../db/dialect.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { runPgTool } from '../../io/pg-tools.js';
import { copyVerified, FOLDERS, listFiles, MANIFEST, sha256File, writeDurably, type FileEntry, type Manifest } from './manifest.js';

export interface BackupSource {
  location: Database['location'];
  dataDir: string;
  /** FILES_DIR, when uploads and letters are kept apart from the data directory (io/file-store.ts). */
  filesDir?: string;
  sigapVersion: string;
  now?: () => Date;
}

type Snapshot = Pick<Manifest['database'], 'schemaVersion' | 'migrations' | 'rowCounts'> & { referenced: { uploads: string[]; letters: string[] } };

const notEmpty = (dir: string) =>
  failWith(
    'conflict',
    'backup-dir-not-empty',
    `Folder cadangan sudah berisi berkas: ${dir}. Pilih folder baru yang kosong (misalnya bernama tanggal hari ini); cadangan lama tidak ditimpa.`,
    `The backup folder already holds files: ${dir}. Choose a new, empty folder (e.g. named after today's date); an earlier backup is never overwritten.`,
  );

async function describeSnapshot(db: Database['db'], dialect: Database['dialect']): Promise<Snapshot> {
  const migrations = await appliedMigrations(db, dialect);
  return {
    schemaVersion: migrations.at(-1) ?? null,
    migrations,
    rowCounts: await rowCounts(db, await tableNames(db, dialect)),
    referenced: await referencedFiles(db),
  };
}

/** Copies the database as of one commit into `dir`/database and describes that copy. */
async function snapshotDatabase(src: BackupSource, dir: string): Promise<Outcome<{ file: string; snapshot: Snapshot }>> {
  // Readable by the service account only: a backup holds every NIK, ID scan and DTKS fact.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  mkdirSync(join(dir, 'database'), { recursive: true, mode: 0o700 });
  if (src.location.kind === 'sqlite') {
    if (!existsSync(src.location.file))
      return failWith('not-found', 'backup-no-database', `Basis data tidak ditemukan: ${src.location.file}`, `Database not found: ${src.location.file}`);
    const file = join('database', 'sigap.db');
    await sqliteOnlineBackup(src.location.file, join(dir, file));
    const db = openSqliteFile(join(dir, file));
    try {
      return { ok: true, value: { file, snapshot: await describeSnapshot(db, 'sqlite') } };
    } finally {
      await db.destroy();
    }
  }
  const file = join('database', 'sigap.dump');
  const url = src.location.url;
  const database = openDatabase({ databaseUrl: url, dataDir: src.dataDir });
  try {
    return await withExportedSnapshot(database.db, async (snapshotId, trx) => {
      const dump = await runPgTool('pg_dump', ['--format=custom', `--snapshot=${snapshotId}`, '--no-owner', '--no-privileges', `--file=${join(dir, file)}`, `--dbname=${url}`]);
      if (dump.code !== 0)
        return failWith('conflict', 'backup-pg-dump', `pg_dump gagal (kode ${dump.code}): ${dump.stderr.trim()}`, `pg_dump failed (exit ${dump.code}): ${dump.stderr.trim()}`);
      return { ok: true as const, value: { file, snapshot: await describeSnapshot(trx, 'postgres') } };
    });
  } finally {
    await database.close();
  }
}

/** Copies the data directory's folders into `dir`/files, each copy checked against its content address. */
function copyFiles(src: Pick<BackupSource, 'dataDir' | 'filesDir'>, dir: string): Outcome<FileEntry[]> {
  const files: FileEntry[] = [];
  for (const folder of FOLDERS) {
    const root = folder.inFilesDir ? (src.filesDir ?? src.dataDir) : src.dataDir;
    for (const rel of listFiles(root, folder.dir)) {
      const expected = folder.address ? folder.address(basename(rel)) : null;
      if (folder.address && !expected) continue; // a stray name, not a stored file
      if (folder.only && !folder.only.test(rel.split(/[\\/]/).join('/'))) continue;
      const from = join(root, rel);
      const copy = copyVerified(from, join(dir, 'files', rel), expected);
      if (!copy)
        return failWith(
          'conflict',
          'backup-file-damaged',
          `Berkas di direktori data rusak (isinya tidak cocok dengan namanya), atau salinannya gagal: ${from}`,
          `A file in the data directory is damaged (its content does not match its name), or its copy failed: ${from}`,
        );
      files.push({ path: rel, sha256: copy.sha256, size: copy.size });
    }
  }
  return { ok: true, value: files };
}

export async function takeBackup(src: BackupSource, dir: string): Promise<Outcome<Manifest>> {
  if (existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0)) return notEmpty(dir);
  const now = () => (src.now ? src.now() : new Date());
  const snapshotAt = now().toISOString();
  const db = await snapshotDatabase(src, dir);
  if (!db.ok) return db;
  const copied = copyFiles(src, dir);
  if (!copied.ok) return copied;
  const have = new Set(copied.value.map((f) => f.path));
  const { referenced } = db.value.snapshot;
  const missing = [
    ...referenced.uploads.map((h) => join('uploads', h.slice(0, 2), h)),
    ...referenced.letters.map((h) => join('letters', h.slice(0, 2), `${h}.pdf`)),
  ].filter((p) => !have.has(p));
  const dbFile = join(dir, db.value.file);
  chmodSync(dbFile, 0o600);
  const manifest: Manifest = {
    format: 'sigap-backup',
    formatVersion: 1,
    sigapVersion: src.sigapVersion,
    snapshotAt,
    finishedAt: now().toISOString(),
    database: {
      dialect: src.location.kind,
      file: db.value.file,
      sha256: await sha256File(dbFile),
      size: statSync(dbFile).size,
      schemaVersion: db.value.snapshot.schemaVersion,
      migrations: db.value.snapshot.migrations,
      rowCounts: db.value.snapshot.rowCounts,
    },
    files: copied.value,
    missing,
  };
  // Written last: a folder without a manifest is an unfinished backup, and restore refuses it.
  writeDurably(join(dir, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return { ok: true, value: manifest };
}
