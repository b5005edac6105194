/**
 * A complaint's messages in the staff timeline in Chromium (issue 16): the complaints officer of
 * Kota Banjarmasin reads the receipt and the answer notice, each after its event, with channel and
 * status. The page passes axe and fits a 360 px phone, in both languages.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { smtpSender, type MailSender } from '../../src/io/mail-smtp.js';
import { fileComplaint } from '../../src/usecases/complaints/file-complaint.js';
import { transitionComplaint } from '../../src/usecases/complaints/transition-complaint.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { PUBLIC_ACTOR } from '../../src/usecases/context.js';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { actorFor } from '../letters/helpers.js';

describe(`a complaint's messages in the staff timeline in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();
  let smtp: TestSmtp | undefined;
  let mail: MailSender | undefined;
  after(async () => {
    mail?.close();
    await smtp?.close();
  });

  it('shows the receipt sent and the answer queued, each after its event, on a phone and a laptop, in both languages', async () => {
    const { t, browser, base } = h();
    smtp = await startSmtp();
    mail = smtpSender(smtp.url, 'Dinas Sosial Kota Banjarmasin <noreply@dinsos.banjarmasinkota.go.id>');
    const filed = await fileComplaint(
      t.ctx,
      { office: 'kota-banjarmasin', type: 'pengaduan', mode: 'named', text: 'Antrean loket santunan kematian sangat panjang dan tidak ada nomor antrean.', complainant: { name: 'Rahmat Hidayat', email: 'rahmat.hidayat@gmail.com' } },
      PUBLIC_ACTOR,
    );
    assert.ok(filed.ok, JSON.stringify(filed));
    await sendOutbox(t.ctx, mail);
    const officer = await actorFor(t.ctx, 'pengelola-pengaduan@kota-banjarmasin');
    const answered = await transitionComplaint(t.ctx, { ...officer, officeId: t.catalogue.office('kota-banjarmasin')!.id }, filed.value.id, { to: 'dijawab', answer: 'Mulai Senin loket memakai nomor antrean cetak.', version: 1 });
    assert.ok(answered.ok, JSON.stringify(answered));

    for (const [width, height, label] of [[360, 740, 'phone'], [1280, 800, 'laptop']] as const)
      for (const lang of ['id', 'en'] as const) {
        const ctx = await browser.newContext({ viewport: { width, height } });
        const page = await ctx.newPage();
        await signInAs(page, base, 'pengelola-pengaduan@kota-banjarmasin');
        await page.goto(`${base}/petugas/pengaduan/${filed.value.id}${lang === 'en' ? '?lang=en' : ''}`);
        const lines = await page.getByTestId('timeline-message').allTextContents();
        assert.equal(lines.length, 2);
        assert.match(lines[0]!, lang === 'id' ? /Pesan ke pelapor \(e-mail\): tanda terima pengaduan · terkirim/ : /Message to the complainant \(e-mail\): complaint receipt · sent/);
        assert.match(lines[1]!, lang === 'id' ? /Pesan ke pelapor \(e-mail\): pengaduan ditanggapi · dalam antrean/ : /Message to the complainant \(e-mail\): complaint answered · queued/);
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        await screenshotFor(page, `complaint-messages-${label}-${lang}`);
        await ctx.close();
      }
  });
});
