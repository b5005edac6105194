/**
 * Group programmes and the citizen's self-check in Chromium: Semarang's pendamping registers a KUBE
 * group on a 360 px phone (a member one day short of 20 on the proposal date refused beside that
 * member's date of birth, in the decree's words, 422; corrected, registered), then records the
 * Lurah's SK; a citizen on a phone finds the programme from the office page, sees the 2026
 * recipients with NIK masked and checks a NIK + KK: "Terdaftar", in both languages; the Banjarmasin
 * operator sets the JKN-KIS quota and queues proposals, each told its position. Every page passes
 * axe and fits its viewport.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiClient } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, signIn, suiteHarness } from '../support/browser.js';

const SEMARANG = 'kota-semarang';
const KUKAR = 'kabupaten-kutai-kartanegara';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };

const MEMBERS = [
  ['Sutrisno', '3374011505800001', '3374011503090001'],
  ['Wahyuningsih', '3374014706820002', '3374011503090002'],
  ['Bambang Riyadi', '3374010207840003', '3374011503090003'],
  ['Sri Lestari', '3374015808860004', '3374011503090004'],
  ['Agus Salim', '3374011909880005', '3374011503090005'],
  ['Endang Purwati', '3374016010900006', '3374011503090006'],
  ['Joko Susilo', '3374012111720007', '3374011503090007'],
  ['Tri Handayani', '3374016212740008', '3374011503090008'],
  ['Slamet Widodo', '3374010301760009', '3374011503090009'],
  // Born 3 March 2006: 19 years and 364 days on 2 March 2026.
  ['Nur Aini', '3374014303060010', '3374011503090010'],
] as const;

describe(`group programmes and the citizen's self-check in the browser (${TEST_DB})`, () => {
  const h = suiteHarness();

  const check = async (page: Page, shot: string) => {
    assert.deepEqual(await axeFindings(page), [], `${shot}: axe`);
    assert.equal(await sidewaysScroll(page), 0, `${shot}: no sideways scroll`);
    await screenshotFor(page, shot);
  };

  it('the pendamping registers a KUBE group on a phone; a member aged 19 years 364 days is refused beside the field', async () => {
    const ctx = await h().browser.newContext({ viewport: PHONE });
    const page = await ctx.newPage();
    await signIn(page, h().base, `pendamping@${SEMARANG}`);
    await page.goto(`${h().base}/petugas/program/bantuan-kube`);
    await page.getByRole('link', { name: 'Kelompok program ini' }).click();
    await check(page, 'groups-list-phone-id');
    await page.getByRole('link', { name: 'Daftarkan kelompok' }).click();
    await page.getByLabel('Nama kelompok').fill('KUBE Sido Makmur');
    await page.getByLabel('Kelurahan').fill('TANDANG');
    await page.getByLabel('Kecamatan').fill('TEMBALANG');
    await page.getByLabel('Jenis usaha / kegiatan').fill('Warung kelontong');
    await page.getByLabel('Tanggal usulan (proposal)').fill('2026-03-02');
    await page.getByLabel('Bank').fill('Bank Jateng');
    await page.getByLabel('Nomor rekening').fill('2-034-12345-6');
    await page.getByLabel('Atas nama').fill('KUBE SIDO MAKMUR');
    for (const [i, [name, nik, kk]] of MEMBERS.entries()) {
      await page.locator(`#m${i}-name`).fill(name);
      await page.locator(`#m${i}-nik`).fill(nik);
      await page.locator(`#m${i}-kk`).fill(kk);
    }
    await page.locator('#r0-item').fill('Etalase dan rak barang');
    await page.locator('#r0-amount').fill('4.500.000');
    await page.locator('#r1-item').fill('Stok barang dagangan awal');
    await page.locator('#r1-amount').fill('15500000');
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    assert.equal((await refused).status(), 422);
    const error = page.locator('#member-9 .field-error');
    assert.equal((await error.textContent())?.trim(), 'NUR AINI: berusia 19 tahun pada 2026-03-02; ketentuan: "5. Batas usia anggota kelompok dengan minimal 20 tahun dan maksimal 55 tahun"');
    assert.equal(await page.locator('#m9-birthDate').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#member-8 .field-error').count(), 0, 'only the refused member');
    assert.equal(await page.locator('#m0-name').inputValue(), 'Sutrisno', 'the form keeps what was typed');
    await page.locator('#member-9').scrollIntoViewIfNeeded();
    await check(page, 'group-register-refused-phone-id');

    // Another member in her place (born 1970: 55 on the proposal date).
    await page.locator('#m9-name').fill('Hadi Prasetyo');
    await page.locator('#m9-nik').fill('3374010303700011');
    await page.locator('#m9-kk').fill('3374011503090011');
    await page.getByRole('button', { name: 'Daftarkan' }).click();
    await page.waitForURL(/\/petugas\/program\/kelompok\/[0-9a-f-]{36}/);
    assert.match((await page.locator('[role=status]').textContent()) ?? '', /Kelompok terdaftar dengan 10 anggota/);
    await check(page, 'group-detail-phone-id');
    await page.getByLabel('Nomor SK').fill('400.9/15/TDG/2026');
    await page.getByLabel('Tanggal SK').fill('2026-03-09');
    await page.getByRole('button', { name: 'Catat SK' }).click();
    await page.waitForURL(/ok=/);
    assert.match((await page.locator('main').textContent()) ?? '', /400\.9\/15\/TDG\/2026 \(2026-03-09\)/);
    await page.goto(`${page.url().replace(/\?.*$/, '')}?lang=en`);
    assert.match((await page.locator('main').textContent()) ?? '', /Record the disbursement/);
    await check(page, 'group-detail-phone-en');
    await ctx.close();
  });

  it('the Banjarmasin operator sets the JKN-KIS quota and queues proposals; each is told its position', async () => {
    for (const [viewport, size, lang] of [[LAPTOP, 'laptop', 'id'], [PHONE, 'phone', 'en']] as const) {
      const ctx = await h().browser.newContext({ viewport });
      const page = await ctx.newPage();
      await signIn(page, h().base, 'operator@kota-banjarmasin');
      await page.goto(`${h().base}/petugas/program/pengusulan-jkn-kis${lang === 'en' ? '?lang=en' : ''}`);
      await page.getByRole('link', { name: lang === 'id' ? 'Antrean kuota' : 'Quota queue' }).click();
      if (lang === 'id') {
        await page.getByLabel('Periode', { exact: true }).last().fill('2026-07');
        await page.getByLabel('Kuota (jumlah orang)').fill('1');
        await page.getByLabel('Dasar kuota (surat alokasi)').fill('Alokasi PBI-APBN Juli 2026');
        await page.getByRole('button', { name: 'Simpan kuota' }).click();
        await page.waitForURL(/period=2026-07/);
      } else await page.goto(`${h().base}/petugas/program/pengusulan-jkn-kis/antrean?period=2026-07&lang=en`);
      const [nik, name] = lang === 'id' ? ['6371010101800001', 'Ahmad Yani'] : ['6371014502850002', 'Siti Rahmah'];
      await page.getByLabel(lang === 'id' ? 'Periode (tahun atau bulan, 2026-07)' : 'Period (year or month, 2026-07)').fill('2026-07');
      await page.getByLabel('NIK').fill(nik);
      await page.getByLabel(lang === 'id' ? 'Nama' : 'Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: lang === 'id' ? 'Masukkan antrean' : 'Queue', exact: true }).click();
      await page.waitForURL(/ok=/);
      assert.match((await page.locator('[role=status]').textContent()) ?? '', lang === 'id' ? /Nomor antrean 1 \(dalam kuota\)/ : /Queue position 2 \(waiting for quota\)/);
      await check(page, `quota-queue-${size}-${lang}`);
      await ctx.close();
    }
  });

  it('a citizen finds the recipients from the office page and checks a NIK + KK on a phone, in both languages', async () => {
    // A decreed WRSE round: Wahyuni in the SK, Rusmini refused by the berita acara.
    const { req, login } = apiClient(() => h().t);
    const operator = await login(`operator@${KUKAR}`);
    const round = (await req('POST', '/api/v1/programmes/bantuan-usaha-wrse/rounds', { period: '2026', stage: 'Tahap I', referenceDate: '2026-03-01' }, operator)).json().id as string;
    for (const p of [
      { nik: '6403025203880002', kk: '6403021503090011', name: 'Wahyuni' },
      { nik: '6403026711790003', kk: '6403021503090012', name: 'Rusmini' },
    ])
      assert.equal((await req('POST', `/api/v1/programmes/rounds/${round}/candidates`, { ...p, category: 'bantuan-usaha', source: 'village', village: 'LOA IPUH' }, operator)).status, 201);
    const verifier = await login(`verifikator@${KUKAR}`);
    for (const c of (await req('GET', `/api/v1/programmes/rounds/${round}/candidates`, undefined, verifier)).json().candidates as { id: string; name: string; version: number }[])
      await req('POST', `/api/v1/programmes/rounds/${round}/candidates/${c.id}/verification`, c.name === 'WAHYUNI' ? { result: 'eligible', version: c.version } : { result: 'ineligible', reason: 'Tidak memiliki embrio usaha', version: c.version }, verifier);
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${round}/berita-acara`, undefined, verifier)).status, 201);
    assert.equal((await req('POST', `/api/v1/programmes/rounds/${round}/decree`, {}, await login(`kepala-dinas@${KUKAR}`))).status, 201);

    for (const [viewport, size] of [[PHONE, 'phone'], [LAPTOP, 'laptop']] as const) {
      const ctx = await h().browser.newContext({ viewport });
      const page = await ctx.newPage();
      await page.goto(`${h().base}/kantor/${KUKAR}`);
      await page.getByRole('link', { name: 'Program bantuan: daftar penerima dan cek mandiri' }).click();
      await check(page, `programmes-public-${size}-id`);
      await page.getByRole('link', { name: '2026' }).click();
      assert.deepEqual(await page.locator('tbody tr td:first-child').allTextContents(), ['WAHYUNI']);
      assert.match((await page.locator('tbody').textContent()) ?? '', /6403 02•• •••• 0002/);
      await check(page, `programme-recipients-${size}-id`);
      await page.getByLabel('NIK').fill('6403025203880002');
      await page.getByLabel('Nomor KK').fill('6403021503090011');
      await page.getByRole('button', { name: 'Cek' }).click();
      assert.match((await page.locator('#self-check-answer').textContent()) ?? '', /Terdaftar · periode 2026\s*Tanggal penyaluran berikutnya: belum dijadwalkan/);
      assert.ok(!(await page.content()).includes('6403021503090011'), 'the numbers are not echoed back');
      await check(page, `programme-self-check-${size}-id`);
      // In English, another family card: not registered.
      await page.goto(`${h().base}/kantor/${KUKAR}/program/bantuan-usaha-wrse?lang=en`);
      await page.getByLabel('NIK').fill('6403025203880002');
      await page.getByLabel('Family card (KK) number').fill('6403021503090099');
      await page.getByRole('button', { name: 'Check' }).click();
      assert.match((await page.locator('#self-check-answer').textContent()) ?? '', /Not registered · period 2026/);
      await check(page, `programme-self-check-${size}-en`);
      await ctx.close();
    }
  });
});
