// The identity check on published complaint summaries holds however the name or number is written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summaryIdentifies } from '../../../src/domain/complaints/index.js';

const who = { name: 'Rahmat Hidayat', phone: '081351234567', email: 'rahmat.hidayat77@gmail.com', niks: ['6371020101010003'] };
const TAIL = ' mengadukan santunan kematian yang terlambat cair di Banjarmasin Utara.';

describe('complaint summary identity check (pure)', () => {
  it('finds the name however it is spaced, cased, punctuated, accented or disguised', () => {
    for (const name of [
      'Rahmat Hidayat', 'Rahmat  Hidayat', ' rahmat\tHIDAYAT', 'Rahmat\u00A0Hidayat', 'Rahmat\u200BHidayat', 'R a h m a t H i d a y a t',
      'Rahmat.Hidayat', 'Rahmat-Hidayat', 'RahmatHidayat', 'Rahmat\nHidayat', 'Ráhmat Hidáyat', 'Ｒａｈｍａｔ Ｈｉｄａｙａｔ', 'Rаhmаt Hidаyаt' /* Cyrillic а */,
    ]) assert.equal(summaryIdentifies(`Sdr. ${name}${TAIL}`, who), 'name', JSON.stringify(name));
  });
  it('finds the NIK of the case, and any 16-digit number, however grouped', () => {
    for (const nik of ['6371020101010003', '6371 0201 0101 0003', '6371.0201.0101.0003', '6371-020101-010003', '63 71 02 01 01 01 00 03', '６３７１０２０１０１０１０００３'])
      assert.equal(summaryIdentifies(`Warga dengan NIK ${nik}${TAIL}`, who), 'nik', nik);
    assert.equal(summaryIdentifies(`Warga dengan NIK 3201 0101 0101 0001${TAIL}`, who), 'nik', 'someone else’s NIK is still a NIK');
    assert.equal(summaryIdentifies(`Warga (NIK 6371-0201-0101-0003)${TAIL}`, { niks: [] }), 'nik');
  });
  it('finds the phone number with or without the country code, and the e-mail address in any case', () => {
    for (const phone of ['081351234567', '0813 5123 4567', '+62 813-5123-4567', '0813.5123.4567'])
      assert.equal(summaryIdentifies(`Warga (${phone})${TAIL}`, who), 'phone', phone);
    assert.equal(summaryIdentifies(`Pelapor RAHMAT.HIDAYAT77@GMAIL.COM${TAIL}`, { email: who.email }), 'email');
    assert.equal(summaryIdentifies(`Pelapor rahmat_hidayat77 [at] gmail${TAIL}`, { email: who.email }), 'email');
  });
  it('passes a summary that names nobody, and does not mistake short names inside other words', () => {
    assert.equal(summaryIdentifies('Warga mengadukan santunan kematian yang terlambat cair; dana telah ditransfer setelah koordinasi dengan BPKPAD pada 14 April 2026.', who), null);
    assert.equal(summaryIdentifies('Pelayanan di loket RT 07 RW 03 Kelurahan Kuin Utara diperbaiki; antrean 2026-04-14 dipersingkat.', { name: 'Ani', niks: [] }), null);
    assert.equal(summaryIdentifies('Ibu Ani mengadukan pelayanan loket.', { name: 'Ani' }), 'name');
  });
});
