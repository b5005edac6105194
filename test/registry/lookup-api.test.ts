/**
 * Look-up at the counter over the API: the person, their family and the snapshot the answer comes
 * from; specific reasons for malformed NIKs; masking by role; every look-up logged with its
 * purpose; exports limited to authorised roles and logged; the public never sees registry data.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { familyOfKk, personWithFamily, rowTableName } from '../../src/db/registry-repo.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { multipartBody } from '../support/fixtures.js';
import { extract, importAs, row, staffActor, tokenFor, writeCsv } from './support.js';

const SITI = { nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', tanggal_lahir: '1990-07-01', jenis_kelamin: 'P', hubungan: 'ISTRI', desil: '1', pkh: '1', ibu: 'HALIMAH' };
const BUDI = { nik: '1571021708850002', kk: '1571020101150007', nama: 'BUDI SANTOSO', tanggal_lahir: '1985-08-17', jenis_kelamin: 'L', hubungan: 'KEPALA KELUARGA', desil: '1', pkh: '1', ibu: 'AMINAH' };
const REASON = 'Pemeriksaan DTKS di loket atas permintaan warga';

describe(`registry look-up API (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  let snapshotId: string;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-api-'));
    const file = join(dir, 'jambi.csv');
    writeCsv(file, extract('kota-jambi', 400, [row(BUDI), row(SITI)]));
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-01' });
    assert.ok(r.ok, JSON.stringify(r));
    snapshotId = r.value.snapshotId;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = async (url: string, who?: string) => {
    const r = await t.app.inject({ method: 'GET', url, headers: who ? await tokenFor(t, who) : {} });
    return { status: r.statusCode, body: r.body, json: () => JSON.parse(r.body), headers: r.headers };
  };
  const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

  it('finds a person with their family, desil, programmes and the snapshot the answer comes from', async () => {
    const r = await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: REASON })}`, 'operator@kota-jambi');
    assert.equal(r.status, 200, r.body);
    const b = r.json();
    assert.equal(b.found, true);
    assert.equal(b.snapshot.id, snapshotId);
    assert.equal(b.snapshot.period, '2026-01');
    assert.equal(b.snapshot.current, true);
    assert.match(b.snapshot.sourceSha256, /^[0-9a-f]{64}$/);
    assert.equal(b.person.name, 'SITI AMINAH');
    assert.equal(b.person.birthDate, '1990-07-01');
    assert.equal(b.person.desil, 1);
    assert.deepEqual(b.person.programmes, { pkh: true, bpnt: true, pbi: true });
    assert.deepEqual(b.family.map((m: { name: string; relation: string }) => [m.name, m.relation]), [['BUDI SANTOSO', 'KEPALA KELUARGA'], ['SITI AMINAH', 'ISTRI']]);
    assert.equal(r.headers['cache-control'], 'no-store');
  });

  it('finds a family by No. KK, and answers found: false for someone not listed', async () => {
    const fam = (await get(`/api/v1/registry/lookup?${q({ kk: SITI.kk, reason: REASON })}`, 'operator@kota-jambi')).json();
    assert.equal(fam.found, true);
    assert.equal(fam.person, undefined);
    assert.equal(fam.family.length, 2);
    const none = await get(`/api/v1/registry/lookup?${q({ nik: '1571036512880004', reason: REASON })}`, 'operator@kota-jambi');
    assert.equal(none.status, 200);
    assert.deepEqual({ found: none.json().found, snapshot: none.json().snapshot.id, person: none.json().person }, { found: false, snapshot: snapshotId, person: undefined });
  });

  it('answers 422 with the specific reason for a malformed NIK: length, non-digits, impossible date, unknown province', async () => {
    const cases: [string, string, RegExp][] = [
      ['157102410790003', 'nik-length', /16 digit; yang diisi 15/],
      ['15710241079O0003', 'nik-not-digits', /ditemukan "O"/],
      ['1571023102900003', 'nik-date', /31 Februari 1990/],
      ['9971024107900003', 'nik-province', /"99"/],
    ];
    for (const [nik, code, message] of cases) {
      const r = await get(`/api/v1/registry/lookup?${q({ nik, reason: REASON })}`, 'front-office@kota-jambi');
      assert.equal(r.status, 422, nik);
      assert.equal(r.json().error.code, code);
      assert.match(r.json().error.message, message);
      assert.ok(r.json().error.messageEn.length > 10);
    }
  });

  it('masks by role: the counter sees the asked person in full and the family masked; the auditor sees every NIK and KK masked', async () => {
    const counter = (await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: REASON })}`, 'front-office@kota-jambi')).json();
    assert.equal(counter.masking, 'counter');
    assert.equal(counter.person.nik, SITI.nik);
    const budi = counter.family.find((m: { name: string }) => m.name === 'BUDI SANTOSO');
    assert.equal(budi.nik, '1571 02•• •••• 0002');
    assert.equal(budi.motherName, null);
    const auditor = (await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: 'Audit inspektorat 2026' })}`, 'auditor@kota-jambi')).json();
    assert.equal(auditor.masking, 'masked');
    assert.equal(auditor.person.nik, '1571 02•• •••• 0003');
    assert.equal(auditor.person.kk, '1571 02•• •••• 0007');
    assert.equal(auditor.person.address.address, null);
    assert.equal(auditor.person.address.village, 'BERINGIN');
    assert.equal(auditor.person.birthDate, '1990');
    for (const m of auditor.family) assert.match(m.nik, /••/);
    const full = (await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: REASON })}`, 'kepala-bidang@kota-jambi')).json();
    assert.equal(full.family.find((m: { name: string }) => m.name === 'BUDI SANTOSO').nik, BUDI.nik);
  });

  it('refuses roles that do not need registry data, the public, and another office’s staff sees its own (empty) registry', async () => {
    assert.equal((await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: REASON })}`, 'tagana@kota-jambi')).status, 403);
    assert.equal((await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: REASON })}`)).status, 401);
    const other = (await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik, reason: REASON })}`, 'operator@kota-semarang')).json();
    assert.deepEqual({ found: other.found, snapshot: other.snapshot }, { found: false, snapshot: null });
    for (const url of ['/kantor/kota-jambi', '/api/v1/offices/kota-jambi']) {
      const page = await t.app.inject({ method: 'GET', url });
      assert.ok(!page.body.includes(SITI.nik) && !page.body.includes('SITI AMINAH'), url);
    }
  });

  it('requires a purpose and logs every look-up: who, when, which NIK, the case it served or the reason', async () => {
    const none = await get(`/api/v1/registry/lookup?${q({ nik: SITI.nik })}`, 'front-office@kota-jambi');
    assert.equal(none.status, 422);
    assert.equal(none.json().error.code, 'purpose-required');
    const front = await staffActor(t.ctx, 'front-office', 'kota-jambi');
    const app = await submitApplication(t.ctx, { office: 'kota-jambi', service: 'surat-keterangan-terdaftar-dtks', applicant: { nik: SITI.nik, name: 'Siti Aminah', residentOfRegion: true }, attachments: t.catalogue.service('kota-jambi', 'surat-keterangan-terdaftar-dtks')!.service.service.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, shown: true })) }, front);
    assert.ok(app.ok, JSON.stringify(app));
    const forCase = await get(`/api/v1/registry/lookup?${q({ nik: BUDI.nik, application: app.value.id })}`, 'verifikator@kota-jambi');
    assert.equal(forCase.status, 200, forCase.body);
    assert.equal((await get(`/api/v1/registry/lookup?${q({ nik: BUDI.nik, application: '00000000-0000-0000-0000-000000000000' })}`, 'verifikator@kota-jambi')).status, 404);

    const log = await get(`/api/v1/registry/access-log?${q({ nik: BUDI.nik })}`, 'auditor@kota-jambi');
    assert.equal(log.status, 200, log.body);
    const entries = log.json();
    assert.equal(entries.length, 1, 'the refused look-ups are not reads of personal data');
    assert.match(entries[0].actor, /Verifikator/);
    assert.equal(entries[0].action, 'lookup-nik');
    assert.equal(entries[0].applicationId, app.value.id);
    assert.equal(entries[0].found, true);
    assert.equal(entries[0].snapshotId, snapshotId);
    assert.ok(Date.now() - Date.parse(entries[0].at) < 60_000);
    const sitiLog = (await get(`/api/v1/registry/access-log?${q({ nik: SITI.nik })}`, 'admin@kota-jambi')).json();
    assert.ok(sitiLog.some((e: { reason: string; roles: string[] }) => e.reason === 'Audit inspektorat 2026' && e.roles.includes('auditor')), 'the auditor’s own reads are logged too');
    assert.equal((await get('/api/v1/registry/access-log', 'front-office@kota-jambi')).status, 403);
  });

  it('exports a snapshot’s rows only to operators and admins, with a stated basis, and logs it', async () => {
    assert.equal((await get(`/api/v1/registry/snapshots/${snapshotId}/export?${q({ reason: 'Surat Bappeda 400/12/2026' })}`, 'front-office@kota-jambi')).status, 403);
    assert.equal((await get(`/api/v1/registry/snapshots/${snapshotId}/export?${q({ reason: 'x' })}`, 'operator@kota-jambi')).status, 422);
    const r = await get(`/api/v1/registry/snapshots/${snapshotId}/export?${q({ reason: 'Surat Bappeda 400/12/2026', district: 'PASAR JAMBI', village: 'BERINGIN' })}`, 'operator@kota-jambi');
    assert.equal(r.status, 200, r.body);
    assert.match(r.headers['content-type'] as string, /text\/csv/);
    const lines = r.body.replace(/^\uFEFF/, '').trim().split('\n');
    assert.equal(lines[0], 'iddtks,provinsi,kabupaten_kota,kecamatan,desa_kelurahan,alamat,dusun,rt,rw,nomor_kk,nomor_nik,nama,tanggal_lahir,tempat_lahir,jenis_kelamin,nama_ibu_kandung,hubungan_keluarga,desil,pkh,bpnt,pbi_jk');
    assert.ok(lines.length >= 3 && lines.slice(1).every((l) => l.includes(',PASAR JAMBI,BERINGIN,')));
    assert.ok(lines.some((l) => l.includes('SITI AMINAH')));
    const log = (await get('/api/v1/registry/access-log', 'auditor@kota-jambi')).json();
    assert.ok(log.some((e: { action: string; reason: string; detail: { village: string } }) => e.action === 'export-rows' && e.reason === 'Surat Bappeda 400/12/2026' && e.detail.village === 'BERINGIN'));
  });

  it('gives a person a copy of everything Sigap holds about them, through the office (admin or head of office)', async () => {
    assert.equal((await get(`/api/v1/registry/persons/${SITI.nik}?${q({ reason: 'Permohonan warga No. 12/PPID/2026' })}`, 'operator@kota-jambi')).status, 403);
    const r = await get(`/api/v1/registry/persons/${SITI.nik}?${q({ reason: 'Permohonan warga No. 12/PPID/2026' })}`, 'admin@kota-jambi');
    assert.equal(r.status, 200, r.body);
    const b = r.json();
    assert.equal(b.nik, SITI.nik);
    assert.equal(b.registry.length, 1);
    assert.equal(b.registry[0].row.name, 'SITI AMINAH');
    assert.equal(b.registry[0].cells.nama_ibu_kandung, 'HALIMAH');
    assert.equal(b.applications.length, 1);
    assert.equal(b.applications[0].service, t.catalogue.service('kota-jambi', 'surat-keterangan-terdaftar-dtks')!.service.service.title);
    assert.ok(b.applications[0].events.length >= 1);
    assert.ok(b.accessLog.length >= 4, 'the look-ups of her data, and this export');
    assert.ok(b.accessLog.some((e: { action: string }) => e.action === 'export-person'));
  });

  it('imports an upload from the back office in the background, with progress, for operators only', async () => {
    const file = join(dir, 'upload.csv');
    writeCsv(file, extract('kota-jambi', 300, [row(SITI)], 21), { sep: ';' });
    const body = (name: string) => multipartBody('file', name, 'text/csv', readFileSync(file));
    const refused = body('dtks.csv');
    const no = await t.app.inject({ method: 'POST', url: '/api/v1/registry/imports', payload: refused.payload, headers: { ...refused.headers, ...(await tokenFor(t, 'front-office@kota-jambi')) } });
    assert.equal(no.statusCode, 403);
    const { payload, headers } = body('dtks-2026-02.csv');
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/registry/imports', payload, headers: { ...headers, ...(await tokenFor(t, 'operator@kota-jambi')) } });
    assert.equal(r.statusCode, 202, r.body);
    const { id, progressUrl } = JSON.parse(r.body);
    let state: { done: boolean; status: string; snapshot: { rowsAccepted: number; sourceName: string } | null } | undefined;
    for (let i = 0; i < 200; i++) {
      state = (await get(progressUrl, 'operator@kota-jambi')).json();
      if (state!.done) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    assert.equal(state!.status, 'complete', JSON.stringify(state));
    assert.equal(state!.snapshot!.rowsAccepted, 301);
    assert.equal(state!.snapshot!.sourceName, 'dtks-2026-02.csv');
    const list = (await get('/api/v1/registry/snapshots', 'auditor@kota-jambi')).json();
    assert.equal(list[0].id, id);
    assert.equal(list[0].current, true);
  });

  it('finds the person even when the family is longer than the rows returned, and refuses a limit that is not a small whole number', async () => {
    const database = t.ctx.database;
    const table = rowTableName(snapshotId);
    // Budi is first in the file and Siti second: with room for one row, Siti is found by the second search.
    const one = await personWithFamily(database, database.dialect, table, SITI.nik, 1);
    assert.deepEqual(one.family.map((r) => r.nik), [BUDI.nik]);
    assert.equal(one.person?.nik, SITI.nik);
    assert.deepEqual((await familyOfKk(database, database.dialect, table, SITI.kk, 1)).map((r) => r.nik), [BUDI.nik]);
    assert.deepEqual((await familyOfKk(database, database.dialect, table, SITI.kk)).map((r) => r.nik), [BUDI.nik, SITI.nik]);
    // The limit becomes SQL text, so anything but a whole number from 1 to 1,000 is refused.
    for (const bad of [0, 1.5, 1001, Number.NaN]) await assert.rejects(personWithFamily(database, database.dialect, table, SITI.nik, bad), /bad family limit/);
  });
});
