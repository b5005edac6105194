/** Benchmarks of the letters capability. */
import type { BenchContext } from './report.js';

export async function lettersBench(_ctx: BenchContext): Promise<void> {}
