/**
 * Hands over the frozen export of an answered request, as JSON (complete, machine-readable) or a
 * readable bilingual PDF: to the person (number and code) or to an officer of the office who may
 * answer requests. Each hand-over is recorded: an officer's in the read log, the person's in the audit.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findSubjectRequest, subjectExportText, type SubjectRequest } from '../../db/privacy-repo.js';
import type { StoredOffice } from '../../db/standards-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { officeLocal, subjectRequestAccess, type SubjectExport } from '../../domain/privacy/index.js';
import { renderSubjectExportPdf } from '../../render/subject-export-pdf.js';
import { logDataRead } from '../audit/log-data-read.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { requestNotFound } from './subject-requests.js';
import { findTrackedRequest, type RequestKey } from './track-subject-request.js';

export type ExportFormat = 'json' | 'pdf';

export interface ExportFile {
  body: Buffer;
  type: string;
  fileName: string;
}

const notReady = () => failWith('not-found', 'export-not-ready', 'Salinan data belum tersedia', 'The copy of the data is not ready yet');

async function fileOf(ctx: Ctx, office: StoredOffice, r: SubjectRequest, format: ExportFormat): Promise<Outcome<ExportFile>> {
  const text = await subjectExportText(ctx.database.db, r.id);
  if (!text) return notReady();
  const base = `data-pribadi-${r.number}`;
  if (format === 'json') return { ok: true, value: { body: Buffer.from(text), type: 'application/json; charset=utf-8', fileName: `${base}.json` } };
  const pdf = await renderSubjectExportPdf(JSON.parse(text) as SubjectExport, (iso) => officeLocal(iso, office.office.timezone));
  return { ok: true, value: { body: pdf, type: 'application/pdf', fileName: `${base}.pdf` } };
}

/** The person downloads their own export. */
export async function downloadOwnExport(ctx: Ctx, key: RequestKey, format: ExportFormat): Promise<Outcome<ExportFile>> {
  const found = await findTrackedRequest(ctx, key);
  if (!found.ok) return found;
  const { office, request } = found.value;
  const f = await fileOf(ctx, office, request, format);
  if (!f.ok) return f;
  await insertAuditEvent(ctx.database.db, { officeId: office.id, actor: 'Subjek data (daring)', action: 'privacy.export-download', subject: `subject-request:${request.id}`, detail: { number: request.number, format }, at: nowOf(ctx).toISOString() });
  return f;
}

/** An officer who may answer requests downloads an answered export (logged as a download of personal data). */
export async function downloadExportAsOfficer(ctx: Ctx, actor: Actor, id: string, format: ExportFormat): Promise<Outcome<ExportFile>> {
  if (!actor.officeId) return requestNotFound();
  if (!subjectRequestAccess(actor.roles).answer) return failWith('forbidden', 'not-an-answerer', 'Hanya kepala dinas atau administrator yang dapat membuka salinan data pribadi', 'Only the head of office or an administrator may open a personal-data export');
  const office = ctx.catalogue.officeById(actor.officeId);
  const r = await findSubjectRequest(ctx.database.db, office.id, id);
  if (!r) return requestNotFound();
  const f = await fileOf(ctx, office, r, format);
  if (!f.ok) return f;
  await logDataRead(ctx, actor, { officeId: office.id, recordKind: 'subject-access', recordId: r.id, subjectNik: r.nik, purpose: 'subject-access', action: 'download', fields: [format] });
  return f;
}
