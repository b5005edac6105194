// Charts drawn on the server are SVG the pages embed: nothing in them the Content-Security-Policy refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { elementBarSvg, trendSvg } from '../../../src/render/charts.js';

describe('server-side charts', () => {
  it('carry no inline <style> (the pages forbid inline styles; ECharts adds hover rules nobody can use without a script)', () => {
    const bars = elementBarSvg([
      { code: 'U1', name: 'Persyaratan', nrr: 3.42 },
      { code: 'U2', name: 'Sistem, mekanisme dan prosedur', nrr: 3.18 },
    ]);
    const trend = trendSvg([
      { label: 'Triwulan I 2026', ikm: 82.4 },
      { label: 'Triwulan II 2026', ikm: 85.1 },
    ]);
    for (const svg of [bars, trend]) {
      assert.match(svg, /^<svg[\s\S]*<\/svg>$/);
      assert.doesNotMatch(svg, /<style/);
    }
    assert.match(bars, />U1</);
  });
});
