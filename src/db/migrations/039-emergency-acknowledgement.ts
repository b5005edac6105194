/**
 * The escalated head's acknowledgement on the dispatch board and offline field capture (issue 13 §1):
 * when the current escalation level was reached and last notified, who acknowledged which level and
 * when, the office's acknowledgement interval, and the device's key of a "respon awal" sent from a
 * queue so a replay is recognised instead of refused.
 */
import type { Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

export async function up(db: Kysely<any>, _h: DialectHelpers): Promise<void> {
  const reports = () => db.schema.alterTable('emergency_reports');
  // When the report reached its current escalation level (older rows: unknown, the sweep treats them as due for the next step).
  await reports().addColumn('escalated_at', 'text').execute();
  // The last notice for the current level (the escalation itself, or a repeat while unacknowledged) and how many repeats.
  await reports().addColumn('notified_at', 'text').execute();
  await reports().addColumn('reminders', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // none | kepala-bidang | kepala-dinas: the highest level acknowledged; below `escalation` means waiting.
  await reports().addColumn('acknowledged_level', 'text', (c) => c.notNull().defaultTo('none')).execute();
  await reports().addColumn('acknowledged_at', 'text').execute();
  await reports().addColumn('acknowledged_by', 'text').execute();
  // The client-generated key of the device that captured the first response (offline queue replays).
  await reports().addColumn('first_response_key', 'text').execute();
  await db.schema.createIndex('emergency_reports_first_response_key').unique().on('emergency_reports').columns(['office_id', 'first_response_key']).execute();
  // Minutes an escalated head has to acknowledge before the next level is told (default 10: the head
  // of office hears before the 45-minute breach when the head of division, told at 33:45, stays silent).
  await db.schema.alterTable('emergency_settings').addColumn('ack_minutes', 'integer', (c) => c.notNull().defaultTo(10)).execute();
}
