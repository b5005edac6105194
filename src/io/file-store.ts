/**
 * Where uploads and signed letters live, behind one small interface so that every Sigap process
 * sees the same files: today a directory (local, or a shared mount such as NFS when processes run
 * on several machines: FILES_DIR); an S3-compatible store is the documented next step
 * (docs/OPERATIONS.md). Files are content-addressed by sha256, written once and never changed, so
 * a store needs no locking: two processes writing the same content write the same bytes.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE } from './private-files.js';

/** The two kinds of stored file; the names are also the folders of a directory store and of a backup. */
export type FileArea = 'uploads' | 'letters';

export interface FileStore {
  /** Said on the admin status page and in start-up notices: what kind of store and where. */
  readonly where: string;
  /** Stores the bytes under their sha256 (the caller's hash of them); a no-op when already stored. Durable when it returns. */
  put(area: FileArea, sha256: string, bytes: Buffer): Promise<void>;
  get(area: FileArea, sha256: string): Promise<Buffer | null>;
  has(area: FileArea, sha256: string): Promise<boolean>;
  /** Removes a file if present (uploads that no case refers to); letters are never removed. */
  remove(area: FileArea, sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** The relative path of a stored file: the layout of DATA_DIR since the first version, and of a backup's files/ folder. */
export function storedPath(area: FileArea, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error('invalid sha256');
  return join(area, sha256.slice(0, 2), area === 'letters' ? `${sha256}.pdf` : sha256);
}

/**
 * A directory store: `root`/uploads/<ab>/<sha256> and `root`/letters/<ab>/<sha256>.pdf, owner-only.
 * A file is written under a temporary name, flushed and renamed into place, so a crash never
 * leaves a half file under its final name (also on NFS, where rename within a folder is atomic).
 */
export function directoryStore(root: string): FileStore {
  const pathOf = (area: FileArea, sha256: string) => join(root, storedPath(area, sha256));
  return {
    where: `directory ${root}`,
    async put(area, sha256, bytes) {
      const path = pathOf(area, sha256);
      if (existsSync(path)) return;
      ensurePrivateDir(root);
      ensurePrivateDir(join(root, area));
      ensurePrivateDir(join(path, '..'));
      const tmp = `${path}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
      // flush: the signature or the upload row is committed after this returns, and must find the file after a power cut.
      writeFileSync(tmp, bytes, { flag: 'wx', mode: PRIVATE_FILE, flush: true });
      renameSync(tmp, path);
    },
    async get(area, sha256) {
      const path = pathOf(area, sha256);
      return existsSync(path) ? readFileSync(path) : null;
    },
    async has(area, sha256) {
      return existsSync(pathOf(area, sha256));
    },
    async remove(area, sha256) {
      rmSync(pathOf(area, sha256), { force: true });
    },
  };
}
