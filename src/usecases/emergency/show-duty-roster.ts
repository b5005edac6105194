/** The duty roster of an office: shifts not yet ended, and every member who may be on call with the credentials on record. */
import { officeUsers } from '../../db/staff-repo.js';
import { membersOf, shiftsFrom } from '../../db/emergency-repo.js';
import { nowOf, type Actor, type Ctx } from '../context.js';
import { settingsOf } from './emergency-common.js';

/** Roles whose holders stand on an emergency roster: the team, and who takes reports (Banjarmasin 13 Kompetensi Pelaksana 3 and 4). */
export const ROSTER_ROLES = ['trc', 'pengelola-pengaduan', 'pekerja-sosial', 'front-office'];

export async function showDutyRoster(ctx: Ctx, actor: Actor & { officeId: string }) {
  const db = ctx.database.db;
  const now = nowOf(ctx).toISOString();
  const office = ctx.catalogue.officeById(actor.officeId).office;
  const [users, members, shifts, settings] = await Promise.all([officeUsers(db, actor.officeId), membersOf(db, actor.officeId), shiftsFrom(db, actor.officeId, now, 500), settingsOf(ctx, actor.officeId)]);
  const roster = users
    .filter((u) => u.active && (JSON.parse(u.roles) as string[]).some((r) => ROSTER_ROLES.includes(r)))
    .map((u) => {
      const m = members.find((x) => x.user_id === u.id);
      return { id: u.id, name: u.display_name, roles: JSON.parse(u.roles) as string[], officialId: m?.official_id ?? null, licence: m?.licence ?? null, licenceValidUntil: m?.licence_valid_until ?? null };
    });
  return {
    members: roster,
    shifts: shifts.map((s) => ({ id: s.id, member: s.user_id, name: s.display_name, startsAtLocal: ctx.clock.local(office, s.starts_at), endsAtLocal: ctx.clock.local(office, s.ends_at), now: s.starts_at <= now })),
    settings,
  };
}
