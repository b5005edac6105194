/**
 * A handover's Berita Acara Serah Terima as PDF: the full copy for officers (a logged read when it
 * lists victims), the public copy (NIK masked) for whoever holds the QR token; likewise a receipt's or
 * a write-off's berita acara (no personal data beyond the officers' and suppliers' names: one copy).
 */
import { documentByToken, findDocument, findIncident, handoverByToken, handoversOf } from '../../db/logistics-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { logDataRead } from '../audit/log-data-read.js';
import type { Actor, Ctx } from '../context.js';
import { pdfFileName, readLetterFile, type LetterFile } from '../letters/letter-files.js';
import { officeFor } from './logistics-common.js';
import { MAX_HANDOVERS } from './reconcile-incident.js';

const missing = () => failWith('not-found', 'document-not-found', 'Dokumen tidak ditemukan', 'Document not found');

export async function downloadHandover(ctx: Ctx, actor: Actor, incidentId: string, handoverId: string): Promise<Outcome<LetterFile>> {
  const office = officeFor(ctx, actor);
  if (!office.ok) return office;
  const incident = await findIncident(ctx.database.db, office.value, incidentId);
  const h = incident && (await handoversOf(ctx.database.db, incident.id, MAX_HANDOVERS)).find((x) => x.id === handoverId);
  if (!h) return missing();
  if (h.mode === 'families') await logDataRead(ctx, actor, { officeId: office.value, recordKind: 'disaster-victim', recordId: h.id, purpose: 'aid-distribution', action: 'download', fields: ['nik', 'name', 'village'] });
  const pdf = await readLetterFile(ctx, h.sha256);
  return pdf ? { ok: true, value: { pdf, fileName: pdfFileName(`berita-acara-serah-terima-${h.number}`) } } : missing();
}

export async function downloadPublicHandover(ctx: Ctx, token: string): Promise<Outcome<LetterFile>> {
  if (!/^[A-Za-z0-9_-]{20,40}$/.test(token)) return missing();
  const h = await handoverByToken(ctx.database.db, token);
  if (!h) return downloadStockDocument(ctx, null, token);
  const pdf = await readLetterFile(ctx, h.public_sha256);
  return pdf ? { ok: true, value: { pdf, fileName: pdfFileName(`berita-acara-serah-terima-${h.number}-publik`) } } : missing();
}

/** A receipt's or write-off's berita acara: by id for an officer of the office, by QR token for anyone. */
export async function downloadStockDocument(ctx: Ctx, actor: Actor | null, idOrToken: string): Promise<Outcome<LetterFile>> {
  let d;
  if (actor) {
    const office = officeFor(ctx, actor);
    if (!office.ok) return office;
    d = await findDocument(ctx.database.db, office.value, idOrToken);
  } else d = await documentByToken(ctx.database.db, idOrToken);
  const pdf = d && (await readLetterFile(ctx, d.sha256));
  return d && pdf ? { ok: true, value: { pdf, fileName: pdfFileName(`berita-acara-${d.kind}-${d.number}`) } } : missing();
}
