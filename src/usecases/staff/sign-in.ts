/**
 * Signs a staff member in with username and password, for a browser session (12 hours, with a
 * CSRF token) or an API token (30 days). Five failures lock the account for 15 minutes.
 */
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername, insertSession, recordFailedSignIn, resetFailedSignIns, toStaff, type StaffUser } from '../../db/staff-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import { tokenHash } from './tokens.js';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;
export const API_TOKEN_DAYS = 30;

export interface SignedIn {
  token: string;
  csrf: string;
  user: StaffUser;
}

export async function signIn(database: Database, username: string, password: string, kind: 'cookie' | 'api', now = new Date()): Promise<Outcome<SignedIn>> {
  const bad = failWith('unauthenticated', 'invalid-credentials', 'Nama pengguna atau kata sandi salah', 'Wrong username or password');
  const row = await findUserByUsername(database.db, username.trim().toLowerCase());
  if (!row || row.active !== 1) {
    await hash(password); // same cost whether or not the account exists
    return bad;
  }
  if (row.locked_until && row.locked_until > now.toISOString())
    return failWith(
      'locked',
      'account-locked',
      `Akun dikunci sementara karena ${MAX_FAILED_SIGN_INS} kali gagal masuk. Coba lagi setelah ${LOCK_MINUTES} menit atau hubungi admin.`,
      `Account temporarily locked after ${MAX_FAILED_SIGN_INS} failed sign-ins. Try again after ${LOCK_MINUTES} minutes or ask an admin.`,
    );
  if (!(await verify(row.password_hash, password))) {
    const failures = row.failed_attempts + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
    await recordFailedSignIn(database.db, row.id, lock);
    return bad;
  }
  await resetFailedSignIns(database.db, row.id);
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(18).toString('base64url');
  const expires = new Date(now.getTime() + (kind === 'api' ? API_TOKEN_DAYS * 24 : SESSION_HOURS) * 3_600_000).toISOString();
  await insertSession(database.db, { token_hash: tokenHash(token), user_id: row.id, kind, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires });
  return { ok: true, value: { token, csrf, user: toStaff(row) } };
}
