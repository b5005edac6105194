/** Disables a staff account: it cannot sign in, and every session and API token of it stops working at once. */
import { deleteSessionsOfUser, setUserActive } from '../../db/staff-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { changeAccount, isSelf, manageableAccount, notOnSelf, type AccountChanged } from './account-admin.js';

export async function disableAccount(ctx: Ctx, actor: Actor, username: string): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  if (isSelf(actor, row)) return notOnSelf('menonaktifkan', 'disable');
  const sessionsEnded = await changeAccount(ctx, actor, row, 'account.disable', async (trx) => {
    await setUserActive(trx, row.id, false);
    const n = await deleteSessionsOfUser(trx, row.id);
    return { value: n, detail: { sessionsEnded: n } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded } };
}
