/** Signing needs fresh proof of who signs: the signer's own password, checked again. */
import { staffById } from '../../db/letters-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { Ctx } from '../context.js';
import { confirmPassword } from '../staff/confirm-password.js';

export const wrongSigningPassword = (): Problem => ({
  code: 'password-wrong',
  message: 'Kata sandi salah. Penandatanganan surat memerlukan kata sandi Anda sendiri sebagai konfirmasi.',
  messageEn: 'Wrong password. Signing letters needs your own password as confirmation.',
});

/** Is `password` the signing officer's own? */
export async function signerConfirmed(ctx: Ctx, userId: string | null, password: unknown): Promise<boolean> {
  const user = userId ? await staffById(ctx.database.db, userId) : undefined;
  return !!user && typeof password === 'string' && (await confirmPassword(ctx.database, user.username, password));
}
