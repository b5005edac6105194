/** What a backup folder holds (manifest.json), and the hashing and copying both backup and restore rely on. */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DialectName } from '../../db/dialect.js';
import { failWith } from '../../domain/errors.js';

export const MANIFEST = 'manifest.json';
export const FORMAT = 'sigap-backup';

export interface FileEntry {
  /** Relative to the data directory (and to the backup folder's files/). */
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: typeof FORMAT;
  formatVersion: 1;
  sigapVersion: string;
  /** When the database snapshot was taken: the backup holds every commit before it. */
  snapshotAt: string;
  finishedAt: string;
  database: {
    dialect: DialectName;
    /** Relative to the backup folder: a SQLite database file, or a pg_dump custom-format archive. */
    file: string;
    sha256: string;
    size: number;
    /** The last migration applied: a restore needs a Sigap that knows it. */
    schemaVersion: string | null;
    migrations: string[];
    rowCounts: Record<string, number>;
  };
  files: FileEntry[];
  /** Files the database refers to that were not in the data directory when the backup was taken. */
  missing: string[];
}

/**
 * The folders of the data directory that are backed up. Uploads and signed letters are named by
 * their sha256, written once and never changed, so a copy is checked against its own name;
 * registry import reports are plain files.
 */
export const FOLDERS: { dir: string; address: ((name: string) => string | null) | null; only?: RegExp; inFilesDir?: true }[] = [
  // Uploads and letters live in the file store's directory (FILES_DIR, io/file-store.ts), by default the data directory.
  { dir: 'uploads', address: (name) => (/^[0-9a-f]{64}$/.test(name) ? name : null), inFilesDir: true },
  { dir: 'letters', address: (name) => /^([0-9a-f]{64})\.pdf$/.exec(name)?.[1] ?? null, inFilesDir: true },
  { dir: join('registry', 'reports'), address: null },
  // The key file of tracking codes and survey links (io/secret-file.ts): without it a restored database verifies no code.
  // Only that file: the key sealing the letter-signing keys (keys/signing-keys.key, docs/SIGNING.md) is
  // kept apart from backups on purpose, so a stolen backup cannot unseal the office's signing keys.
  { dir: 'keys', address: null, only: /^keys\/server-secrets\.json$/ },
];

/** Paths a manifest may name: nothing outside these folders, so a crafted manifest cannot write elsewhere. */
/** Where a backed-up path lives: uploads and letters in FILES_DIR, the rest in DATA_DIR. */
export const rootOf = (rel: string, dirs: { dataDir: string; filesDir?: string }): string =>
  /^(uploads|letters)[\\/]/.test(rel) ? (dirs.filesDir ?? dirs.dataDir) : dirs.dataDir;

export const SAFE_PATH = /^(uploads\/[0-9a-f]{2}\/[0-9a-f]{64}|letters\/[0-9a-f]{2}\/[0-9a-f]{64}\.pdf|registry\/reports\/[A-Za-z0-9][A-Za-z0-9._-]*|keys\/server-secrets\.json)$/;

export const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Streams a file (a database can be gigabytes) through sha256. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });
}

/** Files under `dir`, relative to `root`, skipping the temporary names writers rename from. */
export function listFiles(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const e of readdirSync(abs, { withFileTypes: true })) {
    const rel = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(root, rel));
    else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(rel);
  }
  return out.sort();
}

/** Writes a file durably under a temporary name and renames it: a crash never leaves half a file under the real name. */
export function writeDurably(path: string, data: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/**
 * Copies one file and reads the copy back. Its sha256 must be `expected` (a content address, or
 * the manifest's hash on restore); without one, the source's own hash. Answers the copy's hash and
 * size, or null when source or copy differ from what was expected.
 */
export function copyVerified(from: string, to: string, expected: string | null): FileEntry | null {
  const buf = readFileSync(from);
  const sha256 = sha256Of(buf);
  if (expected !== null && sha256 !== expected) return null;
  writeDurably(to, buf);
  const back = readFileSync(to);
  return sha256Of(back) === sha256 ? { path: to, sha256, size: back.length } : null;
}

/**
 * The same for a database file, which can be gigabytes: copied by the kernel, flushed, renamed
 * into place, then hashed by streaming. Answers whether the copy's sha256 is `expected`.
 */
export async function copyLargeVerified(from: string, to: string, expected: string): Promise<boolean> {
  mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
  const tmp = `${to}.${randomBytes(6).toString('hex')}.tmp`;
  copyFileSync(from, tmp);
  chmodSync(tmp, 0o600);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, to);
  return (await sha256File(to)) === expected;
}

/** A refusal naming what differs from the manifest: the backup was damaged or altered. */
export const tampered = (what: string) =>
  failWith(
    'conflict',
    'backup-tampered',
    `Cadangan rusak atau telah diubah: ${what} tidak cocok dengan hash di ${MANIFEST}. Tidak ada yang dipulihkan; gunakan salinan cadangan lain.`,
    `The backup is damaged or has been altered: ${what} does not match the hash in ${MANIFEST}. Nothing was restored; use another copy of the backup.`,
  );

/** Reads and checks the shape of a manifest; null when it is missing or not a Sigap backup manifest. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    const hex = (s: unknown) => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);
    if (m.format !== FORMAT || m.formatVersion !== 1 || !m.database || !hex(m.database.sha256) || !['sqlite', 'postgres'].includes(m.database.dialect)) return null;
    if (!/^database\/[a-z0-9.]+$/.test(m.database.file) || !Array.isArray(m.files)) return null;
    if (!m.files.every((f) => typeof f.path === 'string' && SAFE_PATH.test(f.path) && hex(f.sha256) && Number.isInteger(f.size))) return null;
    return m;
  } catch {
    return null;
  }
}
