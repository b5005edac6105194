/** Benchmarks of the registry capability. */
import type { BenchContext } from './report.js';

export async function registryBench(_ctx: BenchContext): Promise<void> {}
