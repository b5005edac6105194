/** Where the repository's own files are, for tests and the helper processes they start. */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The repository's own standards: the five seed offices. */
export const SEED_STANDARDS_DIR = fileURLToPath(new URL('../../standards', import.meta.url));
/**
 * The standards every test runs on. SIGAP_TEST_STANDARDS_DIR points the whole suite at another
 * folder (e.g. the seed offices plus a sixth, test/support/sixth-office.ts): generic tests must
 * pass on whatever offices it holds; office-specific tests name their office.
 */
export const STANDARDS_DIR = process.env.SIGAP_TEST_STANDARDS_DIR ? resolve(process.env.SIGAP_TEST_STANDARDS_DIR) : SEED_STANDARDS_DIR;

/** The five seed offices, by slug: tests that assert decree facts name them, never "all offices". */
export const SEED_OFFICES = ['kabupaten-kutai-kartanegara', 'kota-banjarmasin', 'kota-jambi', 'kota-pekanbaru', 'kota-semarang'] as const;

/**
 * Node's arguments to run one of the repository's TypeScript entry points (e.g. `src/cli/main.ts`)
 * in a helper process: its compiled JavaScript when the tests themselves run compiled (npm test),
 * else the source through tsx.
 */
export function nodeEntry(path: string): string[] {
  return import.meta.url.endsWith('.js') ? [join(ROOT, path.replace(/\.ts$/, '.js'))] : ['--import', 'tsx', join(ROOT, path)];
}
