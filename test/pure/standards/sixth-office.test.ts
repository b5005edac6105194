/**
 * Onboarding by data alone stays true: with a sixth office folder beside the seed offices (a copy
 * of Kota Semarang as Kabupaten Semarang, test/support/sixth-office.ts), the standards load and
 * validate, the CLI counts six offices, and the generic standards and letter tests pass unchanged
 * when the suite is pointed at that folder (SIGAP_TEST_STANDARDS_DIR). The database side is
 * test/standards/sixth-office.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { lintOffice } from '../../../src/domain/standards/lint.js';
import { loadStandardsDir } from '../../../src/io/standards-dir.js';
import { nodeEntry, ROOT, SEED_OFFICES } from '../../support/paths.js';
import { SIXTH, writeSixOffices } from '../../support/sixth-office.js';

/** The test files whose checks hold for any office; they run again here on six offices. */
const GENERIC = ['standards/seed-offices', 'standards/lint', 'standards/fidelity', 'letters/templates'];

describe('a sixth office onboarded by data alone', () => {
  let dir: string;
  before(() => {
    dir = writeSixOffices();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('loads and validates beside the seed offices, its own registration code kept', () => {
    const { offices, problems } = loadStandardsDir(dir);
    assert.deepEqual(problems, []);
    assert.deepEqual(offices.map((o) => o.office.slug), [...SEED_OFFICES.slice(0, 1), SIXTH.slug, ...SEED_OFFICES.slice(1)]);
    const sixth = offices.find((o) => o.office.slug === SIXTH.slug)!;
    assert.equal(sixth.office.registrationCode, SIXTH.code);
    assert.equal(sixth.office.region.kind, 'kabupaten');
    assert.equal(sixth.services.length, 9);
    assert.deepEqual(
      lintOffice(sixth.office, sixth.services, sixth.serviceFiles).map((w) => w.code),
      lintOffice(offices.find((o) => o.office.slug === SIXTH.source)!.office, offices.find((o) => o.office.slug === SIXTH.source)!.services, {}).map((w) => w.code),
      'the copy lints as its original does',
    );
  });

  it('is counted by `sigap standards validate`', () => {
    const r = spawnSync(process.execPath, [...nodeEntry('src/cli/main.ts'), 'standards', 'validate', dir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'OK: 6 kantor, 62 layanan / 6 offices, 62 services\n');
  });

  it('the generic standards and letter tests pass on six offices', () => {
    const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
    const files = GENERIC.map((f) => fileURLToPath(new URL(`../${f}.test${ext}`, import.meta.url)));
    const r = spawnSync(process.execPath, [...(ext === '.ts' ? ['--import', 'tsx'] : []), '--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SIGAP_TEST_STANDARDS_DIR: dir },
      timeout: 120_000,
    });
    const fail = Number(/^# fail (\d+)/m.exec(r.stdout)?.[1] ?? -1);
    const pass = Number(/^# pass (\d+)/m.exec(r.stdout)?.[1] ?? 0);
    assert.equal(fail, 0, r.stdout.split('\n').filter((l) => /not ok|Error|expected|actual/.test(l)).slice(0, 30).join('\n') + r.stderr);
    assert.equal(r.status, 0);
    // The sixth office's own verbatim check ran: the per-office test is named after it.
    assert.match(r.stdout, new RegExp(`ok \\d+ - ${SIXTH.slug}: every component line`));
    assert.ok(pass >= 60, `${pass} tests passed`);
  });
});
