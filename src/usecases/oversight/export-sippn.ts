/** The office's catalogue in SIPPN's field layout as matched by Sigap (domain/oversight/sippn.ts): CSV, XLSX or rows for JSON; every export audited. */
import { recordSippnExport } from '../../db/figures-repo.js';
import { SIPPN_COLUMNS, sippnRows } from '../../domain/oversight/sippn.js';
import { csvCell, formulaSafe } from '../../domain/util/csv-cell.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

export interface SippnTable {
  columns: { heading: string; headingEn: string; part: string }[];
  rows: string[][];
}

export function sippnTable(ctx: Ctx, officeId: string): SippnTable {
  const o = ctx.catalogue.officeById(officeId);
  return { columns: SIPPN_COLUMNS.map(({ heading, headingEn, part }) => ({ heading, headingEn, part })), rows: sippnRows(o.office, o.services.map((s) => s.service)) };
}

export async function exportSippn(ctx: Ctx, officeId: string, format: 'csv' | 'xlsx' | 'json', actor: Actor): Promise<{ table: SippnTable; bytes: Buffer | null; fileName: string }> {
  const o = ctx.catalogue.officeById(officeId).office;
  const table = sippnTable(ctx, officeId);
  let bytes: Buffer | null = null;
  if (format === 'csv') {
    // A byte-order mark so a spreadsheet opens the UTF-8 text (Indonesian names, "–") as written.
    const lines = [table.columns.map((c) => c.heading), ...table.rows].map((r) => r.map((v) => csvCell(v)).join(','));
    bytes = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  } else if (format === 'xlsx') {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Sigap';
    wb.created = nowOf(ctx);
    const ws = wb.addWorksheet('Standar Pelayanan (SIPPN)');
    const h = ws.addRow(table.columns.map((c) => c.heading));
    h.font = { bold: true };
    for (const r of table.rows) ws.addRow(r.map(formulaSafe)).alignment = { vertical: 'top', wrapText: true };
    table.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.heading === 'No' ? 5 : /Nama|Persyaratan|Prosedur|Dasar/.test(c.heading) ? 50 : 28));
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  }
  await recordSippnExport(ctx.database.db, { officeId, actor: actor.name, format, services: table.rows.length, at: nowOf(ctx).toISOString() });
  return { table, bytes, fileName: `standar-pelayanan-sippn-${o.slug}.${format}` };
}
