/** The office whose calendar an actor may change: a holder of calendar.admin (the office admin), and only their own office. */
import type { StoredOffice } from '../../db/standards-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { may } from '../../domain/staff/permissions.js';
import type { Actor, Ctx } from '../context.js';

export const ADMIN_ROLE = 'admin';

export function adminOffice(ctx: Ctx, actor: Actor): Outcome<StoredOffice> {
  if (!may(actor.roles, 'calendar.admin') || !actor.officeId)
    return failWith('forbidden', 'role-required', 'Hanya admin kantor yang dapat mengatur jam layanan dan hari tutup', 'Only an office admin can set service hours and closures');
  return { ok: true, value: ctx.catalogue.officeById(actor.officeId) };
}
