/**
 * Staff messages by e-mail (issue 16 §1): a staff account may carry a work e-mail address, and an
 * outbox row may be addressed to an officer (at-risk, late, escalation, assignment) instead of the
 * citizen, so the citizen's history and stop link never see it.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  // Optional: an officer without one is told on the staff pages only, as before.
  await db.schema.alterTable('staff_users').addColumn('email', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('staff_user_id', 'text', (c) => c.references('staff_users.id')).execute();
}
