/**
 * One call of every repository function, with realistic arguments, for the SQL snapshot
 * (sql-snapshot.test.ts). A new repository function must be added here (or to NOT_QUERIES with
 * the reason it runs no SQL of its own), or that test fails.
 */
import type { Kysely } from 'kysely';
import * as applications from '../../src/db/applications-repo.js';
import * as calendar from '../../src/db/calendar-repo.js';
import type { Database } from '../../src/db/dialect.js';
import type { DB } from '../../src/db/schema.js';
import * as settings from '../../src/db/settings-repo.js';
import * as staff from '../../src/db/staff-repo.js';
import * as standards from '../../src/db/standards-repo.js';
import * as versioned from '../../src/db/versioned.js';
import { loadStandardsDir } from '../../src/io/standards-dir.js';

type Call = (db: Kysely<DB>, database: Database) => Promise<unknown>;

const OFFICE = '5b0c3f4e-7a0e-4b1e-9c55-2f1d0a6b9e01';
const CASE = '0d7f2c8a-1e3b-4c5d-8f9a-6b7c8d9e0f12';
const TASK = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const AT = '2026-04-06T01:00:00.000Z';
const jambi = loadStandardsDir(new URL('../../standards', import.meta.url).pathname).offices.find((o) => o.office.slug === 'kota-jambi')!;

