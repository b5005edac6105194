/** Re-enables a disabled staff account: it may sign in again (with its old password; reset it if in doubt). */
import { setUserActive } from '../../db/staff-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { changeAccount, manageableAccount, type AccountChanged } from './account-admin.js';

export async function enableAccount(ctx: Ctx, actor: Actor, username: string): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  await changeAccount(ctx, actor, row, 'account.enable', async (trx) => {
    await setUserActive(trx, row.id, true);
    return { value: null, detail: { wasActive: row.active === 1 } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded: 0 } };
}
