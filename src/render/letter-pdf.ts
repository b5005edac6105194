/**
 * Renders a letter as PDF (pdfkit): the office's letterhead (kop) on every page, number, date,
 * subject, addressee, body blocks, validity, the signer's block with a QR code to the public
 * verification page, and a footer with the short verification URL. A4 or F4, black on white.
 * DejaVu fonts are embedded (subset) so any Unicode name renders.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Block } from '../domain/letters/template.js';

export type Paper = 'A4' | 'F4';
const MM = 72 / 25.4;
export const PAPER_SIZES: Record<Paper, [number, number]> = { A4: [210 * MM, 297 * MM], F4: [215 * MM, 330 * MM] };

export interface LetterPdfInput {
  paper: Paper;
  layout: 'official-letter' | 'certificate';
  office: { government: string; name: string; address: string; postalCode?: string; contacts: { kind: string; label: string; value?: string }[] };
  logo: Buffer | null;
  title: string;
  number: string | null;
  place: string;
  /** Indonesian date of the letter, or null while unsigned. */
  dateText: string | null;
  subject: string;
  addressee: string[];
  blocks: Block[];
  validUntilText: string | null;
  signer: { position: string[]; name: string; rank?: string | null; nip?: string | null } | null;
  /** A second party who signs the printed copy by hand, left of the signer (a berita acara's receiver). */
  cosigner?: { heading: string[]; name: string } | null;
  /** How many of the last blocks stay on the signatures' page (the end of the table they sign). */
  keepWithSignature?: number;
  verifyUrl: string;
  /** Which kind of electronic signature the file carries (said on it in words); null on a preview. */
  signature?: { kind: 'uncertified' | 'certified'; provider: string | null } | null;
  /** Unsigned preview: watermark, no QR. */
  draft: boolean;
  /** PDF metadata dates (the signing time), so the file depends only on the letter. */
  at: Date;
}

// pdfkit and qrcode load with the first letter rendered, not with every process that imports this
// module (the server, the CLI and each test process mostly never render one).
let PDFDocument: typeof import('pdfkit');
let QRCode: typeof import('qrcode');

// Fonts are parsed once per process and shared by every document (pdfkit accepts a parsed
// fontkit font); each document still embeds its own subset.
const require = createRequire(import.meta.url);
const FONT_DIR = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
let fonts: { regular: unknown; bold: unknown } | null = null;
function loadFonts() {
  if (fonts) return fonts;
  const probe = new PDFDocument({ autoFirstPage: false });
  const take = (file: string) => {
    probe.registerFont(file, readFileSync(FONT_DIR + file));
    probe.font(file);
    const font = memoizeGlyphs((probe as unknown as { _font: { font: FontkitFont } })._font.font);
    runCaches.set(font, new Map());
    return font;
  };
  fonts = { regular: take('DejaVuSans.ttf'), bold: take('DejaVuSans-Bold.ttf') };
  shareLayoutCache(Object.getPrototypeOf((probe as unknown as { _font: object })._font));
  return fonts;
}

interface FontkitFont {
  getGlyph(id: number, ...rest: unknown[]): unknown;
}

/** Each document's subset re-decodes every glyph it embeds; the decoded outline never changes,
 * so it is kept on fontkit's (per font, process-wide) glyph object. */
function memoizeGlyphs(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, ...rest: unknown[]) => {
    const g = getGlyph(id, ...rest) as { _decode?: () => unknown; __memo?: boolean } | null;
    if (g && g._decode && !g.__memo) {
      const decode = g._decode.bind(g);
      let decoded: unknown;
      let done = false;
      g._decode = () => {
        if (!done) {
          decoded = decode();
          done = true;
        }
        return decoded;
      };
      g.__memo = true;
    }
    return g;
  };
  return font;
}

/**
 * Text shaping (fontkit layout with DejaVu's GSUB/GPOS tables) dominates rendering, and letters
 * repeat the same words. pdfkit caches a word's laid-out run per document (and never changes a
 * run once scaled); for our shared fonts the cache is kept across documents, bounded.
 */
