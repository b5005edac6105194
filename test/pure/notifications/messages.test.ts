/**
 * The event → message map and its texts: which events tell the applicant, what the message says
 * in both languages, that an office's or a service's wording replaces the default, the backoff,
 * and the SMTP settings read at start-up.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMail } from '../../../src/config.js';
import { backoffSeconds, composeMessage, MAX_ATTEMPTS, noticeOf, type NoticeFacts } from '../../../src/domain/notifications/messages.js';
import { outboxLine, withMessages } from '../../../src/http/pages/notifications-views.js';
import { raw } from '../../../src/http/pages/html.js';
import type { CaseMessage } from '../../../src/usecases/notifications/case-messages.js';

const facts: NoticeFacts = {
  registrationNumber: 'JMB-2026-000042',
  serviceName: 'Rekomendasi Jaminan Kesehatan Daerah bagi Bayi',
  officeName: 'Dinas Sosial Kota Jambi',
  trackingUrl: 'https://sigap.jambikota.go.id/lacak',
  status: 'waiting-applicant',
  note: 'Surat keterangan lahir belum dilampirkan',
  letterNumber: null,
};

describe('notifications: which events tell the applicant', () => {
  const ev = (type: string, data: Record<string, unknown> = {}) => noticeOf({ type, note: null, data });
  it('maps filing, return, decision and a signed letter; nothing else', () => {
    assert.equal(ev('submitted'), 'receipt');
    assert.equal(ev('returned'), 'returned');
    assert.equal(ev('closed:rejected'), 'decision');
    assert.equal(ev('closed:completed'), 'decision');
    assert.equal(ev('letter-signed'), 'letter-ready');
    assert.equal(ev('step-completed', { letters: [{ id: 'l1', action: 'signed', number: '460/123/DINSOS' }] }), 'letter-ready');
    // A step that only numbers a letter, a withdrawal (the applicant's own act), clock events: silent.
    assert.equal(ev('step-completed', { letters: [{ id: 'l1', action: 'numbered', number: '460/123/DINSOS' }] }), null);
    assert.equal(ev('step-completed'), null);
    assert.equal(ev('closed:withdrawn'), null);
    assert.equal(ev('sla:late'), null);
  });
  it('says "letter ready" for the step that signs and closes, never a second message for the same event', () => {
    assert.equal(ev('closed:completed', { letters: [{ action: 'signed' }] }), 'letter-ready');
  });
});

describe('notifications: the texts', () => {
  it('a return says what is missing, how to complete it and the status, in both languages', () => {
    const m = composeMessage('returned', facts);
    assert.equal(m.subject, 'Permohonan JMB-2026-000042: berkas perlu dilengkapi / File needs completing');
    assert.match(m.text, /Yang perlu dilengkapi \/ What is missing: Surat keterangan lahir belum dilampirkan/);
    assert.match(m.text, /Lengkapi secara daring di halaman lacak/);
    assert.match(m.text, /Status: menunggu kelengkapan dari Anda \/ waiting for you to complete the file/);
    assert.match(m.text, /Lacak permohonan Anda di https:\/\/sigap\.jambikota\.go\.id\/lacak dengan nomor pendaftaran JMB-2026-000042/);
  });
  it('a refusal gives its reason; a completion does not invent one', () => {
    const refused = composeMessage('decision', { ...facts, status: 'rejected', note: 'Tidak terdaftar sebagai penduduk Kota Jambi' });
    assert.match(refused.subject, /ditolak \/ refused/);
    assert.match(refused.text, /Alasan \/ Reason: Tidak terdaftar sebagai penduduk Kota Jambi/);
    const done = composeMessage('decision', { ...facts, status: 'completed', note: 'Sesuai hasil pemeriksaan' });
    assert.doesNotMatch(done.text, /Alasan/);
    assert.match(done.text, /Status: selesai \/ completed/);
  });
  it('"letter ready" names the letter number when it has one', () => {
    assert.match(composeMessage('letter-ready', { ...facts, status: 'completed', letterNumber: '460/123/DINSOS/2026' }).text, /nomor 460\/123\/DINSOS\/2026 sudah ditandatangani/);
    assert.doesNotMatch(composeMessage('letter-ready', { ...facts, status: 'completed' }).text, /nomor null/);
  });
  it("a service's wording wins over the office's, which wins over the default", () => {
    const office = { receipt: () => ({ subject: 'kantor', text: 'kantor' }) };
    const service = { receipt: () => ({ subject: 'layanan', text: 'layanan' }) };
    assert.equal(composeMessage('receipt', facts, { office }).subject, 'kantor');
    assert.equal(composeMessage('receipt', facts, { office, service }).subject, 'layanan');
    assert.match(composeMessage('returned', facts, { office, service }).subject, /berkas perlu dilengkapi/);
  });
});

describe('notifications: retries and configuration', () => {
  it('backs off from a minute, doubling, at most six hours, and gives up after the maximum', () => {
    assert.deepEqual([1, 2, 3, 4].map(backoffSeconds), [60, 120, 240, 480]);
    assert.equal(backoffSeconds(20), 6 * 3600);
    assert.equal(MAX_ATTEMPTS, 8);
  });
  it('reads SMTP_URL with MAIL_FROM, both or neither, and hides the password in its error', () => {
    assert.equal(parseMail({}), null);
    assert.deepEqual(parseMail({ SMTP_URL: 'smtp://sigap:rahasia@mail.jambikota.go.id:587', MAIL_FROM: 'noreply@dinsos.jambikota.go.id' }), { smtpUrl: 'smtp://sigap:rahasia@mail.jambikota.go.id:587', from: 'noreply@dinsos.jambikota.go.id' });
    assert.throws(() => parseMail({ SMTP_URL: 'smtp://mail.jambikota.go.id' }), /SMTP_URL dan MAIL_FROM harus diatur bersama/);
    assert.throws(
      () => parseMail({ SMTP_URL: 'http://sigap:rahasia@mail.jambikota.go.id', MAIL_FROM: 'noreply@dinsos.jambikota.go.id' }),
      (e: Error) => /SMTP_URL harus smtp:\/\//.test(e.message) && !e.message.includes('rahasia'),
    );
  });
  it("the admin's line says plainly when e-mail is not configured, and is silent when all went out", () => {
    assert.match(outboxLine('id', { mailConfigured: false, waiting: 3 }).html, /Pengiriman e-mail belum diatur \(SMTP_URL dan MAIL_FROM\): 3 pesan/);
    assert.match(outboxLine('en', { mailConfigured: false, waiting: 0 }).html, /E-mail sending is not configured/);
    assert.equal(outboxLine('id', { mailConfigured: true, waiting: 0 }).html, '');
  });
});

describe('notifications: in the staff timeline', () => {
  it('puts each message right after the event that caused it, even when all happened in the same second', () => {
    const at = '2026-04-06T01:00:00.000Z';
    const msg = (eventId: string, kind: string): CaseMessage => ({ eventId, kind, channel: 'email', status: 'sent', attempts: 1, at, atLocal: '', sentLocal: '', nextLocal: null, lastError: null });
    const events = [{ id: 'e1', type: 'submitted' }, { id: 'e2', type: 'step-completed' }, { id: 'e3', type: 'returned' }];
    const lines = withMessages(events, [msg('e1', 'receipt'), msg('e3', 'returned')], (m) => raw(`message:${m.kind}`), (e) => raw(`event:${e.type}`)).map((r) => r.html);
    assert.deepEqual(lines, ['event:submitted', 'message:receipt', 'event:step-completed', 'event:returned', 'message:returned']);
  });
});
