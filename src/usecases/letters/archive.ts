/**
 * The office's letter archive for staff: search by number, applicant, service, date range and
 * status, and the register of outgoing letters (agenda surat keluar) as XLSX.
 */
import { activeDelegationsTo, insertAudit, registerRows, searchLetters, type LetterFilter, type LetterListRow } from '../../db/letters-repo.js';
import { serviceOfCase } from '../case-service.js';
import { indonesianDate, localDayStartUtc, nextDay } from '../../domain/letters/dates.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { storedOffice } from './issue.js';

export interface ArchiveQuery {
  number?: string;
  applicant?: string;
  service?: string;
  status?: string;
  from?: string;
  to?: string;
  signable?: boolean;
  limit?: number;
  offset?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LETTER_STATUSES = ['draft', 'ready', 'signed', 'revoked', 'cancelled'] as const;

export async function searchArchive(ctx: Ctx, officeId: string, q: ArchiveQuery, signerRoles?: string[]): Promise<LetterListRow[]> {
  const office = storedOffice(ctx, officeId);
  const f: LetterFilter = {};
  if (q.number?.trim()) f.number = q.number.trim();
  if (q.applicant?.trim()) f.applicant = q.applicant.trim();
  if (q.service) f.serviceId = office.services.find((s) => s.id === q.service || s.service.slug === q.service)?.id ?? '-';
  if (q.status && (LETTER_STATUSES as readonly string[]).includes(q.status)) f.status = q.status;
  const tz = office.office.timezone;
  if (q.from && DATE.test(q.from)) Object.assign(f, { from: q.from, fromUtc: localDayStartUtc(tz, q.from) });
  if (q.to && DATE.test(q.to)) Object.assign(f, { to: q.to, toUtc: localDayStartUtc(tz, nextDay(q.to)) });
  if (signerRoles) f.signerRoles = signerRoles;
  return searchLetters(ctx.database.db, officeId, f, { limit: Math.min(Math.max(q.limit ?? 100, 1), 500), offset: Math.max(q.offset ?? 0, 0) });
}

const STATUS_ID: Record<string, string> = { draft: 'Konsep', ready: 'Menunggu tanda tangan', signed: 'Ditandatangani', revoked: 'Dicabut', cancelled: 'Dibatalkan' };
export const statusLabel = (s: string, lang: 'id' | 'en' = 'id') =>
  lang === 'id' ? (STATUS_ID[s] ?? s) : ({ draft: 'Draft', ready: 'Ready for signature', signed: 'Signed', revoked: 'Revoked', cancelled: 'Cancelled' } as Record<string, string>)[s] ?? s;

/** The register of numbered letters between two local dates (inclusive), as an XLSX workbook. */
export async function exportRegister(ctx: Ctx, officeId: string, from: string, to: string, actor: Actor): Promise<Buffer> {
  const office = storedOffice(ctx, officeId);
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
    const signer = r.signer ? (JSON.parse(r.signer) as { name: string; delegation: { kind: string } | null }) : null;
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
      statusLabel(r.status),
      signer ? `${signer.delegation ? `${signer.delegation.kind} ` : ''}${signer.name}` : '',
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

/** Letters the actor can sign now: ready for one of their roles (or a delegated role), or
 * drafts whose case waits at a sign step of one of those roles. */
export async function signableLetters(ctx: Ctx, actor: Actor, limit = 500): Promise<LetterListRow[]> {
  if (!actor.officeId || !actor.id) return [];
  const office = storedOffice(ctx, actor.officeId);
  const today = ctx.clock.localDate(office.office, nowOf(ctx).toISOString());
  const db = ctx.database.db;
  const delegated = (await activeDelegationsTo(db, actor.officeId, actor.id, today)).map((d) => d.role);
  const roles = [...new Set([...actor.roles, ...delegated])];
  const ready = await searchLetters(db, actor.officeId, { status: 'ready', signerRoles: roles }, { limit });
  const atStep = await db
    .selectFrom('letters')
    .innerJoin('tasks', (j) => j.onRef('tasks.application_id', '=', 'letters.application_id').on('tasks.status', '=', 'open'))
    .innerJoin('applications', 'applications.id', 'letters.application_id')
    .select(['letters.id', 'tasks.step_id', 'tasks.role', 'applications.service_version_id'])
    .where('letters.office_id', '=', actor.officeId)
    .where('letters.status', '=', 'draft')
    .where('tasks.role', 'in', roles)
    .limit(limit)
    .execute();
  const ids: string[] = [];
  for (const r of atStep) {
    const svc = await serviceOfCase(ctx, r.service_version_id);
    if (svc.procedure?.steps.find((s) => s.id === r.step_id)?.kind === 'sign') ids.push(r.id);
  }
  const drafts = ids.length ? await searchLetters(db, actor.officeId, { ids }, { limit }) : [];
  return [...ready, ...drafts];
}
