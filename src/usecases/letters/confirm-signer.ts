/** Signing needs fresh proof of who signs: the signer's own password, checked again under the sign-in lock-out. */
import { staffById } from '../../db/letters-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { nowOf } from '../context.js';
import { accountLocked, accountLockedByAdmin, confirmPassword, lockProblem } from '../staff/confirm-password.js';

/** The step form's and the letters form's password field: where a refusal is shown. */
export const SIGNING_PASSWORD_FIELD = 'data.password';

export const wrongSigningPassword = (): Problem => ({
  code: 'password-wrong',
  message: 'Kata sandi salah. Penandatanganan surat memerlukan kata sandi Anda sendiri sebagai konfirmasi.',
  messageEn: 'Wrong password. Signing letters needs your own password as confirmation.',
  field: SIGNING_PASSWORD_FIELD,
});

export const signingPasswordRequired = (): Problem => ({
  code: 'password-required',
  message: 'Isi kata sandi Anda untuk menandatangani surat pada tahap ini; tahap tanda tangan tidak dapat diselesaikan tanpa tanda tangan.',
  messageEn: 'Enter your password to sign the letter at this step; a signing step cannot be completed without the signature.',
  field: SIGNING_PASSWORD_FIELD,
});

/** True when `password` is the signing officer's own; else the problem to show beside the password field. */
export async function signerConfirmed(ctx: Ctx, userId: string | null, password: unknown): Promise<true | Problem> {
  const user = userId ? await staffById(ctx.database.db, userId) : undefined;
  if (!user || typeof password !== 'string' || password.length === 0) return wrongSigningPassword();
  const check = await confirmPassword(ctx.database, user.username, password, nowOf(ctx));
  return check === 'ok' ? true : check === 'wrong' ? wrongSigningPassword() : { ...lockProblem(check), field: SIGNING_PASSWORD_FIELD };
}

/** A signing refusal named by its code (as a page carries it back to the form), to show beside the password field. */
export function signingProblem(code: string | undefined): Problem | undefined {
  if (code === 'password-wrong') return wrongSigningPassword();
  if (code === 'password-required') return signingPasswordRequired();
  if (code === 'account-locked') return { ...accountLocked(), field: SIGNING_PASSWORD_FIELD };
  if (code === 'account-locked-admin') return { ...accountLockedByAdmin(), field: SIGNING_PASSWORD_FIELD };
  return undefined;
}
