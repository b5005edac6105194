/** The evaluation's period picker: a month, a quarter or a year as local dates; wrong input named in both languages. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { periodHolding, readPeriod, shiftPeriod } from '../../../src/domain/oversight/period.js';

describe('evaluation period', () => {
  it('reads a month, a quarter and a year as first day, first day after, last day and label', () => {
    const feb = readPeriod('month', '2028-02');
    assert.ok(feb.ok);
    assert.deepEqual([feb.value.from, feb.value.until, feb.value.to, feb.value.label.id], ['2028-02-01', '2028-03-01', '2028-02-29', 'Februari 2028'], 'a leap year');
    const q4 = readPeriod('quarter', '2026-Q4');
    assert.ok(q4.ok);
    assert.deepEqual([q4.value.from, q4.value.until, q4.value.to, q4.value.label.id, q4.value.label.en], ['2026-10-01', '2027-01-01', '2026-12-31', 'Triwulan IV 2026', 'Q4 2026']);
    const y = readPeriod('year', '2025');
    assert.ok(y.ok);
    assert.deepEqual([y.value.from, y.value.until, y.value.to], ['2025-01-01', '2026-01-01', '2025-12-31']);
  });

  it('refuses a thirteenth month, a fifth quarter, a value of the wrong kind and a far year', () => {
    for (const [kind, value] of [['month', '2026-13'], ['month', '2026-00'], ['quarter', '2026-Q5'], ['year', '2026-05'], ['year', '1999'], ['month', '2026-5']] as const) {
      const r = readPeriod(kind, value);
      assert.equal(r.ok, false, `${kind} ${value}`);
      if (!r.ok) {
        assert.equal(r.error.field, 'value');
        assert.match(r.error.message, /^Periode tidak valid/);
        assert.match(r.error.messageEn, /^Invalid period/);
      }
    }
  });

  it('the default period holds today', () => {
    assert.equal(periodHolding('quarter', '2026-12-07').value, '2026-Q4');
    assert.equal(periodHolding('month', '2026-12-07').value, '2026-12');
    assert.equal(periodHolding('year', '2026-12-07').value, '2026');
  });

  it('steps to the period before and after, across year ends', () => {
    const at = (kind: 'month' | 'quarter' | 'year', value: string) => {
      const r = readPeriod(kind, value);
      assert.ok(r.ok);
      return r.value;
    };
    assert.equal(shiftPeriod(at('month', '2026-01'), -1)?.value, '2025-12');
    assert.equal(shiftPeriod(at('month', '2026-12'), 1)?.value, '2027-01');
    assert.equal(shiftPeriod(at('quarter', '2026-Q1'), -1)?.value, '2025-Q4');
    assert.equal(shiftPeriod(at('quarter', '2026-Q4'), 1)?.value, '2027-Q1');
    assert.equal(shiftPeriod(at('quarter', '2026-Q2'), 1)?.value, '2026-Q3');
    assert.equal(shiftPeriod(at('year', '2026'), -1)?.value, '2025');
    assert.equal(shiftPeriod(at('year', '2100'), 1), null);
  });
});
