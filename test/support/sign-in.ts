/** Signs a demo staff account in through the real sign-in page, as a person would (browser tests). */
import type { Page } from 'playwright-core';

export async function signInAs(page: Page, base: string, username: string, password = 'sigap-demo'): Promise<void> {
  await page.goto(`${base}/masuk`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/petugas$/);
}
