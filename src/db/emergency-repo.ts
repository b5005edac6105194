/** All SQL about emergency reports, their events and assignments, the duty roster and the office's emergency settings. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { DutyMembersTable, EmergencyReportsTable, EmergencySettingsTable } from './schema-emergency.js';

type Q = Kysely<DB> | Transaction<DB>;

export type ReportRow = EmergencyReportsTable;

export async function insertReport(q: Q, row: ReportRow): Promise<void> {
  await q.insertInto('emergency_reports').values(row).execute();
}

export async function insertEmergencyEvent(q: Q, e: { report_id: string; office_id: string; type: string; actor_id: string | null; actor_name: string; data: Record<string, unknown>; at: string }): Promise<void> {
  await q
    .insertInto('emergency_events')
    .values({ ...e, id: randomUUID(), data: JSON.stringify(e.data) })
    .execute();
}

export async function reportEvents(q: Q, reportId: string) {
  const rows = await q.selectFrom('emergency_events').selectAll().where('report_id', '=', reportId).orderBy('at').orderBy('id').limit(500).execute();
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
}

/** One report of an office by its registration number (the case's). */
export async function findReportByNumber(q: Q, officeId: string, registrationNumber: string): Promise<ReportRow | undefined> {
  return q.selectFrom('emergency_reports').selectAll().where('office_id', '=', officeId).where('registration_number', '=', registrationNumber).executeTakeFirst();
}

export async function findReportByApplication(q: Q, applicationId: string): Promise<ReportRow | undefined> {
  return q.selectFrom('emergency_reports').selectAll().where('application_id', '=', applicationId).executeTakeFirst();
}

