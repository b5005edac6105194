#!/usr/bin/env node
// Runs the compiled CLI; `npm install` builds it (prepare script), `npm run build` rebuilds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('Sigap belum dibangun: jalankan `npm run build` / Sigap is not built: run `npm run build`\n');
  process.exit(1);
}
await import(main);
