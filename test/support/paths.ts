/** Where the repository's own files are, for tests and their helper processes. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const STANDARDS_DIR = fileURLToPath(new URL('../../standards', import.meta.url));
