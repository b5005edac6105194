/**
 * Records a team member's credentials the decree requires (Banjarmasin 13 Jaminan Keamanan: "Identitas
 * Resmi dari Dinas Sosial", and a "Surat Ijin Mengemudi (SIM)" for pick-up and escort).
 */
import { findUserById } from '../../db/staff-repo.js';
import { insertAuditEvent } from '../../db/audit-chain-repo.js';
import { upsertMember } from '../../db/emergency-repo.js';
import { fail, type FieldProblem, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import { nowOf, type Actor, type Ctx } from '../context.js';

export interface CredentialsInput {
  officialId?: string;
  licence?: string;
  licenceValidUntil?: string;
}

export async function recordMemberCredentials(ctx: Ctx, actor: Actor, member: string, input: CredentialsInput): Promise<Outcome<{ member: string }, FieldProblem>> {
  if (!actor.officeId || !may(actor.roles, 'emergency.roster'))
    return fail('forbidden', { field: 'member', code: 'permission-required', message: 'Hanya Kepala Bidang atau Kepala Dinas yang mencatat kredensial petugas', messageEn: "Only the head of division or head of office records members' credentials" });
  const user = await findUserById(ctx.database.db, member);
  if (!user || user.office_id !== actor.officeId) return fail('not-found', { field: 'member', code: 'member-unknown', message: 'Petugas tidak ditemukan di kantor ini', messageEn: 'No such member in this office' });
  const until = input.licenceValidUntil?.trim() || null;
  if (until && !/^\d{4}-\d{2}-\d{2}$/.test(until))
    return fail('invalid', { field: 'licenceValidUntil', code: 'date-invalid', message: 'Masa berlaku SIM harus berformat YYYY-MM-DD', messageEn: 'Licence validity must be YYYY-MM-DD' });
  const licence = input.licence?.trim() || null;
  if (until && !licence) return fail('invalid', { field: 'licence', code: 'licence-required', message: 'Isi nomor/golongan SIM bersama masa berlakunya', messageEn: 'Give the licence number/class with its validity' });
  const now = nowOf(ctx).toISOString();
  const row = { user_id: user.id, office_id: user.office_id, official_id: input.officialId?.trim() || null, licence, licence_valid_until: until, updated_by: actor.name, updated_at: now };
  await ctx.database.write(async (trx) => {
    await upsertMember(trx, row);
    await insertAuditEvent(trx, { officeId: user.office_id, actor: actor.name, action: 'emergency.credentials', subject: `staff-user:${user.id}`, detail: { officialId: row.official_id, licence: row.licence, licenceValidUntil: until, actorId: actor.id }, at: now });
  });
  return { ok: true, value: { member: user.id } };
}