const runCaches = new WeakMap<object, Map<string, unknown>>();
function shareLayoutCache(embeddedFontPrototype: { layoutCached: (text: string) => unknown; layoutRun: (text: string) => unknown }) {
  const own = embeddedFontPrototype.layoutCached;
  embeddedFontPrototype.layoutCached = function (this: { font: object; layoutRun: (t: string) => unknown }, text: string) {
    const cache = runCaches.get(this.font);
    if (!cache) return own.call(this, text);
    let run = cache.get(text);
    if (run === undefined) {
      run = this.layoutRun(text);
      if (cache.size >= 50_000) cache.clear();
      cache.set(text, run);
    }
    return run;
  };
}

const CONTACT_PREFIX: Record<string, string> = { phone: 'Telp.', fax: 'Fax.', 'call-center': 'Call Center', whatsapp: 'WA', email: 'Email', website: 'Laman', instagram: 'Instagram' };

function contactLine(contacts: LetterPdfInput['office']['contacts']): string {
  return contacts
    .filter((c) => c.value && CONTACT_PREFIX[c.kind])
    .slice(0, 4)
    .map((c) => `${CONTACT_PREFIX[c.kind]} ${c.value}`)
    .join('  ·  ');
}

/**
 * What the signature is, truthfully (UU ITE / PP 71/2019 distinguish certified from uncertified
 * electronic signatures; docs/SIGNING.md): the office's own key, or a certified provider's.
 */
export function signatureWording(input: Pick<LetterPdfInput, 'signature' | 'signer' | 'office'>): string {
  const who = input.signer?.name ?? '';
  if (input.signature?.kind === 'certified')
    return `Ditandatangani secara elektronik (tersertifikasi) oleh ${who} dengan sertifikat elektronik dari ${input.signature.provider ?? ''}.`;
  if (input.signature?.kind === 'uncertified') return `Ditandatangani secara elektronik (tidak tersertifikasi) oleh ${who} — diverifikasi oleh ${input.office.name}.`;
  return 'Ditandatangani secara elektronik.';
}

export async function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  PDFDocument ??= (await import('pdfkit')).default;
  QRCode ??= (await import('qrcode')).default;
  return render(input);
}

