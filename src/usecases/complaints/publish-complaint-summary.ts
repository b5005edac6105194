/**
 * Publishes (or withdraws) an anonymised summary of an answered complaint (Perpres 76/2013: results
 * are public). Confidential complaints are never published; a summary that contains the
 * complainant's name, phone, e-mail or a NIK is refused, however it is spaced or grouped (domain/complaints/identifies.ts).
 */
import { complaintEvent, insertComplaintEvents, type Complaint } from '../../db/complaints-repo.js';
import { updateIfVersion } from '../../db/versioned.js';
import { findApplication } from '../../db/applications-repo.js';
import { cleanText, summaryIdentifies } from '../../domain/complaints/index.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { changedByAnother, findWorkableComplaint, unchangedBut, type WorkDone } from './find-staff-complaint.js';

export interface SummaryInput {
  summary?: string | undefined;
  /** Withdraws the summary when false; publishes otherwise. */
  publish?: boolean | undefined;
}

export async function publishComplaintSummary(ctx: Ctx, actor: Actor, id: string, input: SummaryInput): Promise<Outcome<WorkDone>> {
  const found = await findWorkableComplaint(ctx, actor, id);
  if (!found.ok) return found;
  const c = found.value;
  const publish = input.publish !== false;
  if (publish && c.mode === 'confidential') return failWith('invalid', 'confidential-not-published', 'Pengaduan rahasia tidak dipublikasikan', 'Confidential complaints are never published', 'mode');
  if (publish && c.status === 'open') return failWith('invalid', 'not-answered', 'Ringkasan dipublikasikan setelah pengaduan dijawab', 'A summary is published once the complaint is answered', 'status');
  let summary: string | null = null;
  if (publish) {
    const t = cleanText(input.summary, { field: 'summary', label: 'Ringkasan publik', labelEn: 'Public summary', min: 20, max: 2000, multiline: true, required: true });
    if (!t.ok) return fail('invalid', t.problem);
    summary = t.value!;
    const applicantNik = c.applicationId ? (await findApplication(ctx.database.db, c.officeId, c.applicationId))?.applicant_nik : null;
    if (summaryIdentifies(summary, { name: c.complainantName, phone: c.complainantPhone, email: c.complainantEmail, niks: [applicantNik] }))
      return failWith('invalid', 'summary-identifies', 'Ringkasan memuat identitas pelapor (nama, telepon, email atau NIK); samarkan dahulu', "The summary contains the complainant's identity (name, phone, e-mail or NIK); anonymise it first", 'summary');
  }
  const now = nowOf(ctx).toISOString();
  const won = await ctx.database.write(async (trx) => {
    if (!(await updateIfVersion(trx, 'complaints', c.id, c.version, { public_summary: summary, published_at: publish ? now : null, updated_at: now }))) return false;
    await insertComplaintEvents(trx, complaintEvent(c, { type: publish ? 'summary-published' : 'summary-withdrawn', stage: c.stage, actor, visibility: 'internal', note: summary, at: now }));
    return true;
  });
  if (!won) return changedByAnother();
  return { ok: true, value: unchangedBut(c) };
}
