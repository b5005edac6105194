/** Creates a staff account of an office with declared roles and a password the policy accepts (CLI `sigap user add`, the admin page, demo mode). */
import { hash } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername, insertUser, recordAccountAudit, toStaff, type StaffUser } from '../../db/staff-repo.js';
import { fail, failWith, type Outcome } from '../../domain/errors.js';
import { passwordProblem } from '../../domain/staff/password-policy.js';
import type { Catalogue } from '../catalogue/catalogue.js';
import type { Actor } from '../context.js';
import { checkRoles } from './account-admin.js';

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

export async function createUser(
  database: Database,
  catalogue: Catalogue,
  u: NewUser,
  opts: { demo?: boolean; passwordHash?: string; audit?: Actor } = {},
): Promise<Outcome<StaffUser>> {
  const found = catalogue.findOffice(u.office);
  if (!found.ok) return found;
  const office = found.value;
  const badRoles = checkRoles({ catalogue }, office.id, u.roles);
  if (badRoles) return badRoles;
  if (!/^[a-z0-9._@-]{3,80}$/.test(u.username))
    return failWith('invalid', 'username-invalid', 'Nama pengguna 3–80 karakter: huruf kecil, angka, . _ @ -', 'Username of 3–80 characters: lowercase letters, digits, . _ @ -', 'username');
  if (!u.displayName.trim() || u.displayName.length > 120)
    return failWith('invalid', 'name-invalid', 'Isi nama lengkap petugas (paling panjang 120 karakter)', "Enter the officer's full name (at most 120 characters)", 'displayName');
  // The demo accounts' published password is exempt: demo mode is for trying Sigap, never real data.
  const weak = opts.passwordHash || opts.demo ? null : passwordProblem(u.password, [u.username, u.displayName, u.office]);
  if (weak) return fail('invalid', weak);
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
    email: null,
  };
  const by = opts.audit;
  if (by)
    await database.write(async (trx) => {
      await insertUser(trx, row);
      await recordAccountAudit(trx, { officeId: office.id, actor: by.name, action: 'account.add', subject: row.username, detail: { roles: u.roles, by: by.id }, at: row.created_at });
    });
  else await insertUser(database.db, row);
  return { ok: true, value: toStaff(row) };
}
