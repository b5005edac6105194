/** Staff accounts: creation (CLI and demo mode), sign-in with lock-out, sessions and API tokens. */
import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../db/dialect.js';
import {
  deleteSession,
  findSession,
  findUserByUsername,
  insertSession,
  insertUser,
  officeIdBySlug,
  recordFailedSignIn,
  resetFailedSignIns,
  toStaff,
  type StaffUser,
} from '../db/staff-repo.js';
import type { Problem } from '../domain/errors.js';
import type { Catalogue } from './catalogue.js';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const SESSION_HOURS = 12;
const API_TOKEN_DAYS = 30;
export const DEMO_PASSWORD = 'sigap-demo';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface NewUser {
  office: string;
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  title?: string;
  nip?: string;
  rank?: string;
}

export async function createUser(database: Database, catalogue: Catalogue, u: NewUser, opts: { demo?: boolean; passwordHash?: string } = {}): Promise<StaffUser | Problem> {
  const office = catalogue.office(u.office);
  if (!office) return { code: 'office-not-found', message: `Kantor "${u.office}" tidak ditemukan`, messageEn: `Office "${u.office}" not found` };
  const declared = new Set(office.office.roles.map((r) => r.id));
  const unknown = u.roles.filter((r) => !declared.has(r));
  if (u.roles.length === 0 || unknown.length)
    return {
      code: 'unknown-role',
      message: `Peran tidak dikenal di ${u.office}: ${unknown.join(', ') || '(kosong)'}. Peran yang ada: ${[...declared].join(', ')}`,
      messageEn: `Unknown role in ${u.office}: ${unknown.join(', ') || '(none)'}. Declared roles: ${[...declared].join(', ')}`,
    };
  if (!/^[a-z0-9._@-]{3,80}$/.test(u.username))
    return { code: 'username-invalid', message: 'Nama pengguna 3–80 karakter: huruf kecil, angka, . _ @ -', messageEn: 'Username of 3–80 characters: lowercase letters, digits, . _ @ -' };
  if (!opts.passwordHash && u.password.length < 10 && !opts.demo)
    return { code: 'password-too-short', message: 'Kata sandi minimal 10 karakter', messageEn: 'Password must be at least 10 characters' };
  if (await findUserByUsername(database.db, u.username))
    return { code: 'username-taken', message: `Nama pengguna "${u.username}" sudah dipakai`, messageEn: `Username "${u.username}" is taken` };
  const officeId = (await officeIdBySlug(database.db, u.office))!;
  const row = {
    id: randomUUID(),
    office_id: officeId,
    username: u.username,
    display_name: u.displayName,
    password_hash: opts.passwordHash ?? (await hash(u.password)),
    roles: JSON.stringify(u.roles),
    title: u.title ?? null,
    nip: u.nip ?? null,
    rank: u.rank ?? null,
    active: 1,
    failed_attempts: 0,
    locked_until: null,
    demo: opts.demo ? 1 : 0,
    created_at: new Date().toISOString(),
  };
  await insertUser(database.db, row);
  return toStaff(row);
}

/** Demo mode: one account per role per office, `<role>@<office-slug>` / `sigap-demo`. */
export async function ensureDemoAccounts(database: Database, catalogue: Catalogue): Promise<number> {
  // One hash serves every demo account: they share the published demo password anyway.
  let shared: string | null = null;
  let created = 0;
  for (const o of catalogue.list())
    for (const role of o.office.roles) {
      const username = `${role.id}@${o.office.slug}`;
      if (await findUserByUsername(database.db, username)) continue;
      shared ??= await hash(DEMO_PASSWORD);
      const r = await createUser(
        database,
        catalogue,
        { office: o.office.slug, username, displayName: `${role.name} (demo)`, password: DEMO_PASSWORD, roles: [role.id], title: role.name },
        { demo: true, passwordHash: shared },
      );
      if ('id' in r) created++;
    }
  return created;
}

export type SignInResult = { ok: true; token: string; csrf: string; user: StaffUser } | { ok: false; status: 401 | 423; error: Problem };

export async function signIn(database: Database, username: string, password: string, kind: 'cookie' | 'api', now = new Date()): Promise<SignInResult> {
  const bad: SignInResult = {
    ok: false,
    status: 401,
    error: { code: 'invalid-credentials', message: 'Nama pengguna atau kata sandi salah', messageEn: 'Wrong username or password' },
  };
  const row = await findUserByUsername(database.db, username.trim().toLowerCase());
  if (!row || row.active !== 1) {
    await hash(password); // same cost whether or not the account exists
    return bad;
  }
  if (row.locked_until && row.locked_until > now.toISOString())
    return {
      ok: false,
      status: 423,
      error: {
        code: 'account-locked',
        message: `Akun dikunci sementara karena ${MAX_FAILED_SIGN_INS} kali gagal masuk. Coba lagi setelah ${LOCK_MINUTES} menit atau hubungi admin.`,
        messageEn: `Account temporarily locked after ${MAX_FAILED_SIGN_INS} failed sign-ins. Try again after ${LOCK_MINUTES} minutes or ask an admin.`,
      },
    };
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
  await insertSession(database.db, { token_hash: sha256(token), user_id: row.id, kind, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires });
  return { ok: true, token, csrf, user: toStaff(row) };
}

type SessionHit = { user: StaffUser; csrf: string; kind: string };

/**
 * Sessions seen in the last moments, by token hash: every signed-in request asks, and a busy
 * counter asks many times a second. Signing out here forgets at once; a session ended by another
 * process (a second server) stops working within SESSION_CACHE_MS.
 */
export const SESSION_CACHE_MS = 2000;
const sessionCache = new Map<string, { hit: SessionHit; until: number }>();

export async function sessionUser(database: Database, token: string): Promise<SessionHit | null> {
  const key = sha256(token);
  const now = Date.now();
  const cached = sessionCache.get(key);
  if (cached && cached.until > now) return cached.hit;
  const row = await findSession(database, key, new Date(now).toISOString());
  if (!row) {
    sessionCache.delete(key);
    return null;
  }
  const hit = { user: toStaff(row), csrf: row.csrf_token, kind: row.kind };
  if (sessionCache.size >= 10_000) sessionCache.delete(sessionCache.keys().next().value!);
  sessionCache.set(key, { hit, until: Math.min(now + SESSION_CACHE_MS, Date.parse(row.expires_at)) });
  return hit;
}

export async function signOut(database: Database, token: string): Promise<void> {
  const key = sha256(token);
  sessionCache.delete(key);
  await deleteSession(database.db, key);
  // A request that read the session while it was being deleted may have cached it again.
  sessionCache.delete(key);
}

/** Re-checks a signed-in user's password (fresh authentication for signing letters). */
export async function confirmPassword(database: Database, username: string, password: string): Promise<boolean> {
  const row = await findUserByUsername(database.db, username);
  return !!row && (await verify(row.password_hash, password));
}
