/** The head of division sets the office's emergency thresholds (at-risk share, review interval, merge window and radius) and the assignment rule: values no decree states. */
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { upsertSettings } from '../../db/emergency-repo.js';
import { SETTINGS_BOUNDS, type EmergencySettings } from '../../domain/emergency/index.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

export async function setEmergencySettings(ctx: Ctx, actor: Actor, s: EmergencySettings): Promise<Outcome<EmergencySettings, FieldProblem>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.roster'))
    return fail('forbidden', { field: 'atRiskShare', code: 'permission-required', message: 'Hanya Kepala Bidang atau Kepala Dinas yang mengatur ambang waktu darurat', messageEn: 'Only the head of division or head of office sets the emergency thresholds' });
  const problems: FieldProblem[] = [];
  for (const k of Object.keys(SETTINGS_BOUNDS) as (keyof typeof SETTINGS_BOUNDS)[]) {
    const [lo, hi] = SETTINGS_BOUNDS[k];
    if (!(s[k] >= lo && s[k] <= hi)) problems.push({ field: k, code: 'out-of-range', message: `${k}: harus antara ${lo} dan ${hi}`, messageEn: `${k}: must be between ${lo} and ${hi}` });
  }
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  await ctx.database.write(async (trx) => {
    await upsertSettings(trx, {
      office_id: actor.officeId!,
      at_risk_share: s.atRiskShare,
      review_hours: s.reviewHours,
      merge_window_minutes: s.mergeWindowMinutes,
      merge_radius_metres: s.mergeRadiusMetres,
      auto_assign: s.autoAssign ? 1 : 0,
      ack_minutes: s.ackMinutes,
      updated_by: actor.name,
      updated_at: now,
    });
    await insertAuditEvent(trx, { officeId: actor.officeId, actor: actor.name, action: 'emergency.settings', subject: `office:${actor.officeId}`, detail: { ...s, actorId: actor.id }, at: now });
  });
  return { ok: true, value: s };
}
