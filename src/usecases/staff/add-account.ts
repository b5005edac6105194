/** An office admin (or the operator at the command line) adds a staff account, audited with who added it. */
import type { StaffUser } from '../../db/staff-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { accountsOffice } from './account-admin.js';
import { createUser, type NewUser } from './create-user.js';

export async function addAccount(ctx: Ctx, actor: Actor, u: NewUser): Promise<Outcome<StaffUser>> {
  const office = accountsOffice(actor);
  if (!office.ok) return office;
  const found = ctx.catalogue.findOffice(u.office);
  if (office.value !== null && (!found.ok || found.value.id !== office.value))
    return failWith('forbidden', 'other-office', 'Admin kantor hanya dapat menambah akun di kantornya sendiri', 'An office admin can add accounts to their own office only', 'office');
  return createUser(ctx.database, ctx.catalogue, { ...u, username: u.username.trim().toLowerCase() }, { audit: actor });
}
