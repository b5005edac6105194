/**
 * The permission table at the record, in Kota Banjarmasin: the counter registers only for the
 * roles the decree gives it (the front office; the Pramu Sosial for Rumah Singgah clients only),
 * a case is read by named readers and by the roles holding a step of its service, and its ID
 * scans and specific personal data answers (a chronic illness) are shown to those who work its
 * service and to the head of office, masked (••••) for other readers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { storeUpload } from '../../src/usecases/applications/store-upload.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { PNG_1X1 } from '../support/fixtures.js';
import { actorFor } from '../letters/helpers.js';

const OFFICE = 'kota-banjarmasin';
const RAHMAT = { nik: '6371011203880004', name: 'Rahmat Hidayat', phone: '081351234567', address: 'Jl. Pramuka No. 21, RT 08, Kelurahan Sungai Lulut', residentOfRegion: true };

describe(`permissions at the record (${TEST_DB})`, () => {
  let t: TestApp;
  const api = apiClient(() => t);
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  const counterCase = (service: string) => {
    const svc = t.catalogue.service(OFFICE, service)!.service.service;
    return { office: OFFICE, service, channel: 'counter', applicant: RAHMAT, attachments: svc.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, shown: true })) };
  };

  it('registers at the counter only for the front office, and for the Pramu Sosial only Rumah Singgah clients', async () => {
    const count = async () => Number((await t.database.db.selectFrom('applications').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const surveyor = await api.req('POST', '/api/v1/applications', counterCase('santunan-kematian'), await api.login(`surveyor@${OFFICE}`));
    assert.equal(surveyor.status, 403, surveyor.body);
    const problem = surveyor.json().error.problems?.[0] ?? surveyor.json().error;
    assert.equal(problem.code, 'permission-required');
    assert.match(problem.message, /tidak dapat mendaftarkan permohonan layanan ini/);
    assert.match(problem.messageEn, /cannot register applications for this service/);
    const pramu = await api.login(`pramu-sosial@${OFFICE}`);
    assert.equal((await api.req('POST', '/api/v1/applications', counterCase('santunan-kematian'), pramu)).status, 403, 'not a Rumah Singgah service');
    assert.equal(await count(), before, 'nothing was filed');
    const client = await api.req('POST', '/api/v1/applications', { ...counterCase('penerimaan-klien-rumah-singgah'), reporter: { name: 'Satpol PP Kota Banjarmasin', role: 'Petugas penjangkauan' } }, pramu);
    assert.equal(client.status, 201, client.body);
    const death = { ...counterCase('santunan-kematian'), answers: { 'pemohon-ahli-waris': true, 'tanggal-meninggal': new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10) } };
    const front = await api.req('POST', '/api/v1/applications', death, await api.login(`front-office@${OFFICE}`));
    assert.equal(front.status, 201, front.body);
    // The counter page lists only the services whose counter the officer holds.
    const form = await t.app.inject({ method: 'GET', url: '/petugas/daftar-baru', headers: pramu });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Rumah Singgah/);
    assert.doesNotMatch(form.body, /Santunan Kematian/i);
  });

  it('shows ID scans and a chronic illness only to those working the JKN-KIS service and to the head of office', async () => {
    const scan = await storeUpload(t.ctx, PNG_1X1, 'ktp-rahmat.png');
    const diagnosis = await storeUpload(t.ctx, PNG_1X1, 'diagnosa-puskesmas.png');
    assert.ok(scan.ok && diagnosis.ok);
    const filed = await submitApplication(
      t.ctx,
      {
        office: OFFICE,
        service: 'pengusulan-jkn-kis',
        channel: 'counter',
        applicant: RAHMAT,
        answers: { 'status-pekerjaan': 'bukan-pekerja', 'penyakit-kronis': true },
        attachments: [
          { requirement: 'kk-ktp', upload: scan.value.id },
          { requirement: 'hasil-diagnosa', upload: diagnosis.value.id },
        ],
      },
      await actorFor(t.ctx, `front-office@${OFFICE}`),
    );
    assert.ok(filed.ok, JSON.stringify(filed));
    const page = async (role: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${filed.value.id}`, headers: await api.login(`${role}@${OFFICE}`) });
      assert.equal(r.statusCode, 200, `${role}: ${r.statusCode}`);
      const answers = /data-testid="answers">([\s\S]*?)<\/dl>/.exec(r.body)![1]!;
      return { answers, body: r.body };
    };
    const upload = async (role: string) => (await t.app.inject({ method: 'GET', url: `/petugas/unggahan/${scan.value.id}`, headers: await api.login(`${role}@${OFFICE}`) })).statusCode;
    // Working the service (front office, back office, social worker) or heading the office: all of it.
    for (const role of ['front-office', 'pekerja-sosial', 'kepala-dinas']) {
      const { answers, body } = await page(role);
      assert.match(body, /<dt>NIK<\/dt><dd>6371011203880004<\/dd>[\s\S]*<dt>Telepon<\/dt><dd>081351234567<\/dd>/, role);
      assert.match(answers, /Memiliki penyakit kronis[\s\S]*?<dd>Ya<\/dd>/, role);
      assert.doesNotMatch(answers, /data-masked/, role);
      assert.match(body, new RegExp(`href="/petugas/unggahan/${scan.value.id}"`), role);
      assert.equal(await upload(role), 200, role);
    }
    // The auditor, the survey officer and the complaint officer (whom Banjarmasin's decree gives
    // emergency reports, not this service) read the case, but the illness and the scans are
    // masked, and the scan itself is refused.
    for (const role of ['auditor', 'surveyor', 'pengelola-pengaduan']) {
      const { answers, body } = await page(role);
      assert.match(answers, /Memiliki penyakit kronis[^<]*<\/dt><dd><span data-masked>••••<\/span> <span class="meta">\(data pribadi spesifik\)<\/span>/, role);
      assert.match(answers, /Status pekerjaan<\/dt><dd>Bukan Pekerja/, `${role}: ordinary answers stay`);
      if (role !== 'pengelola-pengaduan') {
        // The auditor and the survey officer read a case without the applicant's identifiers and contacts.
        assert.doesNotMatch(body, /6371011203880004|081351234567|Jl\. Pramuka/, role);
        assert.match(body, /<dt>NIK<\/dt><dd>6371 01•• •••• 0004<\/dd>/, role);
        assert.match(body, /<dt>Telepon<\/dt><dd><span data-masked>••••<\/span> <span class="meta">\(data pribadi\)/, role);
      } else assert.match(body, /<dt>NIK<\/dt><dd>6371011203880004<\/dd>/, 'the complaint officer may need to call the applicant back');
      assert.doesNotMatch(body, /\/petugas\/unggahan\//, role);
      assert.match(body, /<span data-masked>••••<\/span> <span class="meta">\(dokumen terlindungi\)/, role);
      assert.equal(await upload(role), 403, role);
    }
    // The emergency team (TRC) works only the services it holds steps of: not this case, its
    // timeline or its scan.
    const trc = await api.login(`trc@${OFFICE}`);
    const refused = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${filed.value.id}`, headers: trc });
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Peran Anda tidak berwenang mencari dan membuka berkas/);
    assert.doesNotMatch(refused.body, /Rahmat Hidayat|6371011203880004/);
    const timeline = await api.req('GET', `/api/v1/applications/${filed.value.id}/timeline`, undefined, trc);
    assert.equal(timeline.status, 403);
    assert.equal(timeline.json().error.code, 'permission-required');
    assert.equal(await upload('trc'), 403);
    // The receipt carries the tracking code (the applicant's key to withdraw): the counter reprints it, a reader does not.
    const receipt = async (role: string) => (await t.app.inject({ method: 'GET', url: `/petugas/berkas/${filed.value.id}/tanda-terima`, headers: await api.login(`${role}@${OFFICE}`) })).statusCode;
    assert.equal(await receipt('front-office'), 200);
    assert.equal(await receipt('auditor'), 403);
    assert.equal(await receipt('kepala-dinas'), 403);
    // The administrator manages accounts and reads no case at all.
    const admin = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${filed.value.id}`, headers: await api.login(`admin@${OFFICE}`) });
    assert.equal(admin.statusCode, 403);
    assert.doesNotMatch(admin.body, /Rahmat Hidayat/);
  });
});
