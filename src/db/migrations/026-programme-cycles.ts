/**
 * Programme cycles and disbursement (issue 14 §3–4, docs/PROGRAMMES.md): the period's budget, the
 * cycles generated from a decree's recipients, each recipient frozen into a cycle at approval, bank
 * batches with every transfer attempt, and exits (who left a programme, why, when).
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  // An amending round (replacement of recipients who left) names the round whose SK it changes.
  await db.schema.alterTable('programme_rounds').addColumn('amends_round_id', 'text').execute();
  // The allocation (pagu) the office records per programme and period: no decree states one.
  await db.schema
    .createTable('programme_budgets')
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_budgets_pk', ['office_id', 'programme_slug', 'period'])
    .execute();
  await db.schema
    .createTable('programme_cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    // The round whose decree names the recipients.
    .addColumn('round_id', 'text', (c) => c.notNull().references('programme_rounds.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('of_count', 'integer', (c) => c.notNull())
    // YYYY-MM: the month the payment or delivery is due.
    .addColumn('due_month', 'text', (c) => c.notNull())
    // cash | in-kind
    .addColumn('kind', 'text', (c) => c.notNull())
    // Whole rupiah per recipient; null in kind.
    .addColumn('amount', 'bigint')
    // The decree's number: the SK signed in Sigap, or the outside SK (Bupati's) as recorded.
    .addColumn('decree_number', 'text', (c) => c.notNull())
    // draft → approved → paid | delivered → closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('excluded', 'integer', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('snapshot_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('programme_cycles_seq', ['round_id', 'category', 'seq'])
    .execute();
  await db.schema.createIndex('programme_cycles_programme').on('programme_cycles').columns(['office_id', 'programme_slug', 'period', 'due_month']).execute();
  await db.schema
    .createTable('programme_cycle_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('programme_cycles.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('candidate_id', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('village', 'text')
    .addColumn('amount', 'bigint')
    // included | excluded (re-check at approval, or an exit)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    // Set when the registry marks the person deceased or moved, or no longer lists them: the payment is held.
    .addColumn('flag', 'text')
    // JSON: the registry facts and checks at approval, frozen.
    .addColumn('facts', 'text', (c) => c.notNull())
    // pending | paid | failed | delivered
    .addColumn('payment', 'text', (c) => c.notNull())
    .addColumn('batch_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addUniqueConstraint('programme_cycle_recipients_row', ['cycle_id', 'row_no'])
    .execute();
  await db.schema.createIndex('programme_cycle_recipients_payment').on('programme_cycle_recipients').columns(['cycle_id', 'payment']).execute();
  await db.schema.createIndex('programme_cycle_recipients_batch').on('programme_cycle_recipients').column('batch_id').execute();
  await db.schema
    .createTable('programme_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('programme_cycles.id'))
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bank', 'text', (c) => c.notNull())
    // exported | settled (the bank's result imported)
    .addColumn('status', 'text', (c) => c.notNull())
    // first | retry
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('total', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .addColumn('settled_by', 'text')
    .addUniqueConstraint('programme_batches_seq', ['cycle_id', 'seq'])
    .execute();
  // Every transfer attempt, kept: a failed one stays failed, its retry is a new row with a new reference.
  await db.schema
    .createTable('programme_transfers')
    .addColumn('reference', 'text', (c) => c.primaryKey())
    .addColumn('batch_id', 'text', (c) => c.notNull().references('programme_batches.id'))
    .addColumn('recipient_id', 'text', (c) => c.notNull())
    .addColumn('amount', 'bigint', (c) => c.notNull())
    // pending | paid | failed
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('bank_note', 'text')
    .addColumn('settled_at', 'text')
    .execute();
  await db.schema.createIndex('programme_transfers_batch').on('programme_transfers').column('batch_id').execute();
  await db.schema
    .createTable('programme_exits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // deceased | moved | no-longer-eligible | refused
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('exit_date', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('programme_exits_person', ['office_id', 'programme_slug', 'period', 'nik'])
    .execute();
  // Periodic evaluation of a recipient ("Evaluasi penerima bantuan oleh petugas evaluasi"): each act kept.
  await db.schema
    .createTable('programme_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('programme_slug', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('nik', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // memenuhi | tidak-memenuhi
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('evaluated_by', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_evaluations_person').on('programme_evaluations').columns(['office_id', 'programme_slug', 'period', 'nik']).execute();
}
