/**
 * Assistance programmes (issue 14, docs/PROGRAMMES.md): rounds (a programme's period and stage, its
 * data frozen), their candidates with screening and field verification, the verification history,
 * and the round's Berita Acara and SK.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('programme_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    // The programme as it was when the round opened (JSON), so later edits of the standard do not change it.
    .addColumn('programme', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('reference_date', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'text')
    // verifying → reported (berita acara) → decreed (SK)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('programme_rounds_stage', ['office_id', 'programme_slug', 'period', 'stage'])
    .execute();
  await db.schema
    .createTable('programme_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('programme_rounds.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('kk', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text')
    .addColumn('village', 'text')
    .addColumn('district', 'text')
    .addColumn('address', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    // registry | village | applications
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_note', 'text')
    // eligible | unknown (screening from the registry and the age on the reference date)
    .addColumn('screening', 'text', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull())
    // pending | eligible | ineligible (the field verification)
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text')
    .addColumn('verified_by_name', 'text')
    .addColumn('verified_role', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('programme_candidates_person', ['round_id', 'nik'])
    .execute();
  await db.schema.createIndex('programme_candidates_round').on('programme_candidates').columns(['round_id', 'verification', 'name']).execute();
  await db.schema
    .createTable('programme_verifications')
    .addColumn('seq', h.serial, (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('programme_candidates.id'))
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_verifications_candidate').on('programme_verifications').column('candidate_id').execute();
  await db.schema
    .createTable('programme_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('programme_rounds.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    // berita-acara | sk
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('counter', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull())
    // The full copy (NIK in full) and the public copy (NIK masked), both signed, content-addressed.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('public_sha256', 'text', (c) => c.notNull())
    .addColumn('public_size', 'integer', (c) => c.notNull())
    // JSON: the people it lists with their result, frozen.
    .addColumn('people', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_documents_kind', ['round_id', 'kind'])
    .execute();
}
