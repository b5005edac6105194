/** Changes the roles of a staff account (roles the office declares); its open sessions act with the new roles at once. */
import { setUserRoles } from '../../db/staff-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { ADMIN_ROLE, changeAccount, checkRoles, isSelf, manageableAccount, notOnSelf, type AccountChanged } from './account-admin.js';

export async function setAccountRoles(ctx: Ctx, actor: Actor, username: string, roles: string[]): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  const wanted = [...new Set(roles.map((r) => r.trim()).filter(Boolean))];
  const bad = checkRoles(ctx, row.office_id, wanted);
  if (bad) return bad;
  if (isSelf(actor, row) && !wanted.includes(ADMIN_ROLE)) return notOnSelf('mencabut peran admin dari', 'remove the admin role from');
  const before = JSON.parse(row.roles) as string[];
  await changeAccount(ctx, actor, row, 'account.roles', async (trx) => {
    await setUserRoles(trx, row.id, wanted);
    return { value: null, detail: { before, after: wanted } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded: 0 } };
}
