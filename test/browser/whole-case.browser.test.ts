/**
 * A whole case in every office, only through the pages people use: the citizen applies on a phone,
 * each officer signs in and completes their step from the case page (the head of office signs with
 * the password, from the step or from the letters list), and the citizen downloads the signed
 * letter from the tracking page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { productTemplate, templatesForStep } from '../../src/domain/letters/documents.js';
import type { Step } from '../../src/domain/standards/schema.js';
import { templatesOf } from '../../src/usecases/letters/templates.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { browserHarness, signIn } from '../support/browser.js';
import { fillEverything } from '../support/intake-form.js';
import { outcomeTowardDocument } from '../letters/helpers.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe(`a whole case in every office, from the citizen's phone to the signed letter (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  /** One signed-in browser per staff account, reused across cases. */
  const desks = new Map<string, { ctx: BrowserContext; page: Page }>();
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
  });
  after(async () => {
    for (const d of desks.values()) await d.ctx.close();
    await h?.close();
  });

  async function desk(username: string): Promise<Page> {
    let d = desks.get(username);
    if (!d) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await signIn(page, base, username);
      d = { ctx, page };
      desks.set(username, d);
    }
    return d.page;
  }

  for (const slug of ['kota-jambi', 'kota-banjarmasin', 'kabupaten-kutai-kartanegara', 'kota-semarang', 'kota-pekanbaru'])
    it(`${slug}: applied for online, worked through every step by its officer, signed, downloaded`, async () => {
      const office = t.catalogue.office(slug)!;
      const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const citizen = await phone.newPage();
      // The first open service whose product is a letter Sigap drafts and whose fully filled form the office accepts.
      const templates = templatesOf(t.ctx, slug).templates;
      let number = '';
      let code = '';
      let svc = office.services[0]!.service;
      for (const { service } of office.services.filter((s) => s.service.openForApplications && s.service.procedure && productTemplate(templates, s.service))) {
        await citizen.goto(`${base}/kantor/${slug}/layanan/${service.slug}`);
        await citizen.getByRole('link', { name: 'Ajukan permohonan' }).click();
        await fillEverything(citizen, service, office.office.region.name);
        await citizen.getByRole('button', { name: 'Kirim permohonan' }).click();
        await citizen.waitForSelector('[data-testid="registration-number"], .error-summary');
        if (await citizen.getByTestId('registration-number').count()) {
          number = (await citizen.getByTestId('registration-number').textContent())!.trim();
          code = (await citizen.getByTestId('tracking-code').textContent())!.trim();
          svc = service;
          break;
        }
      }
      assert.ok(number, `${slug}: no letter service accepted a filled form`);
      const proc = svc.procedure!;
      // The route that drafts the product letter (some decrees branch, e.g. a DTKS check).
      const isDocStep = (st: Step) => templatesForStep(templates, svc, st.id).length > 0 || (st.kind === 'sign' && !!productTemplate(templates, svc));
      let docDone = false;
      const caseRow = () => t.database.db.selectFrom('applications').select(['id', 'status']).where('registration_number', '=', number).executeTakeFirstOrThrow();
      const walked: string[] = [];
      for (let i = 0; i < 30; i++) {
        const c = await caseRow();
        if (c.status === 'completed') break;
        const task = await t.database.db.selectFrom('tasks').select(['step_id', 'role']).where('application_id', '=', c.id).where('status', '=', 'open').executeTakeFirst();
        if (!task) {
          // Waiting for a signature: the head of office signs from the letters list.
          assert.equal(c.status, 'waiting-signature', `${slug}/${svc.slug}: no open task while ${c.status}`);
          const page = await desk(`kepala-dinas@${slug}`);
          await page.goto(`${base}/petugas/surat`);
          for (const cb of await page.getByRole('checkbox').all()) await cb.check();
          await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
          await page.getByRole('button', { name: 'Tandatangani yang dipilih' }).click();
          await page.getByRole('status').waitFor();
          walked.push('signed from the letters list');
          continue;
        }
        const step = proc.steps.find((s) => s.id === task.step_id)!;
        const outcome = step.outcomes.find((o) => o.id === outcomeTowardDocument(proc, step, isDocStep, docDone))!;
        docDone ||= isDocStep(step);
        const page = await desk(`${task.role}@${slug}`);
        // From the queue, as an officer would find it.
        await page.goto(`${base}/petugas`);
        await page.getByRole('link', { name: number }).first().click();
        await page.getByRole('heading', { name: new RegExp(`Tindak lanjut: ${escape(step.label.slice(0, 20))}`) }).waitFor();
        if (step.kind === 'field-visit') await page.getByLabel('Laporan kunjungan').fill('Rumah semi permanen, 5 anggota keluarga, dinding papan.');
        if (step.kind === 'external') await page.getByLabel(/Nomor\/rujukan/).fill('REF-2026-0042');
        if (await page.locator('#f-siksng').count()) await page.locator('#f-siksng').fill('USL-2026-000042');
        if (step.kind === 'sign') await page.getByLabel('Kata sandi (konfirmasi penandatanganan)').fill('sigap-demo');
        await page.getByRole('button', { name: outcome.label, exact: true }).click();
        await page.waitForSelector('[role="status"], .error-summary');
        if (await page.locator('.error-summary').count()) assert.fail(`${slug}/${svc.slug} at ${step.id}: ${await page.locator('.error-summary').textContent()}`);
        walked.push(`${step.id} → ${outcome.id}`);
      }
      assert.equal((await caseRow()).status, 'completed', `${slug}/${svc.slug}: ${walked.join(', ')}`);
      // The citizen finds the signed letter on the tracking page and downloads it.
      await citizen.goto(`${base}/lacak`);
      await citizen.getByLabel('Nomor registrasi').fill(number);
      await citizen.getByLabel('Kode pelacakan').fill(code);
      await citizen.getByRole('button', { name: 'Lacak' }).click();
      await citizen.getByTestId('status').waitFor();
      const link = citizen.getByTestId('letter-download').first();
      if (!(await link.count())) assert.fail(`${slug}/${svc.slug} (${walked.join(', ')}): no letter to download: ${await citizen.locator('main').textContent()}`);
      const pdf = await citizen.request.get(new URL((await link.getAttribute('href'))!, base).toString());
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
      await phone.close();
    });
});
