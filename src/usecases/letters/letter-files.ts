/**
 * Signed PDFs are stored content-addressed (letters/<sha256[0:2]>/<sha256>.pdf in the file store,
 * io/file-store.ts): stored durably before the signature is committed, and never modified
 * afterwards (a correction is a new letter).
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../context.js';

export const sha256Hex = (b: Buffer | Uint8Array) => createHash('sha256').update(b).digest('hex');

export async function storeLetterFile(ctx: Pick<Ctx, 'files'>, pdf: Buffer): Promise<{ sha256: string; size: number }> {
  const sha256 = sha256Hex(pdf);
  await ctx.files.put('letters', sha256, pdf);
  return { sha256, size: pdf.length };
}

export const readLetterFile = (ctx: Pick<Ctx, 'files'>, sha256: string): Promise<Buffer | null> => ctx.files.get('letters', sha256);

/** A letter file as sent: the PDF and a name safe in a Content-Disposition header. */
export interface LetterFile {
  pdf: Buffer;
  fileName: string;
}

export const pdfFileName = (s: string) => `${s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-+/g, '-').slice(0, 80)}.pdf`;
