/** `npm run bench`: every capability's figures, each beside its same-run baseline. */
import { applicationsBench } from './applications.bench.js';
import { catalogueBench } from './catalogue.bench.js';
import { complaintsBench } from './complaints.bench.js';
import { emergencyBench } from './emergency.bench.js';
import { sheltersBench } from './shelters.bench.js';
import { programmePublicBench } from './programme-public.bench.js';
import { lettersBench } from './letters.bench.js';
import { logisticsBench } from './logistics.bench.js';
import { notificationChannelsBench } from './notification-channels.bench.js';
import { notificationsBench } from './notifications.bench.js';
import { oversightBench } from './oversight.bench.js';
import { programmesBench } from './programmes.bench.js';
import { provinceBench } from './province.bench.js';
import { registryBench } from './registry.bench.js';
import type { BenchContext } from './report.js';

const quick = process.argv.includes('--quick');
/** `--only=registry,letters`: a subset of the sections, for work on one capability. */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
const wanted = (name: string) => !only || only.includes(name);
const pgUrl = process.env.BENCH_PG_URL ?? null;
/** `--db=sqlite` or `--db=postgresql`: one database only (a section's long set-up, re-run on one). */
const onlyDb = process.argv.find((a) => a.startsWith('--db='))?.slice('--db='.length).toLowerCase() ?? null;
const ctx: BenchContext = {
  quick,
  databases: [{ name: 'SQLite', url: null }, ...(pgUrl ? [{ name: 'PostgreSQL', url: pgUrl }] : [])].filter((d) => !onlyDb || d.name.toLowerCase() === onlyDb),
  results: [],
};
console.log(`Sigap benchmark — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores${quick ? ' (quick)' : ''}\n`);
if (wanted('catalogue')) {
  console.log('== Catalogue (standards as data)');
  await catalogueBench(ctx);
}
if (wanted('applications')) {
  console.log('\n== Applications (procedure engine, clock)');
  await applicationsBench(ctx);
}
if (wanted('letters')) {
  console.log('\n== Letters');
  await lettersBench(ctx);
}
if (wanted('registry')) {
  console.log('\n== Registry (DTKS/DTSEN)');
  await registryBench(ctx);
}
if (wanted('oversight')) {
  console.log('\n== Oversight (evaluation of the standard, dashboard)');
  await oversightBench(ctx);
}
if (wanted('complaints')) {
  console.log('\n== Complaints and satisfaction survey');
  await complaintsBench(ctx);
}
if (wanted('notifications')) {
  console.log('\n== Notifications (outbox)');
  await notificationsBench(ctx);
  await notificationChannelsBench(ctx);
}
if (wanted('emergency')) {
  console.log('\n== Emergencies (dispatch board)');
  await emergencyBench(ctx);
}
if (wanted('shelters')) {
  console.log('\n== Rumah singgah (occupancy board, stays past the limit)');
  await sheltersBench(ctx);
}
if (wanted('programmes')) {
  console.log('\n== Programmes (cycles, bank files)');
  await programmesBench(ctx);
}
if (wanted('programmes-public')) {
  console.log('\n== Programmes: public list and self-check');
  await programmePublicBench(ctx);
}
if (wanted('province')) {
  console.log('\n== Province (35 offices, several processes on PostgreSQL with a replica)');
  await provinceBench(ctx);
}
if (wanted('logistics')) {
  console.log('\n== Disaster logistics (stock ledger)');
  await logisticsBench(ctx);
}