export async function findReportById(q: Q, id: string): Promise<ReportRow | undefined> {
  return q.selectFrom('emergency_reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The dispatch board: an office's open reports, the most urgent first (those without a decreed limit last). */
export async function openReports(q: Q, officeId: string, limit: number): Promise<ReportRow[]> {
  return q
    .selectFrom('emergency_reports')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('state', '=', 'open')
    // Escalations waiting for their head's acknowledgement first, the longest waiting at the top (migration 039).
    .orderBy((eb) => eb.case().when(eb.and([eb('escalation', '!=', 'none'), eb('acknowledged_level', '!=', eb.ref('escalation'))])).then(0).else(1).end())
    .orderBy('escalated_at')
    .orderBy((eb) => eb.case().when('first_response_due_at', 'is', null).then(1).else(0).end())
    .orderBy('first_response_due_at')
    .orderBy('reported_at')
    .limit(limit)
    .execute();
}

/**
 * How an office kept its first-response promise for the reports made in [from, to): those with a
 * decreed limit, merged duplicates left out; met in time, late (responded late, or still open past
 * due at `now`). One aggregate over the (office, reported_at) index of migration 031.
 */
export async function firstResponseTally(q: Q, officeId: string, from: string, to: string, now: string): Promise<{ reports: number; met: number; late: number }> {
  const row = await q
    .selectFrom('emergency_reports')
    .select((eb) => [
      eb.fn.countAll<number>().as('reports'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('first_response_at', 'is not', null), eb('first_response_at', '<=', eb.ref('first_response_due_at'))])).then(1).else(0).end()).as('met'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.or([eb('first_response_at', '>', eb.ref('first_response_due_at')), eb.and([eb('first_response_at', 'is', null), eb('state', '=', 'open'), eb('first_response_due_at', '<', now)])]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('late'),
    ])
    .where('office_id', '=', officeId)
    .where('reported_at', '>=', from)
    .where('reported_at', '<', to)
    .where('first_response_due_at', 'is not', null)
    .where('state', '!=', 'merged')
    .executeTakeFirst();
  return { reports: Number(row?.reports ?? 0), met: Number(row?.met ?? 0), late: Number(row?.late ?? 0) };
}

/** Reports responded to since `since` (the board shows them met or late for a while). */
export async function respondedSince(q: Q, officeId: string, since: string, limit: number): Promise<ReportRow[]> {
  return q
    .selectFrom('emergency_reports')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('state', '=', 'responded')
    .where('first_response_at', '>=', since)
    .orderBy('first_response_at', 'desc')
    .limit(limit)
    .execute();
}

/** Records the first response; only at the version the team saw, and only once (with the device's key when it came from a queue). */
export async function setFirstResponse(q: Q, id: string, version: number, at: string, key: string | null = null): Promise<boolean> {
  const r = await q
    .updateTable('emergency_reports')
    .set({ first_response_at: at, state: 'responded', version: version + 1, first_response_key: key })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('first_response_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Raises the escalation of an open report; a concurrent sweep (in this or another process) that got there first wins. */
export async function setEscalation(q: Q, id: string, from: string, to: string, at: string): Promise<boolean> {
  const r = await q
    .updateTable('emergency_reports')
    .set({ escalation: to, escalated_at: at, notified_at: at, reminders: 0 })
    .where('id', '=', id)
    .where('escalation', '=', from)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Counts a repeat notice of an unacknowledged level; of two sweeps seeing the same count, one wins. */
export async function setReminded(q: Q, id: string, level: string, reminders: number, at: string): Promise<boolean> {
  const r = await q
    .updateTable('emergency_reports')
    .set({ notified_at: at, reminders: reminders + 1 })
    .where('id', '=', id)
    .where('escalation', '=', level)
    .where('acknowledged_level', '!=', level)
    .where('reminders', '=', reminders)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The head acknowledges the report's current level; of two acknowledgements at once, one wins. */
export async function setAcknowledged(q: Q, id: string, level: string, by: string, at: string): Promise<boolean> {
  const r = await q
    .updateTable('emergency_reports')
    .set({ acknowledged_level: level, acknowledged_at: at, acknowledged_by: by })
    .where('id', '=', id)
    .where('escalation', '=', level)
    .where('acknowledged_level', '!=', level)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Open reports with a first-response limit the sweep may still act on: not yet at the head of
 * office, or at the head of office unacknowledged with a repeat notice left and due (last notice
 * at or before `remindBefore`), so that a settled office's minute reads nothing.
 */
export async function escalationCandidates(q: Q, officeId: string, limit: number, maxReminders: number, remindBefore: string): Promise<ReportRow[]> {
  return q
    .selectFrom('emergency_reports')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('state', '=', 'open')
    .where('first_response_due_at', 'is not', null)
    .where((eb) => eb.or([eb('escalation', '!=', 'kepala-dinas'), eb.and([eb('acknowledged_level', '!=', 'kepala-dinas'), eb('reminders', '<', maxReminders), eb('notified_at', '<=', remindBefore)])]))
    .orderBy('first_response_due_at')
    .limit(limit)
    .execute();
}

/** Earlier unmerged reports of the same service in an office within a time window: candidates for a merge. */
export async function reportsNear(q: Q, officeId: string, serviceSlug: string, from: string, to: string, limit: number): Promise<ReportRow[]> {
  return q
    .selectFrom('emergency_reports')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('service_slug', '=', serviceSlug)
    .where('state', '!=', 'merged')
    .where('reported_at', '>=', from)
    .where('reported_at', '<=', to)
    .orderBy('reported_at')
    .limit(limit)
    .execute();
}

/**
 * Open reports whose case has ended (completed, rejected, withdrawn) without a first response: the
 * sweep closes them. Responded ones are left: they leave the board after its window anyway, and
 * reading every responded report each minute cost 0.2–0.8 s at 100,000 reports (docs/EMERGENCY.md).
 */
export async function reportsOfEndedCases(q: Q, officeId: string, limit: number) {
  return q
    .selectFrom('emergency_reports')
    .innerJoin('applications', 'applications.id', 'emergency_reports.application_id')
    .select(['emergency_reports.id', 'emergency_reports.application_id', 'emergency_reports.state', 'applications.status', 'applications.closed_at'])
    .where('emergency_reports.office_id', '=', officeId)
    .where('emergency_reports.state', '=', 'open')
    .where('applications.closed_at', 'is not', null)
    .limit(limit)
    .execute();
}

export async function setClosed(q: Q, id: string, from: string): Promise<boolean> {
  const r = await q.updateTable('emergency_reports').set((eb) => ({ state: 'closed', version: eb('version', '+', 1) })).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function setMerged(q: Q, id: string, version: number, into: string): Promise<boolean> {
  const r = await q.updateTable('emergency_reports').set({ state: 'merged', merged_into: into, version: version + 1 }).where('id', '=', id).where('version', '=', version).where('state', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertAssignment(q: Q, a: { report_id: string; office_id: string; user_id: string; task: string; assigned_by: string; at: string }): Promise<void> {
  await q
    .insertInto('emergency_assignments')
    .values({ ...a, id: randomUUID() })
    .execute();
}

export async function assignmentsOf(q: Q, reportIds: string[]) {
  if (!reportIds.length) return [];
  return q
    .selectFrom('emergency_assignments')
    .innerJoin('staff_users', 'staff_users.id', 'emergency_assignments.user_id')
    .select(['emergency_assignments.report_id', 'emergency_assignments.user_id', 'emergency_assignments.task', 'emergency_assignments.at', 'staff_users.display_name'])
    .where('emergency_assignments.report_id', 'in', reportIds)
    .orderBy('emergency_assignments.at')
    .execute();
}

// ---- duty roster ----------------------------------------------------------------------------

export async function insertShift(q: Q, s: { office_id: string; user_id: string; starts_at: string; ends_at: string; created_by: string; created_at: string }): Promise<string> {
  const id = randomUUID();
  await q
    .insertInto('duty_shifts')
    .values({ ...s, id })
    .execute();
  return id;
}

/** Shifts of an office that have not ended by `from`, with the member's name. */
export async function shiftsFrom(q: Q, officeId: string, from: string, limit: number) {
  return q
    .selectFrom('duty_shifts')
    .innerJoin('staff_users', 'staff_users.id', 'duty_shifts.user_id')
    .select(['duty_shifts.id', 'duty_shifts.user_id', 'duty_shifts.starts_at', 'duty_shifts.ends_at', 'staff_users.display_name'])
    .where('duty_shifts.office_id', '=', officeId)
    .where('duty_shifts.ends_at', '>', from)
    .orderBy('duty_shifts.starts_at')
    .limit(limit)
    .execute();
}

export async function upsertMember(q: Q, m: DutyMembersTable): Promise<void> {
  await q
    .insertInto('duty_members')
    .values(m)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ official_id: m.official_id, licence: m.licence, licence_valid_until: m.licence_valid_until, updated_by: m.updated_by, updated_at: m.updated_at }))
    .execute();
}

export async function membersOf(q: Q, officeId: string): Promise<DutyMembersTable[]> {
  return q.selectFrom('duty_members').selectAll().where('office_id', '=', officeId).limit(1000).execute();
}

export async function memberOf(q: Q, userId: string): Promise<DutyMembersTable | undefined> {
  return q.selectFrom('duty_members').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

// ---- settings -------------------------------------------------------------------------------

export async function settingsRow(q: Q, officeId: string) {
  return q.selectFrom('emergency_settings').selectAll().where('office_id', '=', officeId).executeTakeFirst();
}

export async function upsertSettings(q: Q, s: EmergencySettingsTable): Promise<void> {
  const { office_id: _, ...change } = s;
  await q
    .insertInto('emergency_settings')
    .values(s)
    .onConflict((oc) => oc.column('office_id').doUpdateSet(change))
    .execute();
}

/**
 * The team as the assignment rule sees it at `now`: every member with a duty shift running now,
 * their credentials, and how many open reports they hold (bounded: a roster of hundreds at most).
 */
export async function membersOnDuty(q: Q, officeId: string, now: string) {
  return q
    .selectFrom('duty_shifts')
    .innerJoin('staff_users', 'staff_users.id', 'duty_shifts.user_id')
    .leftJoin('duty_members', 'duty_members.user_id', 'duty_shifts.user_id')
    .select((eb) => [
      'duty_shifts.user_id',
      'staff_users.display_name',
      eb.fn.min('duty_shifts.starts_at').as('on_shift_since'),
      'duty_members.official_id',
      'duty_members.licence',
      'duty_members.licence_valid_until',
      eb
        .selectFrom('emergency_assignments')
        .innerJoin('emergency_reports', 'emergency_reports.id', 'emergency_assignments.report_id')
        .select((e2) => e2.fn.countAll<number>().as('n'))
        .whereRef('emergency_assignments.user_id', '=', 'duty_shifts.user_id')
        .where('emergency_reports.state', '=', 'open')
        .as('open_assignments'),
    ])
    .where('duty_shifts.office_id', '=', officeId)
    .where('duty_shifts.starts_at', '<=', now)
    .where('duty_shifts.ends_at', '>', now)
    .where('staff_users.active', '=', 1)
    .groupBy(['duty_shifts.user_id', 'staff_users.display_name', 'duty_members.official_id', 'duty_members.licence', 'duty_members.licence_valid_until'])
    .limit(500)
    .execute();
}
