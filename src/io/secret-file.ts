// The server's key file: secrets (tracking-code and survey-link keys) kept beside the data, never in the database.
/**
 * A copy of the database alone (a leaked dump, a stolen SQLite file, a database administrator)
 * must not be enough to verify or forge tracking codes, so the keys live in `<DATA_DIR>/keys/
 * server-secrets.json`, readable by the service user only. The file is a JSON object of named
 * hex secrets; it is rewritten whole under a temporary name and renamed, so a crash never leaves
 * half a key. `sigap backup` copies the `keys` folder with the uploads and letters.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE, tightenIfExists } from './private-files.js';

export const KEYS_DIR = 'keys';
export const SECRET_FILE = join(KEYS_DIR, 'server-secrets.json');

export const secretFilePath = (dataDir: string) => join(dataDir, SECRET_FILE);

/** The named secrets in the key file ({} when there is none yet). A damaged file stops the caller: guessing a new key would void every code. */
export function readSecretFile(dataDir: string): Record<string, string> {
  const path = secretFilePath(dataDir);
  if (!existsSync(path)) return {};
  tightenIfExists(path);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string'))
    throw new Error(`Berkas kunci rusak / damaged key file: ${path}`);
  return parsed as Record<string, string>;
}

/**
 * Adds secrets to the key file (existing names are kept: a key, once used, never changes). Answers
 * the file's secrets. Under a lock file, so two processes sharing the data directory (a server and
 * a command, or several servers) that create the same key at once agree on one: the second reads
 * the first's instead of replacing it.
 */
export function addToSecretFile(dataDir: string, add: Record<string, string>): Record<string, string> {
  const known = readSecretFile(dataDir);
  if (Object.keys(add).every((k) => k in known)) return known;
  ensurePrivateDir(join(dataDir, KEYS_DIR));
  // Beside the keys folder, not in it: a backup copies the folder and nothing else may be there.
  return withLock(join(dataDir, '.server-secrets.lock'), () => {
    const current = readSecretFile(dataDir);
    const next = { ...add, ...current };
    if (Object.keys(next).length === Object.keys(current).length) return current;
    writeSecretFile(dataDir, next);
    return next;
  });
}

/** A lock held while `fn` runs: an exclusively created file; one left by a crashed process is taken over after STALE_LOCK_MS. */
function withLock<T>(lock: string, fn: () => T): T {
  const STALE_LOCK_MS = 10_000;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 10) {
    try {
      closeSync(openSync(lock, 'wx', PRIVATE_FILE));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
      } catch {
        // Released meanwhile: try again.
      }
      if (waited > 2 * STALE_LOCK_MS) throw new Error(`Berkas kunci terkunci / key file locked: ${lock}`);
      Atomics.wait(pause, 0, 0, 10);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function writeSecretFile(dataDir: string, next: Record<string, string>): void {
  const path = secretFilePath(dataDir);
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', PRIVATE_FILE);
  try {
    writeSync(fd, JSON.stringify(next, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
