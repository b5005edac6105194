/** Re-checks a signed-in officer's password: the fresh authentication that signing a letter requires. */
import { verify } from '@node-rs/argon2';
import type { Database } from '../../db/dialect.js';
import { findUserByUsername } from '../../db/staff-repo.js';

export async function confirmPassword(database: Database, username: string, password: string): Promise<boolean> {
  const row = await findUserByUsername(database.db, username);
  return !!row && (await verify(row.password_hash, password));
}
