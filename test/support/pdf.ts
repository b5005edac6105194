/** Reading PDFs in tests: their text and page sizes, and the QR code as a phone would see it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { extractText, getDocumentProxy } from 'unpdf';

type JsQR = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: string }) => { data: string } | null;
// jsqr is CommonJS with `exports.default`; under NodeNext the default import is the module object.
const jsQR: JsQR = ((jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR));

export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: string[]; sizes: [number, number][] }> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: false });
  const sizes: [number, number][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const p = await doc.getPage(i);
    sizes.push([Math.round(p.view[2]!), Math.round(p.view[3]!)]);
  }
  const pages = text as unknown as string[];
  return { text: pages.join('\n').replace(/\s+/g, ' '), pages, sizes };
}

/** A binary greyscale PGM (P5, 8 bits) as the RGBA pixels jsQR reads. */
function pgmToRgba(pgm: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!m) throw new Error('pdftoppm did not write an 8-bit PGM');
  const width = Number(m[1]);
  const height = Number(m[2]);
  const grey = pgm.subarray(m[0].length, m[0].length + width * height);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, o = 0; i < grey.length; i++, o += 4) {
    data[o] = data[o + 1] = data[o + 2] = grey[i]!;
    data[o + 3] = 255;
  }
  return { data, width, height };
}

/** Rasterises the pages at 150 dpi (pdftoppm) and decodes the QR code, last page first. */
export function qrOf(pdf: Buffer): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-qr-'));
  try {
    writeFileSync(join(dir, 'l.pdf'), pdf);
    // The QR code sits in the signer block, in the right half of the page: only that half is
    // rasterised (x from 560 px at 150 dpi), which halves the decoding work. Greyscale PGM rather
    // than PNG: the same pixels without compressing and decompressing them.
    execFileSync('pdftoppm', ['-gray', '-r', '150', '-x', '560', '-y', '0', '-W', '800', '-H', '2200', join(dir, 'l.pdf'), join(dir, 'p')]);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.pgm')).sort().reverse()) {
      const { data, width, height } = pgmToRgba(readFileSync(join(dir, f)));
      const found = jsQR(data, width, height, { inversionAttempts: 'dontInvert' });
      if (found) return found.data;
    }
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfsig's report on a PDF (it exits non-zero on an invalid signature; the report is what counts). */
export function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'sigap-pdfsig-'));
  try {
    writeFileSync(join(dir, 'surat.pdf'), pdf);
    try {
      return execFileSync('pdfsig', [join(dir, 'surat.pdf')], { encoding: 'utf8' });
    } catch (e) {
      return String((e as { stdout?: string }).stdout ?? '') + String((e as { stderr?: string }).stderr ?? '');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
