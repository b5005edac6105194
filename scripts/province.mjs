// A province-sized data set (issue 18 §4), generated into DATA_DIR (and DATABASE_URL when given):
// node scripts/province.mjs --data-dir /srv/province [--database-url postgres://…] [--offices 35]
//   [--registry-rows 10000000] [--applications 1000000] [--complaints 100000]   (docs/OPERATIONS.md)
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/province-data.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
