/** The change feed's SQL: bump a key's generation in the changing transaction (and NOTIFY on PostgreSQL), read them all. */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './dialect.js';
import type { DB } from './schema.js';

/** The PostgreSQL channel the feed notifies on; the payload is the key. */
export const CHANGES_CHANNEL = 'sigap_changes';

/**
 * Records that `key`'s shared state changed, in the caller's transaction: committed with the change
 * or not at all. On PostgreSQL the notification is delivered at commit, never for a rollback.
 */
export async function noteChange(trx: Transaction<DB>, dialect: DialectName, key: string, at: string): Promise<void> {
  await trx
    .insertInto('change_feed')
    .values({ key, generation: 1, changed_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ generation: sql<number>`change_feed.generation + 1`, changed_at: at }))
    .execute();
  if (dialect === 'postgres') await sql`select pg_notify(${CHANGES_CHANNEL}, ${key})`.execute(trx);
}

/** Every key's generation (a handful of rows: one per office and the standards). */
export async function generations(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('change_feed').select(['key', 'generation']).execute();
  return new Map(rows.map((r) => [r.key, Number(r.generation)]));
}
