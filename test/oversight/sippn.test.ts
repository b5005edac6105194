/**
 * The SIPPN export (issue 15 §5), Kota Semarang's nine services: the JSON route, the CSV (a BOM,
 * one header line and nine rows, the decree's texts as lines, the columns named in
 * docs/OVERSIGHT.md) and the XLSX read back; every export audited; the auditor may read it, a
 * front-office clerk may not.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';

const SMG = 'kota-semarang';
const HEADINGS = ['No', 'Nama Layanan', 'Dasar Hukum', 'Persyaratan', 'Sistem, Mekanisme dan Prosedur', 'Jangka Waktu Penyelesaian', 'Biaya/Tarif', 'Produk Pelayanan', 'Penanganan Pengaduan, Saran dan Masukan', 'Sarana dan Prasarana', 'Kompetensi Pelaksana', 'Pengawasan Internal', 'Jumlah Pelaksana', 'Jaminan Pelayanan', 'Jaminan Keamanan dan Keselamatan Pelayanan', 'Evaluasi Kinerja Pelaksana', 'Penyelenggara', 'Lokasi', 'Kontak', 'Waktu Pelayanan', 'Sumber (Keputusan)'];

describe(`SIPPN export of the catalogue (${TEST_DB})`, () => {
  let t: TestApp;
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp();
  });
  after(async () => t.close());

  it('the JSON route: one row per service in the decree order, under the matched columns, the decree texts as lines', async () => {
    const r = await req('GET', '/api/v1/oversight/sippn', undefined, await login(`kepala-dinas@${SMG}`));
    assert.equal(r.status, 200, r.body);
    const body = r.json() as { columns: { heading: string; part: string }[]; rows: string[][] };
    assert.deepEqual(body.columns.map((c) => c.heading), HEADINGS);
    assert.equal(body.rows.length, 9);
    const col = (h: string) => HEADINGS.indexOf(h);
    const darurat = body.rows[1]!;
    assert.deepEqual([darurat[col('No')], darurat[col('Nama Layanan')]], ['2', 'Layanan Kedaruratan']);
    assert.equal(darurat[col('Persyaratan')], '1. Layanan Data :\na. KTP, KK\nb. Contact Person\n2. Layanan Pengaduan :\na. KTP, KK\nb. Contact Person\nc. Alamat Lengkap');
    assert.equal(darurat[col('Jangka Waktu Penyelesaian')], 'Waktu penyelesaian adalah 1 (Satu) hari kerja sejak berkas diterima dan dinyatakan lengkap oleh petugas layanan.');
    assert.match(darurat[col('Penyelenggara')]!, /^Dinas Sosial Kota Semarang, /);
    assert.equal(darurat[col('Sumber (Keputusan)')], 'Nomor 800/661/2023, 2023-04-10');
    assert.ok(body.rows.every((row) => row.every((v) => !/<[a-z/]/i.test(v))), 'no markup left');
    assert.equal((await req('GET', '/api/v1/oversight/sippn', undefined, await login(`auditor@${SMG}`))).status, 200);
    assert.equal((await req('GET', '/api/v1/oversight/sippn', undefined, await login(`front-office@${SMG}`))).status, 403);
  });

  it('the CSV and the XLSX from the evaluation page, both audited', async () => {
    const cookie = String((await postSignInForm(t.app, `kepala-dinas@${SMG}`)).headers['set-cookie']).split(';')[0]!;
    const page = await req('GET', '/petugas/evaluasi', undefined, { cookie });
    assert.match(page.body, /href="\/petugas\/evaluasi\/sippn\.csv" download>Katalog SIPPN \(CSV\)/);
    const csv = await req('GET', '/petugas/evaluasi/sippn.csv', undefined, { cookie });
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment; filename="standar-pelayanan-sippn-kota-semarang\.csv"/);
    assert.ok(csv.body.startsWith('\uFEFFNo,Nama Layanan,Dasar Hukum,Persyaratan,'));
    assert.match(csv.body, /\r\n2,Layanan Kedaruratan,/);
    assert.match(csv.body, /"1\. Layanan Data :\na\. KTP, KK\nb\. Contact Person/);
    const xlsx = await req('GET', '/petugas/evaluasi/sippn.xlsx', undefined, { cookie });
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), HEADINGS);
    assert.equal(ws.rowCount, 10);
    assert.equal(ws.getRow(10).getCell(2).value, 'Layanan Pengajuan Bantuan Jaminan Sosial Kartu Jateng Sejahtera (KJS)');
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('subject', '=', 'catalogue:sippn').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['oversight.export-sippn-csv', 'oversight.export-sippn-json', 'oversight.export-sippn-json', 'oversight.export-sippn-xlsx']);
  });
});
