/** Reads the known-regulation facts (standards/regulations.yaml) beside the offices' folders; no file, no facts. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { validateRegulationsFile, type RegulationFact } from '../domain/standards/lint-regulations.js';
import type { Located } from '../domain/standards/validate.js';
import { isOfficeDir } from './standards-dir.js';

export function loadRegulations(standardsDir: string, cwd = process.cwd()): { regulations: RegulationFact[]; problems: Located[] } {
  // A single office's folder keeps the facts one level up, with the other offices.
  const path = join(isOfficeDir(standardsDir) ? dirname(standardsDir) : standardsDir, 'regulations.yaml');
  if (!existsSync(path)) return { regulations: [], problems: [] };
  return validateRegulationsFile({ path: relative(cwd, path) || path, text: readFileSync(path, 'utf8') });
}
