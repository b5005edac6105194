/** The audit trail lists the personal-data read log by time, like audit_events and registry_access_log (their office/at indexes). */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema.createIndex('data_access_log_office_at').on('data_access_log').columns(['office_id', 'at']).execute();
}
