/** One call of every repository function, with realistic arguments, for the SQL snapshot (test/pure/db/sql-snapshot.test.ts). */
/*
 * A new repository function must be added here (or to NOT_QUERIES with the reason it runs no SQL
 * of its own), or that test fails. A function that builds different SQL for different options is
 * called once per option inside its entry.
 */
import type { Kysely, Transaction } from 'kysely';
import * as applications from '../../../src/db/applications-repo.js';
import * as auditChain from '../../../src/db/audit-chain-repo.js';
import * as backup from '../../../src/db/backup-repo.js';
import * as audit from '../../../src/db/audit-repo.js';
import * as calendar from '../../../src/db/calendar-repo.js';
import * as changes from '../../../src/db/changes-repo.js';
import * as calls from '../../../src/db/calls-repo.js';
import * as complaints from '../../../src/db/complaints-repo.js';
import * as dataAccess from '../../../src/db/data-access-repo.js';
import * as emergency from '../../../src/db/emergency-repo.js';
import type { Database } from '../../../src/db/dialect.js';
import * as letters from '../../../src/db/letters-repo.js';
import * as logistics from '../../../src/db/logistics-repo.js';
import * as notifications from '../../../src/db/notifications-repo.js';
import * as spm from '../../../src/db/spm-repo.js';
import * as figures from '../../../src/db/figures-repo.js';
import * as oversight from '../../../src/db/oversight-repo.js';
import * as privacy from '../../../src/db/privacy-repo.js';
import * as programmes from '../../../src/db/programmes-repo.js';
import * as rateLimits from '../../../src/db/rate-limits-repo.js';
import * as groups from '../../../src/db/programme-groups-repo.js';
import * as deliveries from '../../../src/db/programme-deliveries-repo.js';
import * as registry from '../../../src/db/registry-repo.js';
import type { DB } from '../../../src/db/schema.js';
import type { RegistryRowTable, RegistrySnapshotsTable } from '../../../src/db/schema-registry.js';
import * as settings from '../../../src/db/settings-repo.js';
import * as shelters from '../../../src/db/shelters-repo.js';
import * as outcomes from '../../../src/db/outcomes-repo.js';
import * as signing from '../../../src/db/signing-repo.js';
import * as staff from '../../../src/db/staff-repo.js';
import * as standards from '../../../src/db/standards-repo.js';
import * as surveys from '../../../src/db/surveys-repo.js';
import * as versioned from '../../../src/db/versioned.js';
import type { CheckedResponse } from '../../../src/domain/surveys/response-input.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { STANDARDS_DIR } from '../../support/paths.js';

type Call = (db: Kysely<DB>, database: Database) => Promise<unknown>;

const OFFICE = '5b0c3f4e-7a0e-4b1e-9c55-2f1d0a6b9e01';
const CASE = '0d7f2c8a-1e3b-4c5d-8f9a-6b7c8d9e0f12';
const TASK = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const AT = '2026-04-06T01:00:00.000Z';
const CLOSURE = '4d3c2b1a-0f9e-4d8c-b7a6-958473625140';
const HOURS = { allDay: false, week: [{ days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const], open: '08:00', close: '15:30' }], closedOnHolidays: true };
const jambi = loadStandardsDir(STANDARDS_DIR).offices.find((o) => o.office.slug === 'kota-jambi')!;

/* ---------- helpers for the four capabilities below ---------- */

const NIK = '1571024107900003';
const KK = '1571020101090007';
const SERVICE = '3e9d1c2b-4a5f-4e6d-9c8b-7a6f5e4d3c2b';
const LETTER = '6c5b4a39-2817-4f6e-8d5c-4b3a29180f7e';
const USER = '2f3e4d5c-6b7a-4988-a7b6-c5d4e3f2a1b0';
const DEPUTY = '7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918';
const SIGNING_CA = '8d7c6b5a-4938-4271-a605-f4e3d2c1b0a9';
const COMPLAINT = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const SNAP = 'c3a1e5f0-2b4d-4e6f-8a9b-0c1d2e3f4a5b';
const OLDER = 'b2f0d4e9-1a3c-4d5e-9f8a-7b6c5d4e3f2a';
const PROPOSAL = 'e4d3c2b1-a0f9-4e8d-b7c6-a5f4e3d2c1b0';
const TABLE = registry.rowTableName(SNAP);
const ROUND = 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9';
const CANDIDATE = 'e0f9a8b7-c6d5-4e4f-9a3b-2c1d0e9f8a7b';
const CANDIDATE_ROW = {
  id: CANDIDATE, round_id: ROUND, office_id: OFFICE, nik: '6403026107580002', kk: '6403021503090001', name: 'SARIPAH', birth_date: '1958-07-21', sex: 'P', village: 'MANGKURAWANG', district: 'TENGGARONG',
  address: 'JL. PATIN NO. 7', category: 'lanjut-usia', source: 'village', source_note: null, screening: 'eligible', checks: '[]', verification: 'pending', reason: null, verified_at: null, verified_by: null,
  verified_by_name: null, verified_role: null, created_at: AT, version: 1,
};
const OLDER_TABLE = registry.rowTableName(OLDER);

/**
 * The recording Kysely, its statements answering in turn: rows, or a thrown error; later ones
 * answer no rows. For the branches that follow what a statement found (a previous snapshot, a
 * duplicate NIK, a refused unique index).
 */
function answering(db: Kysely<DB>, ...answers: (object[] | Error)[]): Kysely<DB> {
  return db.withPlugin({
    transformQuery: (a) => a.node,
    transformResult: async (a) => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next ? { ...a.result, rows: next as Record<string, unknown>[] } : a.result;
    },
  });
}

/** The recording Database whose hot-path reads (by ready SQL text) answer `rows`. */
const readingRows = (database: Database, rows: unknown[]): Database => ({
  ...database,
  read: async <T>(text: string, params: readonly unknown[]) => {
    await database.read(text, params);
    return rows as T[];
  },
  readHeavy: async <T>(text: string, params: readonly unknown[]) => {
    await database.readHeavy(text, params);
    return rows as T[];
  },
});

/**
 * The recording Database with an append path: the recorder has none, and this one is what
 * dialect.ts does on PostgreSQL and in-memory SQLite (a file SQLite database appends the same
 * INSERT through its writer thread, sqlite-append-worker.ts).
 */
const appending = (database: Database): Database => ({
  ...database,
  append: async (table, rows) => {
    if (rows.length) await database.db.insertInto(table as keyof DB).values(rows as never).execute();
  },
});

const dataRead: dataAccess.NewDataAccess = {
  officeId: OFFICE,
  actor: { id: USER, name: 'Rina Marlina (Kepala Dinas Sosial)', roles: ['kepala-dinas'] },
  action: 'read',
  recordKind: 'application',
  recordId: CASE,
  subjectNik: NIK,
  purpose: 'case-work',
  fields: ['identity', 'answers'],
  at: AT,
};

const pendingLetter: letters.Letter = {
  id: LETTER,
  office_id: OFFICE,
  application_id: CASE,
  service_id: SERVICE,
  kind: 'product',
  letter_type: 'surat-rekomendasi',
  template_id: 'rekomendasi',
  template_source: '# Surat Rekomendasi\n\nYang bertanda tangan di bawah ini ...',
  step_id: 'verifikasi',
  status: 'draft',
  token: 'Xq2v9Lr4Tn8Kp1Zs',
  number: null,
  number_seq: null,
  counter: null,
  numbered_at: null,
  title: 'Surat Rekomendasi',
  subject: 'Rekomendasi SKTM a.n. Siti Aminah',
  holder_name: 'Siti Aminah',
  holder_nik: NIK,
  search_text: 'siti aminah jmb-2026-000001',
  fields: { values: { 'applicant.name': 'Siti Aminah', 'applicant.nik': NIK, 'applicant.address': 'Jl. Kapten Pattimura No. 12, Kel. Kenali Besar, Kec. Alam Barajo' }, labels: {} },
  paper: 'A4',
  signer_role: 'kepala-dinas',
  validity: { value: 6, unit: 'month', text: '6 (enam) bulan' },
  issued_on: null,
  valid_until: null,
  signed_at: null,
  signed_by: null,
  signer: null,
  sha256: null,
  size: null,
  signature_kind: null,
  signature_provider: null,
  signing_cert_serial: null,
  revoked_at: null,
  revoked_by: null,
  revocation_reason: null,
  replaced_by: null,
  created_at: AT,
  updated_at: AT,
  version: 1,
};

const signer: letters.SignerRecord = {
  name: 'Yunita Indrawati, A.P., M.P.',
  title: 'Kepala Dinas Sosial Kota Jambi',
  rank: 'Pembina Utama Muda',
  nip: '197406071994032002',
  position: ['KEPALA DINAS SOSIAL KOTA JAMBI'],
  delegation: null,
};

const complaint: complaints.Complaint = {
  id: COMPLAINT,
  officeId: OFFICE,
  receiptNumber: 'JMB-ADU-2026-000123',
  trackingCodeHash: 'h',
  channel: 'website',
  externalRef: null,
  type: 'pengaduan',
  mode: 'named',
  complainantName: 'Siti Aminah',
  complainantPhone: '081234567890',
  complainantEmail: null,
  text: 'Permohonan SKTM saya belum selesai padahal sudah lewat 5 hari kerja.',
  serviceId: SERVICE,
  applicationId: CASE,
  stage: 'diterima',
  status: 'open',
  routedTo: null,
  coordination: null,
  referral: null,
  mergedInto: null,
  receivedAt: AT,
  clockStartedAt: AT,
  dueAt: '2026-04-13T01:00:00.000Z',
  slaState: 'on-time',
  escalatedAt: null,
  answer: null,
  answeredAt: null,
  answeredBy: null,
  resolved: null,
  feedback: null,
  publicSummary: null,
  publishedAt: null,
  version: 1,
};

/** How list pages read complaint clocks (office-complaints.ts clockReading). */
const clock = (database: Database): complaints.ClockReading => ({ dialect: database.dialect, now: AT, atRiskShare: 0.75 });

const snapshotRow: RegistrySnapshotsTable = {
  id: SNAP,
  office_id: OFFICE,
  period: '2026-03',
  status: 'loading',
  current_for_period: 0,
  table_name: TABLE,
  source_name: 'DTKS_KOTA_JAMBI_MARET_2026.csv',
  source_sha256: 'cd'.repeat(32),
  source_size: 48_211_904,
  source_kind: 'csv',
  importer_id: USER,
  importer_name: 'Rina Marlina',
  started_at: AT,
  completed_at: null,
  replaced_at: null,
  heartbeat_at: AT,
  host: 'sigap-1',
  pid: 4242,
  phase: 'loading',
  rows_read: 0,
  bytes_read: 0,
  rows_accepted: null,
  rows_rejected: null,
  rows_unchanged: null,
  report_path: null,
  summary: '{"threshold":0.05}',
};

/** The complete current snapshot of the same period, which publishing replaces. */
const previousSnapshot: RegistrySnapshotsTable = { ...snapshotRow, id: OLDER, table_name: OLDER_TABLE, status: 'complete', current_for_period: 1, completed_at: '2026-03-02T02:00:00.000Z', phase: 'done', rows_accepted: 212_340 };

const registryRow = (rowNo: number, nik: string): RegistryRowTable => ({ row_no: rowNo, nik, kk: KK, desil: 2, pkh: 1, bpnt: 1, pbi: 1, row_hash: 8_812_004_113, cells: `${nik}\u001f${KK}\u001fSITI AMINAH` });

const proposal = registry.newProposal({ officeId: OFFICE, applicationId: CASE, serviceId: SERVICE, kind: 'dtks', nik: NIK, kk: KK, name: 'Siti Aminah', openedAt: AT });

const checked: CheckedResponse = {
  answers: { U1: 4, U2: 3, U3: 4, U4: 4, U5: 3, U6: 4, U7: 3, U8: 4, U9: null },
  profile: { ageGroup: '30-39', sex: 'P', education: 'sma', occupation: 'wirausaha' },
  suggestion: 'Antrean di loket pagi hari terlalu panjang.',
  date: null,
};

