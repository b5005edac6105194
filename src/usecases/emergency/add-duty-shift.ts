/** The head of division puts a member of the office on call for a period (the duty roster). */
import { findUserById } from '../../db/staff-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { insertShift } from '../../db/emergency-repo.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

/** A shift longer than a week is a typing error, not a roster (a choice: the decrees set no shift length). */
export const MAX_SHIFT_HOURS = 168;

export async function addDutyShift(ctx: Ctx, actor: Actor, input: { member: string; startsAt: string; endsAt: string }): Promise<Outcome<{ id: string }, FieldProblem>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.roster'))
    return fail('forbidden', { field: 'member', code: 'permission-required', message: 'Hanya Kepala Bidang atau Kepala Dinas yang mengatur jadwal piket', messageEn: 'Only the head of division or head of office sets the duty roster' });
  const user = await findUserById(ctx.database.db, input.member);
  const problems: FieldProblem[] = [];
  if (!user || user.office_id !== actor.officeId || !user.active) problems.push({ field: 'member', code: 'member-unknown', message: 'Petugas tidak ditemukan di kantor ini', messageEn: 'No such member in this office' });
  const s = Date.parse(input.startsAt);
  const e = Date.parse(input.endsAt);
  if (Number.isNaN(s)) problems.push({ field: 'startsAt', code: 'date-invalid', message: 'Waktu mulai piket tidak sah', messageEn: 'Invalid shift start' });
  if (Number.isNaN(e)) problems.push({ field: 'endsAt', code: 'date-invalid', message: 'Waktu selesai piket tidak sah', messageEn: 'Invalid shift end' });
  else if (!Number.isNaN(s) && e <= s) problems.push({ field: 'endsAt', code: 'shift-ends-before-start', message: 'Piket harus selesai setelah mulai', messageEn: 'A shift must end after it starts' });
  else if (!Number.isNaN(s) && e - s > MAX_SHIFT_HOURS * 3_600_000)
    problems.push({ field: 'endsAt', code: 'shift-too-long', message: `Satu piket paling lama ${MAX_SHIFT_HOURS} jam`, messageEn: `A shift lasts at most ${MAX_SHIFT_HOURS} hours` });
  if (problems.length) return fail('invalid', ...problems);
  const now = nowOf(ctx).toISOString();
  const startsAt = new Date(s).toISOString();
  const endsAt = new Date(e).toISOString();
  const id = await ctx.database.write(async (trx) => {
    const shift = await insertShift(trx, { office_id: actor.officeId!, user_id: user!.id, starts_at: startsAt, ends_at: endsAt, created_by: actor.name, created_at: now });
    await insertAuditEvent(trx, { officeId: actor.officeId, actor: actor.name, action: 'emergency.shift-added', subject: `duty-shift:${shift}`, detail: { member: user!.id, startsAt, endsAt, actorId: actor.id }, at: now });
    return shift;
  });
  return { ok: true, value: { id } };
}
