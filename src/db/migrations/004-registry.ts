import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

/**
 * Registry (DTKS/DTSEN, docs/REGISTRY.md): snapshots and their import lock, the access log,
 * proposals (usulan) and their events. The rows of each snapshot live in their own table
 * (registry_rows_<snapshot id>), created by the import and indexed once loaded: see
 * src/db/registry-repo.ts.
 */
export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('registry_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_for_period', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('source_sha256', 'text', (c) => c.notNull())
    .addColumn('source_size', 'bigint', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('importer_id', 'text')
    .addColumn('importer_name', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('replaced_at', 'text')
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bytes_read', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_accepted', 'integer')
    .addColumn('rows_rejected', 'integer')
    .addColumn('rows_unchanged', 'integer')
    .addColumn('report_path', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_snapshots_current').on('registry_snapshots').columns(['office_id', 'current_for_period', 'period']).execute();
  await db.schema.createIndex('registry_snapshots_sha').on('registry_snapshots').columns(['office_id', 'period', 'source_sha256']).execute();
  await db.schema
    .createTable('registry_import_locks')
    .addColumn('office_id', 'text', (c) => c.primaryKey())
    .addColumn('snapshot_id', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('pid', 'integer', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('registry_access_log')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('nik', 'text')
    .addColumn('kk', 'text')
    .addColumn('snapshot_id', 'text')
    .addColumn('application_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('found', 'integer')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_access_log_office_at').on('registry_access_log').columns(['office_id', 'at']).execute();
  await db.schema.createIndex('registry_access_log_nik').on('registry_access_log').columns(['nik']).execute();
  await db.schema
    .createTable('registry_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('application_id', 'text', (c) => c.unique())
    .addColumn('service_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('kk', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('siksng_reference', 'text')
    .addColumn('ministry_reference', 'text')
    .addColumn('confirmed_snapshot_id', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_proposals_office_stage').on('registry_proposals').columns(['office_id', 'stage']).execute();
  await db.schema.createIndex('registry_proposals_nik').on('registry_proposals').columns(['nik']).execute();
  await db.schema
    .createTable('registry_proposal_events')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('proposal_id', 'text', (c) => c.notNull().references('registry_proposals.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('registry_proposal_events_proposal').on('registry_proposal_events').columns(['proposal_id', 'seq']).execute();
}
