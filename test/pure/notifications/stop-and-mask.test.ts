// The stop link's token and the masked addresses of the citizen's case history.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskAddress } from '../../../src/domain/notifications/consent.js';
import { readStopToken, stopTokenFor } from '../../../src/usecases/notifications/stop-link.js';
import { newsSection } from '../../../src/http/pages/notifications-public-views.js';

const SECRET = 'b'.repeat(64);
const CASE = '0d9f3c1e-5b7a-4c2d-9e8f-1a2b3c4d5e6f';

describe('the stop link token', () => {
  it('names the case and channel, and reads back only with the same secret', () => {
    const t = stopTokenFor(SECRET, CASE, 'email');
    assert.deepEqual(readStopToken(SECRET, t), { applicationId: CASE, channel: 'email' });
    assert.equal(readStopToken('c'.repeat(64), t), null, 'another server secret');
    assert.ok(!t.includes(CASE), 'the id is not in the token in clear');
  });

  it('refuses an altered channel, a truncated mac and garbage', () => {
    const t = stopTokenFor(SECRET, CASE, 'email');
    const [, mac] = t.split('.');
    const sms = `${Buffer.from(`${CASE}.sms`).toString('base64url')}.${mac}`;
    assert.equal(readStopToken(SECRET, sms), null);
    assert.equal(readStopToken(SECRET, t.slice(0, -3)), null);
    assert.equal(readStopToken(SECRET, 'not-a-token'), null);
    assert.equal(readStopToken(SECRET, `${t}.x`), null);
  });
});

describe('masked addresses', () => {
  it('keeps the first letter and the domain of an e-mail, the head and tail of a number', () => {
    assert.equal(maskAddress('email', 'siti.aminah@example.id'), 's***@example.id');
    assert.equal(maskAddress('whatsapp', '0812 5123 4567'), '0812****567');
    assert.equal(maskAddress('sms', '+62 812-5123-4567'), '6281****567');
    assert.equal(maskAddress('sms', '12345'), '****');
    assert.equal(maskAddress('email', 'broken'), '***');
  });
});

describe('the news section of the tracking page', () => {
  const news = {
    messages: [{ kind: 'receipt', channel: 'email', to: 's***@example.id', status: 'sent', at: '2026-12-07T02:00:00.000Z', atLocal: 'Senin, 7 Desember 2026 09.00', sentLocal: 'Senin, 7 Desember 2026 09.01' }],
    channels: [{ channel: 'email' as const, to: 's***@example.id' }],
    optedOutAt: null,
    hasPhone: false,
    hasEmail: true,
  };
  it('lists each message with kind, channel, masked address, time and status, in both languages', () => {
    const id = newsSection('id', { number: '15.71/2026/000123', code: 'ABCD2345', news }).html;
    assert.match(id, /<strong>Tanda terima<\/strong> · E-mail s\*\*\*@example\.id<br><span class="meta"><time datetime="2026-12-07T02:00:00.000Z">Senin, 7 Desember 2026 09.00<\/time> · terkirim Senin, 7 Desember 2026 09.01/);
    const en = newsSection('en', { number: '15.71/2026/000123', code: 'ABCD2345', news }).html;
    assert.match(en, /<strong>Receipt<\/strong> · E-mail s\*\*\*@example\.id.*Monday, 7 December 2026 09:00<\/time> · sent/);
  });
  it('offers only the channels whose contact is on file, and says how to add one', () => {
    const html = newsSection('id', { number: '15.71/2026/000123', code: 'ABCD2345', news }).html;
    assert.match(html, /name="notify.email" value="true" checked/);
    assert.doesNotMatch(html, /notify\.whatsapp|notify\.sms/);
    const none = newsSection('id', { number: '15.71/2026/000123', code: 'ABCD2345', news: { ...news, hasEmail: false, channels: [], messages: [] } }).html;
    assert.match(none, /Untuk menambah nomor HP atau e-mail, hubungi loket/);
    assert.match(none, /Belum ada pesan yang dikirim/);
  });
});
