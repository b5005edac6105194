/** SPM bidang sosial from the cases, by hand: X = 45 served of Y = 60 needing → 75,00 %; once per person per year; Y = 0 → "tidak ada kebutuhan". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spmAchievement, type DeliveredCase, type NeedEntry, type SpmMapping } from '../../../src/domain/oversight/spm.js';

/** Office data as Kota Jambi might write it: service 17 counts for the elderly indicator only at its end "selesai" ("Diserahkan ke sentra/panti"), service 18 for children at any completed end. */
const MAPPING: SpmMapping[] = [
  { service: 'penyerahan-lansia-terlantar-panti', indicator: 'rehsos-lansia', ends: ['selesai'] },
  { service: 'penyerahan-anak-terlantar-sentra-panti', indicator: 'rehsos-anak' },
];
const lansia = (n: number): string => `1571${String(n).padStart(12, '0')}`;
const needs = (count: number, year = 2026): NeedEntry[] => Array.from({ length: count }, (_, i) => ({ personKey: lansia(i + 1), indicator: 'rehsos-lansia' as const, year }));
const delivered = (person: string, date: string, endId = 'selesai', service = 'penyerahan-lansia-terlantar-panti'): DeliveredCase => ({ personKey: person, service, endId, date });

describe('SPM achievement X/Y × 100 %', () => {
  it('45 elderly persons served of 60 assessed as needing → 75,00 %', () => {
    const cases = Array.from({ length: 45 }, (_, i) => delivered(lansia(i + 1), `2026-0${1 + (i % 9)}-15`));
    const r = spmAchievement(2026, MAPPING, cases, needs(60)).find((x) => x.code === 'rehsos-lansia')!;
    assert.deepEqual([r.served, r.needing, r.achievement, r.text.id, r.text.en, r.servedExceedsNeeding], [45, 60, 75, '75,00 %', '75.00%', false]);
  });

  it('a person served in January and again in March counts once; served again next year, counts again in that year', () => {
    const cases = [delivered(lansia(1), '2026-01-12'), delivered(lansia(1), '2026-03-09'), delivered(lansia(2), '2026-03-10'), delivered(lansia(1), '2027-02-01')];
    const y2026 = spmAchievement(2026, MAPPING, cases, needs(4)).find((x) => x.code === 'rehsos-lansia')!;
    assert.deepEqual([y2026.served, y2026.needing, y2026.achievement], [2, 4, 50]);
    const y2027 = spmAchievement(2027, MAPPING, cases, needs(1, 2027)).find((x) => x.code === 'rehsos-lansia')!;
    assert.deepEqual([y2027.served, y2027.needing, y2027.achievement], [1, 1, 100]);
  });

  it('Y = 0 shows "tidak ada kebutuhan", not a division by zero; served beyond the register is flagged', () => {
    const r = spmAchievement(2026, MAPPING, [delivered(lansia(9), '2026-05-05', 'selesai', 'penyerahan-anak-terlantar-sentra-panti')], []);
    const anak = r.find((x) => x.code === 'rehsos-anak')!;
    assert.deepEqual([anak.served, anak.needing, anak.achievement, anak.text.id, anak.text.en, anak.servedExceedsNeeding], [1, 0, null, 'tidak ada kebutuhan', 'no need recorded', true]);
    assert.equal(r.length, 5, 'the five kab/kota indicators, always');
  });

  it('only the outcomes the office names count, and unmapped services count for nothing', () => {
    const cases = [delivered(lansia(1), '2026-04-01', 'ditolak'), delivered(lansia(2), '2026-04-01'), delivered(lansia(3), '2026-04-01', 'selesai', 'rekomendasi-jamkesda-bayi')];
    const r = spmAchievement(2026, MAPPING, cases, needs(3)).find((x) => x.code === 'rehsos-lansia')!;
    assert.deepEqual([r.served, r.needing, r.achievement], [1, 3, 33.33]);
  });
});
