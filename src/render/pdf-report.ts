/**
 * The drawing helpers Sigap's printed reports share (IKM report, evaluation of the standard): a
 * section heading kept with what follows, a paragraph, a bordered table that repeats its header
 * on a new page, and an ECharts SVG drawn as vectors (svg-to-pdfkit).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type SvgToPdf = (doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: { width?: number; height?: number; fontCallback?: (family: string, bold: boolean, italic: boolean) => string }) => void;

export interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export function reportTools(doc: PDFKit.PDFDocument, margin: number, opts: { fontSize?: number } = {}) {
  const SVGtoPDF = require('svg-to-pdfkit') as SvgToPdf;
  const cellSize = opts.fontSize ?? 9;
  const width = doc.page.width - 2 * margin;
  const bottom = () => doc.page.height - margin - 20;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  /** A section heading kept on the same page as the first `keep` points of what follows. */
  const heading = (text: string, keep = 60) => {
    ensure(keep);
    doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#0b3d2e').text(text, margin, doc.y, { width }).fillColor('#000').moveDown(0.3);
  };
  const para = (text: string, size = 10) => doc.font('sans').fontSize(size).text(text, margin, doc.y, { width, align: 'left' }).moveDown(0.3);
  const table = (cols: Column[], rows: string[][]) => {
    const pad = 3;
    const draw = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'sans').fontSize(cellSize);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: cols[i]!.width - 2 * pad }))) + 2 * pad;
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (!bold) draw(cols.map((c) => c.header), true);
      }
      const y = doc.y;
      let x = margin;
      cells.forEach((c, i) => {
        const col = cols[i]!;
        if (bold) doc.rect(x, y, col.width, h).fill('#e5efe9').fillColor('#000');
        doc.rect(x, y, col.width, h).lineWidth(0.5).stroke('#6b7280');
        doc.font(bold ? 'bold' : 'sans').fontSize(cellSize).fillColor('#000').text(c, x + pad, y + pad, { width: col.width - 2 * pad, align: col.align ?? 'left' });
        x += col.width;
      });
      doc.x = margin;
      doc.y = y + h;
    };
    draw(cols.map((c) => c.header), true);
    for (const r of rows) draw(r, false);
    doc.moveDown(0.5);
  };
  const chart = (svg: string, h: number, w = width) => {
    ensure(h + 10);
    SVGtoPDF(doc, svg, margin, doc.y, { width: w, height: h, fontCallback: (_f, bold) => (bold ? 'bold' : 'sans') });
    doc.y += h + 6;
    doc.x = margin;
  };
  return { width, bottom, ensure, heading, para, table, chart };
}
