/** Benchmarks of the complaints capability. */
import type { BenchContext } from './report.js';

export async function complaintsBench(_ctx: BenchContext): Promise<void> {}
