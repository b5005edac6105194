/**
 * Checks a staff member's password under the one lock-out: five failures lock the account for 15
 * minutes, whether they happen at sign-in or when re-confirming the password to sign a letter (so
 * a stolen session cannot guess the signing password faster than the sign-in form allows).
 */
import { verify } from '@node-rs/argon2';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername, recordFailedSignIn, resetFailedSignIns } from '../../db/staff-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { DB } from '../../db/schema.js';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type PasswordCheck = 'ok' | 'wrong' | 'locked';

export const accountLocked = (): Problem => ({
  code: 'account-locked',
  message: `Akun dikunci sementara karena ${MAX_FAILED_SIGN_INS} kali salah kata sandi. Coba lagi setelah ${LOCK_MINUTES} menit atau hubungi admin.`,
  messageEn: `Account temporarily locked after ${MAX_FAILED_SIGN_INS} wrong passwords. Try again after ${LOCK_MINUTES} minutes or ask an admin.`,
});

/** One attempt on an account's password: counted, and refused while the account is locked. */
export async function checkPassword(database: Database, row: DB['staff_users'], password: string, now: Date): Promise<PasswordCheck> {
  if (row.locked_until && row.locked_until > now.toISOString()) return 'locked';
  if (!(await verify(row.password_hash, password))) {
    const failures = row.failed_attempts + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await recordFailedSignIn(database.db, row.id, lock);
    return 'wrong';
  }
  await resetFailedSignIns(database.db, row.id);
  return 'ok';
}

/** Re-checks a signed-in officer's password: the fresh authentication that signing a letter requires. */
export async function confirmPassword(database: Database, username: string, password: string, now: Date): Promise<PasswordCheck> {
  const row = await findUserByUsername(database.db, username);
  return row && row.active === 1 ? checkPassword(database, row, password, now) : 'wrong';
}
