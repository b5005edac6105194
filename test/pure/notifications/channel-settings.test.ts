// An office's channel order, quiet hours, emergencies, the WhatsApp 24-hour window, numbers for the providers, and receipts that arrive out of order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { channelChain, DEFAULT_SETTINGS, internationalNumber, isUrgentService, notBefore, NotifySettings, quietMinutesLeft, readSettings, withinServiceWindow } from '../../../src/domain/notifications/channel-settings.js';
import { templateParameters } from '../../../src/domain/notifications/channel-message.js';
import { advances } from '../../../src/usecases/notifications/record-delivery-reports.js';

const phone = '0812 6600 0001';
const allowed = [
  { channel: 'email' as const, to: 'nurhayati@example.id' },
  { channel: 'sms' as const, to: phone },
  { channel: 'whatsapp' as const, to: phone },
];

describe("an office's channel order", () => {
  it("tries the citizen's channels in the office's order, configured ones first", () => {
    assert.deepEqual(
      channelChain(['whatsapp', 'sms', 'email'], allowed, new Set(['whatsapp', 'sms', 'email'])).map((l) => l.channel),
      ['whatsapp', 'sms', 'email'],
    );
    assert.deepEqual(channelChain(['email', 'sms'], allowed, new Set(['whatsapp', 'sms', 'email'])).map((l) => l.channel), ['email', 'sms', 'whatsapp']);
    // No WhatsApp provider: SMS first, WhatsApp kept last (it waits in the outbox rather than vanish).
    assert.deepEqual(channelChain(['whatsapp', 'sms', 'email'], allowed, new Set(['sms'])).map((l) => l.channel), ['sms', 'whatsapp', 'email']);
  });

  it('never adds a channel the citizen did not choose', () => {
    assert.deepEqual(channelChain(['whatsapp', 'sms', 'email'], [allowed[0]!], new Set(['whatsapp', 'sms', 'email'])), [allowed[0]]);
  });

  it('refuses a repeated channel, a wrong time and an unknown provider shape; reads a damaged row as the defaults', () => {
    assert.equal(NotifySettings.safeParse({ ...DEFAULT_SETTINGS, order: ['sms', 'sms'] }).success, false);
    assert.equal(NotifySettings.safeParse({ ...DEFAULT_SETTINGS, quiet: { from: '25:00', to: '06:00' } }).success, false);
    assert.equal(NotifySettings.safeParse({ ...DEFAULT_SETTINGS, sms: { baseUrl: 'ftp://api.twilio.com', accountSid: 'AC1', from: 'DINSOS' } }).success, false);
    assert.deepEqual(readSettings('{"order":'), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings(null), DEFAULT_SETTINGS);
  });
});

describe('quiet hours', () => {
  const quiet = { from: '21:00', to: '06:00' };
  it('wrap midnight and say how long is left', () => {
    assert.equal(quietMinutesLeft(quiet, 20 * 60 + 59), 0);
    assert.equal(quietMinutesLeft(quiet, 21 * 60), 9 * 60);
    assert.equal(quietMinutesLeft(quiet, 22 * 60 + 30), 7 * 60 + 30);
    assert.equal(quietMinutesLeft(quiet, 5 * 60 + 59), 1);
    assert.equal(quietMinutesLeft(quiet, 6 * 60), 0);
    assert.equal(quietMinutesLeft({ from: '12:00', to: '13:00' }, 12 * 60 + 15), 45);
    assert.equal(quietMinutesLeft(null, 23 * 60), 0);
  });

  it("end at the office's local time: 06:00 WIB is 23:00 UTC, 06:00 WITA is 22:00 UTC", () => {
    assert.equal(notBefore(quiet, new Date('2026-12-08T15:30:20.000Z'), 'Asia/Jakarta').toISOString(), '2026-12-08T23:00:00.000Z');
    assert.equal(notBefore(quiet, new Date('2026-12-08T15:30:00.000Z'), 'Asia/Makassar').toISOString(), '2026-12-08T22:00:00.000Z');
    const day = new Date('2026-12-08T03:00:00.000Z');
    assert.equal(notBefore(quiet, day, 'Asia/Jakarta'), day);
  });

  it('never hold an emergency service: one the decree runs 24 hours a day, or whose clock starts at a report', () => {
    assert.equal(isUrgentService({ serviceHours: { allDay: true }, sla: null }), true);
    assert.equal(isUrgentService({ sla: { clockStarts: 'report' } }), true);
    assert.equal(isUrgentService({ serviceHours: { allDay: false }, sla: { clockStarts: 'file-complete' } }), false);
  });
});

describe('WhatsApp', () => {
  const now = new Date('2026-12-08T03:00:00.000Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000).toISOString();
  it('allows free text only within 24 hours of the citizen\'s last message', () => {
    assert.equal(withinServiceWindow(hoursAgo(23), now), true);
    assert.equal(withinServiceWindow(hoursAgo(25), now), false);
    assert.equal(withinServiceWindow(hoursAgo(24), now), false);
    assert.equal(withinServiceWindow(null, now), false);
  });

  it('fills every template with number, service, status and the tracking page — never the note', () => {
    const p = templateParameters({ registrationNumber: 'JMB-2026-000123', serviceName: 'Pelayanan Rekomendasi Jamkesda Bayi', officeName: 'Dinas Sosial Kota Jambi', trackingUrl: 'https://sigap.jambikota.go.id/lacak', status: 'rejected', note: 'Tidak memenuhi syarat domisili', letterNumber: null });
    assert.deepEqual(p, ['JMB-2026-000123', 'Pelayanan Rekomendasi Jamkesda Bayi', 'ditolak', 'https://sigap.jambikota.go.id/lacak']);
  });

  it('writes Indonesian numbers with the country code', () => {
    assert.equal(internationalNumber('0812-6600-0001'), '6281266000001');
    assert.equal(internationalNumber('+62 812 6600 0001'), '6281266000001');
  });
});

describe('delivery receipts', () => {
  it('move forward only: sent → delivered → read; failed unless already delivered', () => {
    assert.equal(advances(null, 'sent'), true);
    assert.equal(advances('sent', 'delivered'), true);
    assert.equal(advances('read', 'sent'), false);
    assert.equal(advances('delivered', 'delivered'), false);
    assert.equal(advances('sent', 'failed'), true);
    assert.equal(advances('delivered', 'failed'), false);
    assert.equal(advances('failed', 'delivered'), false);
  });
});
