/**
 * Reads of personal data are logged (UU 27/2022 Pasal 31): every staff read of a case, an uploaded
 * document, a letter, a complaint and every case a search page shows writes exactly one entry,
 * committed before the answer; the public reading its own case is not a staff read. The head of
 * office sees who read a record; the front office does not. Complaint lists mask names; the
 * auditor sees the registry access log's NIKs masked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accessesOfSubject } from '../../src/db/data-access-repo.js';
import { driveUntil } from '../letters/helpers.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { openTracked } from '../support/tracking.js';
import { multipartBody, PDF_MIN, PNG_1X1, SITI } from '../support/fixtures.js';

const JAMBI = 'kota-jambi';

describe(`personal-data reads are logged (${TEST_DB})`, () => {
  let t: TestApp;
  // Monday 6 April 2026, 08:00 WIB in Jambi.
  let now = new Date('2026-04-06T01:00:00Z');
  const { req, login } = apiClient(() => t);
  let officeId: string;
  let siti: { id: string; registrationNumber: string; trackingCode: string };
  const uploads: { requirement: string; upload: string }[] = [];

  const reads = () => t.database.db.selectFrom('data_access_log').selectAll().orderBy('seq').execute();
  /** The entries a request wrote: rows after the ones there before. */
  const newReads = async (fn: () => Promise<unknown>) => {
    const before = (await reads()).length;
    await fn();
    return (await reads()).slice(before);
  };
  const userId = async (username: string) => (await t.database.db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  before(async () => {
    t = await testApp({ now: () => now });
    officeId = t.catalogue.office(JAMBI)!.id;
    const docs = t.catalogue.service(JAMBI, 'rekomendasi-jamkesda-bayi')!.service.service.requirements.filter((r) => r.kind === 'document');
    for (const [i, d] of docs.entries()) {
      const { payload, headers } = multipartBody('file', i % 2 ? 'kk.pdf' : 'ktp.png', i % 2 ? 'application/pdf' : 'image/png', i % 2 ? PDF_MIN : PNG_1X1);
      const u = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers });
      assert.equal(u.statusCode, 201, u.body);
      uploads.push({ requirement: d.id, upload: JSON.parse(u.body).id });
    }
    const r = await req('POST', '/api/v1/applications', { office: JAMBI, service: 'rekomendasi-jamkesda-bayi', applicant: SITI, attachments: uploads });
    assert.equal(r.status, 201, r.body);
    siti = r.json();
  });
  after(async () => t?.close());

  it('the staff case page writes one entry: the clerk, the case, Siti’s NIK, case work, the groups of fields shown', async () => {
    const front = await login(`front-office@${JAMBI}`);
    const written = await newReads(async () => {
      const page = await req('GET', `/petugas/berkas/${siti.id}`, undefined, front);
      assert.equal(page.status, 200);
      assert.match(page.body, /Siti Aminah/);
    });
    assert.equal(written.length, 1);
    const e = written[0]!;
    assert.deepEqual(
      [e.office_id, e.actor_id, e.action, e.record_kind, e.record_id, e.subject_nik, e.purpose],
      [officeId, await userId(`front-office@${JAMBI}`), 'read', 'application', siti.id, SITI.nik, 'case-work'],
    );
    assert.match(e.actor_name, /Front Office/, 'the actor as histories show them, with the role');
    // The clerk holds this service's intake step, so the page also shows its specific personal data (permission table).
    assert.deepEqual(JSON.parse(e.detail).fields, ['identity', 'answers', 'documents', 'timeline', 'letters', 'specific']);
  });

  it('printing the receipt again is a read too (it carries the tracking code)', async () => {
    const front = await login(`front-office@${JAMBI}`);
    const written = await newReads(async () => assert.equal((await req('GET', `/petugas/berkas/${siti.id}/tanda-terima`, undefined, front)).status, 200));
    assert.deepEqual(written.map((e) => [e.record_id, e.subject_nik, e.purpose, JSON.parse(e.detail).fields]), [[siti.id, SITI.nik, 'case-work', ['receipt']]]);
  });

  it('the API timeline writes one entry too; another office’s case answers 404 and logs nothing', async () => {
    const front = await login(`front-office@${JAMBI}`);
    const written = await newReads(async () => assert.equal((await req('GET', `/api/v1/applications/${siti.id}/timeline`, undefined, front)).status, 200));
    assert.deepEqual(written.map((e) => [e.record_id, e.subject_nik, e.purpose, JSON.parse(e.detail).fields[0]]), [[siti.id, SITI.nik, 'case-work', 'timeline']]);
    const semarang = await login('front-office@kota-semarang');
    const none = await newReads(async () => assert.equal((await req('GET', `/api/v1/applications/${siti.id}/timeline`, undefined, semarang)).status, 404));
    assert.deepEqual(none, []);
  });

  it('opening an uploaded identity document logs a download naming its requirement', async () => {
    const front = await login(`front-office@${JAMBI}`);
    const [ktp] = uploads;
    const written = await newReads(async () => {
      const r = await req('GET', `/petugas/unggahan/${ktp!.upload}`, undefined, front);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], 'image/png');
    });
    assert.deepEqual(written.map((e) => [e.action, e.record_kind, e.record_id, e.subject_nik, e.purpose, JSON.parse(e.detail).fields]), [['download', 'upload', ktp!.upload, SITI.nik, 'case-work', [ktp!.requirement]]]);
  });

  it('the public tracking its own case is not a staff read: nothing is logged', async () => {
    const none = await newReads(async () => {
      const r = await req('GET', `/api/v1/applications/${siti.registrationNumber}/status?code=${siti.trackingCode}`);
      assert.equal(r.status, 200, r.body);
      // An old ?code= link: 303 to the code-free page, which the tracking cookie opens.
      const page = await openTracked(t.app, `/lacak/${siti.registrationNumber}?code=${siti.trackingCode}`);
      assert.equal(page.status, 200, 'the tracking page is shown');
      assert.ok(page.body.includes(siti.registrationNumber), "the case's own tracking page");
    });
    assert.deepEqual(none, []);
  });

  it('a failing log write means no answer: the case page is not shown, the document not sent', async () => {
    const front = await login(`front-office@${JAMBI}`);
    const append = t.database.append;
    t.database.append = async (table, rows) => {
      if (table === 'data_access_log') throw new Error('disk full');
      return append(table, rows);
    };
    try {
      const page = await req('GET', `/petugas/berkas/${siti.id}`, undefined, front);
      assert.equal(page.status, 500);
      assert.doesNotMatch(page.body, /Siti Aminah|1571024107900003/);
      const api = await req('GET', `/api/v1/applications/${siti.id}/timeline`, undefined, front);
      assert.equal(api.status, 500);
      assert.doesNotMatch(api.body, /Siti|registered/);
      const doc = await req('GET', `/petugas/unggahan/${uploads[0]!.upload}`, undefined, front);
      assert.equal(doc.status, 500);
      assert.notDeepEqual(doc.raw, PNG_1X1);
      const search = await req('GET', '/api/v1/applications?q=Siti', undefined, front);
      assert.equal(search.status, 500);
      assert.doesNotMatch(search.body, /Siti Aminah/);
    } finally {
      t.database.append = append;
    }
  });

  it('a search page logs one entry per case it shows (case-search), bounded by the page; the name masked for the auditor', async () => {
    const front = await login(`front-office@${JAMBI}`);
    let shown: string[] = [];
    const written = await newReads(async () => {
      const r = await req('GET', '/api/v1/applications?q=Siti&pageSize=50', undefined, front);
      assert.equal(r.status, 200, r.body);
      shown = (r.json().items as { id: string }[]).map((i) => i.id);
      assert.ok(shown.includes(siti.id));
    });
    assert.deepEqual(written.map((e) => e.record_id).sort(), [...shown].sort(), 'exactly the cases shown, once each');
    assert.ok(written.every((e) => e.purpose === 'case-search' && e.record_kind === 'application'));
    assert.equal(written.find((e) => e.record_id === siti.id)!.subject_nik, SITI.nik);
    assert.deepEqual(JSON.parse(written[0]!.detail).fields, ['name', 'nik-masked']);
    const auditor = await login(`auditor@${JAMBI}`);
    const masked = await newReads(async () => assert.equal((await req('GET', '/api/v1/applications?q=Siti', undefined, auditor)).status, 200));
    assert.deepEqual(JSON.parse(masked[0]!.detail).fields, ['name-masked', 'nik-masked']);
    // The person's history (a data-subject request) finds the search that listed them.
    const history = await accessesOfSubject(t.database.db, officeId, SITI.nik, 1000);
    assert.ok(history.some((h) => h.purpose === 'case-search'));
  });

  it('a letter read, its preview before signing and its signed PDF each write one entry (purposes case work, signing, case work)', async () => {
    const at = await driveUntil(t.ctx, siti.id, (s) => s.kind === 'sign', JAMBI);
    assert.ok(at.step, 'the case reached its signing step');
    const letter = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', siti.id).executeTakeFirstOrThrow();
    const head = await login(`kepala-dinas@${JAMBI}`);
    const shown = await newReads(async () => assert.equal((await req('GET', `/api/v1/letters/${letter.id}`, undefined, head)).status, 200));
    assert.deepEqual(shown.map((e) => [e.action, e.record_kind, e.record_id, e.subject_nik, e.purpose]), [['read', 'letter', letter.id, SITI.nik, 'case-work']]);
    const preview = await newReads(async () => assert.equal((await req('GET', `/petugas/surat/${letter.id}/pdf`, undefined, head)).status, 200));
    assert.deepEqual(preview.map((e) => [e.action, e.record_kind, e.purpose, JSON.parse(e.detail).fields[0]]), [['download', 'letter', 'signing', 'preview-pdf']]);
    const signed = await req('POST', '/api/v1/letters/sign', { ids: [letter.id], password: 'sigap-demo' }, head);
    assert.equal(signed.status, 200, signed.body);
    const pdf = await newReads(async () => assert.equal((await req('GET', `/api/v1/letters/${letter.id}/pdf`, undefined, head)).status, 200));
    assert.deepEqual(pdf.map((e) => [e.action, e.record_id, e.subject_nik, e.purpose, JSON.parse(e.detail).fields[0]]), [['download', letter.id, SITI.nik, 'case-work', 'signed-pdf']]);
  });

  it('a complaint opened by staff writes one entry with the identity shown; the list masks the name and writes nothing', async () => {
    const filed = await req('POST', '/api/v1/complaints', { office: JAMBI, type: 'pengaduan', mode: 'named', text: 'Petugas loket meminta uang tambahan untuk mempercepat rekomendasi bayi saya.', complainant: { name: 'Rahmat Hidayat', phone: '081266001122' } });
    assert.equal(filed.status, 201, filed.body);
    const c = await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', filed.json().receiptNumber).executeTakeFirstOrThrow();
    const officer = await login(`pengelola-pengaduan@${JAMBI}`);
    const listed = await newReads(async () => {
      const list = await req('GET', '/api/v1/complaints?limit=200', undefined, officer);
      assert.equal(list.status, 200);
      const item = list.json().items.find((i: { id: string }) => i.id === c.id);
      assert.equal(item.complainantName, 'R***** H******', 'a list shows the name masked');
      assert.doesNotMatch(list.body, /Rahmat Hidayat/);
      const page = await req('GET', '/petugas/pengaduan', undefined, officer);
      assert.doesNotMatch(page.body, /Rahmat Hidayat/);
      assert.match(page.body, /R\*\*\*\*\* H\*\*\*\*\*\*/);
    });
    assert.deepEqual(listed, [], 'a list shows no identity, so it is no read of one');
    const opened = await newReads(async () => {
      const d = await req('GET', `/api/v1/complaints/${c.id}`, undefined, officer);
      assert.equal(d.json().complainant.name, 'Rahmat Hidayat');
    });
    assert.deepEqual(
      opened.map((e) => [e.actor_id, e.record_kind, e.record_id, e.subject_nik, e.purpose, JSON.parse(e.detail).fields]),
      [[await userId(`pengelola-pengaduan@${JAMBI}`), 'complaint', c.id, null, 'complaint-handling', ['identity', 'text', 'timeline']]],
    );
    // Who read it: on the complaint page for the head, not for the complaint officer.
    const head = await login(`kepala-dinas@${JAMBI}`);
    const headPage = await req('GET', `/petugas/pengaduan/${c.id}`, undefined, head);
    assert.match(headPage.body, /data-testid="record-reads"/);
    assert.match(headPage.body, /Pengelola Pengaduan/);
    assert.doesNotMatch((await req('GET', `/petugas/pengaduan/${c.id}`, undefined, officer)).body, /record-reads/);
  });

  it('who accessed the case: listed newest first for the head, with role, purpose and time in WIB; absent for the clerk', async () => {
    const head = await login(`kepala-dinas@${JAMBI}`);
    now = new Date('2026-04-06T03:15:00Z'); // 10.15 WIB
    const page = (await req('GET', `/petugas/berkas/${siti.id}`, undefined, head)).body;
    const section = page.slice(page.indexOf('data-testid="record-reads"'));
    assert.ok(section.length < page.length, 'the section is there');
    assert.match(section, /Front Office/);
    assert.match(section, /Kepala Dinas Sosial/);
    assert.match(section, /Pencarian berkas/, 'the search that listed the case is a read of it');
    assert.match(section, /10\.15 WIB/, 'times in the office’s zone');
    assert.match(section, /Dokumen unggahan: /, 'the download of the case’s identity document is listed with it');
    assert.match(section, /Surat: /, 'so are the reads of its letter');
    assert.ok(section.indexOf('Kepala Dinas Sosial') < section.indexOf('Pencarian berkas'), 'newest first: the head’s own read leads');
    const api = await req('GET', `/api/v1/audit/records/application/${siti.id}/reads`, undefined, head);
    assert.equal(api.status, 200);
    const letters = (await t.database.db.selectFrom('letters').select('id').where('application_id', '=', siti.id).execute()).map((l) => l.id);
    const ofCase = (e: { record_kind: string; record_id: string }) =>
      (e.record_kind === 'application' && e.record_id === siti.id) || (e.record_kind === 'upload' && uploads.some((u) => u.upload === e.record_id)) || (e.record_kind === 'letter' && letters.includes(e.record_id));
    const total = (await reads()).filter(ofCase).length;
    assert.equal(api.json().total, total);
    assert.ok(api.json().entries.some((e: { recordKind: string; actor: string }) => e.recordKind === 'upload' && /Front Office/.test(e.actor)), 'the document download, by the clerk');
    const front = await login(`front-office@${JAMBI}`);
    assert.doesNotMatch((await req('GET', `/petugas/berkas/${siti.id}`, undefined, front)).body, /record-reads|Siapa mengakses/);
    assert.equal((await req('GET', `/api/v1/audit/records/application/${siti.id}/reads`, undefined, front)).status, 403);
  });

  it('the registry access log shows the auditor NIK and KK masked, the head in full', async () => {
    const front = await login(`front-office@${JAMBI}`);
    assert.equal((await req('GET', `/api/v1/applications?q=${SITI.nik}&purpose=Cek+berkas+ganda`, undefined, front)).status, 200);
    const auditor = await login(`auditor@${JAMBI}`);
    const masked = await req('GET', '/api/v1/registry/access-log', undefined, auditor);
    assert.equal(masked.status, 200);
    assert.ok(masked.json().some((e: { nik: string | null }) => e.nik === '1571 02•• •••• 0003'));
    assert.ok(!masked.body.includes(SITI.nik), 'no full NIK for the auditor');
    const page = await req('GET', '/petugas/registri/log', undefined, auditor);
    assert.ok(!page.body.includes(SITI.nik) && !page.body.includes('1571 0241 0790 0003'));
    const head = await login(`kepala-dinas@${JAMBI}`);
    assert.ok((await req('GET', '/api/v1/registry/access-log', undefined, head)).json().some((e: { nik: string | null }) => e.nik === SITI.nik));
  });
});
