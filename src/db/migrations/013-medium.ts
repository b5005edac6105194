/**
 * Unattached uploads are bounded and swept (issue 12): each upload notes who sent it as a keyed hash
 * of the client address (never the address itself; null for signed-in staff), the sweep and the
 * quota find uploads by age and attachments by upload, and one lock row serialises the quota check
 * with the sweep on PostgreSQL (SQLite write transactions are serial already).
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  await db.schema.alterTable('uploads').addColumn('uploader', 'text').execute();
  await db.schema.createIndex('uploads_uploaded_at').on('uploads').columns(['uploaded_at']).execute();
  await db.schema.createIndex('uploads_uploader').on('uploads').columns(['uploader', 'uploaded_at']).execute();
  await db.schema.createIndex('attachments_upload').on('attachments').columns(['upload_id']).execute();
  await db.schema.createTable('upload_quota_lock').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
}
