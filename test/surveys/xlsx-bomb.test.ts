/**
 * Decompression bombs (issue 12): a questionnaire XLSX of a few hundred kilobytes that inflates
 * to 100 MB — or whose directory lies about it — is refused at once with a bilingual problem,
 * before exceljs unpacks it; a registry XLSX declaring more than 2 GB is refused before reading.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { multipartBody } from '../support/fixtures.js';
import { xlsxBomb, zipOf } from '../support/zip-bomb.js';
import { importAs } from '../registry/support.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe(`XLSX imports are bounded (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-bomb-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { login } = apiClient(() => t);

  const importSurvey = async (buf: Buffer) => {
    const { payload, headers } = multipartBody('file', 'skm-november.xlsx', XLSX, buf);
    const t0 = Date.now();
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/surveys/import', payload, headers: { ...headers, ...(await login('surveyor@kota-jambi')) } });
    return { status: r.statusCode, body: JSON.parse(r.body), ms: Date.now() - t0 };
  };

  it('refuses a questionnaire workbook that inflates a thousandfold, before unpacking it', async () => {
    const bomb = xlsxBomb(100);
    assert.ok(bomb.length < 1024 * 1024, `the bomb is small: ${bomb.length} bytes`);
    const r = await importSurvey(bomb);
    assert.equal(r.status, 422);
    const p = r.body.error.problems[0];
    assert.deepEqual([p.code, p.field], ['xlsx-too-large', 'file']);
    assert.match(p.message, /terlalu besar setelah dibuka/);
    assert.match(p.messageEn, /too large once unpacked/);
    assert.ok(r.ms < 2000, `refused in ${r.ms} ms`);
  });

  it('refuses one whose directory understates what it inflates to, inflating no more than declared', async () => {
    const r = await importSurvey(xlsxBomb(100, { declaredSheetSize: 4096 }));
    assert.equal(r.status, 422);
    assert.equal(r.body.error.problems[0].code, 'xlsx-too-large');
    assert.ok(r.ms < 2000, `refused in ${r.ms} ms`);
  });

  it('refuses a questionnaire workbook of more than 20,000 rows, naming the limit', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kuesioner');
    ws.addRow(['Tanggal', 'Layanan', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9']);
    for (let i = 0; i < 20_001; i++) ws.addRow(['2026-11-02', 'pendaftaran-awal-lks', 4, 4, 3, 4, 4, 4, 4, 3, 4]);
    const r = await importSurvey(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(r.status, 422);
    assert.equal(r.body.error.problems[0].code, 'xlsx-too-many-rows');
    assert.match(r.body.error.problems[0].message, /Paling banyak 20000 baris/);
    assert.match(r.body.error.problems[0].messageEn, /At most 20000 questionnaire rows/);
  });

  it('refuses a registry workbook declaring more than 2 GB unpacked, before the streaming reader starts', async () => {
    const file = join(dir, 'dtks-november.xlsx');
    const part = { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') };
    writeFileSync(file, zipOf([{ ...part, declaredSize: 0xfffffff0 }, { ...part, name: 'xl/worksheets/sheet2.xml', declaredSize: 0x10000 }]));
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-11' });
    assert.ok(!r.ok, JSON.stringify(r));
    const text = JSON.stringify(r.error);
    assert.match(text, /xlsx-too-large/);
    assert.match(text, /export it as CSV/);
  });
});
