/** `npm run bench`: every capability's figures, each beside its same-run baseline. */
import { applicationsBench } from './applications.bench.js';
import { catalogueBench } from './catalogue.bench.js';
import { complaintsBench } from './complaints.bench.js';
import { lettersBench } from './letters.bench.js';
import { registryBench } from './registry.bench.js';
import type { BenchContext } from './report.js';

const quick = process.argv.includes('--quick');
const pgUrl = process.env.BENCH_PG_URL ?? null;
const ctx: BenchContext = {
  quick,
  databases: [{ name: 'SQLite', url: null }, ...(pgUrl ? [{ name: 'PostgreSQL', url: pgUrl }] : [])],
  results: [],
};
console.log(`Sigap benchmark — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores${quick ? ' (quick)' : ''}\n`);
console.log('== Catalogue (standards as data)');
await catalogueBench(ctx);
console.log('\n== Applications (procedure engine, clock)');
await applicationsBench(ctx);
console.log('\n== Letters');
await lettersBench(ctx);
console.log('\n== Registry (DTKS/DTSEN)');
await registryBench(ctx);
console.log('\n== Complaints and satisfaction survey');
await complaintsBench(ctx);
