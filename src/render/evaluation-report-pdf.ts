/**
 * The printable "Laporan Evaluasi Standar Pelayanan" (issue 15): per service the decree's promise
 * beside what the period's cases took, the share on time as a chart, each service's finding, and
 * the definitions used. A4 landscape, pdfkit with DejaVu fonts, for the head of office's review.
 */
import type { StandardEvaluation } from '../usecases/oversight/evaluate-standard.js';
import { reportHeader, reportNotes, reportRows, waitsText } from '../usecases/oversight/report-rows.js';
import { onTimeBarsSvg } from './oversight-charts.js';
import { openPdf } from './pdf-doc.js';
import { reportTools } from './pdf-report.js';

const MARGIN = 36;

export interface EvaluationReportData {
  evaluation: StandardEvaluation;
  lang: 'id' | 'en';
  generatedLocal: string;
  government: string;
  /** "Angka disetujui pada … oleh …" when the figures are an approved snapshot, and how they moved since. */
  approvedNote?: string;
}

export async function renderEvaluationPdf(data: EvaluationReportData): Promise<Buffer> {
  const { evaluation: r, lang } = data;
  const L = (id: string, en: string) => (lang === 'id' ? id : en);
  const title = L('LAPORAN EVALUASI STANDAR PELAYANAN', 'SERVICE STANDARD EVALUATION REPORT');
  const { doc, finish } = await openPdf({ layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: `${title} ${r.officeName} ${r.period.label.id}`, Author: r.officeName, Creator: 'Sigap' } });
  const t = reportTools(doc, MARGIN, { fontSize: 8 });
  const period = lang === 'id' ? r.period.label.id : r.period.label.en;

  doc.font('bold').fontSize(14).text(title, { align: 'center' });
  doc.font('bold').fontSize(12).text(r.officeName.toUpperCase(), { align: 'center' });
  if (data.government) doc.font('sans').fontSize(10).text(data.government, { align: 'center' });
  doc.font('sans').fontSize(10).text(`${L('Periode', 'Period')}: ${period} (${r.period.from} ${L('s.d.', 'to')} ${r.period.to})`, { align: 'center' });
  doc.font('sans').fontSize(8).fillColor('#374151').text(`${L('Dibuat', 'Generated')} ${data.generatedLocal} ${L('dengan', 'with')} Sigap`, { align: 'center' }).fillColor('#000');
  if (data.approvedNote) doc.font('bold').fontSize(9).text(data.approvedNote, { align: 'center' }).font('sans');
  doc.moveDown(0.5);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + t.width, doc.y).lineWidth(1).stroke('#0b3d2e');

  const withCases = r.services.filter((s) => s.evaluation.cases > 0);
  const total = (k: 'cases' | 'completed' | 'onTime' | 'openLate') => r.services.reduce((n, s) => n + s.evaluation[k], 0);
  t.heading(L('1. Ringkasan', '1. Summary'));
  t.para(
    L(
      `${total('cases')} kasus diajukan pada ${withCases.length} dari ${r.services.length} layanan; ${total('completed')} selesai, ${total('onTime')} di antaranya dalam waktu yang dijanjikan keputusan; ${total('openLate')} kasus terbuka sudah terlambat.`,
      `${total('cases')} cases were submitted to ${withCases.length} of ${r.services.length} services; ${total('completed')} completed, ${total('onTime')} of them within the decree's promise; ${total('openLate')} open ${total('openLate') === 1 ? 'case is' : 'cases are'} late.`,
    ),
  );
  const bars = withCases.map((s) => ({ label: `${s.no}. ${s.title}`, rate: s.evaluation.onTimeRate }));
  if (bars.some((b) => b.rate !== null)) t.chart(onTimeBarsSvg(bars, { lang, width: 700 }), Math.min(360, Math.max(120, 40 + bars.length * 28)), 700);

  t.heading(L('2. Janji dan kenyataan per layanan', '2. Promise and actual per service'), 120);
  const head = reportHeader(lang);
  const widths = [26, 200, 110, 40, 46, 62, 66, 66, 66, 78];
  const rows = reportRows(lang, r).map((row) => row.slice(0, 10));
  t.table(
    head.slice(0, 10).map((h, i) => ({ header: h, width: widths[i]!, align: i >= 3 ? ('right' as const) : ('left' as const) })),
    rows,
  );

  t.heading(L('3. Temuan', '3. Findings'));
  if (!withCases.length) t.para(L('Tidak ada kasus pada periode ini.', 'No cases in this period.'));
  for (const s of withCases) {
    t.ensure(40);
    doc.font('bold').fontSize(10).text(`${s.no}. ${s.title}`, MARGIN, doc.y, { width: t.width });
    t.para(`${L('Janji', 'Promise')}: ${s.evaluation.promise.text}. ${lang === 'id' ? s.evaluation.finding.id : s.evaluation.finding.en}`, 9);
    if (s.evaluation.waits.length) t.para(`${L('Menunggu', 'Waiting on')}: ${waitsText(lang, s.evaluation)}`, 9);
    for (const st of s.evaluation.stages)
      t.para(`${L('Tahap', 'Stage')} ${st.label}${st.limitText ? ` (${st.limitText})` : ''}: ${st.finished}/${st.started} ${L('selesai', 'finished')}, ${st.onTime} ${L('tepat waktu', 'on time')}`, 9);
  }

  t.heading(L('4. Definisi', '4. Definitions'));
  for (const n of reportNotes(lang)) t.para(n, 8);
  if (r.truncated) t.para(L('Catatan: waktu dihitung dari sebagian kasus (batas pembacaan tercapai).', 'Note: times were computed from part of the cases (the reading bound was reached).'), 8);

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    // The footer sits in the bottom margin; without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.font('sans').fontSize(7).fillColor('#6b7280').text(`${title} — ${r.officeName} — ${period} — ${L('halaman', 'page')} ${i + 1}/${pages.count}`, MARGIN, doc.page.height - MARGIN + 8, { width: t.width, align: 'center', lineBreak: false });
  }
  return finish();
}
