/** Lifts every sign-in lock of a staff account (each address's, and the account-wide one that only an admin lifts). */
import { unlockUser } from '../../db/staff-repo.js';
import type { Outcome } from '../../domain/errors.js';
import type { Actor, Ctx } from '../context.js';
import { changeAccount, manageableAccount, type AccountChanged } from './account-admin.js';

export async function unlockAccount(ctx: Ctx, actor: Actor, username: string): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  await changeAccount(ctx, actor, row, 'account.unlock', async (trx) => {
    await unlockUser(trx, row.id);
    return { value: null, detail: { failuresSinceLastSignIn: row.failed_attempts } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded: 0 } };
}
