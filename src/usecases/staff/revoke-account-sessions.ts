/** Ends every browser session and API token (30-day tokens included) of a staff account at once; it may sign in again. */
import { deleteSessionsOfUser } from '../../db/staff-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { changeAccount, manageableAccount, type AccountChanged } from './account-admin.js';

export async function revokeAccountSessions(ctx: Ctx, actor: Actor, username: string): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  const sessionsEnded = await changeAccount(ctx, actor, row, 'account.revoke', async (trx) => {
    const n = await deleteSessionsOfUser(trx, row.id);
    return { value: n, detail: { sessionsEnded: n } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded } };
}
