/** One dashboard table as XLSX, with the same rows the page shows; every export is audited like the evaluation's. */
import { recordOversightExport } from '../../db/oversight-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import type { Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { compileDashboard, type DashboardQuery } from './compile-dashboard.js';
import { dashboardTables, type DashTable, type DashboardTableId } from './dashboard-tables.js';

type Lang = 'id' | 'en';

async function xlsxOf(ctx: Ctx, t: DashTable, heading: string[]): Promise<Buffer> {
  // Loaded only for an export: exceljs is large, and most processes never write a sheet.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sigap';
  wb.created = nowOf(ctx);
  const ws = wb.addWorksheet(t.title.slice(0, 31).replace(/[\\/*?:[\]]/g, ' '));
  for (const line of heading) ws.addRow([line]);
  ws.getRow(1).font = { bold: true, size: 13 };
  if (t.note) ws.addRow([t.note]);
  ws.addRow([]);
  const h = ws.addRow(t.headers);
  h.font = { bold: true };
  h.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  const headerRow = h.number;
  for (const r of t.rows) {
    // Numbers stay numbers and shares stay shares (formatted as per cent), so the sheet can be summed.
    const row = ws.addRow(r.map((c) => c.v ?? '—'));
    r.forEach((c, i) => {
      if (c.pct && typeof c.v === 'number') row.getCell(i + 1).numFmt = '0.0%';
    });
  }
  t.headers.forEach((hd, i) => (ws.getColumn(i + 1).width = Math.min(48, Math.max(10, hd.length + 2, ...t.rows.map((r) => String(r[i]?.v ?? '').length + 2)))));
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportDashboardTable(ctx: Ctx, actor: Actor, o: StoredOffice, q: DashboardQuery, table: DashboardTableId, lang: Lang): Promise<Outcome<{ bytes: Buffer; fileName: string }>> {
  const r = await compileDashboard(ctx, actor, o, q);
  if (!r.ok) return r;
  const d = r.value;
  const t = dashboardTables(d, lang).find((x) => x.id === table)!;
  const now = nowOf(ctx).toISOString();
  const scope = d.division ? d.division.name : lang === 'id' ? 'Seluruh kantor' : 'Whole office';
  const heading = [`${t.title.toUpperCase()} — ${d.office.name.toUpperCase()}`, `${scope}; ${lang === 'id' ? 'periode' : 'period'} ${d.range.from} – ${d.range.to}; ${lang === 'id' ? 'dibuat' : 'generated'} ${ctx.clock.local(o.office, now)}`];
  const bytes = await xlsxOf(ctx, t, heading);
  await recordOversightExport(ctx.database.db, { officeId: o.id, actor: actor.name, format: 'xlsx', subject: `dashboard:${table}`, period: `${d.range.from}..${d.range.to}${d.division ? ` ${d.division.key}` : ''}`, services: d.services.length, at: now });
  return { ok: true, value: { bytes, fileName: `dasbor-${table}-${o.office.slug}-${d.range.from.slice(0, 7)}-${d.range.to.slice(0, 7)}${d.division ? `-${d.division.key}` : ''}.xlsx` } };
}
