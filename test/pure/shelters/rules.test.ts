/** The rumah singgah rules without a database: which bed fits, the stay clock at its edges for "lebih dari" and "at least", other offices' 7 and 10 days, children, and the berita acara's text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bedFits, firstFittingBed, isChild, stayClock } from '../../../src/domain/shelters/index.js';
import { handoverText } from '../../../src/domain/shelters/handover.js';

const BJM = { days: 21, rule: 'more-than' as const, warnAtDays: [14, 18], text: 'Atau Klien yang telah menghuni Rumah Singgah lebih dari 21 hari' };
const IN = '2025-03-01T02:00:00.000Z'; // 10:00 WITA

describe('shelter rules', () => {
  it('a bed fits by sex and category; mixed rooms and general rooms take anyone of their kind', () => {
    assert.ok(bedFits({ sex: 'female', category: 'odgj' }, { sex: 'female', category: 'odgj' }));
    assert.ok(!bedFits({ sex: 'female', category: 'odgj' }, { sex: 'male', category: 'odgj' }));
    assert.ok(!bedFits({ sex: 'female', category: 'odgj' }, { sex: 'female', category: 'lansia' }));
    assert.ok(bedFits({ sex: 'any', category: 'anak' }, { sex: 'male', category: 'anak' }));
    assert.ok(bedFits({ sex: 'female', category: 'umum' }, { sex: 'female', category: 'lansia' }));
    const beds = [1, 2, 3].map((i) => ({ id: `b${i}`, sex: 'female', category: 'odgj', occupied: true }));
    assert.equal(firstFittingBed(beds, { sex: 'female', category: 'odgj' }), null, 'a 3-bed female ODGJ room with 3 occupants has no bed for a 4th');
    assert.equal(firstFittingBed([...beds, { id: 'b4', sex: 'male', category: 'odgj', occupied: false }], { sex: 'female', category: 'odgj' }), null);
  });

  it('"lebih dari 21 hari": not eligible at 21 days exactly, eligible one second later; reminders on day 14 and 18', () => {
    assert.equal(stayClock(IN, BJM, '2025-03-22T01:59:59.000Z').state, 'warning');
    assert.equal(stayClock(IN, BJM, '2025-03-22T02:00:00.000Z').state, 'warning');
    const after = stayClock(IN, BJM, '2025-03-22T02:00:01.000Z');
    assert.deepEqual([after.state, after.eligibleAt, after.daysStayed], ['eligible', '2025-03-22T02:00:01.000Z', 21]);
    assert.deepEqual([stayClock(IN, BJM, '2025-03-15T01:59:59.999Z').state, stayClock(IN, BJM, '2025-03-15T02:00:00.000Z').warnedAtDay, stayClock(IN, BJM, '2025-03-19T02:00:00.000Z').warnedAtDay], ['within', 14, 18]);
    // A check-in time with milliseconds counts from its second.
    assert.equal(stayClock('2025-03-01T02:00:00.900Z', BJM, '2025-03-22T02:00:01.000Z').state, 'eligible');
  });

  it("Palu's 7 days and Purbalingga's 10 days (\"maksimal\", read as at-least) are configured the same way; no limit, no eligibility by time", () => {
    const palu = { days: 7, rule: 'at-least' as const, warnAtDays: [5], text: 'hanya diberi singgah selama tujuh hari saja' };
    assert.equal(stayClock(IN, palu, '2025-03-08T01:59:59.999Z').state, 'warning');
    assert.equal(stayClock(IN, palu, '2025-03-08T02:00:00.000Z').state, 'eligible');
    assert.equal(stayClock(IN, { ...palu, days: 10 }, '2025-03-11T02:00:00.000Z').eligibleAt, '2025-03-11T02:00:00.000Z');
    const none = stayClock(IN, null, '2025-06-01T00:00:00.000Z');
    assert.deepEqual([none.state, none.eligibleAt, none.limitDays], ['no-limit', null, null]);
  });

  it('a child by category, or by age under 18 on the day (Jambi 18: "berusia 0-18 tahun")', () => {
    assert.ok(isChild({ category: 'anak', birthDate: null }, '2025-03-01'));
    assert.ok(isChild({ category: 'gelandangan-pengemis', birthDate: '2007-03-02' }, '2025-03-01'), 'turns 18 tomorrow');
    assert.ok(!isChild({ category: 'gelandangan-pengemis', birthDate: '2007-03-01' }, '2025-03-01'), '18 today');
  });

  it('the berita acara names the receiver, the family document and the surat penjamin, or the escort and the surat tugas, and lists the belongings handed back', () => {
    const base = { officeName: 'Dinas Sosial Kota Banjarmasin', shelterName: 'Rumah Singgah Dinsos Banjarmasin', issuedOn: '2025-03-23', client: { name: 'Siti Aminah', nik: null, sexText: 'Perempuan', categoryText: 'ODGJ terlantar' }, checkedInLocal: 'x', terminatedLocal: 'y', daysStayed: 22, readiness: 'Stabil', ground: BJM.text, destination: 'Kelayan', belongings: [{ item: 'Tas kain', quantity: 1 }] };
    const fam = handoverText({ ...base, kind: 'family', family: { name: 'Ahmad Fauzi', relationship: 'adik', document: 'ktp', documentNumber: '6371010101800001' }, escort: null });
    const text = JSON.stringify(fam.blocks);
    assert.equal(fam.title, 'BERITA ACARA SERAH TERIMA KLIEN');
    assert.match(text, /"label":"KTP","value":"6371010101800001"/);
    assert.match(text, /ditandatangani di atas materai/);
    assert.match(text, /Tas kain \(1\)/);
    assert.match(text, /NIK","value":"tidak ada"/);
    const esc = JSON.stringify(handoverText({ ...base, kind: 'escort', family: null, escort: { officer: 'Rudi Hartono', assignmentLetter: '800/112/Dinsos/2025' }, belongings: [] }).blocks);
    assert.match(esc, /"label":"Surat tugas","value":"800\/112\/Dinsos\/2025"/);
    assert.match(esc, /Tidak ada barang bawaan/);
  });
});
