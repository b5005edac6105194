/**
 * Kota Jambi's warehouse keeper on a 360 px phone, in Chromium: writes off 2 damaged kits with a
 * witness and opens the numbered berita acara penghapusan; is refused a dispatch from the desa
 * lumbung beside the incident field (no emergency status yet); dispatches 40 kits to the flood,
 * records the truck in transit and its arrival at the posko, and hands the arrived shipment over.
 * Then the head of division closes the incident on a laptop: refused beside the reason while 10
 * kits are unaccounted for, closed in English with a written reason, the summary shown. Every page
 * passes axe, obeys the CSP and fits its screen.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import { apiClient } from '../support/app.js';
import { assertSound, browserHarness, screenshotFor, signedInPage } from '../support/browser.js';
import { pdfText } from '../support/pdf.js';

const JAMBI = 'kota-jambi';
const KEEPER = `pejabat-fungsional@${JAMBI}`;
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

describe(`logistics: a shipment's journey on a phone and the head closing the incident (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let browser: Browser;
  let base: string;
  let clock = new Date('2025-11-20T09:30:00Z'); // 16:30 WIB
  const contexts: BrowserContext[] = [];
  let warehouse = '';
  let lumbung = '';
  let incident = '';
  before(async () => {
    h = await browserHarness({ now: () => clock });
    ({ browser, base } = h);
    const { req, login } = apiClient(() => h.t);
    const auth = await login(KEEPER);
    warehouse = (await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Gudang Logistik Bencana Kota Jambi', kind: 'gudang-dinas' }, auth)).json().id;
    lumbung = (await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Lumbung Sosial Kelurahan Legok', kind: 'lumbung-desa', area: 'Legok' }, auth)).json().id;
    const kit = (await req('POST', '/api/v1/logistics/items', { office: JAMBI, code: 'FK-01', name: 'Family kit', unit: 'paket' }, auth)).json().id;
    for (const w of [warehouse, lumbung]) assert.equal((await req('POST', '/api/v1/logistics/movements', { warehouse: w, item: kit, kind: 'receipt', quantity: 100, lot: 'FK-2025-07', funding: 'apbn', condition: 'baik', handedOverBy: 'Balai Besar Logistik Kemensos' }, auth)).status, 201);
    incident = (await req('POST', '/api/v1/logistics/incidents', { title: 'Banjir Kelurahan Legok', source: 'camat', location: { text: 'RT 07 Kelurahan Legok, Kecamatan Danau Sipin' }, description: '60 rumah terendam 80 cm' }, auth)).json().id;
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h.close();
  });
  const open = (viewport: { width: number; height: number }, username: string): Promise<Page> => signedInPage(browser, contexts, base, viewport, username);

  it('the keeper writes off 2 kits with a witness and opens the berita acara penghapusan; the lumbung refuses beside the incident', async () => {
    const page = await open(PHONE, KEEPER);
    await page.goto(`${base}/petugas/logistik/gudang/${warehouse}`);
    const out = page.getByTestId('dispatch-form');
    await out.getByLabel('Jenis mutasi').selectOption('write-off');
    await out.getByLabel('Jumlah').fill('2');
    await out.getByLabel('Keadaan barang (penghapusan)').selectOption('rusak-berat');
    await out.getByLabel(/^Alasan/).fill('Kemasan robek dan basah terkena rembesan atap gudang');
    await out.getByLabel('Saksi penghapusan (nama, jabatan)').fill('Drs. Syamsul Rizal, Kepala Bidang Linjamsos');
    await out.getByRole('button', { name: 'Catat mutasi' }).click();
    assert.match((await page.getByRole('status').textContent())!, /stok kini 98; berita acara 400\.9\/\d{4}\/Dinsos\/2025/);
    const link = page.getByTestId('documents').getByRole('link', { name: /Berita acara penghapusan/ });
    const pdf = await page.request.get(new URL((await link.getAttribute('href'))!, base).toString());
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    const body = Buffer.from(await pdf.body());
    assert.match((await pdfText(body)).text, /BERITA ACARA PENGHAPUSAN BARANG BANTUAN LOGISTIK.*Drs\. Syamsul Rizal/);
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/berita-acara-penghapusan-browser.pdf`, body);
    await assertSound(page, 'warehouse after the write-off');
    await screenshotFor(page, 'logistics-writeoff-phone');

    await page.goto(`${base}/petugas/logistik/gudang/${lumbung}`);
    assert.match((await page.getByTestId('release-gate').textContent())!, /status tanggap darurat/);
    const l = page.getByTestId('dispatch-form');
    await l.getByLabel('Jumlah').fill('10');
    await l.getByLabel('Untuk kejadian bencana').selectOption({ label: 'Banjir Kelurahan Legok' });
    await l.getByRole('button', { name: 'Catat mutasi' }).click();
    assert.match((await page.locator('#d-incident').locator('xpath=..').textContent())!, /hanya mengeluarkan barang setelah status tanggap darurat ditetapkan/);
    assert.equal(await page.locator('#d-incident').getAttribute('aria-invalid'), 'true');
    await assertSound(page, 'lumbung refused');
    await screenshotFor(page, 'logistics-lumbung-refused-phone');
  });

  it('the keeper dispatches 40, records the truck in transit and its arrival at the posko, and hands the arrived shipment over', async () => {
    const page = await open(PHONE, KEEPER);
    await page.goto(`${base}/petugas/logistik/gudang/${warehouse}`);
    const out = page.getByTestId('dispatch-form');
    await out.getByLabel('Jumlah').fill('40');
    await out.getByLabel('Untuk kejadian bencana').selectOption({ label: 'Banjir Kelurahan Legok' });
    await out.getByLabel(/^Tujuan pengiriman/).fill('Posko Masjid Al-Ikhlas, Legok');
    await out.getByRole('button', { name: 'Catat mutasi' }).click();
    assert.equal((await page.getByTestId('on-hand').textContent())!.trim(), '58');
    clock = new Date('2025-11-20T10:30:00Z'); // 17:30 WIB
    await page.goto(`${base}/petugas/logistik/kejadian/${incident}`);
    const card = page.getByTestId('shipments').locator('li[data-shipment]').first();
    assert.equal((await card.getByTestId('shipment-state').textContent())!.trim(), 'Dikeluarkan dari gudang');
    await card.getByText('Catat perjalanan pengiriman ini').click();
    await card.getByLabel('Keadaan').selectOption('returned');
    await card.getByRole('button', { name: 'Simpan' }).click();
    // A return without its reason comes back beside the reason.
    const again = page.getByTestId('shipments').locator('li[data-shipment]').first();
    assert.match((await again.locator('textarea[name="reason"]').locator('xpath=..').textContent())!, /Alasan pengembalian wajib diisi/);
    await assertSound(page, 'return refused');
    await again.getByLabel('Keadaan').selectOption('in-transit');
    await again.getByLabel('Waktu (kosong: sekarang)').fill('2025-11-20T16:50');
    await again.getByLabel(/^Catatan/).fill('Mobil angkutan logistik BH 8123 MZ berangkat');
    await again.getByRole('button', { name: 'Simpan' }).click();
    assert.match((await page.getByRole('status').textContent())!, /Perjalanan pengiriman dicatat/);
    const moving = page.getByTestId('shipments').locator('li[data-shipment]').first();
    assert.equal((await moving.getByTestId('shipment-state').textContent())!.trim(), 'Dalam perjalanan');
    await moving.getByText('Catat perjalanan pengiriman ini').click();
    await moving.getByLabel('Keadaan').selectOption('arrived');
    await moving.getByLabel('Lintang (opsional)').fill('-1.5899');
    await moving.getByLabel('Bujur (opsional)').fill('103.5871');
    await moving.getByLabel(/^Catatan/).fill('Diterima relawan posko, H. Syamsul Bahri');
    await moving.getByRole('button', { name: 'Simpan' }).click();
    assert.equal((await page.getByTestId('shipments').getByTestId('shipment-state').first().textContent())!.trim(), 'Tiba di posko');
    const form = page.getByTestId('handover-form');
    await form.getByLabel('Dari pengiriman yang sudah tiba').selectOption({ index: 1 });
    await form.getByLabel('Tempat serah terima').fill('Posko Masjid Al-Ikhlas');
    await form.getByLabel('Nama penerima (PIHAK KEDUA)').fill('H. Syamsul Bahri');
    await form.getByLabel('Jabatan penerima').fill('Koordinator Posko');
    await form.getByLabel('Jumlah').fill('30');
    await form.getByRole('button', { name: 'Serahkan dan terbitkan berita acara' }).click();
    assert.match((await page.getByRole('status').textContent())!, /Berita acara 400\.9\/\d{4}\/Dinsos\/2025 terbit/);
    assert.equal((await page.getByTestId('shipments').getByTestId('shipment-state').first().textContent())!.trim(), 'Diserahterimakan');
    assert.equal((await page.getByTestId('outstanding').textContent())!.trim(), '10');
    await assertSound(page, 'incident after the handover');
    await screenshotFor(page, 'logistics-journey-phone');
    await page.goto(`${base}/petugas/logistik/kejadian/${incident}?lang=en`);
    assert.equal((await page.getByTestId('shipments').getByTestId('shipment-state').first().textContent())!.trim(), 'Handed over');
    await assertSound(page, 'incident in English on the phone');
    await screenshotFor(page, 'logistics-journey-phone-en');
  });

  it('the head closes the incident on a laptop: refused beside the reason while 10 kits are in the field, then closed in English with the reason; the summary shows', async () => {
    const page = await open(LAPTOP, `kepala-bidang@${JAMBI}`);
    await page.goto(`${base}/petugas/logistik/kejadian/${incident}`);
    const form = page.getByTestId('close-form');
    await form.getByLabel(/^Alasan penutupan/).fill('selesai');
    await form.getByRole('button', { name: 'Tutup kejadian' }).click();
    assert.match((await page.locator('#x-reason').locator('xpath=..').textContent())!, /Rekonsiliasi belum seimbang \(masih di lapangan: Family kit 10 paket\)/);
    assert.equal(await page.locator('#x-reason').getAttribute('aria-invalid'), 'true');
    await assertSound(page, 'closure refused');
    await screenshotFor(page, 'logistics-close-refused-laptop');
    await page.goto(`${base}/petugas/logistik/kejadian/${incident}?lang=en`);
    const en = page.getByTestId('close-form');
    await en.getByLabel(/^Reason for closing/).fill('Ten kits were left at the posko as a reserve for the second wave; the lurah accounts for them');
    await en.getByRole('button', { name: 'Close the incident' }).click();
    assert.match((await page.getByRole('status').textContent())!, /Incident closed/);
    assert.equal((await page.getByTestId('incident-state').textContent())!.trim(), 'closed');
    const summary = (await page.getByTestId('closure').textContent())!;
    assert.match(summary, /not balanced/);
    assert.match(summary, /Ten kits were left at the posko/);
    assert.match(summary, /received 40 − distributed 30 − returned 0 − written off 0 = 10 paket/);
    assert.equal(await page.getByTestId('handover-form').count(), 0, 'a closed incident offers no handover');
    assert.equal(await page.getByTestId('close-form').count(), 0);
    await assertSound(page, 'closed incident in English');
    await screenshotFor(page, 'logistics-closed-laptop-en');
  });
});
