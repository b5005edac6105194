/** Prints each figure beside the baseline it is compared with, measured in the same run. */
export interface BenchContext {
  quick: boolean;
  databases: { name: string; url: string | null }[];
  results: BenchResult[];
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; unit: string };
  note?: string;
  higherIsBetter?: boolean;
  /** Minimum acceptable ratio to the baseline (or maximum, when lower is better). */
  target?: number;
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

export function report(ctx: BenchContext, r: BenchResult): void {
  ctx.results.push(r);
  const lines = [`• ${r.name}`, `    ${fmt(r.value)} ${r.unit}`];
  if (r.baseline) {
    const ratio = r.value / r.baseline.value;
    let verdict = '';
    if (r.target !== undefined) {
      const ok = r.higherIsBetter === false ? ratio <= r.target : ratio >= r.target;
      verdict = ok ? `  ✓ target ${r.higherIsBetter === false ? '≤' : '≥'} ${r.target}×` : `  ✗ below target ${r.target}×`;
    }
    lines.push(`    baseline: ${fmt(r.baseline.value)} ${r.baseline.unit} — ${r.baseline.name}`);
    lines.push(`    ratio: ${ratio.toFixed(2)}×${verdict}`);
  }
  if (r.note) lines.push(`    ${r.note}`);
  console.log(lines.join('\n'));
}

/** Median and maximum of `reps` timed runs of `f` after one warm-up run, in milliseconds. */
export async function timeRuns(f: () => Promise<unknown>, reps = 20): Promise<{ median: number; max: number }> {
  await f();
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const a = performance.now();
    await f();
    xs.push(performance.now() - a);
  }
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)]!, max: xs[xs.length - 1]! };
}
