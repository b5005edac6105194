/** All SQL about server settings: secrets that older versions kept in the database, read once to move them into the key file. */
import type { Kysely } from 'kysely';
import type { DB } from './schema.js';

/** Every secret still stored in the database (before the move to the key file; none after). */
export async function storedSecrets(db: Kysely<DB>): Promise<{ key: string; value: string }[]> {
  return db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
}

/** Deletes a secret from the database once the key file holds it. */
export async function deleteStoredSecret(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}
