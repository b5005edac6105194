/**
 * A warehouse keeper of Kota Jambi on a 360 px phone, in Chromium: registers the disaster warehouse
 * and the family kit, receives 100 kits with the berita acara penerimaan (a missing "who handed over"
 * comes back beside its field), dispatches 40, writes off 2 and is refused 59 with the stock (58)
 * beside the quantity; the page shows the lots and alerts on a laptop and in English. Every page
 * passes axe, obeys the CSP and fits the phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { TEST_DB } from '../support/db.js';
import { pdfText, qrOf } from '../support/pdf.js';
import { assertSound, browserHarness, screenshotFor, signedInPage } from '../support/browser.js';

const JAMBI = 'kota-jambi';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

describe(`logistics: a warehouse keeper receives and dispatches on a phone (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let browser: Browser;
  let base: string;
  const clock = new Date('2025-08-10T02:00:00Z'); // 09:00 WIB
  const contexts: BrowserContext[] = [];
  let warehouseUrl = '';
  before(async () => {
    h = await browserHarness({ now: () => clock });
    ({ browser, base } = h);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h.close();
  });

  const open = (viewport: { width: number; height: number }, username: string): Promise<Page> => signedInPage(browser, contexts, base, viewport, username);
  const sound = assertSound;

  it('receives 100 family kits, dispatches 40, writes off 2 and is refused 59 beside the quantity, on a phone', async () => {
    const page = await open(PHONE, `pejabat-fungsional@${JAMBI}`);
    await page.getByRole('link', { name: 'Logistik bencana' }).click();
    await sound(page, 'overview (empty)');
    await page.getByText('Tambah barang ke katalog').click();
    await page.getByLabel('Kode barang').fill('FK-01');
    await page.getByLabel('Nama barang').fill('Family kit');
    await page.getByLabel('Satuan').selectOption('paket');
    await page.getByRole('button', { name: 'Simpan barang' }).click();
    await page.getByText('Tambah gudang atau lumbung sosial').click();
    await page.getByLabel('Nama gudang').fill('Gudang Logistik Bencana Dinas Sosial Kota Jambi');
    await page.getByLabel('Jenis').selectOption('gudang-dinas');
    await page.getByLabel('Wilayah (kecamatan/kelurahan)').fill('Kota Baru');
    await page.getByLabel('Penanggung jawab gudang').fill('Hendra Saputra');
    await page.getByRole('button', { name: 'Simpan gudang' }).click();
    await page.waitForURL(/\/petugas\/logistik\/gudang\//);
    warehouseUrl = page.url().replace(/\?.*$/, '');
    await sound(page, 'empty warehouse');

    const receipt = page.getByTestId('receipt-form');
    await receipt.getByLabel('Jumlah').fill('100');
    await receipt.getByLabel('Kode lot (boleh kosong)').fill('FK-2025-07');
    await receipt.getByLabel('Kedaluwarsa (jika ada)').fill('2025-09-01');
    await receipt.getByLabel('Sumber dana').selectOption('apbn');
    await receipt.getByRole('button', { name: 'Catat penerimaan' }).click();
    // Who handed the goods over is part of the berita acara: the refusal sits beside that field.
    assert.match((await page.locator('#r-handedOverBy').locator('xpath=..').textContent())!, /Nama yang menyerahkan barang wajib diisi/);
    assert.equal(await page.locator('#r-handedOverBy').getAttribute('aria-invalid'), 'true');
    await sound(page, 'receipt refused');
    await screenshotFor(page, 'logistics-receipt-refused-phone');
    await page.getByTestId('receipt-form').getByLabel('Yang menyerahkan (nama, instansi)').fill('Balai Besar Logistik Kemensos (Ahmad Fauzi)');
    await page.getByTestId('receipt-form').getByRole('button', { name: 'Catat penerimaan' }).click();
    assert.match((await page.getByRole('status').textContent())!, /stok kini 100/);

    const out = page.getByTestId('dispatch-form');
    await out.getByLabel('Jumlah').fill('40');
    await out.getByRole('button', { name: 'Catat mutasi' }).click();
    assert.match((await page.getByRole('status').textContent())!, /stok kini 60/);
    await page.getByTestId('dispatch-form').getByLabel('Jenis mutasi').selectOption('write-off');
    await page.getByTestId('dispatch-form').getByLabel('Jumlah').fill('2');
    await page.getByTestId('dispatch-form').getByLabel(/^Alasan/).fill('Kemasan robek terkena rembesan atap gudang');
    await page.getByTestId('dispatch-form').getByRole('button', { name: 'Catat mutasi' }).click();
    assert.equal((await page.getByTestId('on-hand').textContent())!.trim(), '58');

    await page.getByTestId('dispatch-form').getByLabel('Jumlah').fill('59');
    await page.getByTestId('dispatch-form').getByRole('button', { name: 'Catat mutasi' }).click();
    assert.match((await page.locator('#d-quantity').locator('xpath=..').textContent())!, /Stok tidak cukup: Family kit tersedia 58 paket, diminta 59/);
    assert.equal((await page.getByTestId('on-hand').textContent())!.trim(), '58');
    // 2025-09-01 is 22 days after 10 August: the lot is in the 30-day band.
    assert.equal((await page.getByTestId('expiry').textContent())!.trim(), '≤ 30 hari');
    await sound(page, 'dispatch refused');
    await screenshotFor(page, 'logistics-warehouse-phone');
  });

  it('the warehouse on a laptop and in English: the ledger lists receipt, dispatch and write-off', async () => {
    const page = await open(LAPTOP, `pejabat-fungsional@${JAMBI}`);
    await page.goto(`${warehouseUrl}?lang=en`);
    await sound(page, 'warehouse in English');
    assert.deepEqual(await page.getByTestId('ledger').locator('tbody tr td:nth-child(2)').allTextContents(), ['Write-off', 'Dispatch', 'Receipt']);
    assert.match((await page.getByTestId('alerts').textContent())!, /1 lots expiring/);
    await screenshotFor(page, 'logistics-warehouse-laptop-en');
    const phone = await open(PHONE, `auditor@${JAMBI}`);
    await phone.goto(`${warehouseUrl}?lang=en`);
    assert.equal(await phone.getByTestId('receipt-form').count(), 0, 'the auditor reads and records nothing');
    await sound(phone, 'warehouse for the auditor, phone, English');
    await screenshotFor(phone, 'logistics-warehouse-phone-en');
  });

  it('records a flood, dispatches 30 kits to it, hands 30 over to the posko on the phone, and gets the numbered berita acara PDF', async () => {
    const page = await open(PHONE, `pejabat-fungsional@${JAMBI}`);
    await page.goto(`${base}/petugas/logistik`);
    await page.getByRole('link', { name: 'Catat kejadian bencana' }).click();
    await page.getByRole('button', { name: 'Simpan kejadian' }).click();
    await sound(page, 'incident refused');
    assert.equal(await page.locator('#n-title').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Nama kejadian').fill('Banjir Kelurahan Legok');
    await page.getByLabel('Laporan dari').selectOption('camat');
    await page.getByLabel('Lokasi').fill('RT 07 Kelurahan Legok, Kecamatan Danau Sipin');
    await page.getByLabel('Keadaan (dampak, jumlah korban, pengungsian)').fill('60 rumah terendam 80 cm, warga mengungsi ke Masjid Al-Ikhlas');
    await page.getByRole('button', { name: 'Simpan kejadian' }).click();
    const incidentUrl = page.url().replace(/\?.*$/, '');
    await page.goto(warehouseUrl);
    const out = page.getByTestId('dispatch-form');
    await out.getByLabel('Jumlah').fill('30');
    await out.getByLabel('Untuk kejadian bencana').selectOption({ label: 'Banjir Kelurahan Legok' });
    await out.getByRole('button', { name: 'Catat mutasi' }).click();
    assert.equal((await page.getByTestId('on-hand').textContent())!.trim(), '28');
    await page.goto(incidentUrl);
    const form = page.getByTestId('handover-form');
    await form.getByLabel('Tempat serah terima').fill('Posko Masjid Al-Ikhlas');
    await form.getByLabel('Nama penerima (PIHAK KEDUA)').fill('H. Syamsul Bahri');
    await form.getByLabel('Jabatan penerima').fill('Koordinator Posko');
    await form.getByLabel('Jumlah').fill('31');
    await form.getByRole('button', { name: 'Serahkan dan terbitkan berita acara' }).click();
    assert.match((await page.locator('#h-items').locator('xpath=..').textContent())!, /belum diserahkan hanya 30 paket, diminta 31/);
    await sound(page, 'handover refused');
    await page.getByTestId('handover-form').getByLabel('Jumlah').fill('30');
    await page.getByTestId('handover-form').getByRole('button', { name: 'Serahkan dan terbitkan berita acara' }).click();
    assert.match((await page.getByRole('status').textContent())!, /Berita acara 400\.9\/\d{4}\/Dinsos\/2025 terbit/);
    assert.equal((await page.getByTestId('outstanding').textContent())!.trim(), '0');
    await sound(page, 'incident after the handover');
    await screenshotFor(page, 'logistics-incident-phone');
    const link = page.getByTestId('handovers').getByRole('link');
    const pdf = await page.request.get(new URL((await link.getAttribute('href'))!, base).toString());
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const body = await pdf.body();
    const { text } = await pdfText(body);
    for (const s of ['BERITA ACARA SERAH TERIMA BANTUAN LOGISTIK', 'Family kit (FK-01): 30 paket', 'H. Syamsul Bahri', 'PIHAK KEDUA']) assert.ok(text.includes(s), s);
    assert.match(qrOf(body) ?? '', /\/logistik\/berita-acara\//);
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/logistics-berita-acara-browser.pdf`, body);
    await page.goto(`${incidentUrl}?lang=en`);
    await sound(page, 'incident in English');
    await screenshotFor(page, 'logistics-incident-phone-en');
  });
});
