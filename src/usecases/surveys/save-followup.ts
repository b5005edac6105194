/**
 * The office's follow-up plan (rencana tindak lanjut) for a period and service, printed in the IKM
 * report: written by the admin, the SKM team or the head of office, and audited.
 */
import type { StoredOffice, StoredService } from '../../db/standards-repo.js';
import { recordSurveyAudit, upsertFollowup } from '../../db/surveys-repo.js';
import { cleanText } from '../../domain/complaints/text.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import type { Period } from '../../domain/surveys/periods.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { canPlanFollowup } from './survey-roles.js';

export async function saveFollowup(ctx: Ctx, actor: Actor, office: StoredOffice, period: Period, service: StoredService | undefined, text: string | undefined): Promise<Outcome<{ savedAt: string }>> {
  if (!canPlanFollowup(actor))
    return failWith('forbidden', 'role-required', 'Hanya admin, petugas survei atau Kepala Dinas yang dapat mengisi rencana tindak lanjut', 'Only the admin, a surveyor or the head of office can write the follow-up plan');
  const t = cleanText(text, { field: 'text', label: 'Rencana tindak lanjut', labelEn: 'Follow-up plan', min: 3, max: 8000, multiline: true, required: true });
  if (!t.ok) return fail('invalid', t.problem);
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await upsertFollowup(trx, { office_id: office.id, scope: service?.id ?? '', period_from: period.from, period_to: period.to, text: t.value!, updated_by: actor.name, updated_at: now });
    await recordSurveyAudit(trx, { officeId: office.id, actor: actor.name, action: 'survey.follow-up', subject: `office:${office.office.slug}`, detail: { from: period.from, to: period.to, service: service?.service.slug ?? null }, at: now });
  });
  return { ok: true, value: { savedAt: now } };
}
