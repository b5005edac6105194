/**
 * Issue 15's speed target: open-case counters (per office, UTC day of submission, service, status
 * and SLA state), kept by triggers on `applications` in the statement that inserts, moves or closes
 * a case; the closed cases' bars per year beside those per month; both filled here.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectHelpers } from '../dialect.js';

// OPEN_CASE_STATUSES as of this migration, written out: a migration must not change when the list does.
const OPEN = `('open', 'waiting-applicant', 'waiting-external', 'waiting-signature')`;
const KEY = 'office_id, utc_day, service_id, status, sla_state';

/*
 * Why triggers and not an upsert in each use case: a case's status and SLA state are written by a
 * dozen use cases (submission, each step, pause and resume, the SLA sweep, a calendar change, the
 * release of a held end, withdrawal, erasure) and by imports and tests that write rows directly; a
 * trigger counts every one of them in the same statement, so the counters cannot drift from the
 * cases. Why the UTC day and not the office's local month: a trigger has no office calendar; the
 * UTC day is exact for any zone, and the evaluation counts the two part-days at a period's edges
 * (at most a day of open cases) live from the partial index of migration 028.
 */
export async function up(db: Kysely<any>, h: DialectHelpers): Promise<void> {
  await db.schema
    .createTable('oversight_open_counts')
    .addColumn('office_id', 'text', (c) => c.notNull())
    // The UTC date of submitted_at (its first ten characters), e.g. 2026-05-04.
    .addColumn('utc_day', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sla_state', 'text', (c) => c.notNull())
    // Rows falling to 0 stay (a later case of the same key reuses them); readers sum.
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_open_counts_pk', ['office_id', 'utc_day', 'service_id', 'status', 'sla_state'])
    .execute();
  if (h.dialect === 'sqlite') {
    const add = (row: 'new') =>
      `INSERT INTO oversight_open_counts (${KEY}, n) SELECT ${row}.office_id, substr(${row}.submitted_at, 1, 10), ${row}.service_id, ${row}.status, ${row}.sla_state, 1 WHERE ${row}.status IN ${OPEN} ON CONFLICT (${KEY}) DO UPDATE SET n = n + 1;`;
    const remove = (row: 'old') =>
      `UPDATE oversight_open_counts SET n = n - 1 WHERE ${row}.status IN ${OPEN} AND office_id = ${row}.office_id AND utc_day = substr(${row}.submitted_at, 1, 10) AND service_id = ${row}.service_id AND status = ${row}.status AND sla_state = ${row}.sla_state;`;
    await sql.raw(`CREATE TRIGGER oversight_open_insert AFTER INSERT ON applications WHEN new.status IN ${OPEN} BEGIN ${add('new')} END`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER oversight_open_update AFTER UPDATE OF office_id, service_id, submitted_at, status, sla_state ON applications
         WHEN (old.status IN ${OPEN} OR new.status IN ${OPEN})
          AND (old.office_id IS NOT new.office_id OR old.service_id IS NOT new.service_id OR old.submitted_at IS NOT new.submitted_at OR old.status IS NOT new.status OR old.sla_state IS NOT new.sla_state)
         BEGIN ${remove('old')} ${add('new')} END`,
      )
      .execute(db);
    await sql.raw(`CREATE TRIGGER oversight_open_delete AFTER DELETE ON applications WHEN old.status IN ${OPEN} BEGIN ${remove('old')} END`).execute(db);
  } else {
    // One function for the three events. A move decrements and increments in key order, so two
    // transactions moving cases in opposite directions between the same two rows never deadlock.
    await sql
      .raw(
        `CREATE FUNCTION oversight_open_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean := TG_OP <> 'INSERT' AND OLD.status IN ${OPEN};
  is_open boolean := TG_OP <> 'DELETE' AND NEW.status IN ${OPEN};
  old_key text;
  new_key text;
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.office_id, NEW.service_id, NEW.submitted_at, NEW.status, NEW.sla_state) IS NOT DISTINCT FROM (OLD.office_id, OLD.service_id, OLD.submitted_at, OLD.status, OLD.sla_state) THEN
    RETURN NULL;
  END IF;
  IF was_open THEN old_key := concat_ws('|', OLD.office_id, substr(OLD.submitted_at, 1, 10), OLD.service_id, OLD.status, OLD.sla_state); END IF;
  IF is_open THEN new_key := concat_ws('|', NEW.office_id, substr(NEW.submitted_at, 1, 10), NEW.service_id, NEW.status, NEW.sla_state); END IF;
  IF is_open AND (NOT was_open OR new_key < old_key) THEN
    INSERT INTO oversight_open_counts (${KEY}, n) VALUES (NEW.office_id, substr(NEW.submitted_at, 1, 10), NEW.service_id, NEW.status, NEW.sla_state, 1)
      ON CONFLICT (${KEY}) DO UPDATE SET n = oversight_open_counts.n + 1;
    is_open := false;
  END IF;
  IF was_open THEN
    UPDATE oversight_open_counts SET n = n - 1
      WHERE office_id = OLD.office_id AND utc_day = substr(OLD.submitted_at, 1, 10) AND service_id = OLD.service_id AND status = OLD.status AND sla_state = OLD.sla_state;
  END IF;
  IF is_open THEN
    INSERT INTO oversight_open_counts (${KEY}, n) VALUES (NEW.office_id, substr(NEW.submitted_at, 1, 10), NEW.service_id, NEW.status, NEW.sla_state, 1)
      ON CONFLICT (${KEY}) DO UPDATE SET n = oversight_open_counts.n + 1;
  END IF;
  RETURN NULL;
END $$`,
      )
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER oversight_open_counts AFTER INSERT OR UPDATE OF office_id, service_id, submitted_at, status, sla_state OR DELETE ON applications FOR EACH ROW EXECUTE FUNCTION oversight_open_count()`)
      .execute(db);
  }
  await backfillOpenCounts(db);
  // The closed cases' bars per local year of submission, beside the months' (028): a year's
  // evaluation reads one row per bar instead of twelve. Kept by the same closing transaction.
  // The columns of 028's oversight_counts written out again: a migration never imports another.
  await db.schema
    .createTable('oversight_year_counts')
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('year', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('duration', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('applicant_paused', 'double precision', (c) => c.notNull())
    .addColumn('applicant_pauses', 'integer', (c) => c.notNull())
    .addColumn('external_paused', 'double precision', (c) => c.notNull())
    .addColumn('external_pauses', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('oversight_year_counts_pk', ['office_id', 'year', 'service_id', 'status', 'on_time', 'duration'])
    .execute();
  await backfillYearCounts(db);
  // The head's list of open cases at risk or late, earliest due first: only those cases are in this
  // index, in the order the list reads them, so the list reads its 50 entries and stops.
  await db.schema
    .createIndex('applications_at_risk_or_late')
    .on('applications')
    .columns(['office_id', 'due_at', 'registration_number'])
    .where(sql<boolean>`${sql.raw(`status IN ${OPEN} AND sla_state IN ('late', 'at-risk')`)}`)
    .execute();
}

/** The counters of the cases open now, from scratch (through migration 028's partial index of open cases). */
export async function backfillOpenCounts(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `INSERT INTO oversight_open_counts (${KEY}, n)
       SELECT office_id, substr(submitted_at, 1, 10), service_id, status, sla_state, count(*) FROM applications
       WHERE status IN ${OPEN} GROUP BY office_id, substr(submitted_at, 1, 10), service_id, status, sla_state`,
    )
    .execute(db);
}

/** The years' bars as the sums of their months' bars (the months were counted with the office calendar; a sum needs none). */
export async function backfillYearCounts(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `INSERT INTO oversight_year_counts (office_id, service_id, year, status, on_time, duration, n, applicant_paused, applicant_pauses, external_paused, external_pauses)
       SELECT office_id, service_id, substr(month, 1, 4), status, on_time, duration, sum(n), sum(applicant_paused), sum(applicant_pauses), sum(external_paused), sum(external_pauses)
       FROM oversight_counts GROUP BY office_id, service_id, substr(month, 1, 4), status, on_time, duration`,
    )
    .execute(db);
}
