/** Filling a service's intake form in the browser the way a careful citizen would (browser tests). */
import type { Page } from 'playwright-core';
import type { Service } from '../../src/domain/standards/schema.js';
import { PDF_MIN, PNG_1X1, SITI } from './fixtures.js';

/** Fills every field of a service's public form the way a careful citizen would. */
export async function fillEverything(page: Page, svc: Service, regionName: string) {
  await page.getByLabel('Nama lengkap').fill(SITI.name);
  await page.locator('#f-applicant-nik').fill(SITI.nik);
  await page.locator('#f-applicant-kk').fill(SITI.kk);
  await page.locator('#f-applicant-phone').fill(SITI.phone);
  await page.locator('#f-applicant-email').fill('siti.aminah@example.id');
  await page.locator('#f-applicant-address').fill(SITI.address);
  await page.getByLabel(`Berdomisili di ${regionName}`).check();
  if (await page.locator('#f-reporter-name').count()) {
    await page.locator('#f-reporter-name').fill('Ahmad Fauzi');
    await page.locator('#f-reporter-role').fill('Ketua RT 05');
    await page.locator('#f-reporter-phone').fill('081377889900');
  }
  for (const q of svc.inputs) {
    if (q.type === 'choice') await page.locator(`#f-${q.id}`).selectOption(q.options![0]!.value);
    else if (q.type === 'boolean') await page.locator(`#f-${q.id}-y`).check();
    else if (q.type === 'number') await page.locator(`#f-answers-${q.id}`).fill('3');
    else if (q.type === 'date') await page.locator(`#f-answers-${q.id}`).fill('2026-03-02');
    else await page.locator(`#f-answers-${q.id}`).fill('Keterangan lengkap dari pemohon');
  }
  for (const [i, r] of svc.requirements.filter((x) => x.kind === 'document').entries())
    await page.locator(`#f-file-${r.id}`).setInputFiles(i % 2 ? { name: `dok-${r.id}.pdf`, mimeType: 'application/pdf', buffer: PDF_MIN } : { name: `foto-${r.id}.png`, mimeType: 'image/png', buffer: PNG_1X1 });
}

