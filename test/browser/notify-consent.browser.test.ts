/**
 * The citizen's side of notifications in Chromium: choosing channels on the public form (WhatsApp
 * without a number refused beside the number), the receipt e-mail over a real SMTP server, the
 * messages in the tracking page's history with the address masked, and the stop link's two steps.
 * On a 360 px phone and a 1280 px laptop, in both languages, axe clean and without sideways scroll.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { fillEverything } from '../support/intake-form.js';
import { smtpForSuite, unQp } from '../support/smtp.js';


describe(`the citizen chooses how to be told, reads the news and stops it, in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();
  const mailer = smtpForSuite('Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>');

  for (const [width, height, label] of [[360, 740, 'phone'], [1280, 800, 'laptop']] as const)
    it(`applies with e-mail chosen, sees the receipt in the history and stops the news (${label})`, async () => {
      const { t, browser, base } = h();
      const svc = t.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service;
      const ctx = await browser.newContext({ viewport: { width, height } });
      const page = await ctx.newPage();
      await page.goto(`${base}/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan`);
      await fillEverything(page, svc, 'Kota Jambi');
      const email = `siti.${label}@example.id`;
      await page.locator('#f-applicant-email').fill(email);
      // WhatsApp ticked but the number emptied: refused beside the number, the boxes kept.
      await page.locator('#f-applicant-phone').fill('');
      await page.getByRole('checkbox', { name: 'WhatsApp' }).check();
      await page.getByRole('checkbox', { name: 'E-mail' }).check();
      await screenshotFor(page, `notify-form-${label}-id`);
      if (process.env.SIGAP_SCREENSHOTS) await page.locator('fieldset.news').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/notify-form-news-${label}-id.png` });
      await page.getByRole('button', { name: 'Kirim permohonan' }).click();
      await page.waitForSelector('.error-summary');
      assert.equal((await page.locator('#err-applicant-phone').textContent())?.trim(), 'Anda memilih kabar lewat WhatsApp: isi nomor HP');
      assert.equal(await page.locator('#f-applicant-phone').getAttribute('aria-describedby'), 'err-applicant-phone');
      assert.ok(await page.getByRole('checkbox', { name: 'WhatsApp' }).isChecked());
      assert.deepEqual(await axeFindings(page), []);
      assert.equal(await sidewaysScroll(page), 0);
      if (process.env.SIGAP_SCREENSHOTS) await page.locator('fieldset.news').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/notify-form-refused-${label}-id.png` });
      // She decides against WhatsApp: e-mail only. The uploads are kept from the refused attempt.
      await page.getByRole('checkbox', { name: 'WhatsApp' }).uncheck();
      await page.getByRole('button', { name: 'Kirim permohonan' }).click();
      await page.waitForSelector('[data-testid="registration-number"]');
      const number = (await page.getByTestId('registration-number').textContent())!.trim();

      assert.equal((await sendOutbox(t.ctx, mailer().mail)).sent, 1);
      const received = mailer().smtp.received.filter((m) => m.to.includes(email));
      assert.equal(received.length, 1);
      const stopLink = /Stop these messages: https?:\/\/[^/\s]+(\/kabar\/berhenti\?t=\S+)/.exec(unQp(received[0]!.body))![1]!;

      for (const lang of ['id', 'en'] as const) {
        await page.goto(`${base}/lacak/${number}${lang === 'en' ? '?lang=en' : ''}`);
        const item = (await page.getByTestId('news-message').first().textContent()) ?? '';
        assert.match(item, lang === 'id' ? /Tanda terima · E-mail s\*\*\*@example\.id.*terkirim/s : /Receipt · E-mail s\*\*\*@example\.id.*sent/s);
        assert.ok(!(await page.content()).includes(email), 'the address is masked');
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        await screenshotFor(page, `notify-tracking-${label}-${lang}`);
        if (process.env.SIGAP_SCREENSHOTS) await page.locator('section.news').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/notify-tracking-news-${label}-${lang}.png` });
      }

      // The stop link from the e-mail, opened in another browser (no tracking cookie): it asks first.
      const other = await browser.newContext({ viewport: { width, height } });
      const stopPage = await other.newPage();
      for (const lang of ['en', 'id'] as const) {
        await stopPage.goto(`${base}${stopLink}${lang === 'en' ? '&lang=en' : ''}`);
        assert.match((await stopPage.locator('main').textContent()) ?? '', lang === 'id' ? /Anda tidak akan lagi menerima kabar lewat E-mail tentang permohonan/ : /You will no longer receive news by E-mail about application/);
        assert.deepEqual(await axeFindings(stopPage), []);
        assert.equal(await sidewaysScroll(stopPage), 0);
        await screenshotFor(stopPage, `notify-stop-ask-${label}-${lang}`);
      }
      await stopPage.getByTestId('stop-confirm').click();
      await stopPage.waitForSelector('[data-testid="stopped"]');
      assert.deepEqual(await axeFindings(stopPage), []);
      await screenshotFor(stopPage, `notify-stopped-${label}-id`);
      await other.close();

      // Back on the tracking page: the news is stopped, and she can choose again.
      await page.goto(`${base}/lacak/${number}`);
      assert.match((await page.getByTestId('news-now').textContent()) ?? '', /Anda sudah berhenti menerima kabar/);
      await page.getByText('Ubah cara dikabari…').click();
      await page.getByRole('checkbox', { name: 'E-mail' }).check();
      await page.getByRole('button', { name: 'Simpan pilihan' }).click();
      await page.waitForSelector('[data-testid="news-saved"]');
      assert.match((await page.getByTestId('news-now').textContent()) ?? '', /Kabar dikirim lewat: E-mail s\*\*\*@example\.id/);
      assert.deepEqual(await axeFindings(page), []);
      await ctx.close();
    });
});
