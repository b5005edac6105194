/**
 * A signed-in officer changes their own password: the current one is checked under the one
 * lock-out (confirm-password.ts, counted like a signing re-confirmation, so a session in the wrong
 * hands guesses no faster than the sign-in form allows), the new one must pass the password policy,
 * and every other session and API token of the account ends (a password that may have leaked also
 * ended whatever the leak opened); the session in use stays signed in. Audited, never the password.
 */
import { hash } from '@node-rs/argon2';
import { deleteOtherSessionsOfUser, findUserById, setPasswordHash } from '../../db/staff-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../../domain/staff/password-policy.js';
import type { Actor, Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { changeAccount } from './account-admin.js';
import { confirmPassword, lockProblem } from './confirm-password.js';
import { tokenHash } from './tokens.js';

export interface OwnPasswordChange {
  currentPassword: string;
  newPassword: string;
  /** The new password typed again (the page asks; the API may leave it out). */
  confirmPassword?: string | undefined;
}

export async function changeOwnPassword(ctx: Ctx, actor: Actor, input: OwnPasswordChange, sessionToken: string): Promise<Outcome<{ sessionsEnded: number }>> {
  const row = actor.id ? await findUserById(ctx.database.db, actor.id) : undefined;
  if (!row || row.active !== 1) return failWith('unauthenticated', 'unauthenticated', 'Silakan masuk terlebih dahulu', 'Please sign in first');
  // The new password first: a refused one costs no attempt of the lock-out.
  if (input.confirmPassword !== undefined && input.confirmPassword !== input.newPassword)
    return failWith('invalid', 'password-mismatch', 'Kata sandi baru dan ulangannya tidak sama', 'The new password and its repetition differ', 'confirmPassword');
  const office = ctx.catalogue.officeById(row.office_id).office;
  const weak = passwordProblem(input.newPassword, [row.username, row.display_name, office.slug], 'newPassword');
  if (weak) return fail('invalid', weak);
  if (input.currentPassword.length > MAX_PASSWORD_LENGTH) return wrongCurrent();
  const check = await confirmPassword(ctx.database, row.username, input.currentPassword, nowOf(ctx));
  if (check === 'locked' || check === 'account-locked') return fail('locked', { ...lockProblem(check), field: 'currentPassword' });
  if (check === 'wrong') return wrongCurrent();
  if (input.newPassword === input.currentPassword)
    return failWith('invalid', 'password-unchanged', 'Kata sandi baru harus berbeda dari yang sekarang', 'The new password must differ from the current one', 'newPassword');
  const passwordHash = await hash(input.newPassword);
  const sessionsEnded = await changeAccount(ctx, actor, row, 'account.change-own-password', async (trx) => {
    await setPasswordHash(trx, row.id, passwordHash);
    const n = await deleteOtherSessionsOfUser(trx, row.id, tokenHash(sessionToken));
    return { value: n, detail: { sessionsEnded: n } };
  });
  return { ok: true, value: { sessionsEnded } };
}

const wrongCurrent = () =>
  failWith('invalid', 'current-password-wrong', 'Kata sandi saat ini salah', 'The current password is wrong', 'currentPassword');
