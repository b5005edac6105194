/** Reads an office's programme files (standards/<office>/programmes/*.yaml) and hands them to the pure validator. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateProgrammes } from '../domain/programmes/validate.js';
import type { Programme } from '../domain/programmes/schema.js';
import type { Office } from '../domain/standards/schema.js';
import type { Located } from '../domain/standards/validate.js';

export function loadOfficeProgrammes(officeDir: string, office: Office, serviceSlugs: ReadonlySet<string>, cwd = process.cwd()): { programmes: Programme[]; problems: Located[] } {
  const dir = join(officeDir, 'programmes');
  if (!existsSync(dir)) return { programmes: [], problems: [] };
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f))
    .map((p) => ({ path: relative(cwd, p) || p, text: readFileSync(p, 'utf8') }));
  return validateProgrammes(office, serviceSlugs, files);
}
