/**
 * Onboarding by data alone, on the database: a sixth office folder (a copy of Kota Semarang as
 * Kabupaten Semarang, test/support/sixth-office.ts) is loaded beside the seed offices by the real
 * boot, is served by the catalogue API, numbers its cases with its own code, and runs every one
 * of its detailed services to a completed end.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.js';
import { loadStandardsDir } from '../../src/io/standards-dir.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { SEED_OFFICES } from '../support/paths.js';
import { SIXTH, writeSixOffices } from '../support/sixth-office.js';

describe(`a sixth office onboarded by data alone (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  before(async () => {
    dir = writeSixOffices();
    t = await testCtx({ standardsDir: dir });
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is listed by the catalogue API beside the seed offices, with its own service count', async () => {
    const app = await buildApp({ ctx: t.ctx });
    try {
      const offices = (await app.inject({ method: 'GET', url: '/api/v1/offices' })).json() as { slug: string; name: string; serviceCount: number }[];
      const expected = loadStandardsDir(dir).offices;
      assert.deepEqual(offices.map((o) => o.slug).sort(), [...SEED_OFFICES, SIXTH.slug].sort());
      assert.equal(offices.length, expected.length);
      const sixth = offices.find((o) => o.slug === SIXTH.slug)!;
      assert.equal(sixth.name, SIXTH.name);
      assert.equal(sixth.serviceCount, expected.find((o) => o.office.slug === SIXTH.slug)!.services.length);
      const page = await app.inject({ method: 'GET', url: `/kantor/${SIXTH.slug}` });
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(SIXTH.name), 'the public page names the new office');
    } finally {
      await app.close();
    }
  });

  it('runs every detailed service of the new office to a completed end, numbered with its own code', async () => {
    const office = t.catalogue.list().find((o) => o.office.slug === SIXTH.slug);
    assert.ok(office, 'the sixth office is in the catalogue');
    const failures: string[] = [];
    let n = 0;
    for (const s of office.services.filter((x) => x.service.detailed)) {
      n++;
      try {
        const r = await simulateCase(t.ctx, SIXTH.slug, s.service.slug, 'main');
        if (r.finalStatus !== 'completed') failures.push(`${s.service.slug}: ended ${r.finalStatus}`);
        if (!r.registrationNumber.startsWith(`${SIXTH.code}-`)) failures.push(`${s.service.slug}: number ${r.registrationNumber}`);
      } catch (e) {
        failures.push(`${s.service.slug}: ${(e as Error).message}`);
      }
    }
    assert.equal(n, 8, 'Kota Semarang lists 9 services, 8 of them detailed');
    assert.deepEqual(failures, []);
  });

  it('keeps the numbers of the office it was copied from apart: Kota Semarang still numbers SMR-, from its own sequence', async () => {
    const r = await simulateCase(t.ctx, 'kota-semarang', 'reaktifasi-pbi-rekomendasi-uhc', 'main');
    assert.match(r.registrationNumber, /^SMR-\d{4}-000001$/);
  });
});
