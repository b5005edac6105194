/** The "Laporan Evaluasi Standar Pelayanan" of a period as XLSX or PDF; every export is audited. */
import { recordOversightExport } from '../../db/oversight-repo.js';
import type { Period } from '../../domain/oversight/period.js';
import { renderEvaluationPdf } from '../../render/evaluation-report-pdf.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { evaluateStandard, type StandardEvaluation } from './evaluate-standard.js';
import { approvedText, asApproved, readApprovedFigures } from './snapshot-figures.js';
import { reportHeader, reportNotes, reportRows } from './report-rows.js';

type Lang = 'id' | 'en';

async function xlsxOf(ctx: Ctx, r: StandardEvaluation, lang: Lang, generatedLocal: string, approvedNote: string | undefined): Promise<Buffer> {
  // Loaded only for an export: exceljs is large, and most processes never write a report.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sigap';
  wb.created = nowOf(ctx);
  const ws = wb.addWorksheet(lang === 'id' ? 'Evaluasi Standar' : 'Standard evaluation', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  ws.addRow([lang === 'id' ? `LAPORAN EVALUASI STANDAR PELAYANAN — ${r.officeName.toUpperCase()}` : `SERVICE STANDARD EVALUATION REPORT — ${r.officeName.toUpperCase()}`]);
  ws.addRow([`${lang === 'id' ? 'Periode' : 'Period'}: ${lang === 'id' ? r.period.label.id : r.period.label.en} (${r.period.from} – ${r.period.to}); ${lang === 'id' ? 'dibuat' : 'generated'} ${generatedLocal}`]);
  if (approvedNote) ws.addRow([approvedNote]).font = { bold: true };
  ws.addRow([]);
  const h = ws.addRow(reportHeader(lang));
  h.font = { bold: true };
  h.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  ws.getRow(1).font = { bold: true, size: 13 };
  for (const row of reportRows(lang, r)) ws.addRow(row).alignment = { vertical: 'top', wrapText: true };
  ws.addRow([]);
  for (const n of reportNotes(lang)) ws.addRow([n]);
  if (r.truncated) ws.addRow([lang === 'id' ? 'Catatan: waktu dihitung dari sebagian kasus (batas pembacaan tercapai).' : 'Note: times were computed from part of the cases (the reading bound was reached).']);
  [6, 40, 28, 8, 9, 14, 14, 14, 14, 12, 36, 60].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportEvaluation(ctx: Ctx, officeId: string, period: Period, format: 'xlsx' | 'pdf', lang: Lang, actor: Actor): Promise<{ bytes: Buffer; fileName: string }> {
  // An approved period's report is its figures as approved (snapshot-figures.ts).
  const live = await evaluateStandard(ctx, officeId, period);
  const approved = period.kind === 'quarter' ? null : await readApprovedFigures(ctx, officeId, period, { services: live.services, truncated: live.truncated });
  const r = approved ? asApproved(live, approved) : live;
  const approvedNote = approved ? approvedText(lang, approved) : undefined;
  const o = ctx.catalogue.officeById(officeId).office;
  const now = nowOf(ctx).toISOString();
  const generatedLocal = ctx.clock.local(o, now);
  const bytes = format === 'xlsx' ? await xlsxOf(ctx, r, lang, generatedLocal, approvedNote) : await renderEvaluationPdf({ evaluation: r, lang, generatedLocal, government: o.government ?? '', ...(approvedNote ? { approvedNote } : {}) });
  await recordOversightExport(ctx.database.db, { officeId, actor: actor.name, format, subject: `office:${o.slug}`, period: period.value, services: r.services.length, at: now });
  return { bytes, fileName: `evaluasi-standar-pelayanan-${o.slug}-${period.value}.${format}` };
}
