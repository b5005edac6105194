/**
 * WhatsApp and SMS in Chromium: a WhatsApp receipt refused for good hands over to SMS, whose
 * "delivered" callback reaches our webhook; the front office reads both lines in the case timeline,
 * the office admin reads the channel state on /petugas/notifikasi and gets a refused value beside its
 * field. Every page passes axe and fits a 360 px phone, in both languages.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { saveOfficeNotify } from '../../src/usecases/notifications/save-notify-settings.js';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../support/fake-whatsapp.js';
import { startFakeSms, type FakeSms } from '../support/fake-sms.js';
import { FAKE_SMS, FAKE_WA, fakeProviderSettings } from '../support/fake-provider.js';
import { actorFor, fileCase } from '../letters/helpers.js';


describe(`WhatsApp and SMS notifications in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();
  let wa: FakeWhatsApp | undefined;
  let sms: FakeSms | undefined;
  after(async () => {
    await wa?.close();
    await sms?.close();
  });

  it('shows the hand-over from WhatsApp to SMS with its receipt in the timeline, and the settings page with a refusal beside its field, on a phone and a laptop, in both languages', async () => {
    const { t, browser, base } = h();
    t.ctx.publicBaseUrl = base;
    wa = await startFakeWhatsApp({ ...FAKE_WA, webhook: () => `${base}/api/v1/notifications/whatsapp/kota-jambi` });
    sms = await startFakeSms(FAKE_SMS);
    const saved = await saveOfficeNotify(t.ctx, await actorFor(t.ctx, 'admin@kota-jambi'), fakeProviderSettings(wa.url, sms.url));
    // No quiet hours (the fakes' settings): the test runs on the real clock, which may be night in Jambi.
    assert.ok(saved.ok);
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Dewi Lestari', undefined, { phone: '0812 6600 0421', notify: { channels: ['whatsapp', 'sms'], basis: 'pelayanan-publik', at: new Date().toISOString() } });
    wa.script.push({ kind: 'invalid-number' });
    const run = await sendOutbox(t.ctx, null, { providerTimeoutMs: 2000 });
    assert.deepEqual([run.failed, run.fellBack, run.sent], [1, 1, 1]);
    assert.equal(await sms.status(sms.sent.at(-1)!, 'delivered'), 200);

    for (const [width, height, label] of [[360, 740, 'phone'], [1280, 800, 'laptop']] as const)
      for (const lang of ['id', 'en'] as const) {
        const q = lang === 'en' ? '?lang=en' : '';
        const ctx = await browser.newContext({ viewport: { width, height } });
        const page = await ctx.newPage();
        await signInAs(page, base, 'front-office@kota-jambi');
        await page.goto(`${base}/petugas/berkas/${c.id}${q}`);
        const lines = (await page.getByTestId('timeline-message').allTextContents()).join('\n');
        assert.match(lines, lang === 'id' ? /\(WhatsApp\): tanda terima · gagal pada percobaan pertama · dialihkan ke saluran berikutnya/ : /\(WhatsApp\): receipt · failed at the first attempt · handed to the next channel/);
        assert.match(lines, lang === 'id' ? /\(SMS, pengganti WhatsApp\): tanda terima · terkirim .* · sampai di ponsel/ : /\(SMS instead of WhatsApp\): receipt · sent .* · delivered to the phone/);
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        if (process.env.SIGAP_SCREENSHOTS) await page.locator('section[aria-labelledby="h-tl"]').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/channels-timeline-${label}-${lang}.png` });
        await ctx.close();

        const adminCtx = await browser.newContext({ viewport: { width, height } });
        const admin = await adminCtx.newPage();
        await signInAs(admin, base, 'admin@kota-jambi');
        await admin.goto(`${base}/petugas/notifikasi${q}`);
        const state = (await admin.getByTestId('notify-state').textContent()) ?? '';
        assert.match(state, lang === 'id' ? /WhatsApp: siap mengirim.*SMS: siap mengirim.*E-mail: belum diatur/s : /WhatsApp: ready to send.*SMS: ready to send.*E-mail: not configured/s);
        assert.equal(await admin.locator('input[name="secrets.whatsappToken"]').inputValue(), '', 'a secret is never filled back');
        assert.deepEqual(await axeFindings(admin), []);
        assert.equal(await sidewaysScroll(admin), 0);
        await screenshotFor(admin, `channels-settings-${label}-${lang}`);
        // Quiet hours with a start and no end: refused beside the field, in the page's language.
        await admin.locator('input[name="quiet.from"]').fill('21:00');
        await admin.getByRole('button', { name: lang === 'id' ? 'Simpan' : 'Save' }).click();
        await admin.waitForLoadState();
        const err = (await admin.locator('#err-quiet-to').textContent()) ?? '';
        assert.match(err, lang === 'id' ? /Jam tenang ditulis JJ:MM/ : /Quiet hours as HH:MM/);
        assert.equal(await admin.locator('input[name="quiet.to"]').getAttribute('aria-invalid'), 'true');
        assert.deepEqual(await axeFindings(admin), []);
        assert.equal(await sidewaysScroll(admin), 0);
        await screenshotFor(admin, `channels-settings-refused-${label}-${lang}`);
        await adminCtx.close();
      }
  });
});
