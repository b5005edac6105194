/**
 * Registry XLSX extracts are read as a stream and bounded by rows (issue 12): a workbook whose
 * worksheet goes beyond Excel's last row (1,048,576) — which no export produces, and which a
 * crafted file uses to keep the import busy — is refused with a clear message in both languages
 * as soon as the reader meets that row, and nothing of it becomes current; a workbook whose zip
 * directory lies about its sizes is refused before the spreadsheet reader opens it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { currentSnapshot } from '../../src/db/registry-repo.js';
import { REGISTRY_XLSX_MAX_ROW } from '../../src/io/registry-file.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { importAs } from './support.js';
import { xlsxBomb } from '../support/zip-bomb.js';

describe(`registry XLSX row limit (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  before(async () => {
    t = await testCtx({ now: () => new Date('2026-03-02T03:00:00Z') });
    dir = mkdtempSync(join(tmpdir(), 'sigap-xlsx-rows-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const workbook = async (name: string, lastRow: number) => {
    const file = join(dir, name);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DTKS');
    ws.addRow(['IDDTKS', 'NIK', 'NO_KK', 'NAMA', 'TGL_LAHIR', 'JK', 'DESIL', 'PBI']);
    ws.addRow(['6371-1', '6371015506800001', '6371010101120002', 'MASLIANI', new Date(Date.UTC(1980, 5, 15)), 'P', 2, 'Y']);
    ws.getRow(lastRow).values = ['6371-2', '6371011203780003', '6371010101120002', 'JUMRI', new Date(Date.UTC(1978, 2, 12)), 'L', 2, 'T'];
    await wb.xlsx.writeFile(file);
    return file;
  };

  it('reads a sheet up to Excel’s last row', async () => {
    const r = await importAs(t, await workbook('last-row.xlsx', REGISTRY_XLSX_MAX_ROW), 'kota-banjarmasin', { period: '2026-01' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.rows.accepted, 2);
  });

  it('refuses a workbook whose directory lies about its sizes (4 KB declared, 100 MB inside) before reading it', async () => {
    const file = join(dir, 'lying.xlsx');
    writeFileSync(file, xlsxBomb(100, { declaredSheetSize: 4096 }));
    const started = performance.now();
    const r = await importAs(t, file, 'kota-banjarmasin', { period: '2026-02' });
    assert.ok(!r.ok);
    assert.equal(r.error.problems[0]!.code, 'xlsx-too-large');
    assert.match(r.error.problems[0]!.messageEn, /too large once unpacked/);
    assert.ok(performance.now() - started < 20_000);
  });

  it('refuses a sheet that goes beyond it, in both languages, and the previous snapshot stays current', async () => {
    const office = t.catalogue.office('kota-banjarmasin')!.id;
    const before = await currentSnapshot(t.database.db, office);
    const started = performance.now();
    const r = await importAs(t, await workbook('beyond.xlsx', REGISTRY_XLSX_MAX_ROW + 1), 'kota-banjarmasin', { period: '2026-02' });
    assert.ok(!r.ok);
    const p = r.error.problems[0]!;
    assert.equal(p.code, 'xlsx-too-many-rows');
    assert.match(p.message, /melewati baris 1\.048\.576 \(batas Excel\).*Ekspor data sebagai CSV/);
    assert.match(p.messageEn, /beyond row 1,048,576 \(Excel's limit\).*Export the data as CSV/);
    assert.ok(performance.now() - started < 30_000, 'refused without reading a million rows');
    assert.equal((await currentSnapshot(t.database.db, office))!.id, before!.id);
  });
});
