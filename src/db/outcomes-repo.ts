/** All SQL about the chain's outcomes (hospital, pemulangan, identity documents) recorded from a report or a stay. */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { ChainOutcomesTable } from './schema-shelters.js';

type Q = Kysely<DB> | Transaction<DB>;

export async function insertOutcome(q: Q, row: ChainOutcomesTable): Promise<void> {
  await q.insertInto('chain_outcomes').values(row).execute();
}

/** A report's or a stay's outcomes, oldest first. */
export async function outcomesOf(q: Q, by: { reportId: string } | { stayId: string }) {
  const base = q.selectFrom('chain_outcomes').select(['id', 'kind', 'data', 'registration_number', 'application_id', 'recorded_by_name', 'at']);
  const rows = await ('reportId' in by ? base.where('report_id', '=', by.reportId) : base.where('stay_id', '=', by.stayId)).orderBy('at').orderBy('id').limit(50).execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}
