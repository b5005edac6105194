/**
 * Reads each office's letter templates (`standards/<office>/templates/*.txt`, and an optional
 * `logo.png` / `logo.jpg` for the letterhead) and hands them to the pure parser and validator.
 * Nothing is kept here: the letters capability keeps what it read per product (ctx.caches).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { validateTemplateSet } from '../domain/letters/documents.js';
import { parseTemplate, type LetterTemplate } from '../domain/letters/template.js';
import type { Located, ValidatedOffice } from '../domain/standards/validate.js';

export interface OfficeTemplates {
  templates: LetterTemplate[];
  logo: Buffer | null;
}

const TEMPLATE_EXT = '.txt';

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
  return { templates, logo, problems };
}

/**
 * The templates of office `slug` under a standards folder: its `<slug>/` subfolder, or the folder
 * itself when it is that one office's (a folder is named after its office's slug). None if absent.
 */
export function readOfficeTemplates(standardsDir: string, slug: string): OfficeTemplates {
  const own = existsSync(join(standardsDir, 'office.yaml'));
  const dir = own ? (basename(standardsDir) === slug ? standardsDir : null) : join(standardsDir, slug);
  if (!dir) return { templates: [], logo: null };
  const { templates, logo } = loadOfficeTemplates(dir, null);
  return { templates, logo };
}
