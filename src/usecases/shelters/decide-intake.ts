/**
 * Banjarmasin 9 step 4: "Kepala Bidang bersama pekerja sosial menentukan status calon klien dapat
 * ditampung dan diberikan intervensi atau harus dilakukan rujukan lanjutan"; the negative branch
 * "Pemohon diberikan informasi status tidak dapat ditampung dan diberi rujukan lainnya". "Dapat
 * ditampung" leads to check-in; a referral ends the intake with where the person was referred.
 */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { findReportById } from '../../db/emergency-repo.js';
import { findStay, insertShelterEvent, updateStayIfVersion } from '../../db/shelters-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { recordEvent } from '../notifications/queue-notices.js';
import { officeFor, stayChanged, stayNotFound } from './shelters-common.js';

export const DECISIONS = ['dapat-ditampung', 'rujukan-lain'] as const;
export type Decision = (typeof DECISIONS)[number];

export async function decideIntake(ctx: Ctx, actor: Actor, stayId: string, input: { decision: Decision; assessment: string; referredTo?: string }): Promise<Outcome<{ id: string; state: string }>> {
  const office = officeFor(actor, 'shelters.decide');
  if (!office.ok) return office;
  const s = await findStay(ctx.database.db, office.value, stayId);
  if (!s) return stayNotFound();
  if (s.state !== 'intake' || s.decision) return fail('conflict', { field: 'decision', code: 'intake-decided', message: 'Status calon klien ini sudah ditentukan', messageEn: 'This intake is already decided' });
  const referredTo = input.referredTo?.trim() ?? '';
  if (input.decision === 'rujukan-lain' && !referredTo)
    return fail('invalid', { field: 'referredTo', code: 'referral-required', message: 'Sebutkan rujukan lainnya (panti, rumah sakit, lembaga)', messageEn: 'Name the referral (panti, hospital, agency)' });
  const now = nowOf(ctx).toISOString();
  const state = input.decision === 'rujukan-lain' ? 'referred' : 'intake';
  const ok = await ctx.database.write(async (trx) => {
    if (!(await updateStayIfVersion(trx, s.id, s.version, { decision: input.decision, referred_to: referredTo || null, state }))) return false;
    const data = { decision: input.decision, assessment: input.assessment, referredTo: referredTo || null };
    await insertShelterEvent(trx, { stay_id: s.id, office_id: s.office_id, type: 'decided', actor_id: actor.id, actor_name: actor.name, data, at: now });
    // From an emergency report, the requester is its reporter: the case's event queues "shelter-decision" to the channels they chose (Banjarmasin 9 step 5).
    const report = s.emergency_report_id ? await findReportById(trx, s.emergency_report_id) : undefined;
    if (report) await recordEvent(trx, ctx, { application_id: report.application_id, office_id: s.office_id, type: 'emergency:shelter-decision', actor_id: actor.id, actor_name: actor.name, note: input.decision, data: { stay: s.id, decision: input.decision }, at: now });
    await insertAuditEvent(trx, { officeId: s.office_id, actor: actor.name, action: 'shelter.intake-decided', subject: `shelter-stay:${s.id}`, detail: { decision: input.decision, referredTo: referredTo || null, actorId: actor.id }, at: now });
    return true;
  });
  return ok ? { ok: true, value: { id: s.id, state } } : stayChanged();
}
