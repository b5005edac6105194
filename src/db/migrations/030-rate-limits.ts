/**
 * Per-address rate limits shared by every Sigap process on one PostgreSQL database (issue 18): one
 * row per (route, address) with its window's start and hits. UNLOGGED on PostgreSQL: the counts
 * need no crash safety (a restart forgets them, as a single process always did) and skip the WAL,
 * so they cost no replication traffic. SQLite has the table for an identical schema; one process
 * keeps its counts in memory there.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  if (h.dialect === 'postgres') {
    await sql`create unlogged table rate_limits (key text primary key, started_ms bigint not null, hits integer not null)`.execute(db);
    return;
  }
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('started_ms', 'integer', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .execute();
}