function render(input: LetterPdfInput): Promise<Buffer> {
  const f = loadFonts();
  const [width, height] = PAPER_SIZES[input.paper];
  const margins = { left: 25 * MM, right: 20 * MM, top: 15 * MM, bottom: 26 * MM };
  const doc = new PDFDocument({
    size: [width, height],
    margins,
    bufferPages: true,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise open Helvetica (or compare fonts) in every document.
    font: null as never,
    info: {
      Title: `${input.title}${input.number ? ` ${input.number}` : ''}`,
      Author: input.office.name,
      Subject: input.subject,
      Keywords: input.verifyUrl,
      Creator: 'Sigap',
      Producer: 'Sigap (pdfkit)',
      CreationDate: input.at,
      ModDate: input.at,
    },
  });
  doc.registerFont('R', f.regular as never);
  doc.registerFont('B', f.bold as never);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = margins.left;
  const contentWidth = width - margins.left - margins.right;
  const maxY = () => height - margins.bottom;

  const kop = () => {
    // Text may be flowing onto this page: keep its font, draw the letterhead, continue below it.
    const state = doc as unknown as { _font: unknown; _fontSize: number };
    const keep = { font: state._font, size: state._fontSize };
    const top = margins.top;
    const logoW = input.logo ? 58 : 0;
    if (input.logo) {
      try {
        doc.image(input.logo, left, top, { fit: [logoW, logoW] });
      } catch {
        /* an unreadable logo is skipped, the letterhead stays */
      }
    }
    const x = left + logoW;
    const w = contentWidth - logoW * (input.logo ? 1 : 0);
    doc.fillColor('black');
    doc.font('B').fontSize(12.5).text(input.office.government.toLocaleUpperCase('id'), x, top, { width: w, align: 'center' });
    doc.font('B').fontSize(15).text(input.office.name.toLocaleUpperCase('id'), x, doc.y, { width: w, align: 'center' });
    const address = `${input.office.address}${input.office.postalCode && !input.office.address.includes(input.office.postalCode) ? ` Kode Pos ${input.office.postalCode}` : ''}`;
    doc.font('R').fontSize(8.5).text(address, x, doc.y + 1, { width: w, align: 'center' });
    const contacts = contactLine(input.office.contacts);
    if (contacts) doc.font('R').fontSize(8).text(contacts, x, doc.y, { width: w, align: 'center' });
    const ruleY = Math.max(doc.y, top + logoW) + 4;
    doc.lineWidth(2).moveTo(left, ruleY).lineTo(left + contentWidth, ruleY).stroke('black');
    doc.lineWidth(0.6).moveTo(left, ruleY + 3).lineTo(left + contentWidth, ruleY + 3).stroke('black');
    doc.x = left;
    doc.y = ruleY + 14;
    if (input.draft) {
      doc.save();
      doc.rotate(-35, { origin: [width / 2, height / 2] });
      // The signer reads the exact wording; the mark says plainly that this is not the signed letter.
      doc.font('B').fontSize(64).fillColor('#c8c8c8').text('PRATINJAU', 0, height / 2 - 70, { width, align: 'center', lineBreak: false });
      doc.font('B').fontSize(40).text('DRAF · PREVIEW', 0, height / 2 + 10, { width, align: 'center', lineBreak: false });
      doc.restore();
      doc.fillColor('black');
      doc.x = left;
      doc.y = ruleY + 14;
    }
    if (keep.font) {
      state._font = keep.font;
      doc.fontSize(keep.size);
    }
  };
  doc.on('pageAdded', kop);
  doc.addPage();

  const ensure = (h: number) => {
    if (doc.y + h > maxY()) doc.addPage();
  };
  const body = { font: 'R', size: 11, gap: 2.2 };
  const setBody = () => doc.font(body.font).fontSize(body.size).fillColor('black');

  // Heading: certificate-style title and number, or the official-letter header table.
  if (input.layout === 'certificate') {
    doc.font('B').fontSize(12.5).text(input.title, left, doc.y, { width: contentWidth, align: 'center', underline: true });
    doc.font('R').fontSize(11).text(`Nomor: ${input.number ?? '(belum bernomor)'}`, left, doc.y + 2, { width: contentWidth, align: 'center' });
    doc.moveDown(1.2);
  } else {
    setBody();
    doc.text(`${input.place}, ${input.dateText ?? '(belum ditandatangani)'}`, left, doc.y, { width: contentWidth, align: 'right' });
    doc.moveDown(0.6);
    const rows: [string, string][] = [
      ['Nomor', input.number ?? '(belum bernomor)'],
      ['Sifat', 'Biasa'],
      ['Lampiran', '-'],
      ['Perihal', input.subject],
    ];
    for (const [k, v] of rows) {
      const y = doc.y;
      doc.text(k, left, y, { width: 62 });
      doc.text(':', left + 64, y, { width: 8 });
      doc.text(v, left + 74, y, { width: contentWidth * 0.62 - 74, lineGap: body.gap });
      doc.y = Math.max(doc.y, y + doc.currentLineHeight(true));
    }
    if (input.addressee.length) {
      doc.moveDown(0.8);
      doc.text('Kepada', left, doc.y, { width: contentWidth });
      for (const line of input.addressee) doc.text(line, left + 14, doc.y, { width: contentWidth - 14, lineGap: 0.5 });
    }
    doc.moveDown(1);
  }

  // The signature block's height, measured as it is drawn below (kept together on one page).
  const blockW = contentWidth * 0.52;
  const bx = left + contentWidth - blockW;
  const qrSize = 74;
  const posLines = input.signer?.position ?? ['Pejabat penanda tangan,'];
  const signatureHeight = () => {
    setBody();
    const lh = doc.currentLineHeight(true);
    const lines = (w: number, xs: string[]) => xs.reduce((a, x) => a + doc.heightOfString(x, { width: w }), 0);
    const top = Math.max(lines(blockW, [...(input.layout === 'certificate' ? ['x'] : []), ...posLines]), lines(contentWidth - blockW - 12, input.cosigner?.heading ?? []));
    const names = lines(blockW, [input.signer?.name ?? 'x', ...(input.signer?.rank ? [input.signer.rank] : []), ...(input.signer?.nip ? [`NIP. ${input.signer.nip}`] : [])]);
    return lh + top + 6 + qrSize + 6 + names + 4;
  };

  // Body.
  setBody();
  const indent = 28;
  let previous: Block['kind'] | null = null;
  /** A block's height as drawn below (a little over rather than under). */
  const blockHeight = (b: Block): number => {
    setBody();
    const lh = doc.currentLineHeight(true);
    if (b.kind === 'paragraph') return doc.heightOfString(b.text, { width: contentWidth, indent, lineGap: body.gap }) + 7;
    if (b.kind === 'heading') return 30;
    if (b.kind === 'row') return Math.max(doc.heightOfString(b.value || ' ', { width: contentWidth - indent - 140, lineGap: body.gap }), doc.heightOfString(b.label || ' ', { width: 128, lineGap: body.gap })) + 1.5 + lh / 2;
    return doc.heightOfString(b.text, { width: contentWidth - indent - 20, lineGap: body.gap }) + 3 + lh / 2;
  };
  const keepFrom = input.blocks.length - Math.min(input.keepWithSignature ?? 0, input.blocks.length);
  for (const [i, b] of input.blocks.entries()) {
    // The end of the table goes with the signatures when they would not fit after it on this page.
    if (i === keepFrom && i > 0) {
      const need = input.blocks.slice(i).reduce((a, x) => a + blockHeight(x), 0) + 12 + signatureHeight();
      if (doc.y + need > maxY() && need < maxY() - 200) doc.addPage();
    }
    setBody();
    // A table or list is set off from the paragraph that follows it.
    if (previous && previous !== b.kind && (previous === 'row' || previous === 'bullet' || previous === 'numbered')) doc.moveDown(0.5);
    previous = b.kind;
    switch (b.kind) {
      case 'paragraph': {
        ensure(2 * doc.currentLineHeight(true));
        doc.text(b.text, left, doc.y, { width: contentWidth, align: 'justify', indent, lineGap: body.gap, paragraphGap: 7 });
        break;
      }
      case 'heading':
        ensure(30);
        doc.font('B').text(b.text, left, doc.y, { width: contentWidth, align: 'center', paragraphGap: 6 });
        break;
      case 'row': {
        const labelX = left + indent;
        const labelW = 128;
        const valueX = labelX + labelW + 12;
        const valueW = left + contentWidth - valueX;
        const h = Math.max(doc.heightOfString(b.value || ' ', { width: valueW, lineGap: body.gap }), doc.heightOfString(b.label || ' ', { width: labelW, lineGap: body.gap }));
        ensure(h + 2);
        const y = doc.y;
        doc.text(b.label, labelX, y, { width: labelW, lineGap: body.gap });
        const afterLabel = doc.y;
        doc.text(':', labelX + labelW + 2, y, { width: 8 });
        doc.text(b.value || '-', valueX, y, { width: valueW, lineGap: body.gap });
        doc.y = Math.max(doc.y, afterLabel) + 1.5;
        doc.x = left;
        break;
      }
      case 'bullet':
      case 'numbered': {
        const marker = b.kind === 'bullet' ? '•' : b.marker;
        const tx = left + indent + 20;
        const h = doc.heightOfString(b.text, { width: left + contentWidth - tx, lineGap: body.gap });
        ensure(Math.min(h, 40));
        const y = doc.y;
        doc.text(marker, left + indent, y, { width: 18 });
        doc.text(b.text, tx, y, { width: left + contentWidth - tx, align: 'justify', lineGap: body.gap, paragraphGap: 3 });
        doc.x = left;
        break;
      }
    }
    doc.x = left;
  }
  // After a table or list, leave a little space before what follows.
  doc.moveDown(0.4);
  if (input.validUntilText) {
    setBody();
    ensure(20);
    doc.font('B').text(`Surat ini berlaku sampai dengan ${input.validUntilText}.`, left, doc.y, { width: contentWidth, paragraphGap: 6 });
  }

  // Signature block (kept together on one page).
  ensure(signatureHeight());
  doc.moveDown(1);
  setBody();
  if (input.layout === 'certificate') doc.text(`${input.place}, ${input.dateText ?? '(belum ditandatangani)'}`, bx, doc.y, { width: blockW });
  const cosignerY = doc.y;
  for (const line of posLines) doc.text(line, bx, doc.y, { width: blockW });
  const afterPosition = doc.y;
  if (input.cosigner) {
    doc.y = cosignerY;
    for (const line of input.cosigner.heading) doc.text(line, left, doc.y, { width: contentWidth - blockW - 12 });
    doc.y = Math.max(doc.y, afterPosition);
  }
  const qrY = doc.y + 6;
  if (!input.draft) {
    const qr = QRCode.create(input.verifyUrl, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    const quiet = 2;
    const s = qrSize / (n + quiet * 2);
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (qr.modules.get(x, y)) doc.rect(bx + (x + quiet) * s, qrY + (y + quiet) * s, s + 0.01, s + 0.01);
    doc.fillColor('black').fill();
    doc.font('R').fontSize(7).text(`${signatureWording(input)} Pindai kode QR atau buka alamat berikut untuk memeriksa keaslian:`, bx + qrSize + 6, qrY + 2, { width: blockW - qrSize - 6 });
    doc.font('R').fontSize(7).text(input.verifyUrl, bx + qrSize + 6, doc.y + 1, { width: blockW - qrSize - 6 });
  } else {
    doc.font('R').fontSize(9).text('(belum ditandatangani)', bx, qrY + qrSize / 2 - 6, { width: blockW });
  }
  doc.y = Math.max(qrY + qrSize + 6, doc.y + 6);
  setBody();
  // The second party signs by hand in the space beside the QR code, their name level with the signer's.
  const namesY = doc.y;
  if (input.cosigner) doc.font('B').text(input.cosigner.name, left, namesY, { width: contentWidth - blockW - 12, underline: true }).font('R');
  const afterCosigner = doc.y;
  doc.y = namesY;
  if (input.signer) {
    doc.font('B').text(input.signer.name, bx, doc.y, { width: blockW, underline: true });
    doc.font('R');
    if (input.signer.rank) doc.text(input.signer.rank, bx, doc.y, { width: blockW });
    if (input.signer.nip) doc.text(`NIP. ${input.signer.nip}`, bx, doc.y, { width: blockW });
  } else doc.text('(nama penanda tangan)', bx, doc.y, { width: blockW });
  doc.y = Math.max(doc.y, afterCosigner);

  // Footer on every page: verification address and page numbers.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const fy = height - bottom + 14;
    doc.lineWidth(0.4).moveTo(left, fy - 4).lineTo(left + contentWidth, fy - 4).stroke('black');
    doc.font('R').fontSize(7).fillColor('black');
    const note = input.draft
      ? 'PRATINJAU / PREVIEW — belum ditandatangani / not signed. DRAF — bukan dokumen resmi; belum bernomor/ditandatangani.'
      : `Keaslian dokumen ini dapat diperiksa di ${input.verifyUrl} (${input.number ?? ''}).`;
    doc.text(note, left, fy, { width: contentWidth - 70, lineBreak: true });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, left + contentWidth - 70, fy, { width: 70, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
