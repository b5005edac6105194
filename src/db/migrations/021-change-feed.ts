/**
 * The change feed between Sigap processes on one database (issue 18): one row per kind of shared
 * in-memory state (an office's calendar, the standards), its generation bumped with each change, so
 * every process can tell that what it keeps in memory is stale and read it again.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('change_feed')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
}
