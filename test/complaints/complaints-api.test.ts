import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.js';
import { sweepComplaints } from '../../src/usecases/complaints/sweep-complaints.js';
import { TEST_DB } from '../support/db.js';
import { openTracked } from '../support/tracking.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { newComplaint } from '../support/factories.js';

/** A clock the tests move: Wednesday 8 April 2026, 10:00 WITA (02:00 UTC). */
let clock = new Date('2026-04-08T02:00:00.000Z');
const setClock = (iso: string) => {
  clock = new Date(iso);
};

describe(`complaints: intake, tracking, stages, response promise, privacy (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t?.close());

  const { req, login } = apiClient(() => t);
  const file = (body: Record<string, unknown>, headers: Record<string, string> = {}) => req('POST', '/api/v1/complaints', body, headers);

  const BJM_TEXT = 'Bantuan santunan kematian untuk almarhum ayah saya belum cair sejak tiga bulan lalu, padahal berkas sudah lengkap.';
  let named: { receiptNumber: string; trackingCode: string; dueAt: string; dueAtLocal: string };

  it('files a public complaint without an account: receipt number, tracking code and the office’s promise at once', async () => {
    setClock('2026-04-08T02:00:00.000Z');
    const r = await file({ office: 'kota-banjarmasin', type: 'pengaduan', mode: 'named', text: BJM_TEXT, service: 'santunan-kematian', complainant: { name: 'Rahmat Hidayat', phone: '081351234567' } });
    assert.equal(r.status, 201, r.body);
    named = r.json();
    assert.match(named.receiptNumber, /^BNJ-ADU-2026-\d{6}$/, 'office code, ADU (aduan), year, sequence');
    assert.match(named.trackingCode, /^[A-Z2-9]{8}$/);
    // Banjarmasin's decree: "paling lambat tiga hari kerja sejak diterimanya pengaduan". Received
    // Wednesday 8 April (day 0): Thursday 9, Friday 10, Monday 13 April, closing 16:00 WITA.
    assert.equal(named.dueAt, '2026-04-13T08:00:00.000Z');
    assert.equal(named.dueAtLocal, 'Senin, 13 April 2026 16.00 WITA');
    const row = await t.database.db.selectFrom('complaints').selectAll().where('receipt_number', '=', named.receiptNumber).executeTakeFirstOrThrow();
    assert.notEqual(row.tracking_code_hash, named.trackingCode, 'only a hash of the code is stored');
    assert.ok(!JSON.stringify(row).includes(named.trackingCode));
  });

  it('uses SP4N-LAPOR!’s 5 working days where the decree promises no response time (Kota Jambi)', async () => {
    setClock('2026-03-26T03:00:00.000Z'); // Thursday 26 March 2026, 10:00 WIB, after the Idul Fitri leave
    const r = await file({ office: 'kota-jambi', mode: 'anonymous', type: 'aspirasi', text: 'Mohon ruang tunggu loket diberi kipas angin, antrean siang hari sangat panas.' });
    assert.equal(r.status, 201, r.body);
    // Day 0 Thursday 26; Fri 27, Mon 30, Tue 31 March, Wed 1, Thu 2 April: closing 16:00 WIB.
    assert.equal(r.json().dueAt, '2026-04-02T09:00:00.000Z');
    const setup = (await req('GET', '/api/v1/offices/kota-jambi/complaint-setup')).json();
    assert.equal(setup.responsePromise.source, 'default');
    assert.deepEqual([setup.responsePromise.value, setup.responsePromise.unit], [5, 'working_days']);
    assert.deepEqual(
      setup.channels.map((c: { kind: string }) => c.kind),
      ['counter', 'complaint-box', 'phone', 'call-center', 'whatsapp', 'email', 'instagram', 'website', 'lapor'],
      "the decree's channels, plus the web form and SP4N-LAPOR!",
    );
    setClock('2026-04-08T02:00:00.000Z');
  });

  it('tracks by receipt number and code; a wrong code looks exactly like an unknown number', async () => {
    const ok = await req('GET', `/api/v1/complaints/${named.receiptNumber}/status?code=${named.trackingCode}`);
    assert.equal(ok.status, 200, ok.body);
    const s = ok.json();
    assert.equal(s.stage.id, 'diterima');
    assert.equal(s.text, BJM_TEXT);
    assert.equal(s.service.slug, 'santunan-kematian');
    assert.ok(!ok.body.includes('Rahmat') && !ok.body.includes('081351234567'), 'the public status never carries identity');
    const lower = await req('GET', `/api/v1/complaints/${named.receiptNumber}/status?code=${named.trackingCode.toLowerCase()}`);
    assert.equal(lower.status, 200, 'the code is case-insensitive');
    const wrong = await req('GET', `/api/v1/complaints/${named.receiptNumber}/status?code=AAAAAAAA`);
    const unknown = await req('GET', `/api/v1/complaints/BNJ-ADU-2026-999999/status?code=${named.trackingCode}`);
    assert.equal(wrong.status, 404);
    assert.equal(unknown.status, 404);
    assert.equal(wrong.body, unknown.body);
  });

  it('explains every intake problem at once, by field, in Bahasa Indonesia and English', async () => {
    const r = await file({ office: 'kota-banjarmasin', mode: 'named', text: 'pendek', service: 'tidak-ada', application: 'BJM-26-1', complainant: { name: 'R', email: 'bukan-email' } });
    assert.equal(r.status, 422);
    const byField = Object.fromEntries(r.json().error.problems.map((p: { field: string; code: string }) => [p.field, p.code]));
    assert.deepEqual(byField, { text: 'too-short', 'complainant.name': 'too-short', 'complainant.email': 'email-invalid', service: 'service-not-found', application: 'application-invalid' });
    const anon = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: BJM_TEXT, complainant: { name: 'Rahmat' } });
    assert.equal(anon.status, 422);
    assert.equal(anon.json().error.problems[0].code, 'identity-not-allowed');
    const unknownApp = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: BJM_TEXT, application: 'BJM-2026-999999' });
    assert.equal(unknownApp.json().error.problems[0].code, 'application-not-found');
    const channel = await file({ office: 'kota-banjarmasin', mode: 'anonymous', channel: 'whatsapp', text: BJM_TEXT });
    assert.equal(channel.json().error.problems[0].code, 'channel-staff-only', 'the public files through the web form; other channels are recorded by staff');
    const noOffice = await file({ office: 'kota-atlantis', mode: 'anonymous', text: BJM_TEXT });
    assert.equal(noOffice.status, 404);
  });

  it('refuses control characters, strips bidirectional overrides, never executes HTML, and limits sizes', async () => {
    const ctrl = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: 'Petugas loket\u001b[2J tidak ada di tempat pada jam kerja.' });
    assert.equal(ctrl.status, 422);
    assert.equal(ctrl.json().error.problems[0].code, 'control-characters');
    const long = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: 'a'.repeat(5001) });
    assert.equal(long.json().error.problems[0].code, 'too-long');
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload: JSON.stringify({ office: 'kota-banjarmasin', mode: 'anonymous', text: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } });
    assert.equal(huge.statusCode, 413);
    const script = '<script>alert("x")</script> <img src=x onerror=alert(1)> petugas \u202Eterbalik\u202C meminta uang Rp50.000';
    const r = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: script });
    assert.equal(r.status, 201, r.body);
    const { receiptNumber, trackingCode } = r.json();
    const row = await t.database.db.selectFrom('complaints').select('text').where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
    assert.ok(!row.text.includes('\u202E'), 'bidi override removed');
    const pageHtml = (await openTracked(t.app, `/pengaduan/${receiptNumber}?code=${trackingCode}`)).body;
    assert.ok(!pageHtml.includes('<script>alert'), 'no markup from the public reaches a page');
    assert.ok(pageHtml.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
    assert.ok(!pageHtml.includes('<img src=x'));
  });

  it('returns the same complaint for a retried request with the same Idempotency-Key', async () => {
    const body = { office: 'kota-banjarmasin', mode: 'anonymous', text: 'Lampu jalan di depan rumah singgah padam, anak-anak takut lewat malam hari.' };
    const [a, b] = await Promise.all([file(body, { 'idempotency-key': 'wa-2026-04-08-001' }), file(body, { 'idempotency-key': 'wa-2026-04-08-001' })]);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.deepEqual(a.json(), b.json());
  });

  let confidential: { receiptNumber: string; trackingCode: string };
  let anonymous: { receiptNumber: string; trackingCode: string };
  const SECRET_NAME = 'Dewi Kartika Sari';
  const SECRET_PHONE = '081277788899';
  const SECRET_EMAIL = 'dewi.kartika@contoh.id';

  it('keeps an anonymous complaint without any identity, still trackable', async () => {
    const r = await file({ office: 'kota-banjarmasin', mode: 'anonymous', type: 'pengaduan', text: 'Ada oknum yang meminta imbalan untuk mempercepat rekomendasi JKN-KIS di loket.' });
    assert.equal(r.status, 201);
    anonymous = r.json();
    const row = await t.database.db.selectFrom('complaints').selectAll().where('receipt_number', '=', anonymous.receiptNumber).executeTakeFirstOrThrow();
    assert.deepEqual([row.complainant_name, row.complainant_phone, row.complainant_email, row.created_by], [null, null, null, null]);
    const events = await t.database.db.selectFrom('complaint_events').select(['actor_name', 'data', 'note']).where('complaint_id', '=', row.id).execute();
    assert.equal(events[0]!.actor_name, 'Pelapor (formulir daring)');
    assert.equal((await req('GET', `/api/v1/complaints/${anonymous.receiptNumber}/status?code=${anonymous.trackingCode}`)).status, 200);
  });

  it('shows a confidential complainant only to the complaint officer and the head of office, nowhere else', async () => {
    const r = await file({ office: 'kota-banjarmasin', mode: 'confidential', type: 'pengaduan', text: 'Saya melihat bantuan sembako dibagikan hanya kepada kerabat ketua RT 07, warga lain tidak kebagian.', complainant: { name: SECRET_NAME, phone: SECRET_PHONE, email: SECRET_EMAIL } });
    assert.equal(r.status, 201);
    confidential = r.json();
    const leaks = (body: string) => [SECRET_NAME, SECRET_PHONE, SECRET_EMAIL, 'Dewi'].filter((s) => body.includes(s));
    // Public: API, tracking page, published summaries.
    for (const url of [`/api/v1/complaints/${confidential.receiptNumber}/status?code=${confidential.trackingCode}`, `/pengaduan/${confidential.receiptNumber}?code=${confidential.trackingCode}`, '/api/v1/offices/kota-banjarmasin/complaints/published', '/kantor/kota-banjarmasin/pengaduan/publik'])
      assert.deepEqual(leaks((await req('GET', url)).body), [], url);
    const id = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', confidential.receiptNumber).executeTakeFirstOrThrow()).id;
    // Other roles: not in any list, and the complaint itself answers 404.
    for (const role of ['admin', 'auditor', 'kepala-bidang']) {
      const h = await login(`${role}@kota-banjarmasin`);
      const list = await req('GET', '/api/v1/complaints?limit=500', undefined, h);
      assert.equal(list.status, 200, `${role} reads the list`);
      assert.ok(!list.json().items.some((c: { receiptNumber: string }) => c.receiptNumber === confidential.receiptNumber), `${role}: not listed`);
      assert.deepEqual(leaks(list.body), [], role);
      assert.equal((await req('GET', `/api/v1/complaints/${id}`, undefined, h)).status, 404, `${role}: detail hidden`);
      assert.deepEqual(leaks((await req('GET', '/api/v1/complaint-notifications', undefined, h)).body), []);
    }
    const front = await login('front-office@kota-banjarmasin');
    assert.equal((await req('GET', '/api/v1/complaints', undefined, front)).status, 403, 'the counter records complaints but does not read the list');
    // The complaint officer and the head: listed without identity, identity on the detail (audited).
    for (const role of ['pengelola-pengaduan', 'kepala-dinas']) {
      const h = await login(`${role}@kota-banjarmasin`);
      const list = await req('GET', '/api/v1/complaints?limit=500', undefined, h);
      const item = list.json().items.find((c: { receiptNumber: string }) => c.receiptNumber === confidential.receiptNumber);
      assert.ok(item, `${role}: listed`);
      assert.equal(item.complainantName, null, 'never in a list');
      assert.deepEqual(leaks(list.body), []);
      const d = (await req('GET', `/api/v1/complaints/${id}`, undefined, h)).json();
      assert.deepEqual(d.complainant, { name: SECRET_NAME, phone: SECRET_PHONE, email: SECRET_EMAIL });
    }
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'subject']).where('action', '=', 'complaint.identity.read').where('subject', '=', `complaint:${confidential.receiptNumber}`).execute();
    assert.equal(audit.length, 2, 'each read of the identity is logged');
  });

  it('keeps offices apart: a Jambi officer sees nothing of a Banjarmasin complaint', async () => {
    const h = await login('pengelola-pengaduan@kota-jambi');
    const id = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', named.receiptNumber).executeTakeFirstOrThrow()).id;
    assert.equal((await req('GET', `/api/v1/complaints/${id}`, undefined, h)).status, 404);
    assert.equal((await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'cek-administrasi', version: 1 }, h)).status, 404);
    const list = (await req('GET', '/api/v1/complaints?limit=500', undefined, h)).json();
    assert.ok(list.items.every((c: { receiptNumber: string }) => c.receiptNumber.startsWith('JMB-')));
    const staffFiled = await file({ office: 'kota-banjarmasin', channel: 'counter', mode: 'anonymous', text: BJM_TEXT }, h);
    assert.equal(staffFiled.status, 404, 'staff record complaints for their own office only');
  });

  it('records complaints from the decree’s channels, SP4N-LAPOR! with its tracking id', async () => {
    const h = await login('front-office@kota-banjarmasin');
    const noRef = await file({ office: 'kota-banjarmasin', channel: 'lapor', mode: 'anonymous', text: 'Laporan dari LAPOR!: pendamping PKH tidak pernah datang ke kelurahan Pelambuan.' }, h);
    assert.equal(noRef.json().error.problems[0].code, 'lapor-id-required');
    const lapor = await file({ office: 'kota-banjarmasin', channel: 'lapor', externalRef: '4512987', mode: 'anonymous', text: 'Laporan dari LAPOR!: pendamping PKH tidak pernah datang ke kelurahan Pelambuan.' }, h);
    assert.equal(lapor.status, 201, lapor.body);
    const insta = await file({ office: 'kota-banjarmasin', channel: 'instagram', mode: 'anonymous', text: 'Komentar di Instagram tentang antrean panjang di loket pelayanan.' }, h);
    assert.equal(insta.json().error.problems[0].code, 'channel-unknown', "Banjarmasin's decree names no Instagram channel");
    // A complaint box opened on Monday: dated when it was received.
    const box = await file({ office: 'kota-banjarmasin', channel: 'complaint-box', mode: 'named', complainant: { name: 'Siti Aminah' }, receivedAt: '2026-04-06T01:00:00+08:00', text: 'Kertas di kotak saran: toilet ruang tunggu rusak dan tidak bisa dipakai.' }, h);
    assert.equal(box.status, 201, box.body);
    const status = (await req('GET', `/api/v1/complaints/${box.json().receiptNumber}/status?code=${box.json().trackingCode}`)).json();
    assert.equal(status.channel, 'complaint-box');
    assert.equal(status.receivedAt, '2026-04-05T17:00:00.000Z');
    const lapStatus = (await req('GET', `/api/v1/complaints/${lapor.json().receiptNumber}/status?code=${lapor.json().trackingCode}`)).json();
    assert.equal(lapStatus.externalRef, '4512987');
  });

  it('moves through the office’s stages with the data each needs; the complainant reads the answer and says it did not resolve it', async () => {
    const h = await login('pengelola-pengaduan@kota-banjarmasin');
    const id = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', named.receiptNumber).executeTakeFirstOrThrow()).id;
    const d0 = (await req('GET', `/api/v1/complaints/${id}`, undefined, h)).json();
    // Banjarmasin's decree names the stages: "cek administrasi", "koordinasi internal/eksternal".
    assert.deepEqual(d0.stages.map((s: { id: string }) => s.id), ['diterima', 'cek-administrasi', 'koordinasi-internal-eksternal', 'dijawab', 'selesai', 'bukan-kewenangan', 'digabung']);
    const skip = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'selesai', version: d0.version }, h);
    assert.equal(skip.status, 422);
    assert.equal(skip.json().error.problems[0].code, 'transition-not-allowed');
    const front = await login('front-office@kota-banjarmasin');
    assert.equal((await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'cek-administrasi', version: d0.version }, front)).status, 403);
    const s1 = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'cek-administrasi', version: d0.version, note: 'Berkas santunan dicek di bidang Linjamsos' }, h);
    assert.equal(s1.status, 200, s1.body);
    const stale = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'koordinasi-internal-eksternal', version: d0.version }, h);
    assert.equal(stale.status, 409, 'a stale version is a conflict');
    const noUnit = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'koordinasi-internal-eksternal', version: s1.json().version }, h);
    assert.deepEqual(noUnit.json().error.problems.map((p: { code: string }) => p.code).sort(), ['coordination-required', 'unit-required']);
    const s2 = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'koordinasi-internal-eksternal', unit: 'BPKPAD Kota Banjarmasin (pencairan)', coordination: 'external', version: s1.json().version }, h);
    assert.equal(s2.status, 200, s2.body);
    const noAnswer = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'dijawab', version: s2.json().version }, h);
    assert.equal(noAnswer.json().error.problems[0].code, 'answer-required');
    const ANSWER = 'Santunan kematian atas nama almarhum telah diajukan ke BPKPAD pada 2 April 2026 dan dijadwalkan cair paling lambat 20 April 2026 ke rekening ahli waris.';
    setClock('2026-04-10T02:00:00.000Z');
    const s3 = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'dijawab', answer: ANSWER, version: s2.json().version }, h);
    assert.equal(s3.status, 200, s3.body);
    assert.equal(s3.json().slaState, 'met', 'answered within the three working days');
    const pub = (await req('GET', `/api/v1/complaints/${named.receiptNumber}/status?code=${named.trackingCode}`)).json();
    assert.equal(pub.answer, ANSWER);
    assert.equal(pub.canGiveFeedback, true);
    assert.ok(pub.timeline.some((e: { type: string; data: { unit?: string } }) => e.type === 'stage-changed' && e.data.unit === 'BPKPAD Kota Banjarmasin (pencairan)'));
    assert.ok(!JSON.stringify(pub.timeline).includes('Berkas santunan dicek'), 'internal notes stay internal');
    assert.ok(!JSON.stringify(pub.timeline).includes('Pengelola Pengaduan'), 'the public sees no staff names');
    // The complainant adds information and says the answer did not resolve it: reopened with a fresh clock.
    const info = await req('POST', `/api/v1/complaints/${named.receiptNumber}/information`, { code: named.trackingCode, text: 'Nomor rekening ahli waris sudah berganti ke BRI 0123-01-000123-50-1.' });
    assert.equal(info.status, 200, info.body);
    const noComment = await req('POST', `/api/v1/complaints/${named.receiptNumber}/feedback`, { code: named.trackingCode, resolved: false });
    assert.equal(noComment.json().error.problems[0].code, 'comment-required');
    const fb = await req('POST', `/api/v1/complaints/${named.receiptNumber}/feedback`, { code: named.trackingCode, resolved: false, comment: 'Sampai hari ini belum ada kepastian tanggal pencairan.' });
    assert.equal(fb.status, 200, fb.body);
    assert.equal(fb.json().stage, 'koordinasi-internal-eksternal');
    const again = (await req('GET', `/api/v1/complaints/${id}`, undefined, h)).json();
    assert.equal(again.status, 'open');
    assert.equal(again.dueAt, '2026-04-15T08:00:00.000Z', 'three working days from the reopening (Friday 10 → Wednesday 15 April)');
    const twice = await req('POST', `/api/v1/complaints/${named.receiptNumber}/feedback`, { code: named.trackingCode, resolved: true });
    assert.equal(twice.status, 409);
    const s4 = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'dijawab', answer: 'Dana telah ditransfer pada 14 April 2026; mohon cek rekening BRI ahli waris.', version: again.version }, h);
    assert.equal(s4.status, 200);
    const ok = await req('POST', `/api/v1/complaints/${named.receiptNumber}/feedback`, { code: named.trackingCode, resolved: true, comment: 'Sudah masuk, terima kasih.' });
    assert.equal(ok.json().status, 'closed');
    const closed = await req('POST', `/api/v1/complaints/${named.receiptNumber}/information`, { code: named.trackingCode, text: 'Tambahan lagi.' });
    assert.equal(closed.status, 409);
    setClock('2026-04-08T02:00:00.000Z');
  });

  it('publishes an anonymised summary, refusing one that names the complainant or a confidential complaint', async () => {
    const h = await login('pengelola-pengaduan@kota-banjarmasin');
    const id = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', named.receiptNumber).executeTakeFirstOrThrow()).id;
    const leak = await req('POST', `/api/v1/complaints/${id}/summary`, { summary: 'Rahmat Hidayat mengadukan santunan kematian yang terlambat cair.', publish: true }, h);
    assert.equal(leak.json().error.problems[0].code, 'summary-identifies');
    // The same identity spaced, cased, punctuated or grouped differently is the same identity.
    for (const hidden of [
      'Rahmat  Hidayat mengadukan santunan kematian yang terlambat cair.',
      'RAHMAT\u00A0HIDAYAT mengadukan santunan kematian yang terlambat cair.',
      'R a h m a t Hidayat mengadukan santunan kematian yang terlambat cair.',
      'Sdr. Rahmat.Hidayat mengadukan santunan kematian yang terlambat cair.',
      'Warga (0813 5123 4567) mengadukan santunan kematian yang terlambat cair.',
      'Warga NIK 6371.0101.0101.0003 mengadukan santunan kematian yang terlambat cair.',
    ]) {
      const r = await req('POST', `/api/v1/complaints/${id}/summary`, { summary: hidden, publish: true }, h);
      assert.equal(r.json().error?.problems[0].code, 'summary-identifies', hidden);
    }
    const ok = await req('POST', `/api/v1/complaints/${id}/summary`, { summary: 'Warga mengadukan santunan kematian yang terlambat cair; dana telah ditransfer setelah koordinasi dengan BPKPAD.', publish: true }, h);
    assert.equal(ok.status, 200, ok.body);
    const published = (await req('GET', '/api/v1/offices/kota-banjarmasin/complaints/published')).json();
    assert.equal(published.items.length, 1);
    assert.match(published.items[0].summary, /terlambat cair/);
    assert.equal(published.items[0].resolved, true);
    const cid = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', confidential.receiptNumber).executeTakeFirstOrThrow()).id;
    const c = (await req('GET', `/api/v1/complaints/${cid}`, undefined, h)).json();
    await req('POST', `/api/v1/complaints/${cid}/transitions`, { to: 'dijawab', answer: 'Terima kasih, kami telah memverifikasi daftar penerima bersama kelurahan.', version: c.version }, h);
    const conf = await req('POST', `/api/v1/complaints/${cid}/summary`, { summary: 'Pembagian sembako di RT 07 diverifikasi ulang bersama kelurahan.', publish: true }, h);
    assert.equal(conf.json().error.problems[0].code, 'confidential-not-published');
  });

  it('declares a complaint outside the office’s authority, with where to go, and merges a duplicate into the earlier one', async () => {
    const h = await login('pengelola-pengaduan@kota-banjarmasin');
    const a = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: 'Jalan rusak berlubang di depan kantor kelurahan Kuin Utara membahayakan pengendara.' });
    const aId = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', a.json().receiptNumber).executeTakeFirstOrThrow()).id;
    const noRef = await req('POST', `/api/v1/complaints/${aId}/transitions`, { to: 'bukan-kewenangan', version: 1 }, h);
    assert.equal(noRef.json().error.problems[0].code, 'referral-required');
    const nob = await req('POST', `/api/v1/complaints/${aId}/transitions`, { to: 'bukan-kewenangan', referral: 'Dinas PUPR Kota Banjarmasin, Jl. Pramuka No. 1, atau SP4N-LAPOR! kategori infrastruktur.', version: 1 }, h);
    assert.equal(nob.status, 200, nob.body);
    assert.equal(nob.json().status, 'closed');
    const st = (await req('GET', `/api/v1/complaints/${a.json().receiptNumber}/status?code=${a.json().trackingCode}`)).json();
    assert.match(st.referral, /Dinas PUPR/);
    const dup = await file({ office: 'kota-banjarmasin', mode: 'anonymous', text: 'Ada oknum meminta uang di loket agar rekomendasi JKN-KIS cepat selesai.' });
    const dupId = (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', dup.json().receiptNumber).executeTakeFirstOrThrow()).id;
    const self = await req('POST', `/api/v1/complaints/${dupId}/transitions`, { to: 'digabung', mergeInto: dup.json().receiptNumber, version: 1 }, h);
    assert.equal(self.json().error.problems[0].code, 'merge-self');
    const merged = await req('POST', `/api/v1/complaints/${dupId}/transitions`, { to: 'digabung', mergeInto: anonymous.receiptNumber, version: 1 }, h);
    assert.equal(merged.status, 200, merged.body);
    const ds = (await req('GET', `/api/v1/complaints/${dup.json().receiptNumber}/status?code=${dup.json().trackingCode}`)).json();
    assert.equal(ds.mergedInto, anonymous.receiptNumber);
  });

  it('flags at-risk and late complaints, notifies the complaint officer and escalates to the head of office, once', async () => {
    setClock('2026-04-08T02:00:00.000Z'); // Wednesday 10:00 WITA; due Monday 13 April 16:00 WITA
    const { receiptNumber } = await newComplaint(t.ctx, { office: 'kota-banjarmasin', text: 'Petugas TRC tidak datang saat kami laporkan ada orang terlantar di Pasar Lama.' });
    const row = () => t.database.db.selectFrom('complaints').selectAll().where('receipt_number', '=', receiptNumber).executeTakeFirstOrThrow();
    const officeId = (await row()).office_id;
    setClock('2026-04-09T02:00:00.000Z');
    await sweepComplaints(t.ctx, officeId);
    assert.equal((await row()).sla_state, 'on-time');
    setClock('2026-04-12T02:00:00.000Z'); // Sunday: past 75% of the budget (in elapsed time)
    // Reading shows the state at the time of reading, by filter too, but writes nothing: the sweep does.
    const reader = await login('pengelola-pengaduan@kota-banjarmasin');
    const shown = (await req('GET', '/api/v1/complaints?slaState=at-risk&limit=500', undefined, reader)).json();
    assert.ok(shown.items.some((c: { receiptNumber: string; slaState: string }) => c.receiptNumber === receiptNumber && c.slaState === 'at-risk'), 'listed as at risk before any sweep');
    assert.ok(shown.counts.some((c: { status: string; slaState: string; n: number }) => c.status === 'open' && c.slaState === 'at-risk' && c.n >= 1));
    assert.equal((await req('GET', `/api/v1/complaints/${(await row()).id}`, undefined, reader)).json().slaState, 'at-risk');
    assert.equal((await row()).sla_state, 'on-time', 'a read does not write the clock state');
    assert.equal((await row()).version, 1);
    await sweepComplaints(t.ctx, officeId);
    assert.equal((await row()).sla_state, 'at-risk');
    const officer = await login('pengelola-pengaduan@kota-banjarmasin');
    const head = await login('kepala-dinas@kota-banjarmasin');
    const mine = (await req('GET', '/api/v1/complaint-notifications', undefined, officer)).json();
    assert.ok(mine.some((n: { receipt_number: string; kind: string }) => n.receipt_number === receiptNumber && n.kind.startsWith('at-risk')));
    assert.ok(!(await req('GET', '/api/v1/complaint-notifications', undefined, head)).json().some((n: { receipt_number: string }) => n.receipt_number === receiptNumber), 'the head hears only of late ones');
    setClock('2026-04-13T08:00:01.000Z'); // one second past the promise
    const s = await sweepComplaints(t.ctx, officeId);
    assert.ok(s.escalated >= 1);
    const late = await row();
    assert.equal(late.sla_state, 'late');
    assert.ok(late.escalated_at);
    const headNotes = (await req('GET', '/api/v1/complaint-notifications', undefined, head)).json();
    assert.ok(headNotes.some((n: { receipt_number: string; kind: string }) => n.receipt_number === receiptNumber && n.kind.startsWith('late')));
    await sweepComplaints(t.ctx, officeId);
    const notes = await t.database.db.selectFrom('complaint_notifications').select('role').where('complaint_id', '=', late.id).execute();
    assert.deepEqual(notes.map((n) => n.role).sort(), ['kepala-dinas', 'pengelola-pengaduan', 'pengelola-pengaduan'], 'once per role and kind');
    const events = await t.database.db.selectFrom('complaint_events').select('type').where('complaint_id', '=', late.id).orderBy('seq').execute();
    assert.deepEqual(events.map((e) => e.type), ['received', 'sla:at-risk', 'sla:late', 'escalated']);
    // Answering late is recorded as a missed promise.
    const answered = await req('POST', `/api/v1/complaints/${late.id}/transitions`, { to: 'dijawab', answer: 'Tim TRC telah menjangkau dan mengantar yang bersangkutan ke rumah singgah.', version: late.version }, officer);
    assert.equal(answered.json().slaState, 'missed');
    // Nobody replies: closed 10 working days after the answer (SP4N-LAPOR!).
    // Answered Monday 13 April after closing, so day 0 is Tuesday 14: the tenth working day is Tuesday 28 April.
    setClock('2026-04-27T08:00:00.000Z');
    await sweepComplaints(t.ctx, officeId);
    assert.equal((await row()).status, 'answered', 'not yet on 27 April');
    setClock('2026-04-28T08:00:01.000Z');
    const closing = await sweepComplaints(t.ctx, officeId);
    assert.ok(closing.autoClosed >= 1);
    assert.equal((await row()).stage, 'selesai');
    setClock('2026-04-08T02:00:00.000Z');
  });

  it('limits public intake per client address (rate limit on)', async () => {
    const limited = await buildApp({ ctx: t.ctx, rateLimit: true });
    await limited.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        const r = await limited.inject({ method: 'POST', url: '/api/v1/complaints', payload: { office: 'kota-pekanbaru', mode: 'anonymous', text: `Laporan uji batas ke-${i + 1}: antrean loket sangat panjang.` }, remoteAddress: '203.0.113.7' });
        statuses.push(r.statusCode);
      }
      assert.deepEqual(statuses.slice(0, 10), Array(10).fill(201));
      assert.equal(statuses[10], 429);
      const other = await limited.inject({ method: 'POST', url: '/api/v1/complaints', payload: { office: 'kota-pekanbaru', mode: 'anonymous', text: 'Laporan dari alamat lain tetap diterima.' }, remoteAddress: '203.0.113.8' });
      assert.equal(other.statusCode, 201);
    } finally {
      await limited.close();
    }
  });

  it('every office takes complaints with its promise on its calendar', async () => {
    setClock('2026-04-08T02:00:00.000Z');
    for (const o of t.catalogue.list()) {
      const r = await file({ office: o.office.slug, mode: 'anonymous', text: 'Mohon informasi jadwal pelayanan selama bulan April.', type: 'permintaan-informasi' });
      assert.equal(r.status, 201, `${o.office.slug}: ${r.body}`);
      const due = r.json().dueAt as string;
      const expected = o.office.complaints.responsePromise?.sla ?? { value: 5, unit: 'working_days' as const };
      assert.equal(due, new Date(t.ctx.clock.calendar(o.office).addDuration(clock.toISOString(), expected.value, expected.unit).dueAt).toISOString(), o.office.slug);
    }
  });
});
