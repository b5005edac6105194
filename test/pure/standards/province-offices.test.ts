/**
 * The province data set's offices (test/support/province-offices.ts): Jawa Tengah's 35 kab/kota,
 * onboarded by data alone from the five seed offices, load and validate together, each with its
 * own slug, name, region and registration code (no two cases would share a number), and Kota
 * Semarang is its own seed folder unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { SEED_STANDARDS_DIR } from '../../support/paths.js';
import { JAWA_TENGAH, writeProvinceStandards } from '../../support/province-offices.js';

describe("a province's 35 offices from the five seed offices", () => {
  let dir: string;
  let written: { slug: string; code: string; regency: string }[];
  let loaded: ReturnType<typeof loadStandardsDir>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sigap-province-'));
    written = writeProvinceStandards(SEED_STANDARDS_DIR, dir);
    // Loaded once: validating 35 offices is the slow part of this file.
    loaded = loadStandardsDir(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('load and validate together: 35 offices, all in Jawa Tengah, distinct slugs and registration codes', () => {
    const { offices, problems } = loaded;
    assert.deepEqual(problems, []);
    assert.equal(offices.length, 35);
    assert.equal(new Set(offices.map((o) => o.office.slug)).size, 35);
    assert.equal(new Set(offices.map((o) => o.office.registrationCode)).size, 35);
    assert.ok(offices.every((o) => o.office.region.province === 'Jawa Tengah'));
    assert.equal(offices.filter((o) => o.office.region.kind === 'kota').length, 6);
    assert.deepEqual(written.map((w) => w.code), JAWA_TENGAH.map((o) => o.code));
  });

  it('names each office after its kab/kota and keeps the template’s services (Kabupaten Banyumas from Kota Jambi)', () => {
    const { offices } = loaded;
    const banyumas = offices.find((o) => o.office.slug === 'kabupaten-banyumas')!;
    assert.equal(banyumas.office.name, 'Dinas Sosial Kabupaten Banyumas');
    assert.equal(banyumas.office.government, 'Pemerintah Kabupaten Banyumas');
    assert.deepEqual(banyumas.office.region, { kind: 'kabupaten', name: 'Kabupaten Banyumas', province: 'Jawa Tengah' });
    assert.equal(banyumas.office.registrationCode, 'BMS');
    const jambi = loadStandardsDir(SEED_STANDARDS_DIR).offices.find((o) => o.office.slug === 'kota-jambi')!;
    assert.deepEqual(banyumas.services.map((s) => s.slug), jambi.services.map((s) => s.slug));
    assert.equal(offices.find((o) => o.office.slug === 'kabupaten-semarang')!.office.registrationCode, 'UNG', 'the code the sixth-office test gives Kabupaten Semarang');
  });

  it('keeps Kota Semarang as its own seed folder, byte for byte', () => {
    assert.equal(readFileSync(join(dir, 'kota-semarang', 'office.yaml'), 'utf8'), readFileSync(join(SEED_STANDARDS_DIR, 'kota-semarang', 'office.yaml'), 'utf8'));
  });
});
