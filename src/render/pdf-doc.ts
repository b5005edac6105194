/**
 * A pdfkit document for Sigap's reports (IKM report, data-subject export): A4, the DejaVu fonts
 * registered as `sans` and `bold` (wide Unicode coverage for any name), and the finished bytes.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FONT_DIR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');

export async function openPdf(options: PDFKit.PDFDocumentOptions): Promise<{ doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> }> {
  // pdfkit loads with the first document, not with every process that imports a renderer.
  const PDFDocument = (await import('pdfkit')).default;
  const doc = new PDFDocument({ size: 'A4', ...options });
  doc.registerFont('sans', `${FONT_DIR}DejaVuSans.ttf`);
  doc.registerFont('bold', `${FONT_DIR}DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
