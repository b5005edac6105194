/** Reads standards folders from disk and hands their texts to the pure validator. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkAcrossOffices, validateOffice, type Located, type SourceFile, type ValidatedOffice } from '../domain/standards/validate.js';
import type { Programme } from '../domain/programmes/schema.js';
import { loadOfficeProgrammes } from './programmes-dir.js';
import { loadOfficeSpm } from './spm-file.js';
import { loadOfficeReminders } from './oversight-file.js';
import { loadOfficeTemplates } from './templates-dir.js';

export interface LoadedStandards {
  offices: (ValidatedOffice & {
    dir: string;
    decreeText: string | null;
    /** The texts read, for checks that point at a line (`sigap standards lint`). */
    officeFile: SourceFile;
    serviceSources: Record<string, SourceFile>;
    /** The office's assistance programmes (standards/<office>/programmes/), validated. */
    programmes: Programme[];
  })[];
  problems: Located[];
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** True when `dir` is itself one office's folder (holds office.yaml). */
export function isOfficeDir(dir: string): boolean {
  return existsSync(join(dir, 'office.yaml'));
}

/** Loads every office under `root` (or `root` itself when it is one office's folder). */
export function loadStandardsDir(root: string, cwd = process.cwd()): LoadedStandards {
  const problems: Located[] = [];
  const offices: LoadedStandards['offices'] = [];
  const rel = (p: string) => relative(cwd, p) || p;
  if (!existsSync(root)) {
    problems.push({ file: rel(root), line: 1, column: 1, code: 'not-found', message: 'folder standar tidak ditemukan', messageEn: 'standards folder not found' });
    return { offices, problems };
  }
  const dirs = isOfficeDir(root)
    ? [root]
    : readdirSync(root)
        .map((d) => join(root, d))
        .filter((d) => statSync(d).isDirectory())
        .sort();
  const officeFiles: { office: ValidatedOffice['office']; file: SourceFile }[] = [];
  for (const dir of dirs) {
    const officePath = join(dir, 'office.yaml');
    if (!existsSync(officePath)) {
      problems.push({ file: rel(dir), line: 1, column: 1, code: 'missing-office', message: 'office.yaml tidak ada', messageEn: 'office.yaml is missing' });
      continue;
    }
    const folder = dir.split(/[\\/]/).filter(Boolean).pop()!;
    const services = yamlFiles(join(dir, 'services')).map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));
    const officeFile = { path: rel(officePath), text: readFileSync(officePath, 'utf8') };
    const { result, problems: found } = validateOffice(folder, officeFile, services);
    if (result) officeFiles.push({ office: result.office, file: officeFile });
    problems.push(...found);
    // Letter templates live beside the standard (standards/<office>/templates/).
    if (result) problems.push(...loadOfficeTemplates(dir, result, cwd).problems);
    // Assistance programmes live beside the services (standards/<office>/programmes/, docs/PROGRAMMES.md).
    const loaded = result ? loadOfficeProgrammes(dir, result.office, new Set(result.services.map((s) => s.slug)), cwd) : null;
    if (loaded) problems.push(...loaded.problems);
    // The SPM mapping lives beside them too (standards/<office>/spm.yaml, docs/OVERSIGHT.md).
    if (result) problems.push(...loadOfficeSpm(dir, result.services, cwd).problems);
    // And the evaluation reminders (standards/<office>/oversight.yaml).
    if (result) problems.push(...loadOfficeReminders(dir, result.office.roles.map((r) => r.id), cwd).problems);
    if (result) {
      const decreePath = join(dir, 'decree.txt');
      const byPath = new Map(services.map((f) => [f.path, f]));
      const serviceSources = Object.fromEntries(Object.entries(result.serviceFiles).map(([slug, path]) => [slug, byPath.get(path)!]));
      offices.push({ ...result, dir, decreeText: existsSync(decreePath) ? readFileSync(decreePath, 'utf8') : null, officeFile, serviceSources, programmes: loaded?.programmes ?? [] });
    }
  }
  problems.push(...checkAcrossOffices(officeFiles));
  return { offices, problems };
}
