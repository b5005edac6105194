// `npm test`: type-check, run the tests that do not depend on the database under test once, and
// every database test on embedded SQLite and on a real PostgreSQL server started here as a
// throwaway cluster. PostgreSQL is never skipped silently: if it cannot start, the run fails and
// says why (set SIGAP_TEST_SKIP_PG=1 to run SQLite only, said loudly).
//
// Where the time goes, and what is done about it:
// - Loading TypeScript through tsx's loader hooks cost every test process ~0.6 s. The sources are
//   compiled once with esbuild (what tsx does file by file) into a temporary tree that mirrors the
//   repository, and the tests, and the helper processes they start, run from it.
// - tsc type-checks alongside, and its verdict gates the run. It is incremental: what it learnt in
//   the previous run (kept in the system's temporary folder) spares re-checking unchanged files.
// - Each database is migrated, loaded with the standards and given its demo accounts once, as a
//   template every test app copies (test/support/template.ts).
// - A test process lives a few seconds, yet V8 spent much of its CPU optimising (on background
//   threads) code that then barely ran again: a tenfold tier-up budget (--interrupt-budget) still
//   optimises the truly hot loops (QR decoding, layout, row parsing) and spends ~20% less CPU.
// - One pool of test processes serves both databases at once, longest files first, so that the
//   cores stay busy to the end: a file waiting on fsync, PostgreSQL or Chromium leaves its core to
//   another.
// Each file's results are printed whole when it ends; the totals per database come last.
//
//   npm test [-- name-filter...] [--no-typecheck] [--concurrency=N]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCluster } from './pg-cluster.mjs';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
// Two per core. Measured on 2 cores, alternating runs under the same load: 3, 4 and 6 at a time
// finished within noise of each other (the CPU is busy throughout); 4 keeps it busy while files
// wait, without piling up Chromiums and timing-sensitive tests.
const concurrency = Math.max(1, Number(args.find((a) => a.startsWith('--concurrency='))?.split('=')[1] ?? process.env.SIGAP_TEST_CONCURRENCY) || availableParallelism() * 2);

/** Run once: the pure tests, and the CLI's, whose commands use a throwaway SQLite of their own. */
const ONCE = ['test/pure/', 'test/cli/'];

/**
 * Rough seconds of the files that take long (2-core machine). They start first, so that none
 * starts last and holds up the end of the run; unlisted files count as short.
 */
const SLOW = [
  ['test/letters/every-product', 14],
  ['test/security/attack-run', 10],
  ['test/cli/', 10],
  ['test/browser/apply-and-track', 8],
  ['test/letters/numbering', 7],
  ['test/browser/', 6],
  ['test/registry/atomic', 6],
  ['test/registry/xlsx-bomb', 4],
  ['test/applications/every-service', 5],
  ['test/letters/lifecycle', 5],
  ['test/applications/malformed-input', 4],
  ['test/applications/api', 4],
  ['test/surveys/surveys-api', 3],
  ['test/registry/eligibility', 3],
];
const weight = (job) => (SLOW.find(([p]) => job.file.startsWith(p))?.[1] ?? 1) * (job.label === 'postgres' ? 1.2 : 1);

function filesUnder(dir, suffix) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, suffix));
    else if (e.name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

let files = filesUnder('test', '.test.ts');
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
const onceFiles = files.filter((f) => ONCE.some((d) => f.startsWith(d)));
const dbFiles = files.filter((f) => !onceFiles.includes(f));
const skipPg = process.env.SIGAP_TEST_SKIP_PG === '1' && process.env.CI !== 'true';
const labels = ['once', ...(dbFiles.length ? ['sqlite', ...(skipPg ? [] : ['postgres'])] : [])];

const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const tmp = mkdtempSync(join(tmpdir(), 'sigap-test-'));
const children = new Set();
let cluster = null;
process.on('exit', () => {
  for (const c of children) c.kill();
  cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

/** Runs a command to its end; resolves with its exit code and everything it printed. */
function run(cmd, argv, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => (output += `${e.message}\n`));
    child.on('close', (code) => {
      children.delete(child);
      resolve({ code: code ?? 1, output });
    });
  });
}

// The type check runs beside the tests; a failure stops new files from starting and fails the run.
let stopping = false;
const waiting = [];
const wake = () => {
  for (const w of waiting.splice(0)) w();
};
// One file per checkout: tsc compares every file's content with what it records, so it is never stale.
const tsBuildInfo = join(tmpdir(), `sigap-tsc-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 16)}.tsbuildinfo`);
const typecheck = args.includes('--no-typecheck') ? null : run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', tsBuildInfo]);
typecheck?.then((r) => {
  if (r.code === 0) return;
  stopping = true;
  wake();
  console.error(`\n== type check (tsc) failed\n${r.output}`);
});

/**
 * The compiled tree: src/ and test/ as JavaScript (esbuild, the very compiler tsx runs, with the
 * same tsconfig), and beside them what tests and the product read relative to their own files:
 * standards, docs, calendars, node_modules and the package type.
 */
const build = join(tmp, 'build');
{
  const sources = [...filesUnder('src', '.ts'), ...filesUnder('test', '.ts')].filter((f) => !f.endsWith('.d.ts'));
  const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'))('esbuild');
  try {
    await esbuild.build({ entryPoints: sources, outdir: build, outbase: '.', format: 'esm', platform: 'node', target: 'node20', sourcemap: true, tsconfig: 'tsconfig.json', logLevel: 'silent' });
  } catch (e) {
    console.error(`== the sources do not compile:\n${e.message}`);
    process.exit(1);
  }
  for (const entry of ['node_modules', 'standards', 'docs', 'calendars', 'scripts', 'package.json']) symlinkSync(resolve(entry), join(build, entry));
}
const compiled = (file) => join(build, file.replace(/\.ts$/, '.js'));