/** A quarter of an office's survey (the IKM period), for the whole office and for one service. */
const QUARTER = { officeId: OFFICE, from: '2026-01-01', to: '2026-03-31' };

/** One outbox message of the case, as claimDue finds it. */
const OUTBOX_ID = '3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b';
const OUTBOX_EVENT = '7c6b5a4f-3e2d-4c1b-8a9f-8e7d6c5b4a39';
const OUTBOX_ATTEMPT = 'b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const OUTBOX_ROW = { id: OUTBOX_ID, office_id: OFFICE, application_id: CASE, event_id: OUTBOX_EVENT, channel: 'email', kind: 'receipt', recipient: 'siti.aminah@gmail.com', subject: 's', body: 'b', status: 'queued', attempts: 0, next_attempt_at: AT, attempt_id: null, lease_until: null, last_error: null, created_at: AT, sent_at: null, provider_id: null, delivery: null, delivery_at: null, chain: '[]', facts: null, fallback_from: null, fallen_back_at: null, segments: null, urgent: 0 };

const EMERGENCY = '3e1d9c7b-2a4f-4e6d-9b8c-7a6f5e4d3c21';
const SHELTER = '6a2b8c4d-1e5f-4a7b-9c3d-2e8f1a6b5c47';
const BED = '7b3c9d5e-2f6a-4b8c-8d4e-3f9a2b7c6d58';
const STAY = '8c4d0e6f-3a7b-4c9d-9e5f-4a0b3c8d7e69';
const USER_ID_TRC = '6c5b4a39-2817-4f6e-8d5c-4b3a29181706';
const WAREHOUSE = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01';
const ITEM = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02';
const LOT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03';
const INCIDENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c04';
const HANDOVER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05';
const SHIPMENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c07';
const VICTIM = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c06';

