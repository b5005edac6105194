/** Creates a staff account of an office with declared roles (CLI `sigap user add`, demo mode). */
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername, insertUser, toStaff, type StaffUser } from '../../db/staff-repo.js';
import { failWith, type Outcome } from '../../domain/errors.js';
import type { Catalogue } from '../catalogue/catalogue.js';

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

export async function createUser(database: Database, catalogue: Catalogue, u: NewUser, opts: { demo?: boolean; passwordHash?: string } = {}): Promise<Outcome<StaffUser>> {
  const found = catalogue.findOffice(u.office);
  if (!found.ok) return found;
  const office = found.value;
  const declared = new Set(office.office.roles.map((r) => r.id));
  const unknown = u.roles.filter((r) => !declared.has(r));
  if (u.roles.length === 0 || unknown.length)
    return failWith(
      'invalid',
      'unknown-role',
      `Peran tidak dikenal di ${u.office}: ${unknown.join(', ') || '(kosong)'}. Peran yang ada: ${[...declared].join(', ')}`,
      `Unknown role in ${u.office}: ${unknown.join(', ') || '(none)'}. Declared roles: ${[...declared].join(', ')}`,
      'roles',
    );
  if (!/^[a-z0-9._@-]{3,80}$/.test(u.username))
    return failWith('invalid', 'username-invalid', 'Nama pengguna 3–80 karakter: huruf kecil, angka, . _ @ -', 'Username of 3–80 characters: lowercase letters, digits, . _ @ -', 'username');
  if (!opts.passwordHash && u.password.length < 10 && !opts.demo)
    return failWith('invalid', 'password-too-short', 'Kata sandi minimal 10 karakter', 'Password must be at least 10 characters', 'password');
  if (await findUserByUsername(database.db, u.username))
    return failWith('conflict', 'username-taken', `Nama pengguna "${u.username}" sudah dipakai`, `Username "${u.username}" is taken`, 'username');
  const row = {
    id: randomUUID(),
    office_id: office.id,
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
  return { ok: true, value: toStaff(row) };
}
