/**
 * Group programmes, quota queues and the public self-check (issue 14 §5–7, docs/PROGRAMMES.md):
 * groups with their members, officers, account, proposal and RAB, the group's decree as recorded,
 * disbursement and report; proposals queued against a quota per period; each self-check logged.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('programme_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    // The programme's group rules as they were at the proposal (JSON), so later edits do not change it.
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('individual', 'integer', (c) => c.notNull())
    .addColumn('village', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('business', 'text', (c) => c.notNull())
    .addColumn('proposal_date', 'text', (c) => c.notNull())
    .addColumn('account_bank', 'text', (c) => c.notNull())
    .addColumn('account_number', 'text', (c) => c.notNull())
    .addColumn('account_holder', 'text', (c) => c.notNull())
    // JSON [{ item, amount }] and its total in rupiah.
    .addColumn('rab', 'text', (c) => c.notNull())
    .addColumn('rab_total', 'bigint', (c) => c.notNull())
    // proposed → decreed (group SK recorded) → disbursed → reported
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decree_number', 'text')
    .addColumn('decree_date', 'text')
    .addColumn('decree_issuer', 'text')
    .addColumn('disbursed_on', 'text')
    .addColumn('disbursed_amount', 'bigint')
    .addColumn('report_due', 'text')
    .addColumn('reported_on', 'text')
    .addColumn('report_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_groups_programme').on('programme_groups').columns(['office_id', 'programme_slug', 'created_at']).execute();
  await db.schema
    .createTable('programme_group_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('group_id', 'text', (c) => c.notNull().references('programme_groups.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('kk', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    // ketua | sekretaris | bendahara | null
    .addColumn('role', 'text')
    .addUniqueConstraint('programme_group_members_person', ['group_id', 'nik'])
    .execute();
  // A person is in at most one group of a programme: the use case checks, the index makes it fast.
  await db.schema.createIndex('programme_group_members_nik').on('programme_group_members').columns(['office_id', 'programme_slug', 'nik']).execute();
  await db.schema
    .createTable('programme_quotas')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_quotas_pk', ['office_id', 'programme_slug', 'period'])
    .execute();
  await db.schema
    .createTable('programme_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    // 1, 2, 3 … in the order proposals arrive; the unique constraint keeps two writers from sharing one.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('registration_number', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_queue_position', ['office_id', 'programme_slug', 'period', 'position'])
    .addUniqueConstraint('programme_queue_person', ['office_id', 'programme_slug', 'period', 'nik'])
    .execute();
  await db.schema
    .createTable('programme_self_checks')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    // The NIK asked about (the subject's own record of who looked them up), and the answer given.
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('found', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_self_checks_nik').on('programme_self_checks').columns(['nik', 'at']).execute();
}
