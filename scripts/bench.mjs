// `npm run bench`: runs bench/run.ts with a throwaway PostgreSQL cluster when one can be started.
import { spawnSync } from 'node:child_process';
import { startCluster } from './pg-cluster.mjs';

let cluster = null;
try {
  cluster = await startCluster({ database: 'sigap_bench' });
} catch (e) {
  console.error(`(PostgreSQL not available for the benchmark: ${e.message}; SQLite figures only)`);
}
try {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...(cluster ? { BENCH_PG_URL: cluster.url } : {}) },
  });
  process.exitCode = r.status ?? 1;
} finally {
  cluster?.stop();
}
