// The server's key file: secrets (tracking-code and survey-link keys) kept beside the data, never in the database.
/**
 * A copy of the database alone (a leaked dump, a stolen SQLite file, a database administrator)
 * must not be enough to verify or forge tracking codes, so the keys live in `<DATA_DIR>/keys/
 * server-secrets.json`, readable by the service user only. The file is a JSON object of named
 * hex secrets; it is rewritten whole under a temporary name and renamed, so a crash never leaves
 * half a key. `sigap backup` copies the `keys` folder with the uploads and letters.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
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

/** Adds secrets to the key file (existing names are kept: a key, once used, never changes). Answers the file's secrets. */
export function addToSecretFile(dataDir: string, add: Record<string, string>): Record<string, string> {
  const current = readSecretFile(dataDir);
  const next = { ...add, ...current };
  if (Object.keys(next).length === Object.keys(current).length) return current;
  ensurePrivateDir(join(dataDir, KEYS_DIR));
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
  return next;
}
