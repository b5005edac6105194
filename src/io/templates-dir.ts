/**
 * Reads each office's letter templates (`standards/<office>/templates/*.txt`, and an optional
 * `logo.png` / `logo.jpg` for the letterhead) and hands them to the pure parser and validator.
 * What was loaded last is kept per office slug for the letters capability (templates are
 * office data, read at start-up together with the standard they belong to).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { validateTemplateSet } from '../domain/letters/documents.js';
import { parseTemplate, type LetterTemplate } from '../domain/letters/template.js';
import type { Located, ValidatedOffice } from '../domain/standards/validate.js';

export interface OfficeTemplates {
  templates: LetterTemplate[];
  logo: Buffer | null;
}

const registry = new Map<string, OfficeTemplates>();

export const TEMPLATE_EXT = '.txt';

/** Parses and checks one office's templates folder; problems carry file, line and column. */
export function loadOfficeTemplates(officeDir: string, validated: ValidatedOffice | null, cwd = process.cwd()): OfficeTemplates & { problems: Located[] } {
  const rel = (p: string) => relative(cwd, p) || p;
  const dir = join(officeDir, 'templates');
  const problems: Located[] = [];
  const templates: LetterTemplate[] = [];
  let logo: Buffer | null = null;
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (name === 'logo.png' || name === 'logo.jpg' || name === 'logo.jpeg') {
        logo = readFileSync(path);
        continue;
      }
      if (!name.endsWith(TEMPLATE_EXT)) continue;
      const { template, problems: found } = parseTemplate(rel(path), readFileSync(path, 'utf8'));
      problems.push(...found);
      if (template) templates.push(template);
    }
  }
  // An office without a templates folder issues no letters (and is not checked for coverage);
  // with one, every document product must have its template.
  if (validated && existsSync(dir))
    problems.push(
      ...validateTemplateSet(validated.office, validated.services, templates, {
        serviceFiles: validated.serviceFiles,
        templatesDir: rel(dir),
        officeFile: rel(join(officeDir, 'office.yaml')),
      }),
    );
  if (validated && problems.length === 0) registry.set(validated.office.slug, { templates, logo });
  return { templates, logo, problems };
}

/** The templates of an office as last loaded (at start-up), or read now from STANDARDS_DIR. */
export function officeTemplates(slug: string): OfficeTemplates {
  const found = registry.get(slug);
  if (found) return found;
  const dir = resolve(process.env.STANDARDS_DIR ?? 'standards', slug);
  const loaded = loadOfficeTemplates(dir, null);
  const value = { templates: loaded.templates, logo: loaded.logo };
  registry.set(slug, value);
  return value;
}

/** For tests: replace an office's templates. */
export function setOfficeTemplates(slug: string, value: OfficeTemplates): void {
  registry.set(slug, value);
}
