/** The dashboard's pure rules: its whole-month period, the divisions read from the decrees' "unit", the age bands on a calendar. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageBoundDates, divisionOf, medianOf, readDashboardRange } from '../../../src/domain/oversight/dashboard.js';

describe('dashboard period', () => {
  it('defaults to the year so far and reads whole months, a leap February included', () => {
    const d = readDashboardRange(undefined, undefined, '2026-06-10');
    assert.ok(d.ok);
    assert.deepEqual(d.value, { from: '2026-01-01', until: '2026-07-01', to: '2026-06-30', months: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'] });
    const feb = readDashboardRange('2028-02-01', '2028-02-29', '2028-03-01');
    assert.ok(feb.ok);
    assert.deepEqual([feb.value.until, feb.value.months], ['2028-03-01', ['2028-02']]);
    const turn = readDashboardRange('2025-11-01', '2026-02-28', '2026-03-01');
    assert.ok(turn.ok);
    assert.deepEqual(turn.value.months, ['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('refuses a date that is not a month boundary, an unreal date, a reversed and a too long range, naming the field in both languages', () => {
    const cases: [string, string, string, RegExp][] = [
      ['2026-04-02', '2026-06-30', 'from', /tanggal 1 suatu bulan/],
      ['2026-04-01', '2026-06-29', 'to', /hari terakhir suatu bulan/],
      ['2026-02-30', '2026-06-30', 'from', /tanggal nyata/],
      ['2026-06-01', '2026-03-31', 'to', /tidak boleh sebelum/],
      ['2024-01-01', '2026-01-31', 'to', /paling lama 24 bulan/],
    ];
    for (const [from, to, field, message] of cases) {
      const r = readDashboardRange(from, to, '2026-06-10');
      assert.equal(r.ok, false, `${from} – ${to}`);
      if (!r.ok) {
        assert.equal(r.error[0]!.field, field);
        assert.match(r.error[0]!.message, message);
        assert.ok(r.error[0]!.messageEn.length > 10);
      }
    }
    const both = readDashboardRange('2026-04-02', '2026-06-29', '2026-06-10');
    assert.ok(!both.ok && both.error.map((p) => p.field).join() === 'from,to', 'both fields at once');
  });
});

describe('divisions from the decrees', () => {
  it('drops the bracketed abbreviation and reads the abbreviations the offices spell out', () => {
    assert.deepEqual(divisionOf('Bidang Pemberdayaan Sosial (Dayasos)'), { key: 'pemberdayaan-sosial', name: 'Bidang Pemberdayaan Sosial' });
    assert.deepEqual(divisionOf('Bidang Pemberdayaan Sosial'), { key: 'pemberdayaan-sosial', name: 'Bidang Pemberdayaan Sosial' });
    assert.deepEqual(divisionOf('Bidang Linjamsos'), divisionOf('Bidang Perlindungan dan Jaminan Sosial'));
    assert.deepEqual(divisionOf('Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin'), { key: 'pemberdayaan-sosial-dan-penanganan-fakir-miskin', name: 'Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin' });
    assert.equal(divisionOf(undefined), null);
    assert.equal(divisionOf('  '), null);
  });
});

describe('age bands', () => {
  // Kota Jambi, June 2026: 1 June (Hari Lahir Pancasila), 27–28 May (Idul Adha and its cuti bersama), 31 May (Waisak) and weekends off.
  const off = new Set(['2026-06-01', '2026-05-27', '2026-05-28', '2026-05-31', '2026-05-14', '2026-05-15']);
  const working = (d: string) => !off.has(d) && ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

  it('gives the earliest submission date of each band in working days, stepping over holidays and weekends', () => {
    // ≤ 5: 4, 5, 8, 9, 10 June → 3 June; ≤ 10: back to 25 May, then over the weekend to Friday 22 May; ≤ 20: 6 May.
    assert.deepEqual(ageBoundDates('2026-06-10', [5, 10, 20], working), ['2026-06-03', '2026-05-22', '2026-05-06']);
  });

  it('gives calendar-day bands when every day counts', () => {
    assert.deepEqual(ageBoundDates('2026-06-10', [7, 30, 90], () => true), ['2026-06-03', '2026-05-11', '2026-03-12']);
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    assert.equal(medianOf([]), null);
    assert.equal(medianOf([5, 1, 3]), 3);
    assert.equal(medianOf([4, 1, 2, 3]), 2.5);
  });
});
