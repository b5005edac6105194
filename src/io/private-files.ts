/** Data files and folders readable by the service user only: NIKs, ID scans and letters live there. */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/** Folders: owner only (list, enter, create). */
export const PRIVATE_DIR = 0o700;
/** Files: owner read and write only. */
export const PRIVATE_FILE = 0o600;

/**
 * Creates a folder (and missing parents) readable by the owner only, and tightens it when it
 * already exists (a data directory made by an older version, or by hand, with the umask's 0755).
 * Parents outside the data directory are created with the same mode but never changed.
 */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR });
  tighten(path, PRIVATE_DIR);
}

/**
 * Creates an empty file with owner-only permissions if it is missing, and tightens an existing
 * one: SQLite creates its WAL and shared-memory files with the database file's permissions.
 */
export function ensurePrivateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE));
  tighten(path, PRIVATE_FILE);
}

/** Tightens a file that may exist (a WAL left by an earlier run). */
export function tightenIfExists(path: string): void {
  if (existsSync(path)) tighten(path, PRIVATE_FILE);
}

function tighten(path: string, mode: number): void {
  try {
    // A shared sticky folder (DATA_DIR=/tmp by mistake) is never locked to one user.
    if (statSync(path).mode & 0o1000) return;
    chmodSync(path, mode);
  } catch {
    // Not our file (e.g. a read-only mount managed by the operator): leave it; the umask still applies to new files.
  }
}
