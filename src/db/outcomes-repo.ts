/** All SQL about the chain's outcomes (hospital, pemulangan, identity documents) recorded from a report or a stay. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { ChainOutcomesTable } from './schema-shelters.js';

type Q = Kysely<DB> | Transaction<DB>;

export async function insertOutcome(q: Q, row: ChainOutcomesTable): Promise<void> {
  await q.insertInto('chain_outcomes').values(row).execute();
}

