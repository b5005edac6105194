/** Where the repository's own files are, for tests and the helper processes they start. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const STANDARDS_DIR = fileURLToPath(new URL('../../standards', import.meta.url));

/**
 * Node's arguments to run one of the repository's TypeScript entry points (e.g. `src/cli/main.ts`)
 * in a helper process: its compiled JavaScript when the tests themselves run compiled (npm test),
 * else the source through tsx.
 */
export function nodeEntry(path: string): string[] {
  return import.meta.url.endsWith('.js') ? [join(ROOT, path.replace(/\.ts$/, '.js'))] : ['--import', 'tsx', join(ROOT, path)];
}
