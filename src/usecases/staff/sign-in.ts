/**
 * Signs a staff member in with username and password, for a browser session (12 hours, with a
 * CSRF token) or an API token (30 days), from a client address: the lock-out of confirm-password.ts
 * (per account and address, and an account-wide ceiling) decides before the password is checked.
 */
import { hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername, insertSession, toStaff, type StaffUser } from '../../db/staff-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { checkPassword, lockProblem } from './confirm-password.js';
import { tokenHash } from './tokens.js';

export { ACCOUNT_FAILURE_CEILING, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from './confirm-password.js';
const SESSION_HOURS = 12;
export const API_TOKEN_DAYS = 30;

export interface SignedIn {
  token: string;
  csrf: string;
  user: StaffUser;
}

export async function signIn(database: Database, username: string, password: string, kind: 'cookie' | 'api', address: string, now = new Date()): Promise<Outcome<SignedIn>> {
  const bad = failWith('unauthenticated', 'invalid-credentials', 'Nama pengguna atau kata sandi salah', 'Wrong username or password');
  const row = await findUserByUsername(database.db, username.trim().toLowerCase());
  if (!row || row.active !== 1) {
    await hash(password); // same cost whether or not the account exists
    return bad;
  }
  const check = await checkPassword(database, row, password, now, address);
  if (check === 'locked' || check === 'account-locked') {
    const locked = lockProblem(check);
    return failWith('locked', locked.code, locked.message, locked.messageEn);
  }
  if (check === 'wrong') return bad;
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(18).toString('base64url');
  const expires = new Date(now.getTime() + (kind === 'api' ? API_TOKEN_DAYS * 24 : SESSION_HOURS) * 3_600_000).toISOString();
  await insertSession(database.db, { token_hash: tokenHash(token), user_id: row.id, kind, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires });
  return { ok: true, value: { token, csrf, user: toStaff(row) } };
}
