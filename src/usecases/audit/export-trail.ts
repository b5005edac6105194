/**
 * The filtered trail as an XLSX workbook (the exceljs the survey and letter exports use), at most
 * TRAIL_EXPORT_MAX lines: a wider filter is refused with a request to narrow it. Every text cell
 * is formula-neutralised (an actor's name or a typed reason is data, never a formula), and the
 * export itself is logged (action 'export') before the file is returned.
 */
import { ACTION_NAMES, PURPOSE_NAMES, type DataAccessAction, type DataAccessPurpose } from '../../domain/audit/data-access.js';
import { TRAIL_EXPORT_MAX, TRAIL_KIND_NAMES, TRAIL_SOURCE_NAMES, type TrailKind } from '../../domain/audit/trail.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { formulaSafe } from '../../domain/util/csv-cell.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { logDataRead } from './log-data-read.js';
import { checkTrail, trailCount, trailLines, type TrailLine, type TrailReader } from './trail-lines.js';
import type { TrailInput } from '../../domain/audit/trail.js';

export const TRAIL_EXPORT_COLUMNS = ['Waktu (zona kantor)', 'Waktu (UTC)', 'Sumber', 'Petugas', 'Peran', 'Tindakan', 'Jenis data', 'Id data', 'NIK', 'No. KK', 'Tujuan / alasan', 'Rincian'];

const purposeName = (l: TrailLine) => (l.source === 'data' ? (PURPOSE_NAMES[l.purpose as DataAccessPurpose]?.id ?? l.purpose) : l.purpose) ?? '';
const actionName = (l: TrailLine) => (l.source === 'data' ? (ACTION_NAMES[l.action as DataAccessAction]?.id ?? l.action) : l.action);
const kindName = (l: TrailLine) => TRAIL_KIND_NAMES[l.kind as TrailKind]?.id ?? l.kind;

/** One spreadsheet row of a trail line. */
export const trailCells = (l: TrailLine): string[] =>
  [l.atLocal, l.at, TRAIL_SOURCE_NAMES[l.source].id, l.actorName, l.roleNames.join(', '), actionName(l), kindName(l), l.recordId ?? '', l.nik ?? '', l.kk ?? '', purposeName(l), Object.keys(l.detail).length ? JSON.stringify(l.detail) : ''].map(formulaSafe);

export async function exportTrail(ctx: Ctx, reader: TrailReader, input: TrailInput): Promise<Outcome<{ xlsx: Buffer; fileName: string; lines: number }>> {
  const checked = await checkTrail(ctx, reader, input);
  if (!checked.ok) return checked;
  const { total } = await trailCount(ctx, reader.officeId, checked.value.query);
  if (total > TRAIL_EXPORT_MAX)
    return fail('invalid', {
      code: 'export-too-large',
      field: 'from',
      message: `Ekspor memuat paling banyak ${TRAIL_EXPORT_MAX} baris; filter ini memuat ${total}. Persempit rentang tanggal atau filter lainnya.`,
      messageEn: `An export holds at most ${TRAIL_EXPORT_MAX} lines; this filter matches ${total}. Narrow the dates or another filter.`,
    });
  const lines = await trailLines(ctx, reader, checked.value, TRAIL_EXPORT_MAX);
  const f = checked.value.filter;
  await logDataRead(ctx, reader, { officeId: reader.officeId, recordKind: 'audit-trail', recordId: 'audit-trail', subjectNik: f.nik ?? null, purpose: 'oversight', action: 'export', fields: ['access-history', `lines:${lines.length}`] });
  // Loaded only for an export: exceljs is large.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sigap';
  wb.created = nowOf(ctx);
  const ws = wb.addWorksheet('Jejak Audit');
  const head = ws.addRow(TRAIL_EXPORT_COLUMNS);
  head.font = { bold: true };
  for (const l of lines) ws.addRow(trailCells(l));
  [24, 26, 18, 32, 28, 18, 22, 38, 22, 22, 30, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const day = ctx.clock.localDate(checked.value.office, nowOf(ctx).toISOString());
  return { ok: true, value: { xlsx, fileName: `jejak-audit-${f.from ?? 'awal'}-${f.to ?? day}.xlsx`, lines: lines.length } };
}
