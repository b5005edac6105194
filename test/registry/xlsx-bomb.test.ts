/**
 * Registry workbooks are bounded before exceljs reads them (found by the attack run, issue 12):
 * an operator's 200 KB DTKS "extract" that inflates a thousandfold — under the 2 GB bound — used
 * to be read for seconds (a 1.9 MB one that inflates to 1.9 GB: 11–20 s, +560 MB of server
 * memory, and an untranslated `internal` "Invalid string length"); one whose directory understates
 * its worksheet got past the directory check altogether. Both are now refused before reading,
 * while a real extract (packed about ninefold) is still imported.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { xlsxBomb } from '../support/zip-bomb.js';
import { extract, HEADER, importAs } from './support.js';

describe(`registry XLSX bombs (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  before(async () => {
    t = await testCtx();
    dir = mkdtempSync(join(tmpdir(), 'sigap-regbomb-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refusedFast = async (name: string, file: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, file);
    const t0 = Date.now();
    const r = await importAs(t, path, 'kota-semarang', { period: '2026-11' });
    const ms = Date.now() - t0;
    assert.ok(!r.ok, JSON.stringify(r));
    const text = JSON.stringify(r.error);
    assert.match(text, /xlsx-too-large/);
    assert.match(text, /terlalu besar setelah dibuka/);
    assert.match(text, /export it as CSV/);
    return ms;
  };

  it('refuses a workbook whose worksheet unpacks a thousandfold (200 KB → 200 MB of blanks) before reading it', async () => {
    const bomb = xlsxBomb(200);
    assert.ok(bomb.length < 300 * 1024, `${bomb.length} bytes`);
    const ms = await refusedFast('dtks-semarang-november.xlsx', bomb);
    assert.ok(ms < 1500, `refused in ${ms} ms`);
  });

  it('refuses a workbook whose directory says its worksheet is 4 KB when it inflates to 200 MB', async () => {
    await refusedFast('dtks-semarang-bohong.xlsx', xlsxBomb(200, { declaredSheetSize: 4096 }));
  });

  it('still imports a real extract of 6,000 people, its worksheet packed about ninefold', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DTKS');
    ws.addRow(HEADER);
    for (const r of extract('kota-semarang', 6000, [], 21)) ws.addRow(r);
    const path = join(dir, 'dtks-semarang-desember.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await importAs(t, path, 'kota-semarang', { period: '2026-12' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.kind, 'xlsx');
    assert.equal(r.value.rows.accepted, 6000);
  });
});
