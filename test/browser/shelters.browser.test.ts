/**
 * A night in Banjarmasin from the emergency line to the rumah singgah, in Chromium: a phone report at
 * 22:40 WITA, the TRC records "respon awal" and refers the woman to the shelter on a 360 px phone, the
 * head of division (who recorded the shelter on a laptop) decides "dapat ditampung", the pramu sosial
 * checks her in to a bed with her belongings on a phone, and 22 days later ("lebih dari 21 hari") the
 * social worker terminates the stay with the family's KTP and surat penjamin and issues the berita
 * acara serah terima klien (PDF). Every page passes axe, obeys the CSP and fits, in both languages.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { assertSound, browserHarness, screenshotFor, signedInPage, watchCsp } from '../support/browser.js';

const BJM = 'kota-banjarmasin';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

describe(`emergency to shelter: refer, decide, check in, terminate with berita acara (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let clock = new Date('2025-03-28T14:40:00Z'); // Fri 22:40 WITA
  let number = '';
  let stayUrl = '';
  const contexts: BrowserContext[] = [];
  before(async () => {
    h = await browserHarness({ now: () => clock });
    ({ t, browser, base } = h);
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await h.close();
  });

  const open = (viewport: { width: number; height: number }, username: string): Promise<Page> => signedInPage(browser, contexts, base, viewport, username);
  const sound = assertSound;

  it('the head of division records the shelter with its rooms on a laptop', async () => {
    const page = await open(LAPTOP, `kepala-bidang@${BJM}`);
    await page.getByRole('link', { name: 'Rumah singgah' }).click();
    await page.getByRole('link', { name: 'Catat rumah singgah' }).click();
    await sound(page, 'new shelter form');
    await page.getByLabel('Nama', { exact: true }).fill('Rumah Singgah Dinsos Banjarmasin');
    await page.getByLabel('Alamat').fill('Jl. Sultan Adam, Banjarmasin Utara');
    const room = (i: number) => page.getByRole('group', { name: `Kamar ${i + 1}` });
    await room(0).getByLabel('Nama kamar').fill('Kamar Perempuan');
    await room(0).getByLabel('Untuk').selectOption('female');
    await room(0).getByLabel('Kategori').selectOption('orang-terlantar');
    await room(0).getByLabel('Jumlah tempat tidur').fill('3');
    await room(1).getByLabel('Nama kamar').fill('Kamar Lansia Laki-laki');
    await room(1).getByLabel('Untuk').selectOption('male');
    await room(1).getByLabel('Kategori').selectOption('lansia');
    await room(1).getByLabel('Jumlah tempat tidur').fill('2');
    await page.getByRole('button', { name: 'Simpan' }).click();
    assert.equal((await page.getByTestId('free').textContent())!.trim(), '5');
    await screenshotFor(page, 'shelter-board-empty-laptop');
    await sound(page, 'occupancy board (laptop)');
  });

  it('a citizen reports at 22:40 through the public form on a phone, asking for news by e-mail; the TRC responds and refers the woman to the shelter on a phone', async () => {
    const ctx = await browser.newContext({ viewport: PHONE });
    contexts.push(ctx);
    await watchCsp(ctx);
    const citizen = await ctx.newPage();
    await citizen.goto(`${base}/darurat/${BJM}/kedaruratan-ppks`);
    await citizen.getByLabel('Lokasi (alamat, patokan)').fill('Bawah Jembatan Antasari, Banjarmasin Tengah');
    await citizen.getByLabel('Kategori').selectOption('orang-terlantar');
    await citizen.getByLabel('Keadaan (apa yang terjadi, sejak kapan)').fill('Ibu paruh baya kebingungan sejak sore, tidak tahu alamat rumahnya');
    await citizen.getByLabel('Kondisi kedaruratan terjadi di wilayah Kota Banjarmasin').selectOption('ya');
    await citizen.getByLabel('Nama pelapor').fill('Hj. Rusmini');
    await citizen.getByLabel('E-mail', { exact: true }).check();
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    // E-mail ticked without an address: said beside the e-mail field.
    await citizen.locator('#err-reporter-email').waitFor();
    await sound(citizen, 'public form refused beside the e-mail (phone)');
    await citizen.getByLabel('E-mail pelapor (untuk kabar lewat e-mail)').fill('rusmini@contoh.id');
    await screenshotFor(citizen, 'emergency-public-news-choice-phone');
    await citizen.getByRole('button', { name: 'Kirim laporan' }).click();
    number = (await citizen.getByTestId('receipt-number').textContent())!.trim();
    assert.match(number, /^[A-Z]{2,5}-2025-\d{6}$/);
    clock = new Date('2025-03-28T15:12:00Z');
    const page = await open(PHONE, `trc@${BJM}`);
    await page.goto(`${base}/petugas/darurat/${number}`);
    await page.getByLabel('Catatan (apa yang ditemukan dan dilakukan)').fill('Ibu ditemukan di bawah jembatan, diberi minum; dibawa ke rumah singgah');
    await page.getByRole('button', { name: 'Simpan respon awal' }).click();
    await page.getByText('Respon awal tercatat: 32 menit sejak laporan').waitFor();
    await page.getByTestId('refer-shelter').click();
    await sound(page, 'referral form (phone)');
    await page.getByLabel('Nama (atau ciri bila belum diketahui)').fill('Belum diketahui (Ibu, ±45 tahun)');
    await page.getByLabel('Jenis kelamin').selectOption('female');
    await page.getByLabel('Kategori').selectOption('orang-terlantar');
    await page.getByLabel('Identifikasi awal').fill('Tidak membawa KTP; menyebut nama kampung "Kelayan"');
    await screenshotFor(page, 'shelter-referral-phone');
    await page.getByRole('button', { name: 'Rujuk' }).click();
    await page.getByText('Dirujuk ke rumah singgah').first().waitFor();
    stayUrl = new URL(page.url()).pathname;
    assert.match(stayUrl, /^\/petugas\/rumah-singgah\/klien\//);
    assert.equal((await page.getByTestId('stay-state').textContent())!.trim(), 'Calon klien');
    await sound(page, 'stay page: intake (phone)');
    await page.goto(`${base}/petugas/darurat/${number}`);
    assert.match((await page.getByTestId('events').textContent())!, /Dirujuk ke rumah singgah: Rumah Singgah Dinsos Banjarmasin/);
  });

  it('the head of division decides "dapat ditampung"; the pramu sosial checks her in to a fitting bed with her belongings on a phone', async () => {
    clock = new Date('2025-03-28T15:40:00Z');
    const head = await open(LAPTOP, `kepala-bidang@${BJM}`);
    await head.goto(`${base}${stayUrl}`);
    await head.getByLabel('Keputusan').selectOption('dapat-ditampung');
    await head.getByLabel('Hasil asesmen').fill('Sehat jasmani; perlu penelusuran keluarga di Kelayan');
    await head.getByRole('button', { name: 'Simpan keputusan' }).click();
    await head.getByText('Keputusan disimpan').waitFor();
    const page = await open(PHONE, `pramu-sosial@${BJM}`);
    await page.goto(`${base}/petugas/rumah-singgah`);
    await page.getByTestId('intakes').getByRole('link').first().click();
    await page.getByRole('link', { name: 'Tempatkan di tempat tidur' }).click();
    await sound(page, 'check-in form (phone)');
    await page.getByLabel('Barang bawaan').fill('Tas kain berisi pakaian; 1\nSandal jepit; 1');
    await screenshotFor(page, 'shelter-check-in-phone');
    await page.getByRole('button', { name: 'Tempatkan' }).click();
    await page.getByText('Klien ditempatkan di Kamar Perempuan no. 1').waitFor();
    assert.equal(await page.getByTestId('stay-clock').getAttribute('data-state'), 'within');
    assert.equal((await page.getByTestId('eligible-at').textContent())!.trim(), 'Jumat, 18 April 2025 23.40.01 WITA');
    await page.getByLabel('Pelayanan', { exact: true }).selectOption('permakanan');
    await page.getByLabel('Catatan (opsional)').fill('Makan malam, teh hangat');
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    await page.getByText('Pelayanan dicatat').waitFor();
    await screenshotFor(page, 'shelter-stay-phone');
    await sound(page, 'stay page (phone)');
    await page.goto(`${base}/petugas/rumah-singgah`);
    assert.equal((await page.getByTestId('occupied').textContent())!.trim(), '1');
    await screenshotFor(page, 'shelter-board-phone');
    await sound(page, 'occupancy board (phone)');
  });

  it('22 days on, the social worker terminates the stay: the surat penjamin is asked beside its field, then the berita acara is issued (PDF), in both languages', async () => {
    clock = new Date('2025-04-19T15:41:00Z'); // 22 days after check-in
    const page = await open(LAPTOP, `pekerja-sosial@${BJM}`);
    await page.goto(`${base}/petugas/rumah-singgah/melewati-batas`);
    assert.equal(await page.getByTestId('over-limit').getByTestId('stay-row').count(), 1);
    await screenshotFor(page, 'shelter-over-limit-laptop');
    await sound(page, 'over-limit list');
    await page.goto(`${base}${stayUrl}`);
    assert.equal(await page.getByTestId('stay-clock').getAttribute('data-state'), 'eligible');
    await page.getByLabel('Berdasarkan hasil asesmen klien dapat dipulangkan/direunifikasi?').selectOption('ya');
    await page.getByLabel('Hasil asesmen', { exact: true }).fill('Keluarga ditemukan melalui Ketua RT 12 Kelayan; klien mengenali suaminya');
    await page.getByLabel('Cara').selectOption('family');
    await page.getByLabel('Tujuan (alamat keluarga/masyarakat)').fill('Gang Rahayu RT 12, Kel. Kelayan Tengah');
    await page.getByLabel('Nama keluarga penjemput').fill('Samsul Bahri');
    await page.getByLabel('Hubungan dengan klien').fill('suami');
    await page.getByLabel('Identitas penjemput').selectOption('kk');
    await page.getByLabel('Nomor KTP / KK').fill('6371031505090007');
    await page.getByLabel('2 barang bawaan telah diserahkan kembali').check();
    await page.getByRole('button', { name: 'Terminasi dan terbitkan berita acara' }).click();
    await page.locator('#err-family-guaranteeLetter').waitFor();
    assert.match((await page.locator('#err-family-guaranteeLetter').textContent())!, /Surat Penjamin klien yang dibubuhi materai/);
    await screenshotFor(page, 'shelter-termination-error-laptop');
    await sound(page, 'termination refused beside its field');
    await page.getByLabel('Surat Penjamin klien telah ditandatangani di atas materai').check();
    await page.getByLabel('2 barang bawaan telah diserahkan kembali').check();
    await page.getByRole('button', { name: 'Terminasi dan terbitkan berita acara' }).click();
    await page.getByText(/Berita acara 400\.9\/\d{4}\/Dinsos\/2025 terbit/).waitFor();
    assert.equal((await page.getByTestId('stay-state').textContent())!.trim(), 'Diterminasi');
    await screenshotFor(page, 'shelter-terminated-laptop');
    await sound(page, 'terminated stay');
    const href = await page.getByTestId('handover').getByRole('link').getAttribute('href');
    const pdf = await page.request.get(`${base}${href}`);
    assert.equal(pdf.status(), 200);
    const body = await pdf.body();
    assert.equal(body.subarray(0, 5).toString(), '%PDF-');
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/shelter-berita-acara.pdf`, body);
    await page.goto(`${base}${stayUrl}?lang=en`);
    assert.equal((await page.getByTestId('stay-state').textContent())!.trim(), 'Terminated');
    await sound(page, 'terminated stay (English)');
    const phone = await open(PHONE, `kepala-bidang@${BJM}`);
    await phone.goto(`${base}/petugas/darurat/${number}?lang=en`);
    assert.match((await phone.getByTestId('events').textContent())!, /Shelter client terminated, handover record 400\.9/);
    const app = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', number).executeTakeFirstOrThrow();
    const told = await t.database.db.selectFrom('outbox').select(['kind', 'recipient']).where('application_id', '=', app.id).execute();
    assert.deepEqual(told.map((x) => x.kind).sort(), ['receipt', 'shelter-decision', 'shelter-terminated']);
    assert.ok(told.every((x) => x.recipient === 'rusmini@contoh.id'));
    await phone.goto(`${base}/petugas/rumah-singgah?lang=en`);
    await screenshotFor(phone, 'shelter-board-phone-en');
    await sound(phone, 'occupancy board (phone, English)');
    // Every other page of the capability on the phone in English, and the QR's public check.
    const shelterId = (await t.database.db.selectFrom('shelters').select('id').executeTakeFirstOrThrow()).id;
    for (const path of ['/petugas/rumah-singgah/baru', `/petugas/rumah-singgah/${shelterId}/masuk`, '/petugas/rumah-singgah/melewati-batas', stayUrl, `/petugas/rumah-singgah/rujuk?laporan=${number}`]) {
      await phone.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=en`);
      await sound(phone, `${path} (phone, English)`);
    }
    await phone.goto(`${base}/petugas/rumah-singgah/${shelterId}/masuk?lang=en`);
    await screenshotFor(phone, 'shelter-check-in-phone-en');
    const token = (await t.database.db.selectFrom('shelter_stays').select('handover_token').where('handover_token', 'is not', null).executeTakeFirstOrThrow()).handover_token!;
    const vctx = await browser.newContext({ viewport: PHONE });
    contexts.push(vctx);
    await watchCsp(vctx);
    const visitor = await vctx.newPage();
    for (const lang of ['', '?lang=en']) {
      await visitor.goto(`${base}/rumah-singgah/berita-acara/${token}${lang}`);
      await visitor.getByTestId('handover-valid').waitFor();
      assert.ok(!(await visitor.content()).includes('Samsul'), 'the public check names nobody');
      await sound(visitor, `public handover check ${lang}`);
    }
    await screenshotFor(visitor, 'shelter-handover-check-phone-en');
  });
});
