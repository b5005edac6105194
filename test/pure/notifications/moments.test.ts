// The further moments of the map: waiting on an outside body (its name only) and a visit with its time; the stop link in every message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMessage, noticeOf, type NoticeFacts } from '../../../src/domain/notifications/messages.js';

const facts: NoticeFacts = {
  registrationNumber: 'BNJ-2026-000017',
  serviceName: 'Pelayanan Penerimaan Usulan Bantuan Santunan Kematian',
  officeName: 'Dinas Sosial Kota Banjarmasin',
  trackingUrl: 'https://sigap.banjarmasinkota.go.id/lacak',
  status: 'waiting-external',
  note: null,
  letterNumber: null,
  stopUrl: 'https://sigap.banjarmasinkota.go.id/kabar/berhenti?t=abc.def',
};
const BPKPAD = 'Badan Pengelola Keuangan, Pendapatan dan Aset Daerah (BPKPAD) Kota Banjarmasin';

describe('notifications: waiting on an outside body', () => {
  it('is told when a step moves the case into an external step that names its body', () => {
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: { next: 'proses-bpkpad' }, next: { kind: 'external', external: BPKPAD } }), 'waiting-external');
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: { next: 'transfer-dana' }, next: { kind: 'action' } }), null, 'an ordinary step says nothing');
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: {}, next: { kind: 'external', external: null } }), null, 'no body named, nothing to say');
  });

  it("names the body and nothing of the case's content, in both languages, with the stop link", () => {
    const m = composeMessage('waiting-external', { ...facts, outsideBody: BPKPAD });
    assert.equal(m.subject, 'Permohonan BNJ-2026-000017: menunggu instansi lain / Waiting on another agency');
    assert.match(m.text, new RegExp(`kini menunggu proses di ${BPKPAD.replace(/[()]/g, '\\$&')}`));
    assert.match(m.text, /now waits on Badan Pengelola/);
    assert.match(m.text, /Status: menunggu instansi lain \/ waiting for another agency/);
    assert.match(m.text, /Berhenti menerima kabar ini \/ Stop these messages: https:\/\/sigap\.banjarmasinkota\.go\.id\/kabar\/berhenti\?t=abc\.def$/);
  });
});

describe('notifications: a visit with its time', () => {
  it('is told only when the event carries the time of the visit', () => {
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: { visitAt: '2026-12-10T02:00:00.000Z' } }), 'visit-scheduled');
    assert.equal(noticeOf({ type: 'step-completed', note: null, data: { report: 'Rumah semi permanen' } }), null);
    const m = composeMessage('visit-scheduled', { ...facts, status: 'open', visitLocal: 'Kamis, 10 Desember 2026 10.00 WITA' });
    assert.match(m.text, /Petugas akan berkunjung untuk permohonan BNJ-2026-000017 .* pada Kamis, 10 Desember 2026 10\.00 WITA\./);
    assert.match(m.text, /An officer will visit about application BNJ-2026-000017 .* on Kamis, 10 Desember 2026 10\.00 WITA\./);
  });
});

describe('notifications: no stop link, no stop line', () => {
  it('a message composed without a stop link (an older row, a test) has no dangling line', () => {
    assert.doesNotMatch(composeMessage('receipt', { ...facts, stopUrl: null }).text, /Berhenti menerima/);
  });
});
