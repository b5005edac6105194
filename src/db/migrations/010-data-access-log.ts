/**
 * The personal-data read log (UU 27/2022: every processing is recorded, reads included): one
 * chained row per read of a case, upload, letter or complaint, findable by record and by person.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('data_access_log')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_kind', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('subject_nik', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('data_access_log_office_seq').on('data_access_log').columns(['office_id', 'seq']).execute();
  await db.schema.createIndex('data_access_log_record').on('data_access_log').columns(['office_id', 'record_kind', 'record_id']).execute();
  await db.schema.createIndex('data_access_log_subject').on('data_access_log').columns(['office_id', 'subject_nik']).execute();
  if (h.dialect === 'sqlite')
    await sql
      .raw(`CREATE TRIGGER data_access_log_chained BEFORE INSERT ON data_access_log WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL BEGIN SELECT RAISE(ABORT, 'data_access_log: rows are chained, write them through db/audit-chain-repo.ts'); END`)
      .execute(db);
}
