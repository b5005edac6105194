/**
 * Signed PDFs are stored content-addressed under DATA_DIR/letters/<sha256[0:2]>/<sha256>.pdf:
 * written to a temporary name, flushed to disk and renamed before the signature is committed,
 * and never modified afterwards (a correction is a new letter).
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { ensurePrivateDir, PRIVATE_FILE } from '../../io/private-files.js';
import { join } from 'node:path';
import type { Ctx } from '../context.js';

export const sha256Hex = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

function letterFilePath(ctx: Pick<Ctx, 'dataDir'>, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid sha256');
  return join(ctx.dataDir, 'letters', sha256.slice(0, 2), `${sha256}.pdf`);
}

export function storeLetterFile(ctx: Pick<Ctx, 'dataDir'>, pdf: Buffer): { sha256: string; size: number } {
  const sha256 = sha256Hex(pdf);
  const path = letterFilePath(ctx, sha256);
  if (!existsSync(path)) {
    ensurePrivateDir(join(ctx.dataDir, 'letters'));
    ensurePrivateDir(join(path, '..'));
    const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    const fd = openSync(tmp, 'wx', PRIVATE_FILE);
    try {
      writeSync(fd, pdf);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  }
  return { sha256, size: pdf.length };
}

export function readLetterFile(ctx: Pick<Ctx, 'dataDir'>, sha256: string): Buffer | null {
  const path = letterFilePath(ctx, sha256);
  return existsSync(path) ? readFileSync(path) : null;
}

/** A letter file as sent: the PDF and a name safe in a Content-Disposition header. */
export interface LetterFile {
  pdf: Buffer;
  fileName: string;
}

export const pdfFileName = (s: string) => `${s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-').slice(0, 80)}.pdf`;
