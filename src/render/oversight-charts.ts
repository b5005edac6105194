/**
 * Oversight charts as server-side SVG (ECharts, like the IKM charts): the share of cases closed
 * within the decree's promise per service, and open cases by age. Inline in the page, vector in the PDF.
 */
import { renderChartSvg } from './charts.js';

export interface OnTimeBar {
  label: string;
  /** 0–1, or null when the service had no completed case with a promise. */
  rate: number | null;
}

const GREEN = '#166534';
const AMBER = '#b45309';
const RED = '#991b1b';
const colour = (rate: number) => (rate >= 0.9 ? GREEN : rate >= 0.7 ? AMBER : RED);

/** Horizontal bars, one per service with completed cases: % within the promise, 0–100. */
export function onTimeBarsSvg(bars: readonly OnTimeBar[], opts: { width?: number; lang?: 'id' | 'en'; labelMax?: number } = {}): string {
  const max = opts.labelMax ?? 34;
  const shown = bars.filter((b): b is OnTimeBar & { rate: number } => b.rate !== null);
  const lang = opts.lang ?? 'id';
  const height = Math.max(120, 40 + shown.length * 28);
  return renderChartSvg(
    {
      grid: { left: 24, right: 48, top: 24, bottom: 28, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, interval: 25, name: '%', axisLabel: { fontSize: 10, color: '#111827' } },
      yAxis: { type: 'category', inverse: true, data: shown.map((b) => (b.label.length > max ? `${b.label.slice(0, max - 1)}…` : b.label)), axisLabel: { fontSize: 10, color: '#111827' } },
      series: [
        {
          type: 'bar',
          silent: true,
          barMaxWidth: 18,
          data: shown.map((b) => ({ value: Math.round(b.rate * 1000) / 10, itemStyle: { color: colour(b.rate) } })),
          label: { show: true, position: 'right', fontSize: 10, color: '#111827', formatter: (p: { value: number }) => `${String(p.value).replace('.', lang === 'id' ? ',' : '.')} %` },
          markLine: { silent: true, symbol: 'none', data: [{ xAxis: 90, label: { formatter: '90 %', fontSize: 9 }, lineStyle: { color: GREEN, type: 'dashed' } }] },
        },
      ],
    },
    opts.width ?? 640,
    height,
  );
}
