/**
 * IKM charts rendered on the server as SVG by ECharts (no browser, no client script): the NRR of
 * each element as bars, and the IKM per period as a line with the grade boundaries. The same SVG
 * goes inline into public pages and, through svg-to-pdfkit, into the printable report.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

// ECharts loads with the first chart drawn, not with every process that imports this module (its
// ES module tree costs ~0.3 s to load; the CommonJS bundle, required here because the chart
// functions are synchronous, ~0.06 s and draws the same SVG).
const require = createRequire(import.meta.url);
let echarts: typeof Echarts | undefined;

export interface BarInput {
  code: string;
  name: string;
  nrr: number | null;
}

export interface TrendInput {
  label: string;
  ikm: number | null;
}

const FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';

function render(option: Echarts.EChartsCoreOption, width: number, height: number): string {
  echarts ??= require('echarts') as typeof Echarts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    // ECharts adds a <style> of hover rules; pages have no script to hover with, and the
    // Content-Security-Policy refuses inline styles (the IKM and evaluation pages embed these SVGs).
    return chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>/g, '');
  } finally {
    chart.dispose();
  }
}

const GRADE_COLOURS = { A: '#166534', B: '#1d4ed8', C: '#b45309', D: '#991b1b' };

/** Colour of an NRR bar by the grade its IKM equivalent would have (NRR × 25). */
function barColour(nrr: number): string {
  const ikm = nrr * 25;
  return ikm >= 88.31 ? GRADE_COLOURS.A : ikm >= 76.61 ? GRADE_COLOURS.B : ikm >= 65 ? GRADE_COLOURS.C : GRADE_COLOURS.D;
}

/** NRR per element (U1–U9) on the 1–4 scale. Elements nobody answered show no bar. */
export function elementBarSvg(elements: readonly BarInput[], opts: { width?: number; height?: number; title?: string; lang?: 'id' | 'en' } = {}): string {
  const lang = opts.lang ?? 'id';
  return render(
    {
      title: opts.title ? { text: opts.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold', fontFamily: FONT } } : undefined,
      grid: { left: 40, right: 16, top: opts.title ? 40 : 20, bottom: 36 },
      xAxis: { type: 'category', data: elements.map((e) => e.code), axisLabel: { fontSize: 11, color: '#111827' } },
      yAxis: { type: 'value', min: 0, max: 4, interval: 1, name: lang === 'id' ? 'NRR' : 'NRR', nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10, color: '#111827' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: elements.map((e) => (e.nrr === null ? null : { value: Math.round(e.nrr * 1000) / 1000, itemStyle: { color: barColour(e.nrr) } })),
          label: { show: true, position: 'top', fontSize: 10, color: '#111827', formatter: (p: { value: number }) => p.value.toFixed(2).replace('.', lang === 'id' ? ',' : '.') },
        },
      ],
    },
    opts.width ?? 520,
    opts.height ?? 240,
  );
}

/** IKM per period (25–100) with the grade boundaries 88.31 (A), 76.61 (B) and 65.00 (C). */
export function trendSvg(points: readonly TrendInput[], opts: { width?: number; height?: number; title?: string; lang?: 'id' | 'en' } = {}): string {
  const lang = opts.lang ?? 'id';
  const values = points.map((p) => p.ikm).filter((v): v is number => v !== null);
  const min = values.length ? Math.max(25, Math.floor((Math.min(...values) - 5) / 5) * 5) : 25;
  const line = (y: number, label: string, color: string) => ({ yAxis: y, label: { formatter: label, fontSize: 9, color }, lineStyle: { color, type: 'dashed' } });
  return render(
    {
      title: opts.title ? { text: opts.title, left: 'center', textStyle: { fontSize: 13, fontWeight: 'bold', fontFamily: FONT } } : undefined,
      grid: { left: 44, right: 40, top: opts.title ? 40 : 20, bottom: 44 },
      xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { fontSize: 9, color: '#111827', rotate: points.length > 8 ? 40 : 0 } },
      yAxis: { type: 'value', min: Math.min(min, 60), max: 100, name: 'IKM', nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10, color: '#111827' } },
      series: [
        {
          type: 'line',
          connectNulls: false,
          symbolSize: 6,
          lineStyle: { color: '#0b3d2e', width: 2 },
          itemStyle: { color: '#0b3d2e' },
          data: points.map((p) => p.ikm),
          label: { show: points.length <= 12, position: 'top', fontSize: 9, formatter: (p: { value: number }) => p.value.toFixed(2).replace('.', lang === 'id' ? ',' : '.') },
          markLine: { symbol: 'none', silent: true, data: [line(88.31, 'A', GRADE_COLOURS.A), line(76.61, 'B', GRADE_COLOURS.B), line(65, 'C', GRADE_COLOURS.C)] },
        },
      ],
    },
    opts.width ?? 520,
    opts.height ?? 240,
  );
}

/** The one ECharts → SVG renderer, for other capabilities' charts (render/oversight-charts.ts). */
export const renderChartSvg = render;
