import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { countVersions, readCurrentStandards, readServiceVersion } from '../../src/db/standards-repo.js';
import { loadStandards } from '../../src/usecases/catalogue/load-standards.js';
import { freshDatabase, TEST_DB, type TestDatabase } from '../support/db.js';
import { rewriteExample, writeExampleStandards } from '../support/format-example.js';

describe(`standards are stored as versions (${TEST_DB})`, () => {
  let t: TestDatabase;
  let root: string;
  before(async () => {
    t = await freshDatabase();
    root = writeExampleStandards();
  });
  after(async () => {
    await t.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('first load creates version 1 of the office and of each service, and audits it', async () => {
    const r = await loadStandards(t.database, root, 'tester');
    assert.ok(r.ok);
    assert.equal(r.value[0]!.officeChange, 'created');
    assert.deepEqual(r.value[0]!.services, [{ slug: 'rekomendasi-sktm', change: 'created', version: 1 }]);
    assert.deepEqual(await countVersions(t.database.db), { officeVersions: 1, serviceVersions: 1 });
    const audit = await t.database.db.selectFrom('audit_events').selectAll().execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'standards.load');
    assert.equal(audit[0]!.actor, 'tester');
  });

  it('reloading an unchanged standard creates no new version and no audit noise', async () => {
    const r = await loadStandards(t.database, root, 'tester');
    assert.ok(r.ok);
    assert.equal(r.value[0]!.officeChange, 'unchanged');
    assert.equal(r.value[0]!.services[0]!.change, 'unchanged');
    assert.deepEqual(await countVersions(t.database.db), { officeVersions: 1, serviceVersions: 1 });
    assert.equal((await t.database.db.selectFrom('audit_events').selectAll().execute()).length, 1);
  });

  it('a changed service gets a new version; the old one is kept and still readable', async () => {
    const [before] = await readCurrentStandards(t.database.db);
    const oldVersionId = before!.services[0]!.versionId;
    rewriteExample(root, (s) => ({ ...s, service: s.service.replace('sla: { text: "15 menit", value: 15, unit: minutes }', 'sla: { text: "30 menit", value: 30, unit: minutes }') }));
    const r = await loadStandards(t.database, root, 'tester');
    assert.ok(r.ok);
    assert.equal(r.value[0]!.officeChange, 'unchanged');
    assert.deepEqual(r.value[0]!.services, [{ slug: 'rekomendasi-sktm', change: 'changed', version: 2 }]);
    assert.deepEqual(await countVersions(t.database.db), { officeVersions: 1, serviceVersions: 2 });
    const [now] = await readCurrentStandards(t.database.db);
    assert.equal(now!.services[0]!.service.sla?.value, 30);
    const old = await readServiceVersion(t.database.db, oldVersionId);
    assert.equal(old?.sla?.value, 15, 'the version an earlier application was filed under is unchanged');
  });

  it('a changed decree creates a new office version', async () => {
    rewriteExample(root, (s) => ({
      office: s.office.replace('number: "1 Tahun 2026"', 'number: "2 Tahun 2026"'),
      service: s.service.replace('value: 15, unit: minutes', 'value: 30, unit: minutes').replace('"15 menit", value: 30', '"30 menit", value: 30'),
    }));
    const r = await loadStandards(t.database, root, 'tester');
    assert.ok(r.ok);
    assert.equal(r.value[0]!.officeChange, 'changed');
    assert.equal(r.value[0]!.officeVersion, 2);
    const rows = await t.database.db.selectFrom('office_versions').select(['version', 'decree_number']).orderBy('version').execute();
    assert.deepEqual(rows.map((x) => [Number(x.version), x.decree_number]), [[1, '1 Tahun 2026'], [2, '2 Tahun 2026']]);
  });

  it('an invalid standard is refused and stores nothing', async () => {
    const beforeCount = await countVersions(t.database.db);
    rewriteExample(root, (s) => ({ ...s, service: s.service.replace('kind: sign', 'kind: tandatangan') }));
    const r = await loadStandards(t.database, root, 'tester');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.problems[0]!.message, /procedure\.steps\[1\]\.kind: harus salah satu dari/);
    assert.deepEqual(await countVersions(t.database.db), beforeCount);
  });
});
