/**
 * The dashboard's charts as server-side SVG (ECharts, like the evaluation's on-time chart): cases by
 * month of submission stacked by where they stand, and open tasks by step. The page puts the same
 * numbers in a table beside each chart; the SVG is decoration for sighted readers (aria-hidden).
 */
import { renderChartSvg } from './charts.js';

type Lang = 'id' | 'en';
const L = (lang: Lang, id: string, en: string) => (lang === 'id' ? id : en);

export interface VolumeMonth {
  month: string;
  completed: number;
  rejected: number;
  withdrawn: number;
  open: number;
}

/** Stacked columns per month: completed, rejected, withdrawn, still open. */
export function volumeByMonthSvg(months: readonly VolumeMonth[], opts: { lang: Lang; width?: number }): string {
  const { lang } = opts;
  const series = (name: string, key: keyof Omit<VolumeMonth, 'month'>, color: string) => ({ type: 'bar', stack: 'all', silent: true, name, data: months.map((m) => m[key]), itemStyle: { color }, barMaxWidth: 28 });
  return renderChartSvg(
    {
      legend: { top: 0, textStyle: { fontSize: 10, color: '#111827' }, itemWidth: 12, itemHeight: 10 },
      grid: { left: 8, right: 12, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { fontSize: 10, color: '#111827' } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10, color: '#111827' } },
      series: [
        series(L(lang, 'Selesai', 'Completed'), 'completed', '#166534'),
        series(L(lang, 'Ditolak', 'Rejected'), 'rejected', '#991b1b'),
        series(L(lang, 'Dibatalkan', 'Withdrawn'), 'withdrawn', '#6b7280'),
        series(L(lang, 'Masih terbuka', 'Still open'), 'open', '#b45309'),
      ],
    },
    opts.width ?? 480,
    260,
  );
}

export interface StepBar {
  label: string;
  open: number;
  late: number;
}

/** Horizontal bars per step (the most loaded first, at most 12): open tasks, the late ones darker. */
export function backlogByStepSvg(steps: readonly StepBar[], opts: { lang: Lang; width?: number; labelMax?: number }): string {
  const max = opts.labelMax ?? 24;
  const shown = steps.slice(0, 12);
  const label = (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  return renderChartSvg(
    {
      legend: { top: 0, textStyle: { fontSize: 10, color: '#111827' }, itemWidth: 12, itemHeight: 10 },
      grid: { left: 24, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10, color: '#111827' } },
      yAxis: { type: 'category', inverse: true, data: shown.map((s) => label(s.label)), axisLabel: { fontSize: 10, color: '#111827' } },
      series: [
        { type: 'bar', stack: 'all', silent: true, name: L(opts.lang, 'Terlambat', 'Late'), data: shown.map((s) => s.late), itemStyle: { color: '#991b1b' }, barMaxWidth: 18 },
        { type: 'bar', stack: 'all', silent: true, name: L(opts.lang, 'Belum terlambat', 'Not late'), data: shown.map((s) => s.open - s.late), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 18 },
      ],
    },
    opts.width ?? 480,
    Math.max(120, 48 + shown.length * 26),
  );
}
