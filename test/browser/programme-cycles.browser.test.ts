/**
 * Kutai Kartanegara's santunan Kukar Idaman in Chromium, from the recipients' decree to a paid
 * cycle: the verification team's berita acara is issued (set up through the use cases), the
 * operator generates the 12 monthly cycles from the Bupati's SK by its number (a missing number
 * refused beside its field); the head of office records the allocation and approves January on a
 * laptop in English; the operator makes the bank file on a 360 px phone (a missing bank name
 * refused beside its field), downloads it, imports the bank's result with one failed transfer,
 * retries it under a new reference, and sees the reconciliation balance until the cycle is paid.
 * Then permakanan's replacement: an evaluation refused without its reason beside the field on a
 * phone, the leavers and the ranked waiting list, the replacement report, the amending SK signed in
 * English naming what it changes. Every page passes axe and fits its viewport without sideways
 * scrolling.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { candidatesOfRound } from '../../src/db/programmes-repo.js';
import { splitCsvLine } from '../../src/domain/programmes/cycles.js';
import { addCandidate } from '../../src/usecases/programmes/add-candidate.js';
import { issueDecree } from '../../src/usecases/programmes/issue-decree.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { axeFindings, screenshotFor, sidewaysScroll, signIn, suiteHarness } from '../support/browser.js';
import { TEST_DB } from '../support/db.js';
import { pdfText } from '../support/pdf.js';
import { extract, importAs, row, staffActor, writeCsv } from '../registry/support.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const SLUG = 'santunan-sosial-kukar-idaman';
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 900 };
const KUKAR = { provinsi: 'KALIMANTAN TIMUR', kota: 'KABUPATEN KUTAI KARTANEGARA', kecamatan: 'TENGGARONG', kelurahan: 'MANGKURAWANG', alamat: 'JL. PATIN NO. 7' };
const SARIPAH = { nik: '6403026107580002', kk: '6403021503090001', nama: 'SARIPAH', tanggal_lahir: '1958-07-21', jenis_kelamin: 'P', pkh: '0', bpnt: '0' };

describe(`programme cycles in the browser: SK to an approved cycle and a paid batch (${TEST_DB})`, () => {
  const h = suiteHarness();
  let dir: string;
  let recipients = 0;
  let cycleUrl = '';

  const check = async (page: Page, shot: string) => {
    assert.deepEqual(await axeFindings(page), [], `${shot}: axe`);
    assert.equal(await sidewaysScroll(page), 0, `${shot}: no sideways scroll`);
    await screenshotFor(page, shot);
  };

  before(async () => {
    const t = h().t;
    dir = mkdtempSync(join(tmpdir(), 'sigap-cycles-browser-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 25, [row({ ...KUKAR, ...SARIPAH })]));
    assert.ok((await importAs(t, file, OFFICE, { period: '2026-01' })).ok);
    const operator = await staffActor(t.ctx, 'operator', OFFICE);
    const verifikator = await staffActor(t.ctx, 'verifikator', OFFICE);
    const r = await openRound(t.ctx, operator, { programme: SLUG, period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01', drawCategory: 'lanjut-usia-telantar' });
    assert.ok(r.ok);
    for (const c of await candidatesOfRound(t.database.db, r.value.id, 5000)) assert.ok((await verifyCandidate(t.ctx, verifikator, r.value.id, c.id, { result: 'eligible', version: c.version })).ok);
    assert.ok((await issueReport(t.ctx, verifikator, r.value.id)).ok);
    recipients = (await candidatesOfRound(t.database.db, r.value.id, 5000)).length;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the operator generates 12 monthly cycles from the Bupati’s SK; a missing SK number is refused beside its field', async () => {
    const ctx = await h().browser.newContext({ viewport: LAPTOP });
    const page = await ctx.newPage();
    await signIn(page, h().base, `operator@${OFFICE}`);
    await page.goto(`${h().base}/petugas/program/${SLUG}`);
    await page.getByRole('link', { name: 'Siklus penyaluran, pagu dan berkas bank' }).click();
    await check(page, 'cycles-empty-laptop-id');
    await page.getByLabel('Bulan penyaluran pertama (TTTT-BB)').fill('2026-01');
    await page.getByRole('button', { name: 'Buat siklus' }).click();
    const err = page.locator('#err-decreeNumber');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /Tulis nomor SK yang menetapkan penerima/);
    await check(page, 'cycles-refused-laptop-id');
    await page.getByLabel('Nomor SK penerima').fill('400.9/072/SK.BUP/HK/2026');
    await page.getByRole('button', { name: 'Buat siklus' }).click();
    await page.getByText(`12 siklus dibuat untuk ${recipients} penerima (Rp 2.400.000 per penerima).`).waitFor();
    assert.equal(await page.locator('main table tbody tr').count(), 12);
    await check(page, 'cycles-generated-laptop-id');
    await ctx.close();
  });

  it('the head of office records the allocation and approves January in English', async () => {
    const ctx = await h().browser.newContext({ viewport: LAPTOP });
    const page = await ctx.newPage();
    await signIn(page, h().base, `kepala-dinas@${OFFICE}`);
    await page.goto(`${h().base}/petugas/program/${SLUG}/siklus?lang=en`);
    await page.getByLabel('Allocation (rupiah, no separators)').fill('12.000.000x');
    await page.getByLabel('What it rests on (e.g. DPA number)').fill('DPA Dinas Sosial 2026');
    await page.getByRole('button', { name: 'Record allocation' }).click();
    assert.match((await page.locator('#err-amount').textContent()) ?? '', /amount/);
    await check(page, 'cycles-budget-refused-laptop-en');
    await page.getByLabel('Allocation (rupiah, no separators)').fill((2_400_000 * recipients).toLocaleString('id-ID'));
    await page.getByRole('button', { name: 'Record allocation' }).click();
    await page.getByText('Allocation recorded.').waitFor();
    await page.getByRole('link', { name: '2026-01' }).click();
    await check(page, 'cycle-draft-laptop-en');
    await page.getByRole('button', { name: 'Approve cycle' }).click();
    await page.getByText(`Cycle approved: ${recipients} recipients, 0 excluded by the re-check, 0 held`).waitFor();
    cycleUrl = page.url().replace(/\?.*$/, '');
    await check(page, 'cycle-approved-laptop-en');
    await ctx.close();
  });

  it('the operator makes the bank file on a phone, imports the result with one failure, retries it, and the cycle is paid', async () => {
    const ctx = await h().browser.newContext({ viewport: PHONE, locale: 'id-ID' });
    const page = await ctx.newPage();
    await signIn(page, h().base, `operator@${OFFICE}`);
    await page.goto(cycleUrl);
    await page.getByRole('button', { name: 'Buat berkas bank' }).click();
    const bankErr = page.locator('#err-bank');
    await bankErr.waitFor();
    assert.match((await bankErr.textContent()) ?? '', /Tulis nama bank penyalur/);
    await check(page, 'cycle-bank-refused-phone-id');
    await page.getByLabel('Bank penyalur').fill('Bank Kaltimtara');
    await page.getByRole('button', { name: 'Buat berkas bank' }).click();
    await page.getByText(`Berkas bank dibuat: ${recipients} transfer, Rp ${(200_000 * recipients).toLocaleString('id-ID')}.`).waitFor();
    const href = (await page.getByRole('link', { name: /Berkas 1/ }).getAttribute('href'))!;
    const csv = await page.request.get(`${h().base}${href}`);
    assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines[0], 'no,referensi,nik,nama,desa_kelurahan,nominal,berita');
    const refs = lines.slice(1).map((l) => splitCsvLine(l));
    const saripah = refs.find((c) => c[2] === SARIPAH.nik)!;
    const result = ['referensi,status,keterangan', ...refs.map((c) => `${c[1]},${c[1] === saripah[1] ? 'GAGAL,Rekening tidak aktif' : 'BERHASIL,'}`)].join('\n');
    await page.getByLabel(/Berkas hasil/).setInputFiles({ name: 'hasil-bank.csv', mimeType: 'text/csv', buffer: Buffer.from('referensi,status\nTIDAK-ADA,MUNGKIN\n') });
    await page.getByRole('button', { name: 'Impor hasil bank' }).click();
    const fileErr = page.locator('#err-file');
    await fileErr.waitFor();
    assert.match((await fileErr.textContent()) ?? '', /status "MUNGKIN" tidak dikenal/);
    await check(page, 'cycle-result-refused-phone-id');
    await page.getByLabel(/Berkas hasil/).setInputFiles({ name: 'hasil-bank.csv', mimeType: 'text/csv', buffer: Buffer.from(result) });
    await page.getByRole('button', { name: 'Impor hasil bank' }).click();
    await page.getByText(`Hasil bank dicatat: ${recipients - 1} berhasil, 1 gagal. Rekonsiliasi: ${recipients - 1} + 1 + 0 = ${recipients}.`).waitFor();
    await check(page, 'cycle-reconciled-phone-id');
    // The failed transfer goes again under a new reference.
    await page.getByRole('button', { name: 'Buat berkas bank' }).click();
    await page.getByText('Berkas bank dibuat: 1 transfer, Rp 200.000.').waitFor();
    const retryHref = (await page.getByRole('link', { name: /Berkas 2/ }).getAttribute('href'))!;
    const retry = splitCsvLine((await (await page.request.get(`${h().base}${retryHref}`)).text()).trim().split('\r\n')[1]!);
    assert.equal(retry[2], SARIPAH.nik);
    assert.notEqual(retry[1], saripah[1]);
    await page.getByLabel(/Berkas hasil/).setInputFiles({ name: 'hasil-ulang.csv', mimeType: 'text/csv', buffer: Buffer.from(`referensi,status\n${retry[1]},BERHASIL\n`) });
    await page.getByRole('button', { name: 'Impor hasil bank' }).click();
    await page.getByText(`Rekonsiliasi: ${recipients} + 0 + 0 = ${recipients}.`).waitFor();
    assert.match((await page.locator('main dl').textContent()) ?? '', /Dibayar/);
    await check(page, 'cycle-paid-phone-id');
    await page.goto(`${cycleUrl}?lang=en`);
    await check(page, 'cycle-paid-phone-en');
    await ctx.close();
  });
});

describe(`programme replacement in the browser: evaluation, the waiting list and the amending SK (${TEST_DB})`, () => {
  const h = suiteHarness();
  let tahap1 = '';
  const PERMAKANAN = 'bantuan-permakanan';
  const PEOPLE = [['6403024107500001', 'HJ. MASITAH'], ['6403020903480002', 'ABDUL RAHMAN'], ['6403025012490003', 'SALMAH']] as const;
  const WAITING = [['6403021102510004', 'JUMIATI'], ['6403020505470005', 'MUHAMMAD ISA']] as const;

  const check = async (page: Page, shot: string) => {
    assert.deepEqual(await axeFindings(page), [], `${shot}: axe`);
    assert.equal(await sidewaysScroll(page), 0, `${shot}: no sideways scroll`);
    await screenshotFor(page, shot);
  };

  before(async () => {
    const t = h().t;
    const [operator, head] = [await staffActor(t.ctx, 'operator', OFFICE), await staffActor(t.ctx, 'kepala-dinas', OFFICE)];
    const round = async (stage: string, people: readonly (readonly [string, string])[]) => {
      const r = await openRound(t.ctx, operator, { programme: PERMAKANAN, period: '2026', stage, referenceDate: '2026-01-01' });
      assert.ok(r.ok);
      for (const [nik, name] of people) assert.ok((await addCandidate(t.ctx, operator, r.value.id, { nik, name, category: 'lanjut-usia', source: 'village', village: 'MANGKURAWANG' })).ok);
      for (const c of await candidatesOfRound(t.database.db, r.value.id, 50)) assert.ok((await verifyCandidate(t.ctx, operator, r.value.id, c.id, { result: 'eligible', version: c.version })).ok);
      assert.ok((await issueReport(t.ctx, operator, r.value.id)).ok);
      return r.value.id;
    };
    tahap1 = await round('Tahap I', PEOPLE);
    assert.ok((await issueDecree(t.ctx, head, tahap1, {})).ok);
    await round('Tahap II', WAITING);
  });

  it('the operator evaluates SALMAH "Tidak Memenuhi Syarat" on a phone: the reason is required beside its field', async () => {
    const ctx = await h().browser.newContext({ viewport: PHONE, locale: 'id-ID' });
    const page = await ctx.newPage();
    await signIn(page, h().base, `operator@${OFFICE}`);
    await page.goto(`${h().base}/petugas/program/${PERMAKANAN}/siklus`);
    const form = page.locator('form[aria-labelledby="h-eval"]');
    await form.getByLabel('NIK').fill(PEOPLE[2][0]);
    await form.getByLabel('Nama').fill(PEOPLE[2][1]);
    await form.getByLabel('Tidak Memenuhi Syarat', { exact: true }).check();
    await form.getByRole('button', { name: 'Simpan evaluasi' }).click();
    const err = page.locator('#err-reason');
    await err.waitFor();
    assert.match((await err.textContent()) ?? '', /Tuliskan alasan penerima tidak memenuhi syarat/);
    await check(page, 'evaluation-refused-phone-id');
    await page.locator('form[aria-labelledby="h-eval"]').getByLabel(/Alasan/).fill('Tinggal bersama anaknya di Samarinda sejak Februari 2026');
    await page.locator('form[aria-labelledby="h-eval"]').getByRole('button', { name: 'Simpan evaluasi' }).click();
    await page.getByText(/Evaluasi disimpan: tidak memenuhi syarat/).waitFor();
    await ctx.close();
  });

  it('the verification team sees who left and the waiting list, and issues the replacement report; the head signs the amending SK', async () => {
    const ctx = await h().browser.newContext({ viewport: LAPTOP });
    const page = await ctx.newPage();
    await signIn(page, h().base, `verifikator@${OFFICE}`);
    await page.goto(`${h().base}/petugas/program/putaran/${tahap1}/pengganti`);
    assert.match((await page.locator('main').textContent()) ?? '', /SALMAH.*Tidak lagi memenuhi syarat/s);
    assert.deepEqual(await page.locator('main table tbody tr td:nth-child(2)').allTextContents(), ['JUMIATI', 'MUHAMMAD ISA']);
    await check(page, 'waiting-list-laptop-id');
    await page.getByRole('button', { name: 'Terbitkan berita acara penggantian' }).click();
    await page.getByText(/Berita acara penggantian terbit: 400\.9\/\d{4}\/DINSOS\/2026 \(1 keluar, 1 pengganti, 2 tetap\)/).waitFor();
    const amending = page.url().replace(/\?.*$/, '');
    await ctx.close();
    const hctx = await h().browser.newContext({ viewport: PHONE });
    const hp = await hctx.newPage();
    await signIn(hp, h().base, `kepala-dinas@${OFFICE}`);
    await hp.goto(`${amending}?lang=en`);
    await check(hp, 'amending-round-phone-en');
    await hp.getByRole('button', { name: "Sign the recipients' decree" }).click();
    await hp.getByText(/Recipients' decree signed: 400\.9\/\d{4}\/DINSOS\/2026/).waitFor();
    const href = await hp.getByRole('link', { name: /Recipients' decree/ }).getAttribute('href');
    const text = (await pdfText(Buffer.from(await (await hp.request.get(`${h().base}${href}`)).body()))).text.replace(/\s+/g, ' ');
    assert.match(text, /Perubahan atas Keputusan Nomor 400\.9\/\d{4}\/DINSOS\/2026/);
    assert.match(text, /Mengeluarkan dari daftar penerima: SALMAH \(Tidak lagi memenuhi syarat/);
    assert.match(text, /Menetapkan sebagai penerima pengganti: JUMIATI\./);
    await check(hp, 'amending-decreed-phone-en');
    await hctx.close();
  });
});
