/**
 * The one optimistic update: a row changes only if nobody changed it since the version the actor
 * saw, and its version moves on by one. Of two concurrent actions exactly one wins; the loser
 * learns it from `false` and answers a conflict.
 */
import type { Kysely, Transaction, UpdateObject } from 'kysely';
import type { DB } from './schema.js';

type Q = Kysely<DB> | Transaction<DB>;

/** Tables whose rows are worked on concurrently and carry a `version` (cases, complaints, letters, proposals). */
export type VersionedTable = 'applications' | 'complaints' | 'letters' | 'registry_proposals' | 'programme_rounds' | 'programme_candidates' | 'programme_cycles';

export async function updateIfVersion<T extends VersionedTable>(q: Q, table: T, id: string, version: number, set: Partial<DB[T]>): Promise<boolean> {
  // Kysely cannot narrow a generic table name; the four tables share `id` and `version` columns.
  const values = { ...set, version: version + 1 } as unknown as UpdateObject<DB, VersionedTable, VersionedTable>;
  const r = await (q as Kysely<DB>)
    .updateTable(table as VersionedTable)
    .set(values)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