export const QUERIES: Record<string, Call> = {
  'emergency-repo.insertReport': (db) =>
    emergency.insertReport(db, {
      id: EMERGENCY, office_id: OFFICE, application_id: CASE, registration_number: 'BJM-2025-000042', service_slug: 'kedaruratan-ppks', channel: 'phone',
      reported_at: '2025-03-28T08:30:00.000Z', received_at: '2025-03-28T08:52:00.000Z', received_by: null, location_text: 'Depan Pasar Lama, Banjarmasin Tengah', lat: -3.3186, lng: 114.5944,
      description: 'Lansia lemah di emperan toko', category: 'lansia', subject_name: null, reporter_name: 'Hj. Rusmini', reporter_phone: '0812 5123 4470',
      first_response_due_at: '2025-03-28T09:15:00.000Z', first_response_at: null, state: 'open', escalation: 'none', merged_into: null, version: 1,
    }),
  'emergency-repo.insertEmergencyEvent': (db) => emergency.insertEmergencyEvent(db, { report_id: EMERGENCY, office_id: OFFICE, type: 'reported', actor_id: null, actor_name: 'Pelapor', data: { channel: 'web' }, at: AT }),
  'emergency-repo.reportEvents': (db) => emergency.reportEvents(db, EMERGENCY),
  'emergency-repo.findReportByNumber': (db) => emergency.findReportByNumber(db, OFFICE, 'BJM-2025-000042'),
  'emergency-repo.findReportByApplication': (db) => emergency.findReportByApplication(db, CASE),
  'emergency-repo.findReportById': (db) => emergency.findReportById(db, EMERGENCY),
  'emergency-repo.openReports': (db) => emergency.openReports(db, OFFICE, 200),
  'emergency-repo.respondedSince': (db) => emergency.respondedSince(db, OFFICE, AT, 50),
  'emergency-repo.setFirstResponse': (db) => emergency.setFirstResponse(db, EMERGENCY, 1, AT),
  'emergency-repo.setEscalation': (db) => emergency.setEscalation(db, EMERGENCY, 'none', 'kepala-bidang', AT),
  'emergency-repo.setReminded': (db) => emergency.setReminded(db, EMERGENCY, 'kepala-dinas', 0, AT),
  'emergency-repo.setAcknowledged': (db) => emergency.setAcknowledged(db, EMERGENCY, 'kepala-bidang', 'Drs. H. Ahmad Fauzi', AT),
  'emergency-repo.escalationCandidates': (db) => emergency.escalationCandidates(db, OFFICE, 1000, 3, AT),
  'emergency-repo.reportsNear': (db) => emergency.reportsNear(db, OFFICE, 'kedaruratan-ppks', '2025-03-28T06:30:00.000Z', '2025-03-28T10:30:00.000Z', 50),
  'emergency-repo.reportsOfEndedCases': (db) => emergency.reportsOfEndedCases(db, OFFICE, 1000),
  'emergency-repo.setClosed': (db) => emergency.setClosed(db, EMERGENCY, 'open'),
  'emergency-repo.setMerged': (db) => emergency.setMerged(db, EMERGENCY, 1, 'BJM-2025-000041'),
  'emergency-repo.insertAssignment': (db) => emergency.insertAssignment(db, { report_id: EMERGENCY, office_id: OFFICE, user_id: USER_ID_TRC, task: 'penjangkauan', assigned_by: 'Kepala Bidang', at: AT }),
  'emergency-repo.assignmentsOf': async (db) => {
    await emergency.assignmentsOf(db, []);
    await emergency.assignmentsOf(db, [EMERGENCY]);
  },
  'emergency-repo.insertShift': (db) => emergency.insertShift(db, { office_id: OFFICE, user_id: USER_ID_TRC, starts_at: AT, ends_at: '2026-04-06T13:00:00.000Z', created_by: 'Kepala Bidang', created_at: AT }),
  'emergency-repo.shiftsFrom': (db) => emergency.shiftsFrom(db, OFFICE, AT, 200),
  'emergency-repo.upsertMember': (db) => emergency.upsertMember(db, { user_id: USER_ID_TRC, office_id: OFFICE, official_id: 'TRC-BJM-007', licence: 'SIM A', licence_valid_until: '2027-08-17', updated_by: 'Kepala Bidang', updated_at: AT }),
  'emergency-repo.membersOf': (db) => emergency.membersOf(db, OFFICE),
  'emergency-repo.memberOf': (db) => emergency.memberOf(db, USER_ID_TRC),
  'emergency-repo.settingsRow': (db) => emergency.settingsRow(db, OFFICE),
  'emergency-repo.membersOnDuty': (db) => emergency.membersOnDuty(db, OFFICE, AT),
  'emergency-repo.firstResponseTally': (db) => emergency.firstResponseTally(db, OFFICE, '2025-04-30T16:00:00.000Z', AT, AT),
  'emergency-repo.upsertSettings': (db) => emergency.upsertSettings(db, { office_id: OFFICE, at_risk_share: 0.75, review_hours: 24, merge_window_minutes: 120, merge_radius_metres: 150, auto_assign: 1, updated_by: 'Kepala Bidang', updated_at: AT }),
  'shelters-repo.insertShelter': (db) =>
    shelters.insertShelter(db, { id: SHELTER, office_id: OFFICE, name: 'Rumah Singgah Dinsos Banjarmasin', address: 'Jl. Sultan Adam', created_by: 'Kepala Bidang', created_at: AT }, [
      { id: BED, shelter_id: SHELTER, office_id: OFFICE, room: 'Kamar ODGJ Perempuan', label: '1', sex: 'female', category: 'odgj', position: 0 },
    ]),
  'shelters-repo.sheltersOf': (db) => shelters.sheltersOf(db, OFFICE, 50),
  'shelters-repo.findShelter': (db) => shelters.findShelter(db, OFFICE, SHELTER),
  'shelters-repo.bedsWithOccupants': (db) => shelters.bedsWithOccupants(db, SHELTER),
  'shelters-repo.insertStay': (db) =>
    shelters.insertStay(db, {
      id: STAY, office_id: OFFICE, shelter_id: SHELTER, state: 'in-residence', source: 'razia', emergency_report_id: null, requester: 'Satpol PP Kota Banjarmasin', client_name: 'Siti Aminah', client_sex: 'female', client_category: 'odgj',
      client_nik: null, client_birth_date: null, intake_at: AT, decision: null, referred_to: null, bed_id: BED, checked_in_at: AT, override_reason: null, belongings: '[]', terminated_at: null, termination: null,
      handover_number: null, handover_token: null, handover_sha256: null, version: 1,
    }),
  'shelters-repo.findStay': (db) => shelters.findStay(db, OFFICE, STAY),
  'shelters-repo.updateStayIfVersion': (db) => shelters.updateStayIfVersion(db, STAY, 1, { state: 'terminated', terminated_at: AT }),
  'shelters-repo.staysOfShelter': (db) => shelters.staysOfShelter(db, SHELTER, 'intake', 200),
  'shelters-repo.overflowOfShelter': (db) => shelters.overflowOfShelter(db, SHELTER, 200),
  'shelters-repo.staysCheckedInBy': (db) => shelters.staysCheckedInBy(db, OFFICE, AT, 500),
  'shelters-repo.insertShelterEvent': (db) => shelters.insertShelterEvent(db, { stay_id: STAY, office_id: OFFICE, type: 'service', actor_id: null, actor_name: 'Pramu Sosial', data: { kind: 'permakanan' }, at: AT }),
  'shelters-repo.eventsOfStay': (db) => shelters.eventsOfStay(db, STAY),
  'shelters-repo.stayByHandoverToken': (db) => shelters.stayByHandoverToken(db, 'uOVHd4a-9KHEDoEgS3WEmjUx'),
  'shelters-repo.insertStayCase': (db) => shelters.insertStayCase(db, { stay_id: STAY, application_id: CASE, office_id: OFFICE, kind: 'intake', registration_number: '0001/BJM/2025', service_slug: 'penerimaan-klien-rumah-singgah', at: AT }),
  'shelters-repo.casesOfStay': (db) => shelters.casesOfStay(db, STAY),
  'shelters-repo.insertMedia': (db) => shelters.insertMedia(db, { id: 'm1', office_id: OFFICE, stay_id: STAY, sha256: 'a'.repeat(64), mime: 'image/jpeg', size: 120_000, caption: 'Foto saat masuk', uploaded_by: 'u1', uploaded_at: AT }),
  'shelters-repo.mediaOfStay': (db) => shelters.mediaOfStay(db, STAY),
  'shelters-repo.findMedia': (db) => shelters.findMedia(db, OFFICE, STAY, 'm1'),
  'shelters-repo.insertConsent': (db) => shelters.insertConsent(db, { id: 'k1', office_id: OFFICE, stay_id: STAY, guardian_name: 'Siti Rahmah', relation: 'ibu kandung', given_at: AT, recorded_by: 'u1', recorded_at: AT }),
  'shelters-repo.consentsOfStay': (db) => shelters.consentsOfStay(db, STAY),
  'shelters-repo.stayOfCase': (db) => shelters.stayOfCase(db, CASE, 'referral'),
  'shelters-repo.endStayInResidence': (db) => shelters.endStayInResidence(db, STAY, { state: 'referred', referred_to: 'PSTW Budi Sejahtera Banjarbaru', terminated_at: AT, termination: '{"kind":"dirujuk"}' }),
  'outcomes-repo.insertOutcome': (db) =>
    outcomes.insertOutcome(db, { id: 'c8a1f0e2-0000-4000-8000-000000000037', office_id: OFFICE, report_id: null, stay_id: STAY, kind: 'hospital', data: '{"hospital":"RSUD Ulin Banjarmasin"}', application_id: null, registration_number: null, recorded_by: 'u1', recorded_by_name: 'Rahmadi', at: AT }),
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
      idempotency_body: null,
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
    const now = '2026-04-06T01:00:00.000Z';
    await applications.queue(db, OFFICE, { roles: ['front-office', 'verifikator'], officerId: 'u', now }, { limit: 50, offset: 0 });
    await applications.queue(db, OFFICE, { roles: ['front-office'], officerId: 'u', now, serviceId: 's', stepId: 'verifikasi', slaState: 'late', holder: 'mine' }, { limit: 50, offset: 50 });
    await applications.queue(db, OFFICE, { roles: ['front-office'], officerId: 'u', now, holder: 'unclaimed' }, { limit: 50, offset: 0 });
    // A step the officer may do through its further roles (orRoles), with and without own-role tasks.
    await applications.queue(db, OFFICE, { roles: ['kepala-bidang'], officerId: 'u', now, alsoSteps: [{ serviceId: 's', stepId: 'disposisi' }] }, { limit: 50, offset: 0 });
    await applications.queue(db, OFFICE, { roles: [], officerId: 'u', now, alsoSteps: [{ serviceId: 's', stepId: 'disposisi' }, { serviceId: 's2', stepId: 'verifikasi' }] }, { limit: 50, offset: 0 });
  },
  'applications-repo.openCasesByStep': (db) => applications.openCasesByStep(db, OFFICE),
  'oversight-repo.addClosedCount': (db) =>
    oversight.addClosedCount(db, OFFICE, SERVICE, { month: '2026-05', status: 'completed', onTime: true, duration: 30, n: 1, applicantPaused: 2, applicantPauses: 1, externalPaused: 0, externalPauses: 0 }),
  'oversight-repo.insertCounts': async (db) => {
    const row = { month: '2026-05', status: 'rejected', onTime: false, duration: -1, n: 2, applicantPaused: 0, applicantPauses: 0, externalPaused: 0, externalPauses: 0 } as const;
    await oversight.insertCounts(db, OFFICE, [{ serviceId: SERVICE, row }]);
    await oversight.insertCounts(db, OFFICE, [{ serviceId: SERVICE, row: { ...row, month: '2026' } }], true);
  },
  'oversight-repo.addStageCounts': (db) => oversight.addStageCounts(db, OFFICE, SERVICE, [{ month: '2026-05', stageId: 'pengajuan-bpkpad', started: 1, finished: 1, onTime: 1 }]),
  'oversight-repo.closedCounts': async (db) => {
    await oversight.closedCounts(db, OFFICE, '2026-04', '2026-07');
    await oversight.closedCounts(db, OFFICE, '2025-11', '2027-02');
  },
  'oversight-repo.closedStageCounts': (db) => oversight.closedStageCounts(db, OFFICE, '2026-04', '2026-07'),
  'oversight-repo.openCounts': (db) => oversight.openCounts(db, OFFICE, '2026-04-30T17:00:00.000Z', '2026-05-31T17:00:00.000Z'),
  'oversight-repo.openCountsLive': (db) => oversight.openCountsLive(db, OFFICE, '2026-04-30T17:00:00.000Z', '2026-05-01T00:00:00.000Z'),
  'oversight-repo.openStagedCases': (db) => oversight.openStagedCases(db, OFFICE, '2026-04-30T17:00:00.000Z', '2026-05-31T17:00:00.000Z', [SERVICE]),
  'oversight-repo.approvalOf': (db) => oversight.approvalOf(db, OFFICE, '2026-05'),
  'oversight-repo.setApproval': async (db) => {
    await db.transaction().execute((trx) => oversight.setApproval(trx, { officeId: OFFICE, period: '2026-05', fromStep: 0, step: 1, locked: false, actor: 'Kepala Bidang', at: AT, action: 'oversight.approve', detail: { level: 'kepala-bidang' } }));
  },
  'oversight-repo.anyLocked': (db) => oversight.anyLocked(db, OFFICE, ['2026-05', '2026']),
  'oversight-repo.submissionSpan': (db) => oversight.submissionSpan(db, OFFICE),
  'oversight-repo.closedCasesSubmitted': (db) => oversight.closedCasesSubmitted(db, OFFICE, '2026-04-30T17:00:00.000Z', '2026-05-31T17:00:00.000Z'),
  'figures-repo.insertSnapshot': async (db) => {
    await db.transaction().execute((trx) => figures.insertSnapshot(trx, { officeId: OFFICE, period: '2026-05', approvedBy: 'Kepala Dinas', approvedAt: AT, figures: { services: [], truncated: false } }));
  },
  'figures-repo.closeSnapshot': async (db) => {
    await db.transaction().execute((trx) => figures.closeSnapshot(trx, { officeId: OFFICE, period: '2026-05', by: 'Kepala Dinas', at: AT, reason: 'Satu kasus Mei selesai pada Juni' }));
  },
  'figures-repo.snapshotsOf': (db) => figures.snapshotsOf(db, OFFICE, '2026-05'),
  'figures-repo.claimRun': (db) => figures.claimRun(db, { officeId: OFFICE, job: 'validation', period: '2026-06-01', at: AT }),
  'figures-repo.finishRun': (db) => figures.finishRun(db, { officeId: OFFICE, job: 'validation', period: '2026-06-01', notices: 2 }),
  'figures-repo.recordNotice': async (db) => {
    await db.transaction().execute((trx) => figures.recordNotice(trx, { office_id: OFFICE, kind: 'finding', rule: 'stock-ge-0', period: '2026-06-01', subject: 'lot-1', detail: '{}', roles: '["kepala-dinas"]', found_at: AT }, 'Sigap'));
  },
  'figures-repo.recentNotices': (db) => figures.recentNotices(db, OFFICE),
  'figures-repo.overfullShelters': (db) => figures.overfullShelters(db, OFFICE),
  'figures-repo.negativeStock': (db) => figures.negativeStock(db, OFFICE),
  'figures-repo.recordSippnExport': (db) => figures.recordSippnExport(db, { officeId: OFFICE, actor: 'Kepala Dinas', format: 'csv', services: 9, at: AT }),
  'spm-repo.insertSpmNeed': async (db) => {
    await db.transaction().execute((trx) => spm.insertSpmNeed(trx, { officeId: OFFICE, year: 2026, indicator: 'linjamsos-bencana', nik: '6402015507800001', name: 'Siti Rahmah', assessedOn: '2026-01-15', note: null, actor: 'Verifikator', at: AT }));
  },
  'spm-repo.spmNeedCounts': (db) => spm.spmNeedCounts(db, OFFICE, 2026),
  'spm-repo.spmServedCount': (db) => spm.spmServedCount(db, OFFICE, [{ serviceId: SERVICE, ends: ['selesai'] }, { serviceId: 's2', ends: ['a', 'b'] }], '2025-12-31T16:00:00.000Z', '2026-12-31T16:00:00.000Z'),
  'oversight-repo.clearCounts': (db) => oversight.clearCounts(db, OFFICE),
  'oversight-repo.countsState': (db) => oversight.countsState(db, 'backfill'),
  'oversight-repo.setCountsState': (db) => oversight.setCountsState(db, 'backfill', 'done'),
  'oversight-repo.casesAtRiskOrLate': (db) => oversight.casesAtRiskOrLate(db, OFFICE, 50),
  'oversight-repo.recordOversightExport': (db) => oversight.recordOversightExport(db, { officeId: OFFICE, actor: 'H. Rasyid, S.Sos', format: 'pdf', subject: 'office:kota-jambi', period: '2026-Q2', services: 20, at: AT }),
  'oversight-repo.openCasesByAge': (db) => oversight.openCasesByAge(db, OFFICE, ['2026-05-25T17:00:00.000Z', '2026-05-01T17:00:00.000Z']),
  'applications-repo.staffNames': (db) => applications.staffNames(db, OFFICE),
  'applications-repo.slaCandidates': (db) => applications.slaCandidates(db, OFFICE),
  'applications-repo.heldForSignature': (db) => applications.heldForSignature(db, OFFICE),
  'applications-repo.setSlaState': (db) => applications.setSlaState(db, CASE, 'at-risk', 'late'),
  'applications-repo.notifyOnce': (db) => applications.notifyOnce(db, { officeId: OFFICE, applicationId: CASE, role: 'kepala-bidang', kind: 'late', message: 'terlambat', at: AT }),
  'applications-repo.unreadNotifications': (db) => applications.unreadNotifications(db, OFFICE, ['front-office']),
  'applications-repo.attachmentsOf': (db) => applications.attachmentsOf(db, CASE),
  'applications-repo.insertAttachments': (db) => applications.insertAttachments(db, [{ application_id: CASE, requirement_id: 'ktp', upload_id: null, shown_to: 'Petugas Loket', created_at: AT }]),
  'applications-repo.insertUpload': (db) => applications.insertUpload(db, { id: 'u1', sha256: 'ab'.repeat(32), size: 1024, mime: 'image/png', original_name: 'ktp.png', uploaded_at: AT }),
  'applications-repo.lockUploadQuota': (db) => applications.lockUploadQuota(db),
  'applications-repo.unattachedBytes': (db) => applications.unattachedBytes(db, AT, 'f0e1d2c3b4a5968778695a4b3c2d1e0f'),
  'applications-repo.unattachedBytes (every anonymous sender)': (db) => applications.unattachedBytes(db, AT, null),
  'applications-repo.staleUnattachedUploads': (db) => applications.staleUnattachedUploads(db, AT, 500),
  'applications-repo.deleteUploads': (db) => applications.deleteUploads(db, ['u1', 'u2']),
  'applications-repo.contentsInUse': (db) => applications.contentsInUse(db, ['ab'.repeat(32)]),
  'applications-repo.knownUploads': (db) => applications.knownUploads(db, ['u1', 'u2']),
  'applications-repo.uploadOfOfficeCase': (db) => applications.uploadOfOfficeCase(db, OFFICE, 'u1'),
  'applications-repo.queueCounts': (db) => applications.queueCounts(db, OFFICE, { roles: ['front-office', 'verifikator'], officerId: 'u', now: AT }),
  'applications-repo.searchCases': async (db) => {
    await applications.searchCases(db, OFFICE, { number: 'JMB-2026-000123' }, { limit: 50, offset: 0 });
    await applications.searchCases(db, OFFICE, { nik: '1571024107900003', statuses: ['open', 'waiting-applicant'] }, { limit: 50, offset: 0 });
    await applications.searchCases(db, OFFICE, { name: 'siti', statuses: ['completed'], serviceId: 's', submittedFrom: AT, submittedBefore: AT }, { limit: 50, offset: 50 });
  },
  'applications-repo.countCases': (db) => applications.countCases(db, OFFICE, { name: 'siti', statuses: ['withdrawn'] }),
  'applications-repo.openCasesOfNik': (db) => applications.openCasesOfNik(db, OFFICE, '1571024107900003', 's'),
  'applications-repo.runningCases': (db) => applications.runningCases(db, OFFICE),
  'applications-repo.setOpenTaskDue': (db) => applications.setOpenTaskDue(db, CASE, { due_at: AT, sla_state: 'on-time' }),
  'calendar-repo.closuresBySlug': (db) => calendar.closuresBySlug(db),
  'calendar-repo.closuresOf': (db) => calendar.closuresOf(db, OFFICE),
  'calendar-repo.closedDates': (db) => calendar.closedDates(db, OFFICE, ['2026-04-07', '2026-04-08']),
  'calendar-repo.insertClosures': (db) => calendar.insertClosures(db, { officeId: OFFICE, officeSlug: 'kota-jambi', dates: ['2026-04-07', '2026-04-08'], reason: 'Banjir', kind: 'closure', actor: 'Admin', at: AT }),
  'calendar-repo.deleteClosureGroup': (db) =>
    calendar.deleteClosureGroup(db, { officeId: OFFICE, officeSlug: 'kota-jambi', removed: [{ id: CLOSURE, groupId: CLOSURE, date: '2026-04-07', reason: 'Banjir', kind: 'closure', createdBy: 'Admin', createdAt: AT }], actor: 'Admin', at: AT }),
  'calendar-repo.hoursBySlug': (db) => calendar.hoursBySlug(db),
  'calendar-repo.hoursOf': (db) => calendar.hoursOf(db, OFFICE),
  'calendar-repo.upsertHours': (db) => calendar.upsertHours(db, { officeId: OFFICE, officeSlug: 'kota-jambi', scope: '', hours: HOURS, reason: null, before: HOURS, actor: 'Admin', at: AT }),
  'calendar-repo.deleteHours': (db) => calendar.deleteHours(db, { officeId: OFFICE, officeSlug: 'kota-jambi', scope: '', before: HOURS, after: HOURS, actor: 'Admin', at: AT }),
  'calendar-repo.calendarAudit': (db) => calendar.calendarAudit(db, OFFICE, 20),
  'settings-repo.storedSecrets': (db) => settings.storedSecrets(db),
  'settings-repo.deleteStoredSecret': (db) => settings.deleteStoredSecret(db, 'tracking'),
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
      email: null,
    }),
  'staff-repo.reserveAttempt': (_db, database) =>
    staff.reserveAttempt(database, { userId: 'u', address: '10.12.0.7', now: AT, lockUntil: '2026-04-06T01:15:00.000Z', perAddress: 5, ceiling: 50, lockedEverywhere: 'signing' }),
  'staff-repo.clearFailures': (_db, database) => staff.clearFailures(database, 'u', '10.12.0.7'),
  'staff-repo.unlockUser': (db) => staff.unlockUser(db, 'u'),
  'staff-repo.lockedAddresses': (db) => staff.lockedAddresses(db, OFFICE, AT),
  'staff-repo.officeUsers': (db) => staff.officeUsers(db, OFFICE),
  'staff-repo.findUserById': (db) => staff.findUserById(db, 'u'),
  'staff-repo.setUserActive': (db) => staff.setUserActive(db, 'u', false),
  'staff-repo.setUserRoles': (db) => staff.setUserRoles(db, 'u', ['front-office', 'verifikator']),
  'staff-repo.setUserEmail': (db) => staff.setUserEmail(db, 'u', 'rina.marlina@dinsos.jambikota.go.id'),
  'staff-repo.setPasswordHash': (db) => staff.setPasswordHash(db, 'u', '$argon2id$v=19$m=19456,t=2,p=1$x$y'),
  'staff-repo.deleteSessionsOfUser': (db) => staff.deleteSessionsOfUser(db, 'u'),
  'staff-repo.deleteOtherSessionsOfUser': (db) => staff.deleteOtherSessionsOfUser(db, 'u-1', 'hash'),
  'staff-repo.recordAccountAudit': (db) =>
    staff.recordAccountAudit(db, { officeId: OFFICE, actor: 'Admin', action: 'account.disable', subject: 'rina@kota-jambi', detail: {}, at: AT }),
  'staff-repo.insertSession': (db) => staff.insertSession(db, { token_hash: 'h', user_id: 'u', kind: 'cookie', csrf_token: 'c', created_at: AT, expires_at: AT }),
  'staff-repo.findSession': (_db, database) => staff.findSession(database, 'h', AT),
  'staff-repo.deleteSession': (db) => staff.deleteSession(db, 'h'),
  // The accounts found (two demo accounts of one office) drive the updates and the audit row.
  'staff-repo.deactivateDemoAccounts': (db, database) =>
    staff.deactivateDemoAccounts({ ...database, write: (fn) => fn(answering(db, [{ id: USER, office_id: OFFICE }, { id: DEPUTY, office_id: OFFICE }]) as Transaction<DB>) }, 'startup', AT),
  'staff-repo.reactivateDemoAccounts': (db, database) =>
    staff.reactivateDemoAccounts({ ...database, write: (fn) => fn(answering(db, [{ id: USER, office_id: OFFICE }]) as Transaction<DB>) }, 'startup', AT),
  'standards-repo.storeOfficeStandard': (db) => standards.storeOfficeStandard(db, { office: jambi.office, services: jambi.services.slice(0, 1), decreeText: null }, AT, 'test'),
  'standards-repo.readCurrentStandards': (db) => standards.readCurrentStandards(db),
  'standards-repo.readServiceVersion': (db) => standards.readServiceVersion(db, 'sv'),
  'standards-repo.countVersions': (db) => standards.countVersions(db),
  'versioned.updateIfVersion': (db) => versioned.updateIfVersion(db, 'letters', 'l1', 2, { status: 'signed' }),

  /* ---------- letters-repo ---------- */
  'letters-repo.insertLetter': (db) => letters.insertLetter(db, pendingLetter),
  'letters-repo.updateLetterIfVersion': async (db) => {
    // Numbering (assign-number.ts), then signing (JSON signer encoded).
    await letters.updateLetterIfVersion(db, LETTER, 1, { number: '400.9/0001/Dinsos/2026', number_seq: 1, counter: 'letters:office:2026', numbered_at: AT, updated_at: AT });
    await letters.updateLetterIfVersion(db, LETTER, 2, { status: 'signed', issued_on: '2026-04-06', valid_until: '2026-10-06', signed_at: AT, signed_by: USER, signer, sha256: 'ef'.repeat(32), size: 48_213, updated_at: AT });
  },
  'letters-repo.lettersOfApplication': (db) => letters.lettersOfApplication(db, CASE),
  'letters-repo.findLetter': (db) => letters.findLetter(db, OFFICE, LETTER),
  'letters-repo.findLetterByNumber': (db) => letters.findLetterByNumber(db, OFFICE, '400.9/0001/Dinsos/2026'),
  'letters-repo.findLettersByIds': (db) => letters.findLettersByIds(db, OFFICE, [LETTER, '8d7c6b5a-4938-4271-a6f5-e4d3c2b1a098']),
  'letters-repo.findLetterByToken': (db) => letters.findLetterByToken(db, 'Xq2v9Lr4Tn8Kp1Zs'),
  'letters-repo.insertLetterEvent': (db) =>
    letters.insertLetterEvent(db, { letterId: LETTER, officeId: OFFICE, type: 'numbered', actorId: USER, actorName: 'Dewi Sartika', data: { number: '400.9/0001/Dinsos/2026', seq: 1 }, at: AT }),
  'letters-repo.letterEvents': (db) => letters.letterEvents(db, LETTER),
  'letters-repo.insertAudit': (db) => letters.insertAudit(db, { officeId: OFFICE, actor: 'Dewi Sartika', action: 'letters.number', subject: `letter:${LETTER}`, detail: { number: '400.9/0001/Dinsos/2026' }, at: AT }),
  'letters-repo.searchLetters': async (db) => {
    // The archive unfiltered; with every filter (search-archive.ts); the signable lists (list-signable-letters.ts).
    await letters.searchLetters(db, OFFICE, {}, { limit: 100 });
    await letters.searchLetters(
      db,
      OFFICE,
      { number: '400.9/0001', applicant: 'Siti Aminah', serviceId: SERVICE, status: 'signed', from: '2026-04-01', fromUtc: '2026-03-31T17:00:00.000Z', to: '2026-04-30', toUtc: '2026-04-30T17:00:00.000Z' },
      { limit: 100, offset: 100 },
    );
    await letters.searchLetters(db, OFFICE, { status: 'ready', signerRoles: ['kepala-dinas'] }, { limit: 50 });
    await letters.searchLetters(db, OFFICE, { ids: [LETTER] }, { limit: 50 });
  },
  'letters-repo.draftsAtOpenTasks': (db) => letters.draftsAtOpenTasks(db, OFFICE, ['kepala-dinas'], 50),
  'letters-repo.registerRows': (db) => letters.registerRows(db, OFFICE, '2025-12-31T17:00:00.000Z', '2026-04-06T17:00:00.000Z'),
  'letters-repo.insertDelegation': (db) =>
    letters.insertDelegation(db, { id: '0f1e2d3c-4b5a-4697-8879-6a5b4c3d2e1f', office_id: OFFICE, role: 'kepala-dinas', from_user: USER, to_user: DEPUTY, kind: 'a.n.', starts_on: '2026-04-06', ends_on: '2026-04-10', reason: 'Dinas luar ke Provinsi Jambi', created_at: AT, revoked_at: null }),
  'letters-repo.activeDelegationsTo': (db) => letters.activeDelegationsTo(db, OFFICE, DEPUTY, '2026-04-06'),
  'letters-repo.findDelegation': (db) => letters.findDelegation(db, OFFICE, '0f1e2d3c-4b5a-4697-8879-6a5b4c3d2e1f'),
  'letters-repo.delegationsOf': (db) => letters.delegationsOf(db, OFFICE),
  'letters-repo.revokeDelegation': (db) => letters.revokeDelegation(db, OFFICE, '0f1e2d3c-4b5a-4697-8879-6a5b4c3d2e1f', AT),
  'letters-repo.staffById': (db) => letters.staffById(db, DEPUTY),
  // Not found by id (a dummy finds nothing), so also by username: both statements.
  'letters-repo.staffByIdOrUsername': (db) => letters.staffByIdOrUsername(db, 'Budi.Santoso@kota-jambi'),
  'letters-repo.activeStaffOfOffice': (db) => letters.activeStaffOfOffice(db, OFFICE),
  'letters-repo.decisionEvents': (db) => letters.decisionEvents(db, CASE),

  /* ---------- signing-repo ---------- */
  'notifications-repo.queueMessage': (db) =>
    notifications.queueMessage(db, { office_id: OFFICE, application_id: CASE, event_id: OUTBOX_EVENT, channel: 'email', kind: 'receipt', recipient: 'siti.aminah@gmail.com', subject: 'Permohonan 15.71/2026/000123 diterima / Application received', body: 'Permohonan …', created_at: AT }),
  'notifications-repo.claimDue': (db, database) =>
    notifications.claimDue(answering(db, [{ ...OUTBOX_ROW }]) as Transaction<DB>, database.dialect === 'postgres', 'email', AT, '2026-04-06T01:05:00.000Z', 20),
  'notifications-repo.markSent': (db) => notifications.markSent(db, OUTBOX_ID, OUTBOX_ATTEMPT, AT),
  'notifications-repo.markFailed': (db) => notifications.markFailed(db, OUTBOX_ID, OUTBOX_ATTEMPT, { error: 'connect ECONNREFUSED 127.0.0.1:587', nextAttemptAt: '2026-04-06T01:01:00.000Z', giveUp: false }),
  'notifications-repo.messagesOf': (db) => notifications.messagesOf(db, CASE),
  'notifications-repo.officersToTell': (db) => notifications.officersToTell(db, OFFICE, ['front-office', 'kepala-bidang']),
  'notifications-repo.officerToTell': (db) => notifications.officerToTell(db, OFFICE, USER),
  'notifications-repo.complaintMessagesOf': (db) => notifications.complaintMessagesOf(db, COMPLAINT),
  'notifications-repo.waitingByChannel': (db) => notifications.waitingByChannel(db),
  'changes-repo.noteChange': (db, database) => changes.noteChange(db as Transaction<DB>, database.dialect, 'calendar:kota-jambi', AT),
  'changes-repo.generations': (db) => changes.generations(db),
  'rate-limits-repo.countHit': (db) => rateLimits.countHit(answering(db, [{ hits: 1, started_ms: 1775437200000 }]), 'GET/v/:token-203.0.113.7', 1775437200000, 60_000),
  'rate-limits-repo.readHits': (db) => rateLimits.readHits(db, 'GET/v/:token-203.0.113.7'),
  'rate-limits-repo.forgetOldWindows': (db) => rateLimits.forgetOldWindows(db, 1775433600000),
  'notifications-repo.findMessage': (db) => notifications.findMessage(db, OUTBOX_ID),
  'notifications-repo.findByProviderRef': (db) => notifications.findByProviderRef(db, 'whatsapp', { providerId: 'wamid.HBgNNjI4MTI2NjAwMDAwMRUCABEYEjQ1', attemptId: OUTBOX_ATTEMPT }),
  'notifications-repo.recordDelivery': (db) => notifications.recordDelivery(db, OUTBOX_ID, { delivery: 'delivered', at: AT, providerId: 'wamid.HBgNNjI4MTI2NjAwMDAwMRUCABEYEjQ1', error: null, wentOut: true }),
  'notifications-repo.markFallenBack': (db) => notifications.markFallenBack(db, OUTBOX_ID, AT),
  'notifications-repo.unconfirmed': (db) => notifications.unconfirmed(db, AT, 100),
  'notifications-repo.findNotifySettings': (db) => notifications.findNotifySettings(db, OFFICE),
  'notifications-repo.allNotifySettings': (db) => notifications.allNotifySettings(db),
  'notifications-repo.saveNotifySettings': (db) => notifications.saveNotifySettings(db, { office_id: OFFICE, settings: '{"order":["whatsapp","sms","email"]}', secrets: 'v1.iv.tag.ct', updated_at: AT, updated_by: null }),
  'notifications-repo.recordInbound': (db) => notifications.recordInbound(db, OFFICE, '6281266000001', AT),
  'notifications-repo.lastInbound': (db) => notifications.lastInbound(db, OFFICE, '6281266000001'),
  'notifications-repo.claimDue:offices': (db, database) =>
    notifications.claimDue(answering(db, [{ ...OUTBOX_ROW, channel: 'whatsapp' }]) as Transaction<DB>, database.dialect === 'postgres', 'whatsapp', AT, '2026-04-06T01:05:00.000Z', 20, { offices: [OFFICE], holdUntil: () => null }),
  'calls-repo.openCallTask': (db) => calls.openCallTask(db, { office_id: OFFICE, application_id: CASE, service_id: 'svc-santunan', promise_id: 'menjelang-pencairan', role: 'front-office', due_from: AT }),
  'calls-repo.callTasksOf': (db) => calls.callTasksOf(db, CASE),
  'calls-repo.findCallTask': (db) => calls.findCallTask(db, OFFICE, 'c0a1b2c3-0000-4000-8000-000000000001'),
  'calls-repo.recordCallAttempt': (db) => calls.recordCallAttempt(db, { id: 'c0a1b2c3-0000-4000-8000-000000000001', office_id: OFFICE, application_id: CASE, service_id: 'svc-santunan', promise_id: 'menjelang-pencairan', role: 'front-office', due_from: AT, status: 'open', attempts: 0, last_outcome: null, last_at: null, first_attempt_at: null, done_at: null, done_by: null }, { outcome: 'tersambung', at: AT, by: 'u-front', done: true }),
  'calls-repo.openCallsFor': (db) => calls.openCallsFor(db, OFFICE, ['front-office', 'back-office'], 200),
  'calls-repo.callTimes': (db) => calls.callTimes(db, OFFICE, '2026-03-07T00:00:00.000Z', AT, 20000),
  'notifications-repo.applicantOf': (db) => notifications.applicantOf(answering(db, [{ applicant: '{}' }]), CASE),
  'notifications-repo.writeNotifyChoice': (db) => notifications.writeNotifyChoice(db, CASE, { name: 'Siti Aminah', notify: { channels: [], basis: 'pelayanan-publik', at: AT, optedOutAt: AT } }),
  'notifications-repo.cancelQueued': (db) => notifications.cancelQueued(db, CASE, ['email', 'sms'], 'dihentikan oleh pemohon / stopped by the applicant'),
  'signing-repo.currentAuthority': (db) => signing.currentAuthority(db, OFFICE),
  'signing-repo.lastAuthorityGeneration': (db) => signing.lastAuthorityGeneration(db, OFFICE),
  'signing-repo.authorityById': (db) => signing.authorityById(db, SIGNING_CA),
  'signing-repo.insertAuthority': (db) =>
    signing.insertAuthority(db, { id: SIGNING_CA, office_id: OFFICE, generation: 1, serial: '5221967660ae3db220d226abfd4b67fa', common_name: 'Otoritas Sertifikat Sigap Dinas Sosial Kota Jambi', cert_pem: '-----BEGIN CERTIFICATE-----\n…', key_sealed: 'v1.iv.tag.ct', not_before: AT, not_after: '2036-04-06T01:00:00.000Z', created_at: AT, retired_at: null }),
  'signing-repo.retireAuthorities': (db) => signing.retireAuthorities(db, OFFICE, AT),
  'signing-repo.latestCertificate': (db) => signing.latestCertificate(db, OFFICE, USER),
  'signing-repo.certificateBySerial': (db) => signing.certificateBySerial(db, '54ca77654509718e7a6dd2fcc379dbf3'),
  'signing-repo.insertCertificate': (db) =>
    signing.insertCertificate(db, {
      id: '3b2a1908-f7e6-4d5c-b4a3-92817f6e5d4c',
      office_id: OFFICE,
      authority_id: SIGNING_CA,
      user_id: USER,
      generation: 1,
      serial: '54ca77654509718e7a6dd2fcc379dbf3',
      common_name: 'Drs. H. Ahmad Zulkifli, M.Si',
      cert_pem: '-----BEGIN CERTIFICATE-----\n…',
      key_sealed: 'v1.iv.tag.ct',
      not_before: AT,
      not_after: '2028-04-06T01:00:00.000Z',
      created_at: AT,
      superseded_at: null,
      revoked_at: null,
      revocation_reason: null,
      revoked_by: null,
    }),
  'signing-repo.supersedeCertificates': async (db) => {
    // One signer (a re-issue), then every signer of the office (the authority rotated).
    await signing.supersedeCertificates(db, OFFICE, USER, AT);
    await signing.supersedeCertificates(db, OFFICE, null, AT);
  },
  'signing-repo.revokeCertificate': (db) => signing.revokeCertificate(db, OFFICE, '54ca77654509718e7a6dd2fcc379dbf3', { at: AT, reason: 'Kunci perangkat kepala dinas hilang', by: 'cli:admin' }),
  'signing-repo.certificatesOf': (db) => signing.certificatesOf(db, OFFICE),

  /* ---------- registry-repo ---------- */
  'registry-repo.insertSnapshot': (db) => registry.insertSnapshot(db, { ...snapshotRow, summary: { threshold: 0.05 } }),
  'registry-repo.updateSnapshot': async (db) => {
    // A refused import (import-registry.ts refuse); then the summary alone (confirmed proposals).
    await registry.updateSnapshot(db, SNAP, { status: 'refused', phase: 'done', rows_read: 212_400, rows_accepted: 190_112, rows_rejected: 22_288, report_path: `/var/lib/sigap/registry/reports/${SNAP}.csv`, summary: { threshold: 0.05, problems: [] } });
    await registry.updateSnapshot(db, SNAP, { summary: { threshold: 0.05, confirmedProposals: 3 } });
  },
  'registry-repo.findSnapshot': (db) => registry.findSnapshot(db, OFFICE, SNAP),
  'registry-repo.snapshotById': (db) => registry.snapshotById(db, SNAP),
  'registry-repo.listSnapshots': (db) => registry.listSnapshots(db, OFFICE),
  'registry-repo.currentSnapshot': (db) => registry.currentSnapshot(db, OFFICE),
  'registry-repo.currentForPeriod': (db) => registry.currentForPeriod(db, OFFICE, '2026-03'),
  'registry-repo.snapshotAsOf': (db) => registry.snapshotAsOf(db, OFFICE, AT),
  'registry-repo.completeSnapshots': (db) => registry.completeSnapshots(db, OFFICE),
  'registry-repo.loadingSnapshots': (db) => registry.loadingSnapshots(db, OFFICE),
  'registry-repo.rowTablesInUse': (db) => registry.rowTablesInUse(db),
  // The period already has a current snapshot: it is marked replaced first.
  'registry-repo.publishSnapshot': (db) =>
    registry.publishSnapshot(
      answering(db, [previousSnapshot]) as Transaction<DB>,
      { id: SNAP, office_id: OFFICE, period: '2026-03' },
      { rows_read: 212_400, bytes_read: 48_211_904, rows_accepted: 212_340, rows_rejected: 60, rows_unchanged: 201_877, report_path: `/var/lib/sigap/registry/reports/${SNAP}.csv`, summary: { threshold: 0.05 } },
      AT,
      { actor: 'Rina Marlina', detail: { period: '2026-03', previous: OLDER } },
    ),
  'registry-repo.findLock': (db) => registry.findLock(db, OFFICE),
  'registry-repo.takeLock': async (db) => {
    // A free lock, then the lock of a dead import taken over.
    const lock = { office_id: OFFICE, snapshot_id: SNAP, host: 'sigap-1', pid: 4242, heartbeat_at: AT };
    await registry.takeLock(db, lock, null);
    await registry.takeLock(db, lock, OLDER);
  },
  'registry-repo.heartbeat': (db) => registry.heartbeat(db, OFFICE, SNAP, AT, { rows_read: 120_000, bytes_read: 27_262_976, phase: 'loading' }),
  'registry-repo.releaseLock': (db) => registry.releaseLock(db, OFFICE, SNAP),
  'registry-repo.createRowTable': (db) => registry.createRowTable(db, TABLE),
  'registry-repo.dropRowTable': (db) => registry.dropRowTable(db, TABLE),
  // Kysely's own introspection statements (DummyDriver: no table found).
  'registry-repo.rowTableExists': (db) => registry.rowTableExists(db, OLDER_TABLE),
  'registry-repo.listRowTables': (db) => registry.listRowTables(db),
  'registry-repo.indexNik': async (db, database) => {
    await registry.indexNik(db, database.dialect, TABLE);
    // PostgreSQL: duplicate NIKs refuse the unique index, and the plain one is built instead.
    if (database.dialect === 'postgres') await registry.indexNik(answering(db, Object.assign(new Error('could not create unique index'), { code: '23505' })), database.dialect, TABLE);
  },
  'registry-repo.indexKk': (db) => registry.indexKk(db, TABLE),
  // One duplicated NIK found, then the first row that keeps it.
  'registry-repo.duplicateNiks': (db) => registry.duplicateNiks(answering(db, [{ nik: NIK, n: 2 }], [{ row_no: 17 }]), TABLE, 1001),
  'registry-repo.dropDuplicateRows': (db) => registry.dropDuplicateRows(db, TABLE, NIK, 17),
  'registry-repo.countRows': (db) => registry.countRows(db, TABLE),
  'registry-repo.compareRows': (db) => registry.compareRows(db, TABLE, OLDER_TABLE),
  'registry-repo.rowByNik': (db) => registry.rowByNik(db, TABLE, NIK),
  'registry-repo.rowsPage': (db) => registry.rowsPage(db, TABLE, { afterRowNo: 5000, limit: 5000 }),
  'registry-repo.currentSnapshotId': (_db, database) => registry.currentSnapshotId(database, database.dialect, OFFICE),
  'registry-repo.personRow': (_db, database) => registry.personRow(database, database.dialect, TABLE, NIK),
  // A family of the full 50 rows without the person: the person is then read alone.
  'registry-repo.personWithFamily': (_db, database) =>
    registry.personWithFamily(
      readingRows(
        database,
        Array.from({ length: 50 }, (_, i) => registryRow(i + 1, `1571025${String(i + 1).padStart(9, '0')}`)),
      ),
      database.dialect,
      TABLE,
      NIK,
    ),
  'registry-repo.familyOfKk': (_db, database) => registry.familyOfKk(database, database.dialect, TABLE, KK),
  'registry-repo.appendAccessEntry': (_db, database) =>
    registry.appendAccessEntry(appending(database), {
      officeId: OFFICE,
      actor: { id: USER, name: 'Rina Marlina', roles: ['front-office'] },
      action: 'lookup-nik',
      nik: NIK,
      snapshotId: SNAP,
      applicationId: CASE,
      reason: 'Verifikasi permohonan SKTM',
      found: true,
      detail: { rows: 4, masked: true },
      at: AT,
    }),
  'registry-repo.accessLog': async (db) => {
    // The newest page; then one NIK's entries, the page before.
    await registry.accessLog(db, OFFICE, { limit: 100 });
    await registry.accessLog(db, OFFICE, { nik: NIK, limit: 100, before: 5120 });
  },
  'registry-repo.accessLogForNik': (db) => registry.accessLogForNik(db, OFFICE, NIK),
  'registry-repo.insertProposal': (db) => registry.insertProposal(db, proposal),
  'registry-repo.insertProposalEvent': (db) =>
    registry.insertProposalEvent(db, { id: PROPOSAL, officeId: OFFICE }, { type: 'opened', stage: 'intake', actor: { id: USER, name: 'Rina Marlina' }, data: { step: 'verifikasi', registrationNumber: 'JMB-2026-000001' }, at: AT }),
  'registry-repo.proposalByApplication': (db) => registry.proposalByApplication(db, CASE),
  'registry-repo.findProposal': (db) => registry.findProposal(db, OFFICE, PROPOSAL),
  'registry-repo.updateProposalIfVersion': async (db) => {
    // A stage recorded with its SIKS-NG reference; then confirmed by a snapshot (confirm-proposals.ts).
    await registry.updateProposalIfVersion(db, PROPOSAL, 1, { stage: 'surveyed', siksngReference: 'SIKS-1571-2026-004211', updatedAt: AT });
    await registry.updateProposalIfVersion(db, PROPOSAL, 4, { stage: 'confirmed', confirmedSnapshotId: SNAP, confirmedAt: AT, updatedAt: AT });
  },
  'registry-repo.listProposals': async (db) => {
    await registry.listProposals(db, OFFICE, { limit: 100 });
    await registry.listProposals(db, OFFICE, { stage: 'finalised', limit: 100 });
  },
  'registry-repo.openProposals': (db) => registry.openProposals(db, OFFICE),
  'registry-repo.proposalEvents': (db) => registry.proposalEvents(db, PROPOSAL),
  'registry-repo.proposalsForNik': (db) => registry.proposalsForNik(db, OFFICE, NIK),
  'registry-repo.applicationsForNik': (db) => registry.applicationsForNik(db, OFFICE, NIK),
  'registry-repo.eventsForApplications': (db) => registry.eventsForApplications(db, [CASE, '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b']),
  'registry-repo.caseOfOffice': (db) => registry.caseOfOffice(db, OFFICE, CASE),
  'registry-repo.registryEventsOfCase': (db) => registry.registryEventsOfCase(db, CASE),

  /* ---------- complaints-repo ---------- */
  'complaints-repo.insertComplaint': (db) =>
    complaints.insertComplaint(db, {
      id: COMPLAINT,
      office_id: OFFICE,
      receipt_number: 'JMB-ADU-2026-000123',
      tracking_code_hash: 'h',
      idempotency_key: 'adu-2026-04-06-0001',
      channel: 'website',
      type: 'pengaduan',
      mode: 'named',
      complainant_name: 'Siti Aminah',
      complainant_phone: '081234567890',
      text: 'Permohonan SKTM saya belum selesai padahal sudah lewat 5 hari kerja.',
      service_id: SERVICE,
      application_id: CASE,
      stage: 'diterima',
      status: 'open',
      received_at: AT,
      clock_started_at: AT,
      due_at: '2026-04-13T01:00:00.000Z',
      sla_state: 'on-time',
      version: 1,
      updated_at: AT,
    }),
  'complaints-repo.insertComplaintEvents': (db) =>
    complaints.insertComplaintEvents(
      db,
      complaints.complaintEvent(complaint, { type: 'received', stage: 'diterima', actor: { id: null, name: 'Pelapor (formulir daring)' }, data: { channel: 'website' }, at: AT }),
      complaints.complaintEvent(complaint, { type: 'note', stage: 'diterima', actor: { id: USER, name: 'Rahmat Hidayat' }, visibility: 'internal', note: 'Dicek ke bidang Linjamsos', at: AT }),
    ),
  'complaints-repo.findComplaint': (db) => complaints.findComplaint(db, OFFICE, COMPLAINT),
  'complaints-repo.findComplaintsByReceipt': (db) => complaints.findComplaintsByReceipt(db, 'JMB-ADU-2026-000123'),
  'complaints-repo.findComplaintByReceiptInOffice': (db) => complaints.findComplaintByReceiptInOffice(db, OFFICE, 'JMB-ADU-2026-000098'),
  'complaints-repo.findComplaintByIdempotencyKey': (db) => complaints.findComplaintByIdempotencyKey(db, OFFICE, 'adu-2026-04-06-0001'),
  'complaints-repo.receiptNumberOf': (db) => complaints.receiptNumberOf(db, COMPLAINT),
  'complaints-repo.complaintEvents': async (db) => {
    // Staff see every event; the complainant only the public ones.
    await complaints.complaintEvents(db, COMPLAINT);
    await complaints.complaintEvents(db, COMPLAINT, true);
  },
  'complaints-repo.listComplaints': async (db, database) => {
    // The head of office's unfiltered list; a reader's list with every filter (clock state in SQL).
    await complaints.listComplaints(db, OFFICE, { excludeConfidential: false, limit: 100 }, clock(database));
    await complaints.listComplaints(db, OFFICE, { excludeConfidential: true, status: 'open', stage: 'diteruskan', slaState: 'at-risk', limit: 100, offset: 100 }, clock(database));
  },
  'complaints-repo.countComplaints': async (db, database) => {
    await complaints.countComplaints(db, OFFICE, false, clock(database));
    await complaints.countComplaints(db, OFFICE, true, clock(database));
  },
  'complaints-repo.sweepCandidates': (db) => complaints.sweepCandidates(db, OFFICE),
  'complaints-repo.answeredWithoutReply': (db) => complaints.answeredWithoutReply(db, OFFICE),
  'complaints-repo.insertComplaintNotification': (db) =>
    complaints.insertComplaintNotification(db, { office_id: OFFICE, complaint_id: COMPLAINT, role: 'kepala-dinas', kind: 'late', message: 'Pengaduan JMB-ADU-2026-000123 melewati batas waktu', created_at: AT }),
  'complaints-repo.complaintNotificationsFor': async (db) => {
    await complaints.complaintNotificationsFor(db, OFFICE, ['pengelola-pengaduan', 'kepala-dinas'], false);
    await complaints.complaintNotificationsFor(db, OFFICE, ['kepala-bidang'], true);
  },
  'complaints-repo.publishedSummaries': (db) => complaints.publishedSummaries(db, OFFICE, 20),
  'complaints-repo.applicationIdByNumber': (db) => complaints.applicationIdByNumber(db, OFFICE, 'JMB-2026-000001'),
  'complaints-repo.registrationNumberOf': (db) => complaints.registrationNumberOf(db, CASE),
  'complaints-repo.recordIdentityRead': (db) => complaints.recordIdentityRead(db, complaint, 'Rahmat Hidayat', AT),

  /* ---------- surveys-repo ---------- */
  'surveys-repo.insertSurveyResponses': (db) =>
    surveys.insertSurveyResponses(db, [
      surveys.newResponseRow(checked, { officeId: OFFICE, serviceId: SERVICE, applicationId: CASE, source: 'paper', respondedOn: '2026-04-06', batchId: 'f0e1d2c3-b4a5-4968-8776-655443322110', enteredBy: 'Nur Hasanah', createdAt: AT }),
      surveys.newResponseRow(checked, { officeId: OFFICE, serviceId: null, applicationId: null, source: 'paper', respondedOn: '2026-04-06', batchId: 'f0e1d2c3-b4a5-4968-8776-655443322110', enteredBy: 'Nur Hasanah', createdAt: AT }),
    ]),
  'surveys-repo.responseForApplication': (db) => surveys.responseForApplication(db, CASE),
  'surveys-repo.applicationsWithResponses': (db) => surveys.applicationsWithResponses(db, [CASE, '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b']),
  'surveys-repo.aggregateResponses': async (db) => {
    // The office's IKM, then one service's.
    await surveys.aggregateResponses(db, QUARTER);
    await surveys.aggregateResponses(db, { ...QUARTER, serviceId: SERVICE });
  },
  'surveys-repo.aggregateByService': (db) => surveys.aggregateByService(db, QUARTER),
  'surveys-repo.aggregateByMonth': (db) => surveys.aggregateByMonth(db, { ...QUARTER, serviceId: SERVICE }),
  'surveys-repo.profileCounts': async (db) => {
    for (const column of ['age_group', 'sex', 'education', 'occupation'] as const) await surveys.profileCounts(db, QUARTER, column);
  },
  'surveys-repo.suggestions': (db) => surveys.suggestions(db, QUARTER, 200),
  'surveys-repo.countSuggestions': (db) => surveys.countSuggestions(db, QUARTER),
  'surveys-repo.responsesForExport': (db) => surveys.responsesForExport(db, { ...QUARTER, serviceId: SERVICE }, 5000, 5000),
  'surveys-repo.registrationNumbers': (db) => surveys.registrationNumbers(db, [CASE, '1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b']),
  'surveys-repo.applicationsByNumber': (db) => surveys.applicationsByNumber(db, OFFICE, ['JMB-2026-000001', 'JMB-2026-000002']),
  'surveys-repo.latestResponseDay': (db) => surveys.latestResponseDay(db, OFFICE),
  'surveys-repo.population': async (db) => {
    await surveys.population(db, OFFICE, '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z');
    await surveys.population(db, OFFICE, '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z', SERVICE);
  },
  'surveys-repo.populationByService': (db) => surveys.populationByService(db, OFFICE, '2025-12-31T17:00:00.000Z', '2026-03-31T17:00:00.000Z'),
  'surveys-repo.insertKioskNonce': (db) => surveys.insertKioskNonce(db, { nonce_hash: 'ab'.repeat(32), office_id: OFFICE, issued_at: AT }),
  'surveys-repo.findKioskNonce': (db) => surveys.findKioskNonce(db, 'ab'.repeat(32)),
  'surveys-repo.useKioskNonce': (db) => surveys.useKioskNonce(db, 'ab'.repeat(32), OFFICE, AT),
  'surveys-repo.deleteKioskNoncesBefore': (db) => surveys.deleteKioskNoncesBefore(db, '2026-04-05T01:00:00.000Z'),
  'surveys-repo.getFollowup': (db) => surveys.getFollowup(db, OFFICE, '', '2026-01-01', '2026-03-31'),
  'surveys-repo.upsertFollowup': (db) =>
    surveys.upsertFollowup(db, { office_id: OFFICE, scope: '', period_from: '2026-01-01', period_to: '2026-03-31', text: 'Menambah satu petugas loket pada pukul 08.00–10.00.', updated_by: 'Nur Hasanah', updated_at: AT }),
  'surveys-repo.recordSurveyAudit': (db) =>
    surveys.recordSurveyAudit(db, { officeId: OFFICE, actor: 'Nur Hasanah', action: 'survey.paper', subject: 'survey-batch:f0e1d2c3-b4a5-4968-8776-655443322110', detail: { responses: 2 }, at: AT }),
  // The head's lock-and-read comes first; the recorder returns no head row, so the insert and the head's move stop there.
  'audit-chain-repo.insertChained': (db) =>
    db.transaction().execute((trx) =>
      auditChain.insertChained(trx, 'registry_access_log', [{ id: CASE, office_id: OFFICE, at: AT, actor_id: USER, actor_name: 'Rina Marlina', roles: '["front-office"]', action: 'lookup-nik', nik: NIK, reason: 'Verifikasi permohonan SKTM', found: 1, detail: '{}' }]),
    ),
  'audit-chain-repo.insertAuditEvent': (db) =>
    auditChain.insertAuditEvent(db, { officeId: OFFICE, actor: 'Rahmat Hidayat', action: 'letters.number', subject: `letter:${LETTER}`, detail: { number: '460/0127/DINSOS/XII/2026' }, at: AT }),
  'audit-chain-repo.chainHeads': (db) => auditChain.chainHeads(db),
  'audit-chain-repo.chainedOfficeKeys': (db) => auditChain.chainedOfficeKeys(db, 'audit_events'),
  'audit-chain-repo.chainPage': async (db) => {
    // An office's chain; then the chain of rows without an office.
    await auditChain.chainPage(db, 'registry_access_log', OFFICE, 5120, 2000);
    await auditChain.chainPage(db, 'audit_events', '', 0, 2000);
  },
  'audit-chain-repo.officeSlugs': (db) => auditChain.officeSlugs(db),
  'backup-repo.appliedMigrations': (db, database) => backup.appliedMigrations(db, database.dialect),
  'backup-repo.tableNames': (db, database) => backup.tableNames(db, database.dialect),
  'backup-repo.rowCounts': (db) => backup.rowCounts(db, ['applications', 'uploads', 'registry_rows_5b0c3f4e_2026_03']),
  'backup-repo.referencedFiles': (db) => backup.referencedFiles(db),
  'backup-repo.withExportedSnapshot': (db) => backup.withExportedSnapshot(db, async () => null),
  'privacy-repo.insertSubjectRequest': (db) =>
    privacy.insertSubjectRequest(db, {
      id: CASE,
      office_id: OFFICE,
      number: 'JMB-PDP-2026-000001',
      tracking_code_hash: 'a3f1c9e0b7d2',
      channel: 'website',
      nik: NIK,
      name: 'Siti Aminah',
      contact: '081266782747',
      proof: '{"kind":"tracking-code","record":"application","number":"JMB-2026-000001"}',
      status: 'open',
      received_at: AT,
      due_at: '2026-04-09T01:00:00.000Z',
      closed_at: null,
      closed_by: null,
      refusal_reason: null,
      export_json: null,
      export_sha256: null,
      created_by: null,
      version: 1,
    }),
  'privacy-repo.listSubjectRequests': (db) => privacy.listSubjectRequests(db, OFFICE, 200),
  'privacy-repo.findSubjectRequest': (db) => privacy.findSubjectRequest(db, OFFICE, CASE),
  'privacy-repo.findSubjectRequestByNumber': (db) => privacy.findSubjectRequestByNumber(db, 'JMB-PDP-2026-000001'),
  'privacy-repo.subjectExportText': (db) => privacy.subjectExportText(db, CASE),
  'privacy-repo.closeSubjectRequest': (db) => privacy.closeSubjectRequest(db, CASE, 1, { status: 'answered', closed_at: AT, closed_by: 'Yunita Indrawati', export_json: '{}', export_sha256: 'e3b0c442' }),
  'privacy-repo.proofsOfNik': (db) => privacy.proofsOfNik(answering(db, [{ id: CASE, registration_number: 'JMB-2026-000001', tracking_code_hash: 'a3f1' }]), OFFICE, NIK, 1000),
  'privacy-repo.casesOfNik': (db) => privacy.casesOfNik(db, OFFICE, NIK, 501),
  'privacy-repo.caseEventsOf': (db) => privacy.caseEventsOf(db, [CASE], 501),
  'privacy-repo.caseUploadsOf': (db) => privacy.caseUploadsOf(db, [CASE], 501),
  'privacy-repo.lettersOfSubject': (db) => privacy.lettersOfSubject(db, OFFICE, NIK, [CASE], 501),
  'privacy-repo.letterEventsOf': (db) => privacy.letterEventsOf(db, [LETTER], 501),
  'privacy-repo.complaintsOfCases': (db) => privacy.complaintsOfCases(db, OFFICE, [CASE], 501),
  'privacy-repo.auditAbout': (db) => privacy.auditAbout(db, OFFICE, [`application:${CASE}`, `letter:${LETTER}`], 501),
  'data-access-repo.appendDataAccess': (_db, database) => dataAccess.appendDataAccess(appending(database), dataRead),
  'data-access-repo.appendDataAccesses': (_db, database) => dataAccess.appendDataAccesses(appending(database), [dataRead, { ...dataRead, recordId: LETTER, recordKind: 'letter' }]),
  'data-access-repo.accessesOfRecord': (db) => dataAccess.accessesOfRecord(db, OFFICE, 'application', CASE, 50),
  'data-access-repo.accessesOfRecords': (db) => dataAccess.accessesOfRecords(db, OFFICE, { application: [CASE], upload: ['u1', 'u2'], letter: [LETTER] }, 50),
  'data-access-repo.countAccessesOfRecords': async (db) => {
    await dataAccess.countAccessesOfRecords(db, OFFICE, { complaint: [COMPLAINT] });
    // No record at all: no row, without an empty IN list.
    await dataAccess.countAccessesOfRecords(db, OFFICE, {});
  },
  'data-access-repo.accessesOfSubject': (db) => dataAccess.accessesOfSubject(db, OFFICE, NIK, 1000),
  'audit-repo.trailEvents': async (db) => {
    // Unfiltered; then every filter an event can take (a record by its id or its number).
    await audit.trailEvents(db, OFFICE, {}, 50);
    await audit.trailEvents(db, OFFICE, { fromAt: AT, beforeAt: '2026-04-07T17:00:00.000Z', actor: 'rina', kind: 'letter', action: 'letters.sign', recordIds: [LETTER, 'JMB-2026-000001'] }, 1000);
  },
  'audit-repo.trailRegistry': (db) => audit.trailRegistry(db, OFFICE, { fromAt: AT, actor: 'rina', kind: 'registry', action: 'lookup-nik', recordIds: [CASE], nik: NIK }, 1000),
  'audit-repo.trailReads': (db) => audit.trailReads(db, OFFICE, { beforeAt: AT, actor: 'rina', kind: 'application', action: 'read', recordIds: [CASE], nik: NIK }, 1000),
  'audit-repo.countTrail': async (db) => {
    // All three logs; then with a NIK (no audit event carries one).
    await audit.countTrail(db, OFFICE, { fromAt: AT });
    await audit.countTrail(db, OFFICE, { nik: NIK });
  },
  'audit-repo.recordIdsOf': (db) => audit.recordIdsOf(db, OFFICE, 'JMB-2026-000001'),
  'programmes-repo.insertRound': (db) =>
    programmes.insertRound(db, { id: ROUND, office_id: OFFICE, programme_slug: 'bantuan-permakanan', programme: '{}', period: '2026', stage: 'Tahap I', reference_date: '2026-01-01', snapshot_id: SNAP, status: 'verifying', created_at: AT, created_by: 'Operator', version: 1 }),
  'programmes-repo.findRound': (db) => programmes.findRound(db, OFFICE, ROUND),
  'programmes-repo.findRoundByStage': (db) => programmes.findRoundByStage(db, OFFICE, 'bantuan-permakanan', '2026', 'Tahap I'),
  'programmes-repo.roundsOf': (db) => programmes.roundsOf(db, OFFICE, 'bantuan-permakanan', 20),
  'programmes-repo.updateRoundIfVersion': (db) => programmes.updateRoundIfVersion(db, ROUND, 1, { status: 'reported' }),
  'programmes-repo.insertCandidates': (db) => programmes.insertCandidates(db, [CANDIDATE_ROW]),
  'programmes-repo.candidateNiks': (db) => programmes.candidateNiks(db, ROUND),
  'programmes-repo.candidatesPage': async (db) => {
    await programmes.candidatesPage(db, ROUND, {}, { limit: 51, offset: 0 });
    await programmes.candidatesPage(db, ROUND, { verification: 'pending', name: 'SARI' }, { limit: 51, offset: 50 });
  },
  'programmes-repo.candidatesOfRound': (db) => programmes.candidatesOfRound(db, ROUND, 5000),
  'programmes-repo.candidateCounts': (db) => programmes.candidateCounts(db, ROUND),
  'programmes-repo.findCandidate': (db) => programmes.findCandidate(db, OFFICE, ROUND, CANDIDATE),
  'programmes-repo.updateCandidateIfVersion': (db) => programmes.updateCandidateIfVersion(db, CANDIDATE, 1, { verification: 'eligible', verified_at: AT }),
  'programmes-repo.refusedInPeriod': (db) => programmes.refusedInPeriod(db, OFFICE, 'bantuan-permakanan', '2026', ['6403026107580002']),
  'programmes-repo.applicantsOfService': (db) => programmes.applicantsOfService(db, OFFICE, SERVICE, ['open', 'completed'], 5000),
  'programmes-repo.insertVerification': (db) =>
    programmes.insertVerification(db, { id: CASE, candidate_id: CANDIDATE, round_id: ROUND, office_id: OFFICE, result: 'ineligible', reason: 'Menerima pensiun', actor_id: USER, actor_name: 'Verifikator', role: 'verifikator', at: AT }),
  'programmes-repo.verificationsOf': (db) => programmes.verificationsOf(db, CANDIDATE, 20),
  'programmes-repo.insertDocument': (db) =>
    programmes.insertDocument(db, { id: LETTER, round_id: ROUND, office_id: OFFICE, kind: 'sk', number: '400.9/0002/DINSOS/2026', number_seq: 2, counter: 'letter:2026', token: 'tok', issued_on: '2026-02-02', signed_at: AT, signed_by: USER, signer: '{}', sha256: 'a', size: 1, public_sha256: 'b', public_size: 1, people: '[]', created_at: AT }),
  'programmes-repo.documentsOfRound': (db) => programmes.documentsOfRound(db, ROUND),
  'programmes-repo.documentByToken': (db) => programmes.documentByToken(db, 'tok'),
  'programme-groups-repo.insertGroup': (db) =>
    groups.insertGroup(
      db,
      { id: ROUND, office_id: OFFICE, programme_slug: 'bantuan-kube', programme: '{}', name: 'KUBE Sido Makmur', individual: 0, village: 'TANDANG', district: null, business: 'Warung', proposal_date: '2026-03-02', account_bank: 'Bank Jateng', account_number: '2034123456', account_holder: 'KUBE', rab: '[]', rab_total: 20000000, status: 'proposed', decree_number: null, decree_date: null, decree_issuer: null, disbursed_on: null, disbursed_amount: null, report_due: null, reported_on: null, report_note: null, created_at: AT, created_by: 'Operator', version: 1 },
      [{ id: CANDIDATE, group_id: ROUND, office_id: OFFICE, programme_slug: 'bantuan-kube', position: 1, nik: '3374010101800001', kk: '3374011503090001', name: 'SUTRISNO', birth_date: '1980-01-01', role: null }],
    ),
  'programme-groups-repo.findGroup': (db) => groups.findGroup(db, OFFICE, ROUND),
  'programme-groups-repo.membersOf': (db) => groups.membersOf(db, ROUND),
  'programme-groups-repo.groupsOf': (db) => groups.groupsOf(db, OFFICE, 'bantuan-kube', 200),
  'programme-groups-repo.membersElsewhere': (db) => groups.membersElsewhere(db, OFFICE, 'bantuan-kube', ['3374010101800001']),
  'programme-groups-repo.updateGroupIfVersion': (db) => groups.updateGroupIfVersion(db, ROUND, 1, { status: 'decreed' }),
  'programme-groups-repo.quotaOf': (db) => groups.quotaOf(db, OFFICE, 'pengusulan-jkn-kis', '2026-07'),
  'programme-groups-repo.upsertQuota': (db) => groups.upsertQuota(db, { office_id: OFFICE, programme_slug: 'pengusulan-jkn-kis', period: '2026-07', quota: 2, note: 'Kuota', set_at: AT, set_by: 'Operator' }),
  'programme-groups-repo.lastQueuePosition': (db) => groups.lastQueuePosition(db, OFFICE, 'pengusulan-jkn-kis', '2026-07'),
  'programme-groups-repo.queuedPerson': (db) => groups.queuedPerson(db, OFFICE, 'pengusulan-jkn-kis', '2026-07', '6371010101800001'),
  'programme-groups-repo.insertQueued': (db) =>
    groups.insertQueued(db, { id: CASE, office_id: OFFICE, programme_slug: 'pengusulan-jkn-kis', period: '2026-07', position: 1, nik: '6371010101800001', name: 'AHMAD YANI', category: 'pbi-apbn', registration_number: null, created_at: AT, created_by: 'Operator' }),
  'programme-groups-repo.queueOf': (db) => groups.queueOf(db, OFFICE, 'pengusulan-jkn-kis', '2026-07', 500),
  'programme-groups-repo.applicationByNumber': (db) => groups.applicationByNumber(db, OFFICE, SERVICE, '400/0001/BJM/2026'),
  'programme-groups-repo.queuedByRegistration': (db) => groups.queuedByRegistration(db, OFFICE, '400/0001/BJM/2026'),
  'programme-groups-repo.decreedPeriods': (db) => groups.decreedPeriods(db, OFFICE, 'bantuan-usaha-wrse', 50),
  'programme-groups-repo.decreesOfPeriod': (db) => groups.decreesOfPeriod(db, OFFICE, 'bantuan-usaha-wrse', '2026'),
  'programme-groups-repo.decreedInPeriod': (db) => groups.decreedInPeriod(db, OFFICE, 'bantuan-usaha-wrse', '2026', '6403025203880002', '6403021503090011'),
  'programme-deliveries-repo.includedRecipient': (db) => deliveries.includedRecipient(db, CASE, TASK),
  'programme-deliveries-repo.moveDelivery': (db) => deliveries.moveDelivery(db, TASK, 'pending', 'delivered'),
  'programme-deliveries-repo.insertDelivery': (db) =>
    deliveries.insertDelivery(db, { id: CLOSURE, cycle_id: CASE, recipient_id: TASK, result: 'delivered', receiver_name: 'Nurlela', relation: 'anak kandung', delivered_at: AT, lat: -0.4297, lng: 116.9843, photo_upload_id: null, checks: '["kondisi-baik","jumlah-cukup"]', reason: null, recorded_by: 'Operator', recorded_at: AT }),
  'programme-deliveries-repo.latestDeliveries': (db) => deliveries.latestDeliveries(db, [TASK]),
  'programme-deliveries-repo.nextDueMonth': (db) => deliveries.nextDueMonth(db, OFFICE, 'bantuan-permakanan', '2026', 'lanjut-usia', '2026-04'),
  'programme-deliveries-repo.moveCycleStatus': (db) => deliveries.moveCycleStatus(db, CASE, 'approved', 'delivered'),
  'programme-groups-repo.insertSelfCheck': (db) => groups.insertSelfCheck(db, { office_id: OFFICE, programme_slug: 'bantuan-usaha-wrse', nik: '6403025203880002', found: 1, at: AT }),
  'logistics-repo.insertWarehouse': (db) => logistics.insertWarehouse(db, { id: WAREHOUSE, office_id: OFFICE, name: 'Gudang Logistik Bencana Kota Jambi', kind: 'gudang-dinas', area: 'Kota Baru', custodian: 'Hendra Saputra', release_gate: 'none', created_by: 'Pejabat Fungsional', created_at: AT }),
  'logistics-repo.warehousesOf': (db) => logistics.warehousesOf(db, OFFICE, 500),
  'logistics-repo.findWarehouse': (db) => logistics.findWarehouse(db, OFFICE, WAREHOUSE),
  'logistics-repo.findWarehouseByName': (db) => logistics.findWarehouseByName(db, OFFICE, 'Gudang Logistik Bencana Kota Jambi'),
  'logistics-repo.insertItem': (db) => logistics.insertItem(db, { id: ITEM, office_id: OFFICE, code: 'FK-01', name: 'Family kit', unit: 'paket', created_by: 'Pejabat Fungsional', created_at: AT }),
  'logistics-repo.itemsOf': (db) => logistics.itemsOf(db, OFFICE, 500),
  'logistics-repo.findItem': (db) => logistics.findItem(db, OFFICE, ITEM),
  'logistics-repo.findItemByCode': (db) => logistics.findItemByCode(db, OFFICE, 'FK-01'),
  'logistics-repo.findLot': (db) => logistics.findLot(db, WAREHOUSE, ITEM, 'FK-2025-07'),
  'logistics-repo.insertLot': (db) => logistics.insertLot(db, { id: LOT, office_id: OFFICE, warehouse_id: WAREHOUSE, item_id: ITEM, lot_code: 'FK-2025-07', expires_on: '2027-07-31', funding: 'apbn', received_at: AT, on_hand: 0 }),
  'logistics-repo.lotsWithStock': (db) => logistics.lotsWithStock(db, WAREHOUSE, ITEM, 200),
  'logistics-repo.takeFromLot': (db) => logistics.takeFromLot(db, LOT, 40),
  'logistics-repo.addToLot': (db) => logistics.addToLot(db, LOT, 100),
  'logistics-repo.insertMovements': (db) => logistics.insertMovements(db, [{ id: CASE, movement_id: TASK, office_id: OFFICE, warehouse_id: WAREHOUSE, item_id: ITEM, lot_id: LOT, kind: 'dispatch', quantity: -40, reason: null, incident_id: INCIDENT, document: null, actor_id: USER, actor_name: 'Pejabat Fungsional', at: AT }]),
  'logistics-repo.stockOfWarehouse': (db) => logistics.stockOfWarehouse(db, WAREHOUSE, 500),
  'logistics-repo.ledgerSums': (db) => logistics.ledgerSums(db, WAREHOUSE, 10000),
  'logistics-repo.minimumsOf': (db) => logistics.minimumsOf(db, WAREHOUSE),
  'logistics-repo.upsertMinimum': (db) => logistics.upsertMinimum(db, { warehouse_id: WAREHOUSE, item_id: ITEM, office_id: OFFICE, minimum: 50, updated_by: 'Pejabat Fungsional', updated_at: AT }),
  'logistics-repo.recentMovements': (db) => logistics.recentMovements(db, WAREHOUSE, 50),
  'logistics-repo.insertIncident': (db) =>
    logistics.insertIncident(db, { id: INCIDENT, office_id: OFFICE, title: 'Banjir Kelurahan Legok', source: 'camat', reported_at: AT, location_text: 'RT 07 Legok', lat: -1.59, lng: 103.58, emergency_report_id: null, description: '60 rumah terendam', assessment: null, needs: null, plan: null, state: 'open', created_by: 'Pejabat Fungsional', created_at: AT, version: 1, emergency_status: null, application_id: null, closed_at: null, closed_by: null, closure_reason: null, closure: null }),
  'logistics-repo.findIncident': (db) => logistics.findIncident(db, OFFICE, INCIDENT),
  'logistics-repo.incidentsOf': (db) => logistics.incidentsOf(db, OFFICE, 100),
  'logistics-repo.updateIncidentIfVersion': (db) => logistics.updateIncidentIfVersion(db, INCIDENT, 1, { plan: '{}' }),
  'logistics-repo.incidentLedger': (db) => logistics.incidentLedger(db, INCIDENT),
  'logistics-repo.insertFieldLoss': (db) => logistics.insertFieldLoss(db, { incident_id: INCIDENT, office_id: OFFICE, item_id: ITEM, quantity: 2, reason: 'Terendam air', actor_name: 'Pejabat Fungsional', at: AT }),
  'logistics-repo.fieldLosses': (db) => logistics.fieldLosses(db, INCIDENT),
  'logistics-repo.insertHandover': (db) =>
    logistics.insertHandover(db, { id: HANDOVER, incident_id: INCIDENT, office_id: OFFICE, mode: 'posko', place: 'Posko Masjid Al-Ikhlas', items: '[]', handed_by: 'Pejabat Fungsional', received_by: '{}', number: '400.9/0001/Dinsos/2026', number_seq: 1, counter: 'letter:2026', token: 'tok', issued_on: '2026-04-06', sha256: 'a', public_sha256: 'b', actor_id: USER, at: AT }),
  'logistics-repo.handoversOf': (db) => logistics.handoversOf(db, INCIDENT, 500),
  'logistics-repo.handoverByToken': (db) => logistics.handoverByToken(db, 'tok'),
  'logistics-repo.victimFor': (db) => logistics.victimFor(db, { incident_id: INCIDENT, office_id: OFFICE, dedupe_key: `nik:${NIK}`, nik: NIK, name: 'Siti Aminah', village: 'Legok', family_size: 4, vulnerable: null, created_at: AT }),
  'logistics-repo.linkVictim': (db) => logistics.linkVictim(db, HANDOVER, VICTIM),
  'logistics-repo.victimsOf': (db) => logistics.victimsOf(db, INCIDENT, 500),
  'logistics-repo.insertShipment': (db) =>
    logistics.insertShipment(db, { id: SHIPMENT, office_id: OFFICE, incident_id: INCIDENT, warehouse_id: WAREHOUSE, item_id: ITEM, movement_id: TASK, quantity: 40, destination: 'Posko Masjid Al-Ikhlas', state: 'dispatched', dispatched_at: AT, updated_at: AT, version: 1 }),
  'logistics-repo.findShipment': (db) => logistics.findShipment(db, OFFICE, SHIPMENT),
  'logistics-repo.moveShipmentIfVersion': (db) => logistics.moveShipmentIfVersion(db, SHIPMENT, 1, 'in-transit', AT),
  'logistics-repo.insertShipmentEvent': (db) =>
    logistics.insertShipmentEvent(db, { id: CASE, shipment_id: SHIPMENT, office_id: OFFICE, state: 'arrived', at: AT, recorded_at: AT, lat: -1.5899, lng: 103.5871, note: 'Diterima relawan posko', actor_id: USER, actor_name: 'TAGANA' }),
  'logistics-repo.shipmentsOf': (db) => logistics.shipmentsOf(db, INCIDENT, 500),
  'logistics-repo.shipmentEventsOf': (db) => logistics.shipmentEventsOf(db, INCIDENT, 2500),
  'logistics-repo.movementRows': (db) => logistics.movementRows(db, TASK),
  'logistics-repo.insertDocument': (db) =>
    logistics.insertDocument(db, { id: SHIPMENT, office_id: OFFICE, warehouse_id: WAREHOUSE, movement_id: TASK, kind: 'penerimaan', number: '400.9/0002/Dinsos/2026', number_seq: 2, counter: 'letter:2026', token: 'tok2', issued_on: '2026-04-06', sha256: 'c', at: AT }),
  'logistics-repo.documentByToken': (db) => logistics.documentByToken(db, 'tok2'),
  'logistics-repo.findDocument': (db) => logistics.findDocument(db, OFFICE, SHIPMENT),
  'logistics-repo.documentsOfWarehouse': (db) => logistics.documentsOfWarehouse(db, WAREHOUSE, 20),
  'logistics-repo.incidentOfCase': (db) => logistics.incidentOfCase(db, OFFICE, CASE),
  'logistics-repo.setWarehouseReleaseGate': (db) => logistics.setWarehouseReleaseGate(db, WAREHOUSE, 'status-tanggap-darurat'),
};

