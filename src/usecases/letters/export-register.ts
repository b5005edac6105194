/** The register of outgoing letters (agenda surat keluar) for a period, as an XLSX workbook. */
import { insertAudit, registerRows } from '../../db/letters-repo.js';
import { indonesianDate, localDayStartUtc, nextDay } from '../../domain/letters/dates.js';
import { letterStatusName } from '../../domain/letters/status.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { todayAt } from './today.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period asked for; a missing or malformed end is today, a missing or malformed start 1 January. */
export function registerPeriod(ctx: Ctx, officeId: string, asked: { from?: string; to?: string }): { from: string; to: string } {
  const today = todayAt(ctx, ctx.catalogue.officeById(officeId).office);
  return { from: asked.from && DATE.test(asked.from) ? asked.from : `${today.slice(0, 4)}-01-01`, to: asked.to && DATE.test(asked.to) ? asked.to : today };
}

/** Numbered letters between two local dates (inclusive), in number order; the export is audited. */
export async function exportRegister(ctx: Ctx, officeId: string, period: { from: string; to: string }, actor: Actor): Promise<Buffer> {
  const { from, to } = period;
  const office = ctx.catalogue.officeById(officeId);
  const tz = office.office.timezone;
  const rows = await registerRows(ctx.database.db, officeId, localDayStartUtc(tz, from), localDayStartUtc(tz, nextDay(to)));
  const services = new Map(office.services.map((s) => [s.id, s.service]));
  // Loaded only for an export: exceljs is large, and most processes never write a register.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sigap';
  wb.created = nowOf(ctx);
  const ws = wb.addWorksheet('Agenda Surat Keluar', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1 } });
  ws.addRow([`AGENDA SURAT KELUAR — ${office.office.name.toUpperCase()}`]);
  ws.addRow([`Periode ${indonesianDate(from)} s.d. ${indonesianDate(to)}`]);
  ws.addRow([]);
  const header = ['No.', 'Nomor Surat', 'Tanggal Penomoran', 'Tanggal Surat', 'Jenis Surat', 'Judul', 'Perihal', 'Pemegang / Tujuan', 'Layanan', 'No. Registrasi', 'Status', 'Penanda Tangan', 'Berlaku s.d.', 'SHA-256', 'Keterangan'];
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  ws.getRow(1).font = { bold: true, size: 13 };
  rows.forEach((r, i) => {
    const svc = services.get(r.service_id);
    ws.addRow([
      i + 1,
      r.number,
      r.numbered_at ? ctx.clock.localDate(office.office, r.numbered_at) : '',
      r.issued_on ?? '',
      r.letter_type,
      r.title,
      r.subject,
      r.holder_name,
      svc ? `${svc.no}. ${svc.title}` : r.service_id,
      r.registration_number,
      letterStatusName(r.status),
      r.signer ? `${r.signer.delegation ? `${r.signer.delegation.kind} ` : ''}${r.signer.name}` : '',
      r.valid_until ?? '',
      r.sha256 ?? '',
      r.revocation_reason ?? '',
    ]);
  });
  const widths = [6, 28, 14, 12, 18, 30, 40, 28, 36, 18, 20, 28, 12, 66, 40];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  const now = nowOf(ctx).toISOString();
  await insertAudit(ctx.database.db, { officeId, actor: actor.name, action: 'letters.export-register', subject: `office:${office.office.slug}`, detail: { from, to, rows: rows.length }, at: now });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
