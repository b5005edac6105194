/**
 * A standards folder holding the seed offices plus a sixth, onboarded by data alone: a copy of
 * Kota Semarang's folder renamed Kabupaten Semarang, with its own slug and registration code.
 * Region name and registration code are the interesting part: Kota and Kabupaten Semarang would
 * both derive "SMR" from the name, which is why the code is office data.
 *
 *   node --import tsx test/support/sixth-office.ts   → prints the folder (for SIGAP_TEST_STANDARDS_DIR)
 */
import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEED_STANDARDS_DIR } from './paths.js';

export const SIXTH = { slug: 'kabupaten-semarang', code: 'UNG', name: 'Dinas Sosial Kabupaten Semarang', source: 'kota-semarang' } as const;

/** Copies the seed standards into a new temporary folder and adds the sixth office; returns the folder. */
export function writeSixOffices(): string {
  const root = mkdtempSync(join(tmpdir(), 'sigap-six-'));
  // The compiled test tree links `standards` to the repository's folder: copy what it points at.
  const seeds = realpathSync(SEED_STANDARDS_DIR);
  cpSync(seeds, root, { recursive: true });
  const dir = join(root, SIXTH.slug);
  cpSync(join(seeds, SIXTH.source), dir, { recursive: true });
  const office = readFileSync(join(dir, 'office.yaml'), 'utf8')
    .replace(/^slug: kota-semarang$/m, `slug: ${SIXTH.slug}`)
    .replace(/^registrationCode: SMR$/m, `registrationCode: ${SIXTH.code}`)
    .replace(/^name: Dinas Sosial Kota Semarang$/m, `name: ${SIXTH.name}`)
    .replace(/^government: Pemerintah Kota Semarang$/m, 'government: Pemerintah Kabupaten Semarang')
    .replace(/^region: \{ kind: kota, name: Kota Semarang,/m, 'region: { kind: kabupaten, name: Kabupaten Semarang,');
  if (!office.includes(`slug: ${SIXTH.slug}`) || !office.includes(`registrationCode: ${SIXTH.code}`) || !office.includes('kind: kabupaten'))
    throw new Error('kota-semarang/office.yaml changed shape: update test/support/sixth-office.ts');
  writeFileSync(join(dir, 'office.yaml'), office);
  return root;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(writeSixOffices());
