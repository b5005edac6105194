/**
 * An Idempotency-Key is bound to the request it first came with: the SHA-256 of the canonical body
 * is kept beside the key, so the same key with another body is refused instead of answering with
 * someone else's registration number and tracking code. Rows filed before carry null (replayed as before).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('idempotency_body', 'text').execute();
  await db.schema.alterTable('complaints').addColumn('idempotency_body', 'text').execute();
}
