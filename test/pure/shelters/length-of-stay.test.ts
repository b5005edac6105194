/** Length of the current stays per category on the occupancy board (median and longest, in days; no names). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lengthOfStay } from '../../../src/domain/shelters/index.js';

const NOW = '2025-03-22T02:00:00.000Z'; // Sat 22 Mar 2025 10:00 WITA
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 24 * 3600 * 1000).toISOString();

describe('length of stay on the board', () => {
  it('per category in the categories\' order: the median of an odd count is the middle stay, of an even count the mean of the two middle ones; the longest', () => {
    const r = lengthOfStay(
      [
        { category: 'odgj', checkedInAt: daysAgo(21) },
        { category: 'lansia', checkedInAt: daysAgo(2.5) },
        { category: 'odgj', checkedInAt: daysAgo(3) },
        { category: 'lansia', checkedInAt: daysAgo(4.5) },
        { category: 'odgj', checkedInAt: daysAgo(1) },
      ],
      NOW,
    );
    assert.deepEqual(r, [
      { category: 'lansia', clients: 2, medianDays: 3.5, longestDays: 4.5 },
      { category: 'odgj', clients: 3, medianDays: 3, longestDays: 21 },
    ]);
  });

  it('days are cut, not rounded, to one decimal (21 days less a second is 20.9, not 21.0); an empty shelter has no figures', () => {
    const r = lengthOfStay([{ category: 'anak', checkedInAt: new Date(Date.parse(daysAgo(21)) + 1000).toISOString() }], NOW);
    assert.deepEqual(r, [{ category: 'anak', clients: 1, medianDays: 20.9, longestDays: 20.9 }]);
    assert.deepEqual(lengthOfStay([], NOW), []);
  });
});
