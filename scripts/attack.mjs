// `npm run attack`: the bounded attack run of issue 12 against the real product on loopback
// (docs/SECURITY.md "Attack run"). Starts `sigap serve` on a fresh data folder (SQLite, or a
// throwaway PostgreSQL with --pg), in demo mode, and attacks it as an outsider and as every role.
//
//   npm run attack [-- --only isolation,roles,...] [--pg] [--offices N] [--report file.json]
//                     [--entry path/to/cli/main.js|.ts] [--data-dir dir [--database-url url]] [--no-letters] [--keep]
// --data-dir/--database-url attack a place given to it (an empty one or a throwaway copy: the run
// writes into it, and the tampering section edits its audit rows) instead of a new one.
// --no-letters skips the signed letter each office gets from `sigap simulate` (seconds per office).
// Exit code 1 when any section fails.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfNeeded, ROOT, secs } from './attack/lib.mjs';
import { startCluster } from './pg-cluster.mjs';
import { SECTIONS } from './attack/sections.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
};
const names = Object.keys(SECTIONS);
const only = (opt('only') ?? names.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only.filter((s) => !names.includes(s));
if (unknown.length) {
  console.error(`Bagian tidak dikenal / unknown section: ${unknown.join(', ')} (${names.join(', ')})`);
  process.exit(2);
}
const entryArg = opt('entry');
if (!entryArg) buildIfNeeded();
const entry = resolve(entryArg ?? join(ROOT, 'dist/cli/main.js'));
// A TypeScript entry (the sources, through tsx) runs when this script itself runs under tsx.
const ts = entry.endsWith('.ts');
const tmp = mkdtempSync(join(tmpdir(), 'sigap-attack-'));
const givenDir = opt('data-dir');
const cluster = args.includes('--pg') && !givenDir ? await startCluster({ database: 'sigap_attack' }) : null;
const run = {
  entry: ts ? ['--import', 'tsx', entry] : [entry],
  /** A module of the product beside the entry (dist/ or a compiled test tree). */
  module: (rel) => pathToFileURL(join(dirname(dirname(entry)), ts ? rel.replace(/\.js$/, '.ts') : rel)).href,
  standardsDir: join(ROOT, 'standards'),
  tmp,
  pgUrl: cluster?.url ?? opt('database-url') ?? null,
  officeLimit: Number(opt('offices') ?? 0) || null,
  noLetters: args.includes('--no-letters'),
  place: givenDir ? { dataDir: resolve(givenDir), databaseUrl: opt('database-url') ?? null } : { dataDir: join(tmp, 'data'), databaseUrl: cluster?.url ?? null },
  server: null,
  shared: {},
  log: (line) => console.log(`  ${line}`),
};
const cleanup = async () => {
  await run.server?.stop().catch(() => undefined);
  for (const s of run.extraServers ?? []) await s.stop().catch(() => undefined);
  cluster?.stop();
  if (!args.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
};
process.on('SIGINT', async () => {
  await cleanup();
  process.exit(130);
});

/** The role matrix as a table: a column per role, Y = allowed (acted or showed), - = refused, i = let through but the input or record was refused, ! = 5xx. */
function printTable(table) {
  const roles = Object.keys(Object.values(table)[0] ?? {});
  const mark = { ok: 'Y', refused: '-', invalid: 'i', '5xx': '!', error: 'E' };
  console.log(`  ${''.padEnd(52)} ${roles.map((_, i) => String(i + 1).padStart(2)).join('')}`);
  for (const [route, row] of Object.entries(table)) console.log(`  ${route.slice(0, 52).padEnd(52)} ${roles.map((r) => (mark[row[r]] ?? '?').padStart(2)).join('')}`);
  console.log(`  roles: ${roles.map((r, i) => `${i + 1} ${r}`).join(', ')}; Y allowed, - refused, i let through but input/record refused`);
}

const report = { started: new Date().toISOString(), database: run.place.databaseUrl ? 'postgres' : 'sqlite', machine: { cores: (await import('node:os')).availableParallelism() }, sections: {} };
const t0 = Date.now();
console.log(`== Sigap attack run on ${report.database}: ${only.join(', ')}`);
try {
  for (const name of names.filter((n) => only.includes(n))) {
    const s0 = Date.now();
    console.log(`\n── ${name}: ${SECTIONS[name].title}`);
    let result;
    try {
      result = await SECTIONS[name].run(run);
    } catch (e) {
      result = { pass: false, failures: [`crashed: ${e.stack ?? e}`], figures: {} };
    }
    result.seconds = secs(Date.now() - s0);
    report.sections[name] = result;
    for (const [k, v] of Object.entries(result.figures ?? {})) console.log(`  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`);
    if (result.table) printTable(result.table);
    for (const f of result.failures ?? []) console.log(`  ✖ ${f}`);
    console.log(`  ${result.pass ? '✔ PASS' : '✖ FAIL'} in ${result.seconds} s`);
  }
} finally {
  await cleanup();
}
report.seconds = secs(Date.now() - t0);
report.pass = Object.values(report.sections).every((s) => s.pass);
const out = resolve(opt('report') ?? 'attack-report.json');
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`\n== ${Object.entries(report.sections).map(([n, s]) => `${n} ${s.pass ? 'pass' : 'FAIL'}`).join(' · ')}`);
console.log(`== ${report.pass ? 'PASS' : 'FAIL'} in ${report.seconds} s; every figure in ${out}`);
process.exit(report.pass ? 0 : 1);
