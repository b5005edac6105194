/** Reads an office's SPM mapping (standards/<office>/spm.yaml) and hands it to the pure validator; no file, no mapping. */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SpmMapping } from '../domain/oversight/spm.js';
import { validateSpmFile } from '../domain/oversight/spm-file.js';
import type { Service } from '../domain/standards/schema.js';
import type { Located } from '../domain/standards/validate.js';

export function loadOfficeSpm(officeDir: string, services: readonly Service[], cwd = process.cwd()): { mapping: SpmMapping[]; problems: Located[] } {
  const path = join(officeDir, 'spm.yaml');
  if (!existsSync(path)) return { mapping: [], problems: [] };
  return validateSpmFile({ path: relative(cwd, path) || path, text: readFileSync(path, 'utf8') }, services);
}
