// `npm test`: type-check, then the whole suite on embedded SQLite and on a real PostgreSQL server
// started here as a throwaway cluster. PostgreSQL is never skipped silently: if it cannot start,
// the run fails and says why (set SIGAP_TEST_SKIP_PG=1 to run SQLite only, said loudly).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from './pg-cluster.mjs';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

function testFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out.sort();
}

let files = testFiles('test');
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));

if (!args.includes('--no-typecheck')) {
  console.log('== tsc --noEmit');
  const tc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'], { stdio: 'inherit' });
  if (tc.status !== 0) {
    console.error('Type check failed');
    process.exit(1);
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'sigap-test-'));
function run(label, env) {
  console.log(`\n== ${label}: ${files.length} test files`);
  const tap = join(tmp, `${label}.tap`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let pass = 0;
  let fail = 0;
  try {
    const text = readFileSync(tap, 'utf8');
    pass = Number(/^# pass (\d+)/m.exec(text)?.[1] ?? 0);
    fail = Number(/^# fail (\d+)/m.exec(text)?.[1] ?? 0);
  } catch {
    fail = 1;
  }
  if (r.status !== 0 && fail === 0) fail = 1;
  return { label, pass, fail, status: r.status };
}

const results = [run('sqlite', { TEST_DB: 'sqlite' })];

if (process.env.SIGAP_TEST_SKIP_PG === '1' && process.env.CI !== 'true') {
  console.error('\n!! PostgreSQL run SKIPPED because SIGAP_TEST_SKIP_PG=1 (only SQLite was tested) !!');
} else {
  let cluster;
  try {
    cluster = await startCluster({ database: 'sigap_admin' });
  } catch (e) {
    console.error(`\n!! PostgreSQL could not be started, so the suite did not run on it: ${e.message}`);
    console.error('!! Install PostgreSQL (apt-get install -y postgresql) or set SIGAP_TEST_SKIP_PG=1 outside CI.');
    process.exit(1);
  }
  const cleanup = () => cluster.stop();
  process.on('exit', cleanup);
  process.on('SIGINT', () => process.exit(130));
  try {
    results.push(run('postgres', { TEST_DB: 'postgres', TEST_PG_URL: cluster.url }));
  } finally {
    cleanup();
  }
}
rmSync(tmp, { recursive: true, force: true });

console.log('');
let pass = 0;
let fail = 0;
for (const r of results) {
  console.log(`${r.label}: ${r.pass} passed, ${r.fail} failed`);
  pass += r.pass;
  fail += r.fail;
}
console.log(`${pass} passed, ${fail} failed`);
process.exit(fail > 0 || results.some((r) => r.status !== 0) ? 1 : 0);
