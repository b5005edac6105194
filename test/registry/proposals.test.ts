/**
 * Proposals (usulan) of new registry entries, tracked from intake through field survey,
 * finalisation in SIKS-NG (with the reference the operator enters) and the ministry's decision,
 * and confirmed by the next imported snapshot that lists the person: Kota Jambi 6 (Pengusulan
 * DTKS), Kota Semarang SLRT (its non-DTKS path), Kota Banjarmasin 2 (usulan JKN-KIS, PBI).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findApplication, openTaskFor } from '../../src/db/applications-repo.js';
import { proposalByApplication, proposalEvents } from '../../src/db/registry-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { extract, importAs, row, staffActor, tokenFor, writeCsv } from './support.js';

describe(`registry proposals (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-prop-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const officeId = (slug: string) => t.catalogue.office(slug)!.id;
  const snapshot = async (office: string, name: string, extra: string[][], period: string) => {
    const file = join(dir, name);
    writeCsv(file, extract(office, 150, extra));
    const r = await importAs(t, file, office, { period });
    assert.ok(r.ok, JSON.stringify(r));
    return r.value;
  };
  const submit = async (office: string, service: string, applicant: Record<string, unknown>, answers: Record<string, unknown> = {}) => {
    const svc = t.catalogue.service(office, service)!.service.service;
    const r = await submitApplication(
      t.ctx,
      { office, service, applicant: applicant as never, answers, attachments: svc.requirements.filter((x) => x.kind === 'document' && x.required).map((x) => ({ requirement: x.id, shown: true })) },
      await staffActor(t.ctx, 'front-office', office),
    );
    assert.ok(r.ok, JSON.stringify(r));
    return r.value.id;
  };
  const step = async (office: string, id: string, outcome: string, data: Record<string, unknown> = {}) => {
    const task = (await openTaskFor(t.database.db, id))!;
    const app = (await findApplication(t.database.db, officeId(office), id))!;
    return completeTask(t.ctx, { taskId: task.id, outcome, note: 'Sesuai', data, version: app.version }, await staffActor(t.ctx, task.role, office));
  };
  const ok = async (office: string, id: string, outcome: string, data: Record<string, unknown> = {}) => {
    const r = await step(office, id, outcome, data);
    assert.ok(r.ok, `${outcome}: ${JSON.stringify(r)}`);
    return r.value;
  };
  const report = { report: 'Rumah semi permanen berdinding papan, 4 anggota keluarga, kepala keluarga buruh harian lepas.' };

  it('Kota Jambi 6: intake → field survey → SIKS-NG finalisation with its reference → waiting on Kemensos → confirmed by the next snapshot, which closes the case', async () => {
    await snapshot('kota-jambi', 'jambi-2026-01.csv', [], '2026-01');
    const nik = '1571036512880004';
    const id = await submit('kota-jambi', 'pengusulan-dtks', { nik, kk: '1571031503180002', name: 'Dewi Lestari' });
    await ok('kota-jambi', id, 'lengkap');
    let p = (await proposalByApplication(t.database.db, id))!;
    assert.deepEqual([p.stage, p.kind, p.nik, p.kk], ['intake', 'dtks', nik, '1571031503180002']);
    await ok('kota-jambi', id, 'diinput');
    await ok('kota-jambi', id, 'disurvei', report);
    assert.equal((await proposalByApplication(t.database.db, id))!.stage, 'surveyed');
    const bad = await step('kota-jambi', id, 'diusulkan', { siksngReference: 'x' });
    assert.ok(!bad.ok);
    assert.equal(bad.error.problems[0]!.code, 'siksng-reference-invalid');
    const fin = await ok('kota-jambi', id, 'diusulkan', { siksngReference: 'USL-1571-2026-000123' });
    assert.equal(fin.status, 'waiting-external');
    p = (await proposalByApplication(t.database.db, id))!;
    assert.deepEqual([p.stage, p.siksngReference], ['finalised', 'USL-1571-2026-000123']);

    // The next extract lists her: the proposal is confirmed and the wait on Kemensos ends.
    const feb = await snapshot('kota-jambi', 'jambi-2026-04.csv', [row({ nik, kk: '1571031503180002', nama: 'DEWI LESTARI', desil: '1' })], '2026-04');
    assert.equal(feb.confirmedProposals, 1);
    p = (await proposalByApplication(t.database.db, id))!;
    assert.deepEqual([p.stage, p.confirmedSnapshotId], ['confirmed', feb.snapshotId]);
    const app = (await findApplication(t.database.db, officeId('kota-jambi'), id))!;
    assert.deepEqual([app.status, app.end_id], ['completed', 'selesai']);
    const events = await t.database.db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('seq').execute();
    const closing = events.find((e) => e.step_id === 'persetujuan-kemensos')!;
    assert.equal(closing.outcome, 'disetujui');
    assert.match(closing.note!, /Dikonfirmasi otomatis: tercantum di DTKS\/DTSEN periode 2026-04/);
    assert.match(JSON.parse(closing.data).reference, /periode 2026-04/);
    assert.deepEqual(
      (await proposalEvents(t.database.db, p.id)).map((e) => e.stage),
      ['intake', 'surveyed', 'finalised', 'approved', 'confirmed'],
    );
  });

  it('Kota Jambi 6 in the back office: the finalisation step asks for the SIKS-NG reference, and the form records it on the proposal', async () => {
    const nik = '1571034410900006';
    const id = await submit('kota-jambi', 'pengusulan-dtks', { nik, kk: '1571030207150004', name: 'Nurhayati' });
    await ok('kota-jambi', id, 'lengkap');
    await ok('kota-jambi', id, 'diinput');
    await ok('kota-jambi', id, 'disurvei', report);
    const task = (await openTaskFor(t.database.db, id))!;
    assert.equal(task.step_id, 'finalisasi');
    const headers = await tokenFor(t, `${task.role}@kota-jambi`);
    const page = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${id}`, headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="f-siksng">Nomor\/ID usulan di SIKS-NG<\/label><input id="f-siksng" name="data.siksngReference"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const posted = await t.app.inject({
      method: 'POST',
      url: `/petugas/tugas/${task.id}`,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf, version, outcome: 'diusulkan', note: 'Difinalisasi di SIKS-NG', 'data.siksngReference': 'USL-1571-2026-000456' }).toString(),
    });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `/petugas/berkas/${id}?selesai=${encodeURIComponent('finalisasi:diusulkan')}`, 'the officer lands on the case with a confirmation');
    const p = (await proposalByApplication(t.database.db, id))!;
    assert.deepEqual([p.stage, p.siksngReference], ['finalised', 'USL-1571-2026-000456']);
    // Other steps of the service do not ask for it.
    const next = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${id}`, headers: await tokenFor(t, `${(await openTaskFor(t.database.db, id))!.role}@kota-jambi`) });
    assert.doesNotMatch(next.body, /f-siksng/);
  });

  it('Kota Semarang SLRT, not in DTKS: the resident is proposed; survey, finalisation and decision are recorded on the proposal; the next snapshot confirms it on the case', async () => {
    await snapshot('kota-semarang', 'semarang-2026-01.csv', [], '2026-01');
    const nik = '3374035204920007';
    const id = await submit('kota-semarang', 'slrt', { nik, kk: '3374030101100009', name: 'Nur Aini' });
    await ok('kota-semarang', id, 'tercatat');
    await ok('kota-semarang', id, 'tidak-terdaftar');
    const end = await ok('kota-semarang', id, 'diusulkan');
    assert.equal(end.end, 'diusulkan-dtks');
    const p = (await proposalByApplication(t.database.db, id))!;
    assert.equal(p.stage, 'intake');

    const api = async (who: string, body: Record<string, unknown>) => {
      const r = await t.app.inject({ method: 'POST', url: `/api/v1/registry/proposals/${p.id}/stage`, payload: body, headers: await tokenFor(t, who) });
      return { status: r.statusCode, json: JSON.parse(r.body) };
    };
    assert.equal((await api('subbag-umum@kota-semarang', { stage: 'surveyed', version: 1 })).status, 403);
    const surveyed = await api('fasilitator@kota-semarang', { stage: 'surveyed', note: 'Survei rumah 12 Maret', version: 1 });
    assert.equal(surveyed.status, 200, JSON.stringify(surveyed));
    const noRef = await api('operator@kota-semarang', { stage: 'finalised', version: 2 });
    assert.equal(noRef.status, 422);
    assert.equal(noRef.json.error.code, 'siksng-reference-required');
    const stale = await api('operator@kota-semarang', { stage: 'finalised', siksngReference: 'USL-3374-2026-004411', version: 1 });
    assert.equal(stale.status, 409, 'a stale version loses');
    const fin = await api('operator@kota-semarang', { stage: 'finalised', siksngReference: 'USL-3374-2026-004411', version: 2 });
    assert.equal(fin.status, 200);
    assert.equal(fin.json.siksngReference, 'USL-3374-2026-004411');
    const back = await api('operator@kota-semarang', { stage: 'surveyed', version: 3 });
    assert.equal(back.status, 409, 'stages only move forward');

    const next = await snapshot('kota-semarang', 'semarang-2026-04.csv', [row({ nik, kk: '3374030101100009', nama: 'NUR AINI', provinsi: 'JAWA TENGAH', kota: 'KOTA SEMARANG' })], '2026-04');
    assert.equal(next.confirmedProposals, 1);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/registry/proposals?stage=confirmed', headers: await tokenFor(t, 'auditor@kota-semarang') });
    const confirmed = JSON.parse(list.body);
    assert.equal(confirmed.length, 1);
    assert.equal(confirmed[0].nik, '3374 03•• •••• 0007', 'masked for the auditor');
    const caseEvents = await t.database.db.selectFrom('application_events').select(['type', 'note']).where('application_id', '=', id).orderBy('seq').execute();
    assert.deepEqual(caseEvents.map((e) => e.type).slice(-3), ['registry-proposal', 'registry-proposal', 'registry-confirmed']);
    assert.match(caseEvents.at(-1)!.note!, /Usulan terkonfirmasi: tercantum di DTKS\/DTSEN periode 2026-04/);
  });

  it('Kota Banjarmasin 2 (usulan PBI-JK): listed without PBI does not confirm it; listed with PBI does, and the wait on BPJS/SIKS-NG ends', async () => {
    const BJM = { provinsi: 'KALIMANTAN SELATAN', kota: 'KOTA BANJARMASIN' };
    const nik = '6371016007750004';
    const kk = '6371010101120009';
    const id = await submit('kota-banjarmasin', 'pengusulan-jkn-kis', { nik, kk, name: 'Masliani', residentOfRegion: true }, { 'status-pekerjaan': 'bukan-pekerja' });
    await ok('kota-banjarmasin', id, 'lengkap');
    await ok('kota-banjarmasin', id, 'diproses');
    await ok('kota-banjarmasin', id, 'diumumkan');
    await ok('kota-banjarmasin', id, 'dilaporkan', report);
    await ok('kota-banjarmasin', id, 'disampaikan');
    await ok('kota-banjarmasin', id, 'dinilai');
    await ok('kota-banjarmasin', id, 'layak');
    const waiting = await ok('kota-banjarmasin', id, 'diajukan', { siksngReference: 'PBI-6371-2026-0077' });
    assert.equal(waiting.status, 'waiting-external');
    assert.deepEqual([(await proposalByApplication(t.database.db, id))!.stage, (await proposalByApplication(t.database.db, id))!.kind], ['finalised', 'pbi-jk']);

    const noPbi = await snapshot('kota-banjarmasin', 'bjm-2026-01.csv', [row({ ...BJM, nik, kk, nama: 'MASLIANI', pbi: '0' })], '2026-01');
    assert.equal(noPbi.confirmedProposals, 0);
    assert.equal((await findApplication(t.database.db, officeId('kota-banjarmasin'), id))!.status, 'waiting-external');
    const withPbi = await snapshot('kota-banjarmasin', 'bjm-2026-04.csv', [row({ ...BJM, nik, kk, nama: 'MASLIANI', pbi: '1' })], '2026-04');
    assert.equal(withPbi.confirmedProposals, 1);
    const app = (await findApplication(t.database.db, officeId('kota-banjarmasin'), id))!;
    assert.deepEqual([app.status, app.current_step], ['open', 'informasi-hasil'], 'the counter now informs the applicant');
    assert.equal((await proposalByApplication(t.database.db, id))!.stage, 'confirmed');
  });

  it('records a walk-in proposal by hand and refuses a malformed NIK', async () => {
    const headers = await tokenFor(t, 'operator@kota-jambi');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/registry/proposals', payload: { nik: '1571', name: 'Anon' }, headers });
    assert.equal(bad.statusCode, 422);
    assert.equal(JSON.parse(bad.body).error.code, 'nik-length');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/registry/proposals', payload: { nik: '1571021708850009', kk: '1571020101150099', name: 'Rahmat Hidayat', note: 'Datang langsung ke loket' }, headers });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(JSON.parse(r.body).stage, 'intake');
  });
});
