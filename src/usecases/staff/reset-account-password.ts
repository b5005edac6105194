/**
 * An admin sets a new password for a staff account (forgotten, or possibly known to someone else):
 * the password policy applies, every session and API token of the account ends, and its lock-outs
 * are lifted. The audit row records that it happened, never the password.
 */
import { hash } from '@node-rs/argon2';
import { deleteSessionsOfUser, setPasswordHash, unlockUser } from '../../db/staff-repo.js';
import { fail, type Outcome } from '../../domain/errors.js';
import { passwordProblem } from '../../domain/staff/password-policy.js';
import type { Actor, Ctx } from '../context.js';
import { changeAccount, manageableAccount, type AccountChanged } from './account-admin.js';

export async function resetAccountPassword(ctx: Ctx, actor: Actor, username: string, password: string): Promise<Outcome<AccountChanged>> {
  const found = await manageableAccount(ctx, actor, username);
  if (!found.ok) return found;
  const row = found.value;
  const office = ctx.catalogue.officeById(row.office_id).office;
  const weak = passwordProblem(password, [row.username, row.display_name, office.slug]);
  if (weak) return fail('invalid', weak);
  const passwordHash = await hash(password);
  const sessionsEnded = await changeAccount(ctx, actor, row, 'account.reset-password', async (trx) => {
    await setPasswordHash(trx, row.id, passwordHash);
    await unlockUser(trx, row.id);
    const n = await deleteSessionsOfUser(trx, row.id);
    return { value: n, detail: { sessionsEnded: n } };
  });
  return { ok: true, value: { username: row.username, sessionsEnded } };
}