/** Exported repository functions that run no SQL of their own, and why. */
export const NOT_QUERIES: Record<string, string> = {
  'applications-repo.toCase': 'decodes a row',
  'applications-repo.caseEvent': 'builds an event row',
  'applications-repo.newTask': 'builds a task row',
  'applications-repo.containing': 'builds a LIKE pattern',
  'audit-repo.trailSources': 'decides which logs a filter can match',
  'staff-repo.toStaff': 'decodes a row',
  'letters-repo.toLetter': 'decodes a row',
  'registry-repo.rowTableName': 'names a snapshot row table',
  'registry-repo.accessLogColumns': 'builds the columns every access log row shares',
  'registry-repo.newProposal': 'builds a proposal',
  'registry-repo.openBulkLoader':
    'the bulk loader: better-sqlite3 prepared INSERTs on a second connection, or COPY FROM STDIN (pg-copy-streams) on a connection of its own; only an in-memory SQLite database falls back to Kysely INSERTs',
  'complaints-repo.complaintEvent': 'builds an event row',
  'oversight-repo.wholeUtcDays': 'splits a period into whole UTC days and its edge slices',
  'oversight-repo.wholeYears': 'splits months into whole calendar years and the months at either edge',
  'surveys-repo.newResponseRow': 'builds a response row',
  'surveys-repo.isDuplicateResponse': 'classifies an insert error',
  'backup-repo.openSqliteFile': 'opens a read-only connection to a SQLite file (a backup copy or a restored database)',
  'backup-repo.sqliteOnlineBackup': "SQLite's online backup API (better-sqlite3 backup()), no SQL",
};
