/** The shared rate limits' SQL (migration 030): one atomic upsert per limited request, and a clean-up of windows long over. */
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

/**
 * Counts one request against `key`'s window, starting a new window when the last one is over; one
 * statement, so two processes counting the same address at once both count (the row lock orders them).
 */
export async function countHit(db: Kysely<DB>, key: string, nowMs: number, windowMs: number): Promise<{ hits: number; startedMs: number }> {
  const over = sql<boolean>`rate_limits.started_ms + ${windowMs} <= ${nowMs}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, started_ms: nowMs, hits: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        started_ms: sql`case when ${over} then ${nowMs} else rate_limits.started_ms end`,
        hits: sql`case when ${over} then 1 else rate_limits.hits + 1 end`,
      }),
    )
    .returning(['hits', 'started_ms'])
    .executeTakeFirstOrThrow();
  return { hits: Number(row.hits), startedMs: Number(row.started_ms) };
}

/** The window of `key` as it stands, without counting. */
export async function readHits(db: Kysely<DB>, key: string): Promise<{ hits: number; startedMs: number } | null> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'started_ms']).where('key', '=', key).executeTakeFirst();
  return row ? { hits: Number(row.hits), startedMs: Number(row.started_ms) } : null;
}

/** Forgets windows that began before `beforeMs` (every limit's window is at most an hour). */
export async function forgetOldWindows(db: Kysely<DB>, beforeMs: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('started_ms', '<', beforeMs).execute();
}