/** Node's options for test processes: V8's tier-up budget ten times its default (67584), if this V8 has the flag. */
const NODE = ['--enable-source-maps', ...['--interrupt-budget=675840'].filter((f) => spawnSync(process.execPath, [f, '-e', '']).status === 0)];

/** Each kind's test environment: set once its template is built (null if that failed). */
const envOf = new Map([['once', {}]]);

/** Builds a kind's template database; resolves with its test environment, or null (saying why). */
async function prepare(label, env) {
  const target = label === 'sqlite' ? mkdtempSync(join(tmp, 'template-')) : 'sigap_template';
  const r = await run(process.execPath, [...NODE, compiled('test/support/template.ts'), target], env);
  if (r.code === 0) return { ...env, SIGAP_TEST_TEMPLATE: r.output.trim().split('\n').pop() };
  console.error(`\n!! The ${label} template database could not be built, so no ${label} test ran:\n${r.output}`);
  return null;
}
/** Lets a kind's files start once its template is built. */
const ready = (label, env) =>
  env.then((e) => {
    envOf.set(label, e);
    wake();
  });

const pending = labels.flatMap((label) => (label === 'once' ? onceFiles : dbFiles).map((file) => ({ label, file }))).sort((a, b) => weight(b) - weight(a));
/** The longest pending file that can start now; waits while only files whose template is still being built remain. */
async function take() {
  for (;;) {
    if (stopping || !pending.length) return null;
    const i = pending.findIndex((j) => envOf.has(j.label));
    if (i >= 0) return pending.splice(i, 1)[0];
    await new Promise((r) => waiting.push(r));
  }
}

const results = new Map(labels.map((l) => [l, { pass: 0, fail: 0, files: 0 }]));
const durations = [];
const read = (f) => {
  try {
    return readFileSync(f, 'utf8');
  } catch {
    return '';
  }
};

/** Runs one test file and prints its spec output as one block (its own totals are summed up at the end). */
async function runFile(job, n) {
  const env = envOf.get(job.label);
  const spec = join(tmp, `${n}.spec`);
  const tap = join(tmp, `${n}.tap`);
  const t0 = Date.now();
  const argv = [...NODE, '--test-reporter=spec', `--test-reporter-destination=${spec}`, '--test-reporter=tap', `--test-reporter-destination=${tap}`, compiled(job.file)];
  const r = env ? await run(process.execPath, argv, env) : { code: 1, output: 'not run: its template database could not be built' };
  const ms = Date.now() - t0;
  const text = read(tap);
  const pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
  let fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  if (r.code !== 0 && fail === 0) fail = 1; // failed outside any test, e.g. while loading
  const total = results.get(job.label);
  total.pass += pass;
  total.fail += fail;
  total.files++;
  durations.push({ job, ms });
  const body = read(spec).replace(/^ℹ (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) .*\n/gm, '').trimEnd();
  const extra = fail ? r.output.trimEnd() : '';
  console.log(`\n── ${fail ? '✖' : '✔'} ${job.label} · ${job.file} · ${pass} passed${fail ? `, ${fail} failed` : ''} · ${seconds(ms)}\n${body}${extra ? `\n${extra}` : ''}`);
}

console.log(`== ${onceFiles.length} files once, ${dbFiles.length} files on ${labels.slice(1).join(' and ') || 'no database'}; ${concurrency} at a time`);
if (labels.includes('sqlite')) ready('sqlite', prepare('sqlite', { TEST_DB: 'sqlite' }));
let n = 0;
const pool = Promise.all(
  Array.from({ length: concurrency }, async () => {
    for (let job = await take(); job; job = await take()) await runFile(job, n++);
  }),
);
if (dbFiles.length && skipPg) console.error('\n!! PostgreSQL run SKIPPED because SIGAP_TEST_SKIP_PG=1 (only SQLite was tested) !!\n');
else if (dbFiles.length) {
  // Starting the cluster blocks this process for a few seconds: let the first files start before.
  await new Promise((r) => setTimeout(r, 100));
  try {
    cluster = await startCluster({ database: 'sigap_admin' });
  } catch (e) {
    console.error(`\n!! PostgreSQL could not be started, so the suite did not run on it: ${e.message}`);
    console.error('!! Install PostgreSQL (apt-get install -y postgresql) or set SIGAP_TEST_SKIP_PG=1 outside CI.');
    process.exit(1);
  }
  ready('postgres', prepare('postgres', { TEST_DB: 'postgres', TEST_PG_URL: cluster.url, SIGAP_TEST_PG_THROWAWAY: '1' }));
}
await pool;
const tc = await typecheck;
if (dbFiles.length && skipPg) console.error('\n!! PostgreSQL run SKIPPED because SIGAP_TEST_SKIP_PG=1 (only SQLite was tested) !!');

console.log('\n== slowest files');
for (const { job, ms } of durations.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`${seconds(ms).padStart(7)}  ${job.label} · ${job.file}`);
console.log('');
if (tc) console.log(`type check (tsc): ${tc.code === 0 ? 'no errors' : 'FAILED (above)'}`);
let pass = 0;
let fail = 0;
for (const [label, r] of results) {
  if (!r.files && label === 'once') continue;
  console.log(`${label === 'once' ? 'once (pure, CLI)' : label}: ${r.pass} passed, ${r.fail} failed`);
  pass += r.pass;
  fail += r.fail;
}
const once = results.get('once');
if (once.files) for (const label of labels.slice(1)) console.log(`${label} with the tests run once: ${results.get(label).pass + once.pass} passed`);
console.log(`${pass} passed, ${fail} failed in ${seconds(Date.now() - started)}`);
process.exit(fail > 0 || (tc && tc.code !== 0) ? 1 : 0);
