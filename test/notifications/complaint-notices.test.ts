/**
 * A complaint's receipt and answer through the outbox (issue 16 §1), on a real database and a real
 * SMTP server: each reaches a complainant who gave an e-mail address exactly once, carries the
 * receipt number and status but never the complainant's identity, the complaint's or the answer's
 * words or the tracking code; an anonymous complaint and a refused step send nothing; the staff
 * timeline shows each message after its event.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { complaintMessagesOf } from '../../src/db/notifications-repo.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { smtpForSuite, unQp } from '../support/smtp.js';

const FROM = 'Dinas Sosial Kota Banjarmasin <noreply@dinsos.banjarmasinkota.go.id>';
/** Wednesday 8 April 2026, 10:00 WITA. */
let clock = new Date('2026-04-08T02:00:00.000Z');

describe(`notifications: a complaint's receipt and answer (${TEST_DB})`, () => {
  let t: TestApp;
  const { req, login } = apiClient(() => t);
  const mailsTo = (to: string) => mailer().smtp.received.filter((m) => m.to.includes(to));
  const idOf = async (receipt: string) => (await t.database.db.selectFrom('complaints').select('id').where('receipt_number', '=', receipt).executeTakeFirstOrThrow()).id;

  before(async () => {
    t = await testApp({ now: () => clock });
    t.ctx.publicBaseUrl = 'https://sigap.banjarmasinkota.go.id';
  });
  after(async () => t.close());
  const mailer = smtpForSuite(FROM);

  const TEXT = 'Santunan kematian almarhumah ibu saya, Hj. Siti Rahmah, belum cair sejak Januari padahal berkas sudah lengkap.';
  const ANSWER = 'Santunan telah diajukan ke BPKPAD pada 2 April 2026 dan dijadwalkan cair paling lambat 20 April 2026.';

  it('sends the receipt once, then the answer once, with the number and status and nothing of the person or the words', async () => {
    const to = 'rahmat.hidayat@gmail.com';
    const filed = await req('POST', '/api/v1/complaints', { office: 'kota-banjarmasin', type: 'pengaduan', mode: 'named', text: TEXT, service: 'santunan-kematian', complainant: { name: 'Rahmat Hidayat', phone: '081351234567', email: to } });
    assert.equal(filed.status, 201, filed.body);
    const { receiptNumber, trackingCode } = filed.json() as { receiptNumber: string; trackingCode: string };
    const id = await idOf(receiptNumber);
    const [queued, ...more] = await complaintMessagesOf(t.database.db, id);
    assert.equal(more.length, 0);
    assert.deepEqual([queued?.kind, queued?.channel, queued?.recipient, queued?.status, queued?.application_id], ['complaint-receipt', 'email', to, 'queued', null]);
    assert.equal((await sendOutbox(t.ctx, mailer().mail)).sent, 1);
    const [receipt, ...others] = mailsTo(to);
    assert.equal(others.length, 0, 'one receipt');
    assert.equal(receipt!.headers.get('subject'), `Pengaduan ${receiptNumber} diterima / Complaint received`);
    const body = unQp(receipt!.body);
    assert.match(body, new RegExp(`diterima dengan nomor ${receiptNumber}`));
    assert.match(body, /Status: sedang diproses \/ in progress/);
    assert.match(body, /https:\/\/sigap\.banjarmasinkota\.go\.id\/pengaduan dengan nomor pengaduan/);
    for (const secret of [trackingCode, 'Rahmat', '081351234567', 'Siti Rahmah', 'belum cair']) assert.ok(!receipt!.raw.includes(secret) && !body.includes(secret), `no ${secret} in the message`);

    // The officer answers; a stale second submission of the same step is refused and queues nothing.
    const h = await login('pengelola-pengaduan@kota-banjarmasin');
    const d0 = (await req('GET', `/api/v1/complaints/${id}`, undefined, h)).json();
    clock = new Date('2026-04-10T02:00:00.000Z');
    const answered = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'dijawab', answer: ANSWER, version: d0.version }, h);
    assert.equal(answered.status, 200, answered.body);
    const stale = await req('POST', `/api/v1/complaints/${id}/transitions`, { to: 'dijawab', answer: ANSWER, version: d0.version }, h);
    assert.equal(stale.status, 409);
    assert.deepEqual((await complaintMessagesOf(t.database.db, id)).map((m) => m.kind), ['complaint-receipt', 'complaint-answer']);
    assert.equal((await sendOutbox(t.ctx, mailer().mail)).sent, 1);
    assert.deepEqual(await sendOutbox(t.ctx, mailer().mail), { sent: 0, retried: 0, failed: 0 });
    const answers = mailsTo(to).filter((m) => /ditanggapi/.test(m.headers.get('subject') ?? ''));
    assert.equal(answers.length, 1, 'one answer notice');
    assert.equal(answers[0]!.headers.get('subject'), `Pengaduan ${receiptNumber}: sudah ditanggapi / Answered`);
    const answerBody = unQp(answers[0]!.body);
    assert.match(answerBody, /Status: sudah dijawab \/ answered/);
    assert.ok(!answerBody.includes('BPKPAD') && !answerBody.includes('20 April'), "the answer's words wait on the tracking page");

    // The staff timeline: each message right after the event that caused it, in both languages.
    const s = await signIn(t.database, 'pengelola-pengaduan@kota-banjarmasin', 'sigap-demo', 'cookie', '10.15.1.32');
    assert.ok(s.ok);
    const page = async (lang: string) => (await t.app.inject({ method: 'GET', url: `/petugas/pengaduan/${id}${lang}`, headers: { cookie: `${SESSION_COOKIE}=${s.value.token}` } })).body;
    const lines = [...(await page('')).matchAll(/<li( data-testid="timeline-message")?>(.*?)<\/li>/gs)].map((m) => (m[1] ? 'MSG ' : '') + m[2]!.replace(/<[^>]+>/g, ''));
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    assert.equal(at(/^MSG .*Pesan ke pelapor \(e-mail\): tanda terima pengaduan · terkirim/), at(/Pengaduan diterima/) + 1);
    assert.equal(at(/^MSG .*Pesan ke pelapor \(e-mail\): pengaduan ditanggapi · terkirim/), at(/Jawaban tertulis/) + 1);
    assert.match(await page('?lang=en'), /Message to the complainant \(e-mail\): complaint answered<\/strong> · sent/);
  });

  it('sends nothing for an anonymous complaint, nor for a named one without an e-mail address', async () => {
    const before = mailer().smtp.received.length;
    const anon = await req('POST', '/api/v1/complaints', { office: 'kota-banjarmasin', type: 'pengaduan', mode: 'anonymous', text: 'Petugas loket sering tidak ada di tempat pada jam pelayanan siang hari.' });
    assert.equal(anon.status, 201, anon.body);
    const phoneOnly = await req('POST', '/api/v1/complaints', { office: 'kota-banjarmasin', type: 'aspirasi', mode: 'named', text: 'Mohon disediakan kursi roda di ruang tunggu pelayanan.', complainant: { name: 'Nurhayati', phone: '081250001234' } });
    assert.equal(phoneOnly.status, 201, phoneOnly.body);
    for (const r of [anon, phoneOnly]) assert.deepEqual(await complaintMessagesOf(t.database.db, await idOf(r.json().receiptNumber)), []);
    await sendOutbox(t.ctx, mailer().mail);
    assert.equal(mailer().smtp.received.length, before);
  });
});