export const QUERIES: Record<string, Call> = {
  'applications-repo.nextCounter': (db) => applications.nextCounter(db, OFFICE, 'registration:2026'),
  'applications-repo.insertApplication': (db) =>
    applications.insertApplication(db, {
      id: CASE,
      office_id: OFFICE,
      service_id: 's',
      service_version_id: 'sv',
      registration_number: 'JMB-2026-000001',
      tracking_code_hash: 'h',
      idempotency_key: null,
      initiator: 'citizen',
      channel: 'online',
      applicant_nik: '1571024107900003',
      applicant_name: 'Siti Aminah',
      applicant: '{}',
      answers: '{}',
      eligibility: '{"results":[]}',
      status: 'open',
      current_step: 'periksa',
      end_id: null,
      outcome_reason: null,
      submitted_at: AT,
      clock_started_at: null,
      paused_since: null,
      pauses: '[]',
      due_at: null,
      expected_at: null,
      stages: '[]',
      sla_state: 'not-started',
      closed_at: null,
      created_by: null,
      version: 1,
      updated_at: AT,
    }),
  'applications-repo.updateCaseIfVersion': (db) => applications.updateCaseIfVersion(db, CASE, 3, { status: 'open', pauses: [], updated_at: AT }),
  'applications-repo.findCase': (db) => applications.findCase(db, OFFICE, CASE),
  'applications-repo.findCaseAnyOffice': (db) => applications.findCaseAnyOffice(db, CASE),
  'applications-repo.findApplicationAnyOffice': (db) => applications.findApplicationAnyOffice(db, CASE),
  'applications-repo.findApplication': (db) => applications.findApplication(db, OFFICE, CASE),
  'applications-repo.findByIdempotencyKey': (db) => applications.findByIdempotencyKey(db, OFFICE, 'retry-2026-04-06-0001'),
  'applications-repo.findByRegistrationNumber': (db) => applications.findByRegistrationNumber(db, 'JMB-2026-000001'),
  'applications-repo.insertEvent': (db) => applications.insertEvent(db, { application_id: CASE, office_id: OFFICE, type: 'submitted', actor_id: null, actor_name: 'Pemohon (daring)', at: AT }),
  'applications-repo.eventsOf': (db) => applications.eventsOf(db, CASE),
  'applications-repo.completedSteps': (db) => applications.completedSteps(db, CASE),
  'applications-repo.insertTask': (db) =>
    applications.insertTask(db, { office_id: OFFICE, application_id: CASE, service_id: 's', step_id: 'periksa', role: 'front-office', sla_state: 'not-started', due_at: null, created_at: AT }),
  'applications-repo.closeOpenTasks': (db) => applications.closeOpenTasks(db, CASE, AT, null),
  'applications-repo.reopenWaitingTask': (db) => applications.reopenWaitingTask(db, CASE, { due_at: AT, sla_state: 'on-time' }),
  'applications-repo.findTask': (db) => applications.findTask(db, OFFICE, TASK),
  'applications-repo.openTaskFor': (db) => applications.openTaskFor(db, CASE),
  'applications-repo.setTaskClaim': async (db) => {
    await applications.setTaskClaim(db, TASK, 'officer', false);
    await applications.setTaskClaim(db, TASK, 'officer', true);
  },
  'applications-repo.queue': async (db) => {
    await applications.queue(db, OFFICE, ['front-office', 'verifikator'], { limit: 200 });
    await applications.queue(db, OFFICE, ['front-office'], { limit: 50, offset: 50, serviceId: 's', slaState: 'late' });
  },
  'applications-repo.openCasesByStep': (db) => applications.openCasesByStep(db, OFFICE),
  'applications-repo.staffNames': (db) => applications.staffNames(db, OFFICE),
  'applications-repo.slaCandidates': (db) => applications.slaCandidates(db, OFFICE),
  'applications-repo.setSlaState': (db) => applications.setSlaState(db, CASE, 'late'),
  'applications-repo.notifyOnce': (db) => applications.notifyOnce(db, { officeId: OFFICE, applicationId: CASE, role: 'kepala-bidang', kind: 'late', message: 'terlambat', at: AT }),
  'applications-repo.unreadNotifications': (db) => applications.unreadNotifications(db, OFFICE, ['front-office']),
  'applications-repo.attachmentsOf': (db) => applications.attachmentsOf(db, CASE),
  'applications-repo.insertAttachments': (db) => applications.insertAttachments(db, [{ application_id: CASE, requirement_id: 'ktp', upload_id: null, shown_to: 'Petugas Loket', created_at: AT }]),
  'applications-repo.insertUpload': (db) => applications.insertUpload(db, { id: 'u1', sha256: 'ab'.repeat(32), size: 1024, mime: 'image/png', original_name: 'ktp.png', uploaded_at: AT }),
  'applications-repo.knownUploads': (db) => applications.knownUploads(db, ['u1', 'u2']),
  'applications-repo.uploadOfOfficeCase': (db) => applications.uploadOfOfficeCase(db, OFFICE, 'u1'),
  'calendar-repo.closuresBySlug': (db) => calendar.closuresBySlug(db),
  'calendar-repo.closuresOf': (db) => calendar.closuresOf(db, OFFICE),
  'calendar-repo.insertClosure': (db) => calendar.insertClosure(db, { officeId: OFFICE, officeSlug: 'kota-jambi', date: '2026-04-07', reason: 'Banjir', actor: 'Admin', at: AT }),
  'settings-repo.readOrCreateSecret': (db) => settings.readOrCreateSecret(db, 'tracking'),
  'staff-repo.findUserByUsername': (db) => staff.findUserByUsername(db, 'front-office@kota-jambi'),
  'staff-repo.insertUser': (db) =>
    staff.insertUser(db, {
      id: 'u',
      office_id: OFFICE,
      username: 'rina@kota-jambi',
      display_name: 'Rina Marlina',
      password_hash: 'x',
      roles: '["front-office"]',
      title: null,
      nip: null,
      rank: null,
      active: 1,
      failed_attempts: 0,
      locked_until: null,
      demo: 0,
      created_at: AT,
    }),
  'staff-repo.recordFailedSignIn': (db) => staff.recordFailedSignIn(db, 'u', null),
  'staff-repo.resetFailedSignIns': (db) => staff.resetFailedSignIns(db, 'u'),
  'staff-repo.insertSession': (db) => staff.insertSession(db, { token_hash: 'h', user_id: 'u', kind: 'cookie', csrf_token: 'c', created_at: AT, expires_at: AT }),
  'staff-repo.findSession': (_db, database) => staff.findSession(database, 'h', AT),
  'staff-repo.deleteSession': (db) => staff.deleteSession(db, 'h'),
  'standards-repo.storeOfficeStandard': (db) => standards.storeOfficeStandard(db, { office: jambi.office, services: jambi.services.slice(0, 1), decreeText: null }, AT, 'test'),
  'standards-repo.readCurrentStandards': (db) => standards.readCurrentStandards(db),
  'standards-repo.readServiceVersion': (db) => standards.readServiceVersion(db, 'sv'),
  'standards-repo.countVersions': (db) => standards.countVersions(db),
  'versioned.updateIfVersion': (db) => versioned.updateIfVersion(db, 'letters', 'l1', 2, { status: 'signed' }),
};

/** Exported repository functions that run no SQL of their own, and why. */
export const NOT_QUERIES: Record<string, string> = {
  'applications-repo.toCase': 'decodes a row',
  'applications-repo.caseEvent': 'builds an event row',
  'applications-repo.newTask': 'builds a task row',
  'staff-repo.toStaff': 'decodes a row',
};
