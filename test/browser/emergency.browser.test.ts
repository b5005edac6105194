/**
 * An emergency night in Banjarmasin, in Chromium: the receiving officer takes a phone report at
 * 22:40 WITA on a cuti-bersama day on a 360 px phone, the head of division records the TRC member's
 * official ID and SIM, puts him on duty and assigns him to a pick-up on a laptop, the TRC member
 * records "respon awal" with a photo on his phone 31 minutes after the report, and the board shows
 * it met. Every page passes axe, obeys the CSP and fits the phone, in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeFindings, browserHarness, cspViolations, screenshotFor, sidewaysScroll, signIn, watchCsp } from '../support/browser.js';

const BJM = 'kota-banjarmasin';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
// A 1×1 PNG: the photo from the place, as a phone would send it.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe(`emergency night: report, assign, respond on a phone, board (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let clock = new Date('2025-03-28T14:40:00Z'); // Fri 22:40 WITA, cuti bersama
  let number = '';
  const contexts: BrowserContext[] = [];
  before(async () => {
    h = await browserHarness({ now: () => clock });
    ({ t, browser, base } = h);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h.close();
  });

  const open = async (viewport: { width: number; height: number }, username: string): Promise<Page> => {
    const ctx = await browser.newContext({ viewport });
    contexts.push(ctx);
    await watchCsp(ctx);
    const page = await ctx.newPage();
    await signIn(page, base, username);
    return page;
  };
  /** What every page must be: accessible, within the CSP, and without sideways scrolling. */
  const sound = async (page: Page, what: string) => {
    assert.equal((await axeFindings(page)).join('\n'), '', `${what}: axe`);
    assert.equal((await cspViolations(page)).join('\n'), '', `${what}: CSP`);
    assert.equal(await sidewaysScroll(page), 0, `${what}: sideways scroll`);
  };

  it('the receiving officer takes a phone report at night on a phone; the receipt promises the first response by 23:25 WITA', async () => {
    const page = await open(PHONE, `pengelola-pengaduan@${BJM}`);
    await page.getByRole('link', { name: 'Darurat' }).click();
    await page.getByRole('link', { name: 'Catat laporan darurat' }).click();
    await sound(page, 'report form');
    await page.getByLabel('Saluran').selectOption('phone');
    await page.getByLabel('Lokasi (alamat, patokan)').fill('Emperan toko depan Pasar Sudimampir, Jl. Sudimampir');
    await page.getByLabel('Kategori').selectOption('lansia');
    await page.getByLabel('Keadaan (apa yang terjadi, sejak kapan)').fill('Kakek sekitar 70 tahun tidur di emperan, menggigil, belum makan sejak siang');
    await page.getByLabel('Kondisi kedaruratan terjadi di wilayah Kota Banjarmasin').selectOption('ya');
    await page.getByLabel('Nama pelapor').fill('Hj. Rusmini');
    await page.getByLabel('Telepon/WhatsApp pelapor').fill('0812 5123 4470');
    await screenshotFor(page, 'emergency-report-form-phone');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    number = (await page.getByTestId('receipt-number').textContent())!.trim();
    assert.match(number, /^[A-Z]{2,5}-2025-\d{6}$/);
    assert.equal((await page.getByTestId('due').textContent())!.trim(), 'Respon awal paling lambat: Jumat, 28 Maret 2025 23.25 WITA');
    await screenshotFor(page, 'emergency-receipt-phone');
    await sound(page, 'receipt');
  });

  it('the head of division records the SIM, puts the TRC member on duty and assigns him to the pick-up on a laptop', async () => {
    const page = await open(LAPTOP, `kepala-bidang@${BJM}`);
    await page.goto(`${base}/petugas/darurat/piket`);
    const row = page.getByRole('row', { name: /Tim Reaksi Cepat|trc/ }).first();
    await row.getByLabel('Identitas').fill('TRC-BJM-007');
    await row.getByLabel('SIM').fill('SIM A 1234-5678-000123');
    await row.getByLabel('berlaku s.d.').fill('2027-08-17');
    await row.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Kredensial disimpan').waitFor();
    const trcName = (await t.database.db.selectFrom('staff_users').select('display_name').where('username', '=', `trc@${BJM}`).executeTakeFirstOrThrow()).display_name;
    await page.locator('#f-m').selectOption({ label: trcName });
    await page.getByLabel('Mulai').fill('2025-03-28T20:00');
    await page.getByLabel('Selesai').fill('2025-03-29T08:00');
    await page.getByRole('button', { name: 'Tambah' }).click();
    await page.getByText('Piket ditambahkan').waitFor();
    await screenshotFor(page, 'emergency-roster-laptop');
    await sound(page, 'roster');
    await page.goto(`${base}/petugas/darurat/${number}`);
    await page.locator('#f-member').selectOption({ label: trcName });
    await page.getByLabel('Tugas', { exact: true }).selectOption('penjemputan');
    await page.getByRole('button', { name: 'Tugaskan' }).click();
    await page.getByText('Petugas ditugaskan').waitFor();
    assert.match((await page.getByTestId('assigned').textContent())!, /Penjemputan klien/);
    await page.goto(`${base}/petugas/darurat`);
    const onBoard = page.locator(`[data-number="${number}"]`);
    assert.match((await onBoard.textContent())!, /Penjemputan klien/);
    assert.equal((await onBoard.getByTestId('countdown').textContent())!.trim(), '45 mnt');
    await screenshotFor(page, 'emergency-board-laptop');
    await sound(page, 'board (laptop)');
  });

  it('the TRC member records "respon awal" with a photo on his phone 31 minutes after the report; the board shows it met, in both languages', async () => {
    clock = new Date('2025-03-28T15:11:00Z');
    const page = await open(PHONE, `trc@${BJM}`);
    await page.goto(`${base}/petugas/darurat`);
    assert.equal((await page.locator(`[data-number="${number}"]`).getByTestId('countdown').textContent())!.trim(), '14 mnt');
    await screenshotFor(page, 'emergency-board-phone-before');
    await sound(page, 'board (phone)');
    await page.getByRole('link', { name: number }).click();
    await page.getByLabel('Catatan (apa yang ditemukan dan dilakukan)').fill('Kakek ditemukan, diberi selimut dan makan; dijemput ke rumah singgah');
    await page.getByLabel('Lintang (opsional)').fill('-3.3190');
    await page.getByLabel('Bujur (opsional)').fill('114.5901');
    await page.getByLabel('Foto (opsional, JPEG/PNG, maks. 10 MB)').setInputFiles({ name: 'lokasi.png', mimeType: 'image/png', buffer: PHOTO });
    await sound(page, 'report page');
    await screenshotFor(page, 'emergency-respond-phone');
    await page.getByRole('button', { name: 'Simpan respon awal' }).click();
    await page.getByText('Respon awal tercatat: 31 menit sejak laporan').waitFor();
    await page.goto(`${base}/petugas/darurat`);
    const row = page.getByTestId('board-responded').locator(`[data-number="${number}"]`);
    assert.equal((await row.getByTestId('fr-state').textContent())!.trim(), 'Respon awal tepat waktu');
    assert.equal((await row.getByTestId('fr-minutes').textContent())!.trim(), '31 menit');
    await screenshotFor(page, 'emergency-board-phone-met');
    await sound(page, 'board met (phone)');
    await page.goto(`${base}/petugas/darurat?lang=en`);
    const en = page.getByTestId('board-responded').locator(`[data-number="${number}"]`);
    assert.equal((await en.getByTestId('fr-state').textContent())!.trim(), 'First response on time');
    await screenshotFor(page, 'emergency-board-phone-met-en');
    await sound(page, 'board met (phone, English)');
    const photo = await t.database.db.selectFrom('attachments').select('upload_id').where('requirement_id', '=', 'foto-respon-awal').execute();
    assert.equal(photo.length, 1, 'the photo is kept with the case');
  });

  it('the roster fits a phone, and a citizen reports through the public form on a phone in English without any identity document', async () => {
    const head = await open(PHONE, `kepala-bidang@${BJM}`);
    await head.goto(`${base}/petugas/darurat/piket?lang=en`);
    await screenshotFor(head, 'emergency-roster-phone-en');
    await sound(head, 'roster (phone, English)');
    const ctx = await browser.newContext({ viewport: PHONE });
    contexts.push(ctx);
    await watchCsp(ctx);
    const page = await ctx.newPage();
    await page.goto(`${base}/darurat?lang=en`);
    await sound(page, 'public list');
    await page.getByRole('link', { name: 'Dinas Sosial Kota Banjarmasin' }).click();
    await sound(page, 'public form (English)');
    await page.getByLabel('Place (address, landmark)').fill('Under the Antasari bridge, Banjarmasin');
    await page.getByLabel('Category').selectOption('anak');
    await page.getByLabel('Situation (what is happening, since when)').fill('Two children sleeping under the bridge, no adult around since evening');
    await page.getByLabel('Kondisi kedaruratan terjadi di wilayah Kota Banjarmasin').selectOption('ya');
    await page.getByLabel('Reporter’s name').fill('Dewi Lestari');
    await screenshotFor(page, 'emergency-public-form-phone-en');
    await page.getByRole('button', { name: 'Send report' }).click();
    assert.match((await page.getByTestId('tracking-code').textContent())!, /^[A-Z2-9]{8}$/);
    assert.equal((await page.getByTestId('due').textContent())!.trim(), 'First response by: Friday, 28 March 2025 23:56 WITA');
    assert.ok(!page.url().includes((await page.getByTestId('tracking-code').textContent())!), 'the tracking code is not in the URL');
    await screenshotFor(page, 'emergency-public-receipt-phone-en');
    await sound(page, 'public receipt (English)');
  });
});
