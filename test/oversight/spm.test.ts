/**
 * SPM bidang sosial counted from the cases (issue 15 §2), Kabupaten Kutai Kartanegara (WITA):
 * 60 persons in the 2026 needs register for disaster victims and 45 distinct persons whose
 * "Pemberian Bantuan bagi Korban Bencana" case ended "Bantuan diterima korban bencana" in 2026 give
 * 75,00 %; a person helped in January and again in March counts once, and again in 2027; a refusal
 * counts for nothing; indicators without need say so. The register is a staff form and an API,
 * audited, one entry per person, indicator and year.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { insertCase, serviceOf, wita } from './cases.js';

const KUKAR = 'kabupaten-kutai-kartanegara';
const nik = (i: number) => `640201${String(5507800000 + i).padStart(10, '0')}`;

describe(`SPM achievement from the cases (${TEST_DB})`, () => {
  let t: TestApp;
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => new Date('2027-02-01T02:00:00Z') });
    const bencana = serviceOf(t.catalogue, KUKAR, 'bantuan-korban-bencana');
    const served = async (i: number, day: string, status = 'completed', end = 'selesai') => {
      const c = await insertCase(t.database.db, bencana, { submitted: wita(`${day} 08:00`), started: wita(`${day} 08:00`), closed: wita(`${day} 15:00`), due: null, status, sla: 'closed' });
      await t.database.db.updateTable('applications').set({ applicant_nik: nik(i), end_id: end }).where('id', '=', c.id).execute();
    };
    // 45 persons helped in 2026, person 1 twice (January and March).
    for (let i = 1; i <= 45; i++) await served(i, `2026-${String(1 + (i % 11)).padStart(2, '0')}-1${i % 10}`);
    await served(1, '2026-03-04');
    // Person 46: the report was not valid (refused, counts for nothing); person 1 again in January 2027.
    await served(46, '2026-05-06', 'rejected', 'tidak-valid');
    await served(1, '2027-01-11');
  });
  after(async () => t.close());

  it('60 needing and 45 served in 2026: 75,00 %; the January-and-March person once', async () => {
    const head = await login(`kepala-dinas@${KUKAR}`);
    const verifier = await login(`verifikator@${KUKAR}`);
    for (let i = 1; i <= 60; i++) {
      const r = await req('POST', '/api/v1/spm/needs', { year: 2026, indicator: 'linjamsos-bencana', nik: nik(i), name: `Warga Terdampak ${i}`, assessedOn: '2025-12-15' }, i % 2 ? head : verifier);
      assert.equal(r.status, 201, r.body);
    }
    const r = await req('GET', `/api/v1/offices/${KUKAR}/spm?year=2026`, undefined, head);
    assert.equal(r.status, 200, r.body);
    const body = r.json();
    const bencana = body.indicators.find((i: { code: string }) => i.code === 'linjamsos-bencana');
    assert.deepEqual([bencana.served, bencana.needing, bencana.achievement, bencana.text, bencana.message], [45, 60, 75, '75,00 %', null]);
    assert.deepEqual(bencana.services.map((s: { slug: string; ends: string[] }) => [s.slug, s.ends]), [['bantuan-korban-bencana', ['selesai']]]);
    const disabilitas = body.indicators.find((i: { code: string }) => i.code === 'rehsos-disabilitas');
    assert.deepEqual([disabilitas.served, disabilitas.needing, disabilitas.achievement, disabilitas.text], [0, 0, null, 'tidak ada kebutuhan']);
    assert.match(disabilitas.message, /Tidak ada kebutuhan tercatat/);
    // Every entry is in the office's audit trail, without the NIK.
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'detail']).where('action', '=', 'spm.need.record').execute();
    assert.equal(audit.length, 60);
    assert.ok(audit.every((a) => !a.detail.includes('640201')));
  });

  it('2027: the same person counts again (served 1, needing 0: no ratio, flagged served > needing)', async () => {
    const body = (await req('GET', `/api/v1/offices/${KUKAR}/spm?year=2027`, undefined, await login(`kepala-dinas@${KUKAR}`))).json();
    const bencana = body.indicators.find((i: { code: string }) => i.code === 'linjamsos-bencana');
    assert.deepEqual([bencana.served, bencana.needing, bencana.achievement, bencana.servedExceedsNeeding], [1, 0, null, true]);
  });

  it('the register refuses a second entry, a wrong NIK and a future date beside their fields; the auditor may not write; another office is not found', async () => {
    const head = await login(`kepala-dinas@${KUKAR}`);
    const again = await req('POST', '/api/v1/spm/needs', { year: 2026, indicator: 'linjamsos-bencana', nik: nik(1), name: 'Warga Terdampak 1', assessedOn: '2026-01-05' }, head);
    assert.equal(again.status, 409);
    assert.equal(again.json().error.problems[0].field, 'nik');
    const bad = await req('POST', '/api/v1/spm/needs', { year: 2026, indicator: 'rehsos-lansia', nik: '12345', name: 'Siti', assessedOn: '2027-03-01' }, head);
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json().error.problems.map((p: { field: string }) => p.field).sort(), ['assessedOn', 'nik']);
    assert.match(bad.body, /NIK harus 16 angka/);
    assert.match(bad.body, /The NIK must be 16 digits/);
    assert.equal((await req('POST', '/api/v1/spm/needs', { year: 2026, indicator: 'rehsos-lansia', nik: nik(99), name: 'Siti', assessedOn: '2026-01-05' }, await login(`auditor@${KUKAR}`))).status, 403);
    assert.equal((await req('GET', '/api/v1/offices/kota-jambi/spm?year=2026', undefined, head)).status, 404);
    assert.equal((await req('GET', `/api/v1/offices/${KUKAR}/spm?year=2026`, undefined, await login(`auditor@${KUKAR}`))).status, 200);
  });

  it('the pages: achievement in both languages, the form refuses beside the field and records', async () => {
    const cookie = String((await postSignInForm(t.app, `kepala-dinas@${KUKAR}`)).headers['set-cookie']).split(';')[0]!;
    const page = await req('GET', '/petugas/spm?year=2026', undefined, { cookie });
    assert.equal(page.status, 200);
    assert.match(page.body, /<strong>75,00 %<\/strong>/);
    assert.match((await req('GET', '/petugas/spm?year=2026&lang=en', undefined, { cookie })).body, /<strong>75\.00%<\/strong>/);
    const form = await req('GET', '/petugas/spm/kebutuhan?year=2026', undefined, { cookie });
    const csrf = encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(form.body)![1]!);
    const wrong = await req('POST', '/petugas/spm/kebutuhan', `_csrf=${csrf}&year=2026&indicator=rehsos-lansia&nik=64020&name=Siti+Aminah&assessedOn=2026-01-05`, { cookie, 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(wrong.status, 422);
    assert.match(wrong.body, /<p class="field-error" id="[^"]*">NIK harus 16 angka<\/p>/);
    const ok = await req('POST', '/petugas/spm/kebutuhan', `_csrf=${csrf}&year=2026&indicator=rehsos-lansia&nik=${nik(70)}&name=Siti+Aminah&assessedOn=2026-01-05`, { cookie, 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(ok.status, 303, ok.body);
    const lansia = (await req('GET', `/api/v1/offices/${KUKAR}/spm?year=2026`, undefined, await login(`kepala-dinas@${KUKAR}`))).json().indicators.find((i: { code: string }) => i.code === 'rehsos-lansia');
    assert.equal(lansia.needing, 1);
  });
});
