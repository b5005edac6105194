// `npm start`: build when the compiled code is missing or older than the sources, then serve.
// Demo mode (one account per role per office) is on for this quick start unless SIGAP_DEMO=0.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const out = 'dist/cli/main.js';
if (!existsSync(out) || statSync(out).mtimeMs < newest('src')) {
  console.log('Membangun / building…');
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// `--build-only`: the attack run (scripts/attack.mjs) builds the same way, then starts servers of its own.
if (process.argv.includes('--build-only')) process.exit(0);
process.env.SIGAP_DEMO ??= '1';
const r = spawnSync(process.execPath, [out, 'serve'], { stdio: 'inherit', env: process.env });
process.exit(r.status ?? 0);
