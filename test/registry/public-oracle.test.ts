/**
 * No public registry oracle, and no registry facts for roles the registry refuses (issue 12,
 * findings 4 and 5): a public application answers alike for a NIK listed in DTKS and one that is
 * not, the verdict waits on the case for the officer, and the timeline API withholds it from a
 * surveyor or a complaints officer.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findApplication } from '../../src/db/applications-repo.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { multipartBody, PDF_MIN } from '../support/fixtures.js';
import { extract, importAs, row, staffActor, tokenFor, writeCsv } from './support.js';

const OFFICE = 'kota-pekanbaru';
const SERVICE = 'pengecekan-rekomendasi-dtks';
const PKU = { provinsi: 'RIAU', kota: 'KOTA PEKANBARU', kecamatan: 'SUKAJADI', kelurahan: 'JADIREJO' };
/** Rina Wati is in DTKS (desil 2, PBI-JK); Dewi Lestari is not. */
const RINA_NIK = '1471015506850001';
const RINA = row({ ...PKU, nik: RINA_NIK, kk: '1471011003100001', nama: 'RINA WATI', jenis_kelamin: 'P', hubungan: 'ISTRI', desil: '2', pbi: '1' });
const DEWI_NIK = '1471036512880004';

/** An answer with what legitimately differs between two cases (ids, numbers, codes, times) blanked. */
const normalise = (body: string) =>
  body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/"(registrationNumber|trackingCode|dueAt|dueAtLocal)":"[^"]*"/g, '"$1":"<x>"')
    .replace(RINA_NIK, '<nik>')
    .replace(DEWI_NIK, '<nik>')
    .replace(/Rina Wati|Dewi Lestari/g, '<name>');

describe(`no public registry oracle (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-oracle-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 50, [RINA]));
    const r = await importAs(t, file, OFFICE, { period: '2026-01' });
    assert.ok(r.ok, JSON.stringify(r));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const publicSubmit = async (nik: string, name: string, attachments: unknown[] = []) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      payload: { office: OFFICE, service: SERVICE, applicant: { nik, name }, answers: { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 1 }, attachments },
    });

  it('refuses an incomplete public request alike whether or not the NIK is in DTKS', async () => {
    const listed = await publicSubmit(RINA_NIK, 'Rina Wati');
    const unlisted = await publicSubmit(DEWI_NIK, 'Dewi Lestari');
    assert.equal(listed.statusCode, 422);
    assert.equal(unlisted.statusCode, listed.statusCode);
    assert.equal(normalise(unlisted.body), normalise(listed.body));
    assert.doesNotMatch(unlisted.body, /DTKS|not-eligible/);
    // Just the NIK and name: the same again.
    const bare = async (nik: string) => (await t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: { office: OFFICE, service: SERVICE, applicant: { nik, name: 'Warga' } } })).body;
    assert.equal(normalise(await bare(DEWI_NIK)), normalise(await bare(RINA_NIK)));
  });

  it('accepts a complete public request alike, and records the registry verdict on the case for the officer', async () => {
    const upload = async () => {
      const { payload, headers } = multipartBody('file', 'kk.pdf', 'application/pdf', PDF_MIN);
      return JSON.parse((await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers })).body).id as string;
    };
    const listed = await publicSubmit(RINA_NIK, 'Rina Wati', [{ requirement: 'fotokopi-kk', upload: await upload() }]);
    const unlisted = await publicSubmit(DEWI_NIK, 'Dewi Lestari', [{ requirement: 'fotokopi-kk', upload: await upload() }]);
    assert.equal(listed.statusCode, 201, listed.body);
    assert.equal(unlisted.statusCode, 201, unlisted.body);
    assert.equal(normalise(unlisted.body), normalise(listed.body));
    const officeId = t.catalogue.office(OFFICE)!.id;
    const rec = async (id: string) => JSON.parse((await findApplication(t.database.db, officeId, id))!.eligibility);
    const dewi = await rec(JSON.parse(unlisted.body).id);
    assert.equal(dewi.registry['registry.dtks'], false);
    assert.equal(dewi.results.find((r: { id: string }) => r.id === 'reaktivasi-terdaftar-dtks').verdict, 'fail');
    assert.equal((await rec(JSON.parse(listed.body).id)).registry['registry.dtks'], true);
  });

  it('still tells staff at the counter what the registry says, and logs that read; the public’s submissions read nothing out', async () => {
    const log = async (nik: string) => t.database.db.selectFrom('registry_access_log').select(['action', 'actor_name', 'found', 'detail']).where('nik', '=', nik).execute();
    assert.deepEqual(await log(DEWI_NIK), [], 'public submissions are not registry reads: nothing was told');
    const front = await staffActor(t.ctx, 'front-office', OFFICE);
    const r = await submitApplication(t.ctx, { office: OFFICE, service: SERVICE, applicant: { nik: DEWI_NIK, name: 'Dewi Lestari' }, answers: { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 1 }, attachments: [{ requirement: 'fotokopi-kk', shown: true }] }, front);
    assert.ok(!r.ok);
    assert.ok(r.error.problems.some((p) => p.field === 'eligibility.reaktivasi-terdaftar-dtks' && p.code === 'not-eligible'));
    const entries = await log(DEWI_NIK);
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.action, 'lookup-nik');
    assert.equal(entries[0]!.actor_name, front.name);
    assert.equal(Number(entries[0]!.found), 0);
    assert.deepEqual(JSON.parse(entries[0]!.detail), { purpose: 'intake', service: SERVICE, accepted: false });
  });

  it('withholds registry facts and verdicts from the timeline of roles the registry refuses', async () => {
    const front = await staffActor(t.ctx, 'front-office', OFFICE);
    const r = await submitApplication(t.ctx, { office: OFFICE, service: SERVICE, applicant: { nik: RINA_NIK, name: 'Rina Wati' }, answers: { keperluan: 'kis' }, attachments: [{ requirement: 'fotokopi-kk', shown: true }] }, front);
    assert.ok(r.ok, JSON.stringify(r));
    const timeline = async (username: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/applications/${r.value.id}/timeline`, headers: await tokenFor(t, username) });
      assert.equal(res.statusCode, 200, res.body);
      return res.body;
    };
    const operator = await timeline(`operator@${OFFICE}`);
    assert.match(operator, /reaktivasi-terdaftar-dtks/);
    for (const role of ['surveyor', 'pengelola-pengaduan']) {
      const body = await timeline(`${role}@${OFFICE}`);
      assert.doesNotMatch(body, /registry\.|reaktivasi-terdaftar-dtks|desil|"pbi"/, role);
      assert.match(body, /"type":"submitted"/, role);
    }
  });
});
