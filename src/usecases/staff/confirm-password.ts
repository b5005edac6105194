/**
 * Checks a staff member's password under the one lock-out, at sign-in and when re-confirming the
 * password to sign a letter (so a stolen session cannot guess the signing password faster than the
 * sign-in form allows). Each attempt is counted in the database BEFORE the slow hash check
 * (staff-repo reserveAttempt), so concurrent attempts cannot exceed the limits:
 * - per account AND client address: MAX_FAILED_SIGN_INS failures lock that address (only) for
 *   LOCK_MINUTES, so a guesser elsewhere cannot lock the office's head out of the office's network;
 * - per account: ACCOUNT_FAILURE_CEILING failures since the last success, from any address, lock
 *   the account until an admin unlocks it (many addresses guessing together are stopped too).
 * Signing re-confirmations count under the address key `signing`: the caller is already signed in,
 * so five wrong signing passwords mean a session in the wrong hands, and that lock holds for
 * sign-ins from every address too (for LOCK_MINUTES).
 */
import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../../db/dialect.js';
import { clearFailures, findUserByUsername, reserveAttempt } from '../../db/staff-repo.js';
import type { Problem } from '../../domain/errors.js';
import type { DB } from '../../db/schema.js';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
export const ACCOUNT_FAILURE_CEILING = 50;
/** Where signing re-confirmations are counted (instead of a client address). */
export const SIGNING_ADDRESS = 'signing';

export type PasswordCheck = 'ok' | 'wrong' | 'locked' | 'account-locked';

export const accountLocked = (): Problem => ({
  code: 'account-locked',
  message: `Akun dikunci sementara karena ${MAX_FAILED_SIGN_INS} kali salah kata sandi. Coba lagi setelah ${LOCK_MINUTES} menit atau hubungi admin.`,
  messageEn: `Account temporarily locked after ${MAX_FAILED_SIGN_INS} wrong passwords. Try again after ${LOCK_MINUTES} minutes or ask an admin.`,
});

export const accountLockedByAdmin = (): Problem => ({
  code: 'account-locked-admin',
  message: `Akun dikunci karena ${ACCOUNT_FAILURE_CEILING} kali salah kata sandi sejak masuk terakhir. Hanya admin kantor yang dapat membukanya.`,
  messageEn: `Account locked after ${ACCOUNT_FAILURE_CEILING} wrong passwords since the last sign-in. Only an office admin can unlock it.`,
});

/** The problem to show for a refused check that was not even tried. */
export const lockProblem = (check: 'locked' | 'account-locked'): Problem => (check === 'locked' ? accountLocked() : accountLockedByAdmin());

/** One attempt on an account's password from `address`: reserved (counted) first, checked, and cleared only by a success. */
export async function checkPassword(database: Database, row: DB['staff_users'], password: string, now: Date, address: string): Promise<PasswordCheck> {
  const reserved = await reserveAttempt(database, {
    userId: row.id,
    address,
    now: now.toISOString(),
    lockUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(),
    perAddress: MAX_FAILED_SIGN_INS,
    ceiling: ACCOUNT_FAILURE_CEILING,
    lockedEverywhere: SIGNING_ADDRESS,
  });
  if (reserved === 'address-locked') return 'locked';
  if (reserved === 'account-locked') return 'account-locked';
  if (!(await verify(row.password_hash, password))) return 'wrong';
  await clearFailures(database, row.id, address);
  return 'ok';
}

/** Re-checks a signed-in officer's password: the fresh authentication that signing a letter requires. */
export async function confirmPassword(database: Database, username: string, password: string, now: Date): Promise<PasswordCheck> {
  const row = await findUserByUsername(database.db, username);
  if (row && row.active === 1) return checkPassword(database, row, password, now, SIGNING_ADDRESS);
  await hash(password); // the same cost as a real check
  return 'wrong';
}
