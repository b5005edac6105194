// SMS text: GSM-7 or UCS-2, segments as the networks count them, the short text with the office name, and the flag over one segment.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { smsCheck, smsEncoding, smsText } from '../../../src/domain/notifications/sms-text.js';

const facts = { registrationNumber: 'JMB-2026-000123', officeName: 'Dinas Sosial Kota Jambi', trackingUrl: 'https://sigap.jambikota.go.id/lacak', status: 'open' };

describe('SMS encoding and segments', () => {
  it('keeps Indonesian text in GSM-7 and counts extension characters twice', () => {
    assert.equal(smsEncoding('Permohonan Anda telah diterima. Lacak: https://sigap.jambikota.go.id/lacak'), 'GSM-7');
    assert.deepEqual(smsCheck('Biaya [nol] ~ gratis €0'), { encoding: 'GSM-7', units: 27, segments: 1, overOneSegment: false });
  });

  it('falls to UCS-2 for an emoji or a letter outside GSM-7', () => {
    assert.equal(smsEncoding('Terima kasih 🙏'), 'UCS-2');
    assert.equal(smsEncoding('Jl. Gatot Subroto – Jambi'), 'UCS-2', 'an en dash is not GSM-7');
    assert.deepEqual(smsCheck('Terima kasih 🙏'), { encoding: 'UCS-2', units: 15, segments: 1, overOneSegment: false });
  });

  it('counts 160/153 septets for GSM-7 and 70/67 units for UCS-2', () => {
    assert.equal(smsCheck('a'.repeat(160)).segments, 1);
    assert.equal(smsCheck('a'.repeat(161)).segments, 2);
    assert.equal(smsCheck('a'.repeat(306)).segments, 2);
    assert.equal(smsCheck('a'.repeat(307)).segments, 3);
    assert.equal(smsCheck('{'.repeat(80)).segments, 1, '80 extension characters are 160 septets');
    assert.equal(smsCheck('{'.repeat(81)).segments, 2);
    assert.equal(smsCheck('ā'.repeat(70)).segments, 1);
    assert.equal(smsCheck('ā'.repeat(71)).segments, 2);
    assert.equal(smsCheck('ā'.repeat(135)).segments, 3);
  });

  it('flags a text over 160 GSM-7 characters', () => {
    const long = `${facts.officeName}: Permohonan ${facts.registrationNumber} perlu dilengkapi. Bawa fotokopi KTP, KK, surat keterangan lahir dari bidan, dan surat pengantar RT ke loket pelayanan.`;
    assert.ok(long.length > 160);
    const c = smsCheck(long);
    assert.deepEqual([c.encoding, c.overOneSegment, c.segments], ['GSM-7', true, 2]);
  });
});

describe('the short SMS of a notice', () => {
  it('starts with the office name and fits one segment with the tracking address', () => {
    const s = smsText('receipt', facts);
    assert.equal(s.text, 'Dinas Sosial Kota Jambi: Permohonan JMB-2026-000123 telah diterima. Lacak: https://sigap.jambikota.go.id/lacak');
    assert.deepEqual([s.check.segments, s.check.overOneSegment], [1, false]);
  });

  it('says refused without the reason (it waits on the tracking page) and completed as such', () => {
    assert.match(smsText('decision', { ...facts, status: 'rejected' }).text, /JMB-2026-000123 ditolak; alasannya di halaman lacak\./);
    assert.match(smsText('decision', { ...facts, status: 'completed' }).text, /JMB-2026-000123 telah selesai\./);
    assert.match(smsText('menjelang-pencairan', facts).text, /ada kabar baru; lihat halaman lacak/);
  });

  it('drops the tracking address before going over one segment, and flags what still does not fit', () => {
    const longUrl = { ...facts, trackingUrl: `https://layanan-sosial.${'pemerintah-kota-jambi.'.repeat(3)}go.id/lacak` };
    const s = smsText('letter-ready', longUrl);
    assert.equal(s.text, 'Dinas Sosial Kota Jambi: Permohonan JMB-2026-000123 suratnya sudah siap diunduh atau diambil.');
    assert.equal(s.check.overOneSegment, false);
    const huge = smsText('receipt', { ...facts, officeName: `Dinas Sosial ${'Pemberdayaan Perempuan dan Perlindungan Anak '.repeat(3)}Kabupaten` });
    assert.equal(huge.check.overOneSegment, true);
    assert.ok(huge.text.startsWith('Dinas Sosial Pemberdayaan'), 'the office name is never cut');
  });
});
