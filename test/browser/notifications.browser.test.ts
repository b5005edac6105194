/**
 * Notifications in Chromium: the front office reads, in a case's timeline, the receipt e-mail that
 * went and the return notice that waits for a retry with its error; the office admin reads that
 * e-mail is not configured and how many messages wait. Both pages pass axe and fit a 360 px phone,
 * in both languages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { TEST_DB } from '../support/db.js';
import { axeFindings, screenshotFor, sidewaysScroll, suiteHarness } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { serviceOfCase } from '../../src/usecases/applications/service-of-case.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

describe(`notifications on the staff pages in a browser (${TEST_DB})`, () => {
  const h = suiteHarness();

  it('shows each message in the case timeline with its status, and the admin line, on a phone and a laptop, in both languages', async () => {
    const { t, browser, base } = h();
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Dewi Lestari', 'dewi.lestari@yahoo.co.id');
    // The receipt goes out through a server that accepts everything.
    assert.equal((await sendOutbox(t.ctx, { send: async () => undefined, close: () => undefined })).sent, 1);
    // The file is returned at the first step that can return it; the notice meets a dead server and waits for a retry.
    await driveUntil(t.ctx, c.id, (st) => st.outcomes.some((o) => o.kind === 'return'), 'kota-jambi');
    const task = (await openTaskFor(t.database.db, c.id))!;
    const app = await t.database.db.selectFrom('applications').select(['version', 'service_version_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    const svc = await serviceOfCase(t.ctx, app.service_version_id);
    const back = svc.procedure!.steps.find((st) => st.id === task.step_id)!.outcomes.find((o) => o.kind === 'return')!.id;
    const r = await completeTask(t.ctx, { taskId: task.id, outcome: back, note: 'Surat keterangan lahir belum dilampirkan', version: app.version }, await actorFor(t.ctx, `${task.role}@kota-jambi`));
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal((await sendOutbox(t.ctx, { send: async () => Promise.reject(new Error('connect ECONNREFUSED 10.15.1.25:587')), close: () => undefined })).retried, 1);

    for (const [width, height, label] of [[360, 740, 'phone'], [1280, 800, 'laptop']] as const)
      for (const lang of ['id', 'en'] as const) {
        const ctx = await browser.newContext({ viewport: { width, height } });
        const page = await ctx.newPage();
        await signInAs(page, base, 'front-office@kota-jambi');
        await page.goto(`${base}/petugas/berkas/${c.id}${lang === 'en' ? '?lang=en' : ''}`);
        const lines = await page.getByTestId('timeline-message').allTextContents();
        assert.equal(lines.length, 2);
        assert.match(lines[0]!, lang === 'id' ? /Pesan ke pemohon \(e-mail\): tanda terima · terkirim/ : /Message to the applicant \(e-mail\): receipt · sent/);
        assert.match(lines[1]!, lang === 'id' ? /berkas perlu dilengkapi · menunggu; percobaan ke-2 .*ECONNREFUSED/s : /file needs completing · waiting; attempt 2 at .*ECONNREFUSED/s);
        assert.deepEqual(await axeFindings(page), []);
        assert.equal(await sidewaysScroll(page), 0);
        await screenshotFor(page, `notifications-timeline-${label}-${lang}`);
        // The timeline alone, readable at its size (the full page is long on a phone).
        if (process.env.SIGAP_SCREENSHOTS) await page.locator('section[aria-labelledby="h-tl"]').screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/notifications-timeline-only-${label}-${lang}.png` });
        await ctx.close();

        const adminCtx = await browser.newContext({ viewport: { width, height } });
        const admin = await adminCtx.newPage();
        await signInAs(admin, base, 'admin@kota-jambi');
        await admin.goto(`${base}/petugas/akun${lang === 'en' ? '?lang=en' : ''}`);
        assert.match((await admin.getByTestId('outbox-line').textContent()) ?? '', lang === 'id' ? /Pengiriman e-mail belum diatur .*: 1 pesan/ : /E-mail sending is not configured .*: messages to applicants waiting in the queue: 1\./);
        assert.deepEqual(await axeFindings(admin), []);
        assert.equal(await sidewaysScroll(admin), 0);
        await screenshotFor(admin, `notifications-admin-${label}-${lang}`);
        if (process.env.SIGAP_SCREENSHOTS) await admin.screenshot({ path: `${process.env.SIGAP_SCREENSHOTS}/notifications-admin-top-${label}-${lang}.png` });
        await adminCtx.close();
      }
  });
});
