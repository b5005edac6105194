import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { mainOutcome } from '../../src/domain/procedure/paths.js';
import { TEST_DB } from '../support/db.js';
import { postSignInForm, type TestApp } from '../support/app.js';
import { axeViolations, browserHarness } from '../support/browser.js';
import { PDF_MIN, PNG_1X1, SITI } from '../support/fixtures.js';

describe(`a citizen applies on a phone, officers work their queues, the citizen tracks the result (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
  });
  after(async () => h?.close());

  let number = '';
  let code = '';
  const svc = () => t.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service;

  it('the citizen fills the form on a 360 px screen, uploads her documents and gets a receipt', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
    const page = await ctx.newPage();
    await page.goto(`${base}/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan`);
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), [], 'the form is accessible');
    // First try without documents: the form explains what is missing, in Indonesian.
    await page.getByLabel('Nama lengkap').fill(SITI.name);
    await page.getByLabel('NIK', { exact: false }).first().fill(SITI.nik);
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForSelector('.error-summary');
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /Dokumen persyaratan belum dilampirkan/);
    assert.equal(await page.getByLabel('Nama lengkap').inputValue(), SITI.name, 'typed values are kept');
    await page.getByLabel('Nomor HP (untuk WhatsApp atau SMS)').fill(SITI.phone);
    await page.getByLabel('Berdomisili di Kota Jambi').check();
    const docs = svc().requirements.filter((r) => r.kind === 'document');
    for (const [i, d] of docs.entries())
      await page.locator(`#f-file-${d.id}`).setInputFiles({ name: i % 2 ? 'kk.pdf' : 'ktp.png', mimeType: i % 2 ? 'application/pdf' : 'image/png', buffer: i % 2 ? PDF_MIN : PNG_1X1 });
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForSelector('[data-testid="registration-number"]');
    number = (await page.getByTestId('registration-number').textContent())!.trim();
    code = (await page.getByTestId('tracking-code').textContent())!.trim();
    assert.match(number, /^JMB-\d{4}-\d{6}$/);
    await ctx.close();
  });

  it('each officer signs in, finds the case in the queue of their role and completes the step', async () => {
    const proc = svc().procedure!;
    for (let i = 0; i < 20; i++) {
      const task = await t.database.db.selectFrom('tasks').innerJoin('applications', 'applications.id', 'tasks.application_id').select(['tasks.step_id', 'tasks.role', 'tasks.status']).where('applications.registration_number', '=', number).where('tasks.status', '=', 'open').executeTakeFirst();
      if (!task) break;
      const step = proc.steps.find((s) => s.id === task.step_id)!;
      const outcome = step.outcomes.find((o) => o.id === mainOutcome(proc, step.id))!;
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${base}/petugas`);
      await page.waitForURL(/\/masuk/);
      await page.getByLabel('Nama pengguna').fill(`${task.role}@kota-jambi`);
      await page.getByLabel('Kata sandi').fill('sigap-demo');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL(/\/petugas$/);
      await page.getByRole('link', { name: number }).click();
      await page.getByRole('heading', { name: new RegExp(`Tindak lanjut: ${step.label.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).waitFor();
      if (step.kind === 'field-visit') await page.getByLabel('Laporan kunjungan').fill('Rumah semi permanen, 5 anggota keluarga.');
      if (step.kind === 'external') await page.getByLabel(/Nomor\/rujukan/).fill('REF-2026-001');
      if (step.kind === 'sign') await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
      await page.getByRole('button', { name: outcome.label, exact: true }).click();
      await page.waitForURL(/\/petugas\/berkas\/[^?]+\?selesai=/);
      assert.match((await page.locator('[role="status"]').first().textContent()) ?? '', new RegExp(`Tersimpan: tahap «${step.label.slice(0, 15).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), 'the officer sees what was saved');
      await ctx.close();
    }
    const app = await t.database.db.selectFrom('applications').select(['status']).where('registration_number', '=', number).executeTakeFirstOrThrow();
    assert.equal(app.status, 'completed');
  });

  it('the citizen sees the result on the tracking page', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await ctx.newPage();
    await page.goto(`${base}/lacak`);
    await page.getByLabel('Nomor registrasi').fill(number);
    await page.getByLabel('Kode pelacakan').fill(code);
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByTestId('status').waitFor();
    assert.equal(await page.getByTestId('status').textContent(), 'Selesai');
    assert.deepEqual(await axeViolations(page).then((v) => v.map((x) => x.id)), []);
    await ctx.close();
  });

  it('refuses a back-office form post without the session\'s CSRF token', async () => {
    const login = await postSignInForm(t.app, 'front-office@kota-jambi');
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const r = await t.app.inject({ method: 'POST', url: '/petugas/tugas/anything', payload: { outcome: 'x', version: '1' }, headers: { cookie } });
    assert.equal(r.statusCode, 403);
  });
});
