import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeIkm, computeIkmFromTotals, ELEMENT_CODES, type Score } from '../../../src/domain/surveys/index.js';
import { monthsOf, namedPeriod, parsePeriod, periodInstants } from '../../../src/domain/surveys/periods.js';
import { checkResponse } from '../../../src/domain/surveys/response-input.js';

describe('IKM from aggregates', () => {
  it('gives exactly what computeIkm gives from the questionnaires', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 50; round++) {
      const n = 1 + Math.floor(rnd() * 300);
      const responses = Array.from({ length: n }, () => ({ answers: Object.fromEntries(ELEMENT_CODES.flatMap((c) => (rnd() < 0.05 ? [] : [[c, (1 + Math.floor(rnd() * 4)) as Score]]))) }));
      const totals = ELEMENT_CODES.map((c) => responses.reduce((s, r) => s + ((r.answers as Record<string, number>)[c] ?? 0), 0));
      const counts = ELEMENT_CODES.map((c) => responses.filter((r) => (r.answers as Record<string, number>)[c] !== undefined).length);
      const respondents = responses.filter((r) => Object.keys(r.answers).length > 0).length;
      assert.deepEqual(computeIkmFromTotals({ totals, counts, respondents }), computeIkm(responses));
    }
  });
  it('refuses totals no set of 1–4 answers can produce', () => {
    assert.throws(() => computeIkmFromTotals({ totals: [5, 0, 0, 0, 0, 0, 0, 0, 0], counts: [1, 0, 0, 0, 0, 0, 0, 0, 0], respondents: 1 }), RangeError);
    assert.throws(() => computeIkmFromTotals({ totals: [4], counts: [1], respondents: 1 }), RangeError);
  });
  it('an empty aggregate is no-data', () => {
    const r = computeIkmFromTotals({ totals: Array(9).fill(0), counts: Array(9).fill(0), respondents: 0 });
    assert.ok(!r.ok && r.error.code === 'no-data');
  });
});

describe('survey periods', () => {
  it('names months, quarters, semesters and years', () => {
    assert.deepEqual(namedPeriod('2026-02'), { from: '2026-02-01', to: '2026-02-28', label: 'Februari 2026', labelEn: 'February 2026' });
    assert.deepEqual(namedPeriod('2028-02')?.to, '2028-02-29');
    assert.deepEqual([namedPeriod('2026-Q3')?.from, namedPeriod('2026-Q3')?.to, namedPeriod('2026-Q3')?.label], ['2026-07-01', '2026-09-30', 'Triwulan III 2026']);
    assert.deepEqual([namedPeriod('2026-S2')?.from, namedPeriod('2026-S2')?.to], ['2026-07-01', '2026-12-31']);
    assert.equal(namedPeriod('2026-13'), null);
  });
  it('takes a custom range of local dates, bounded by the office’s midnight', () => {
    const p = parsePeriod({ from: '2026-03-01', to: '2026-03-31' });
    assert.ok(p.ok && p.value.label === 'Maret 2026', 'a whole month is named as the month');
    assert.deepEqual(periodInstants({ from: '2026-03-01', to: '2026-03-31' }, 'Asia/Makassar'), { start: '2026-02-28T16:00:00.000Z', end: '2026-03-31T16:00:00.000Z' });
    assert.deepEqual(monthsOf({ from: '2025-11-15', to: '2026-02-01' }), ['2025-11', '2025-12', '2026-01', '2026-02']);
    const bad = parsePeriod({ from: '2026-01-01' });
    assert.ok(!bad.ok && bad.error.code === 'period-required');
  });
});

describe('one questionnaire', () => {
  const rules = { requireAll: true, allowDate: false, today: '2026-04-08' };
  it('accepts numbers or digits, and maps an age to its group', () => {
    const r = checkResponse({ answers: { U1: 4, U2: '3', u3: 2, U4: 4, U5: 4, U6: 4, U7: 4, U8: 1, U9: 3 }, respondent: { age: 45, sex: 'P' } }, rules);
    assert.ok(r.ok);
    assert.equal(r.value.answers.U3, 2);
    assert.deepEqual(r.value.profile, { ageGroup: '40-49', sex: 'P', education: null, occupation: null });
  });
  it('lists every problem', () => {
    const r = checkResponse({ answers: { U1: 0, U2: 2.5, U11: 3 }, respondent: { sex: 'Perempuan', hobby: 'x' }, date: '2026-04-01' }, rules);
    assert.ok(!r.ok);
    const codes = r.error.map((p) => `${p.field}:${p.code}`);
    for (const c of ['answers.U1:answer-invalid', 'answers.U2:answer-invalid', 'answers.U11:element-unknown', 'answers.U9:answer-missing', 'respondent.sex:option-unknown', 'respondent.hobby:field-unknown', 'date:date-staff-only']) assert.ok(codes.includes(c), c);
    const lenient = checkResponse({ answers: { U1: 4 }, respondent: { sex: 'Perempuan' } }, { requireAll: false, allowDate: true, today: '2026-04-08', lenient: true });
    assert.ok(lenient.ok && lenient.value.profile.sex === 'P', 'spreadsheets may use labels');
  });
});
