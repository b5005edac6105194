/**
 * Issue 16's "done when", end to end: a real `sigap serve` with SMTP_URL pointing at a local SMTP
 * server; a citizen applies in Chromium giving an e-mail address and receives the receipt, the
 * return-for-completion notice with its link, "letter ready" and, when the letter is handed over,
 * "completed", each exactly once, sent by the server's own outbox worker; she completes her file on
 * the tracking page and sees the messages in her case history there. Staff steps run as use cases on the same database.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { serviceOfCase } from '../../src/usecases/applications/service-of-case.js';
import { actorFor, driveUntil } from '../letters/helpers.js';
import { axeFindings, launchBrowser, screenshotFor, sidewaysScroll } from '../support/browser.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { SITI } from '../support/fixtures.js';
import { fillEverything } from '../support/intake-form.js';
import { nodeEntry, STANDARDS_DIR } from '../support/paths.js';
import { freePort } from '../support/ports.js';
import { startSmtp, unQp, type TestSmtp } from '../support/smtp.js';

const OFFICE = 'kota-jambi';
const SERVICE = 'rekomendasi-jamkesda-bayi';
const EMAIL = 'siti.aminah.jambi@example.id';

describe(`a citizen told by e-mail at every moment, by a running server (${TEST_DB})`, () => {
  let t: TestCtx;
  let smtp: TestSmtp;
  let server: ChildProcess;
  let browser: Browser;
  let base = '';
  const mails = () => smtp.received.filter((m) => m.to.includes(EMAIL));
  /** Waits for the server's worker (every 10 s) to have sent `n` messages to the citizen. */
  const mailsAfterWorker = async (n: number) => {
    for (let i = 0; i < 300 && mails().length < n; i++) await new Promise((r) => setTimeout(r, 100));
    return mails();
  };

  before(async () => {
    t = await testCtx();
    smtp = await startSmtp();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Messages queued by the staff steps below (this process) carry the same public address.
    t.ctx.publicBaseUrl = base;
    server = spawn(process.execPath, [...nodeEntry('src/cli/main.ts'), 'serve', '--port', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        ...(t.location.databaseUrl ? { DATABASE_URL: t.location.databaseUrl } : {}),
        DATA_DIR: t.location.dataDir,
        STANDARDS_DIR,
        HOST: '127.0.0.1',
        SIGAP_DEMO: '1',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>',
        PUBLIC_BASE_URL: base,
      },
    });
    let err = '';
    server.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    for (let i = 0; ; i++) {
      if (server.exitCode !== null || i > 300) throw new Error(`sigap serve did not start: ${err}`);
      if (await fetch(`${base}/`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.kill();
    if (server && server.exitCode === null) await new Promise((r) => server.once('exit', r));
    await smtp?.close();
    await t?.close();
  });

  it('sends the receipt, the return notice with its link, "letter ready" and "completed" once each, and shows them on the tracking page', async () => {
    const svc = t.catalogue.service(OFFICE, SERVICE)!.service.service;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/kantor/${OFFICE}/layanan/${SERVICE}/ajukan`);
    await fillEverything(page, svc, 'Kota Jambi');
    await page.locator('#f-applicant-email').fill(EMAIL);
    await page.getByRole('checkbox', { name: 'WhatsApp' }).uncheck();
    await page.getByRole('checkbox', { name: 'E-mail' }).check();
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.waitForSelector('[data-testid="registration-number"]');
    const number = (await page.getByTestId('registration-number').textContent())!.trim();
    const code = (await page.getByTestId('tracking-code').textContent())!.trim();

    // 1. The receipt, from the server's own worker.
    const [receipt] = await mailsAfterWorker(1);
    assert.equal(receipt?.headers.get('subject'), `Permohonan ${number} diterima / Application received`);
    const receiptText = unQp(receipt!.body);
    assert.match(receiptText, new RegExp(`${base}/lacak`));
    for (const secret of [code, SITI.nik]) assert.ok(!receiptText.includes(secret), 'neither the tracking code nor the NIK is in a message');

    // 2. The officer returns the file for completion: the notice says what is missing and where to complete it.
    const { id } = await t.database.db.selectFrom('applications').select('id').where('registration_number', '=', number).executeTakeFirstOrThrow();
    await driveUntil(t.ctx, id, (s) => s.outcomes.some((o) => o.kind === 'return'), OFFICE);
    const task = (await openTaskFor(t.database.db, id))!;
    const app = await t.database.db.selectFrom('applications').select(['version', 'service_version_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const proc = (await serviceOfCase(t.ctx, app.service_version_id)).procedure!;
    const back = proc.steps.find((s) => s.id === task.step_id)!.outcomes.find((o) => o.kind === 'return')!.id;
    const returned = await completeTask(t.ctx, { taskId: task.id, outcome: back, note: 'Surat keterangan lahir dari bidan belum dilampirkan', version: app.version }, await actorFor(t.ctx, `${task.role}@${OFFICE}`));
    assert.ok(returned.ok, JSON.stringify(returned));
    const [, notice] = await mailsAfterWorker(2);
    assert.ok(notice, 'the return notice arrived');
    const noticeText = unQp(notice.body);
    assert.match(noticeText, /Surat keterangan lahir dari bidan belum dilampirkan/);
    assert.match(noticeText, new RegExp(`${base}/lacak`));

    // 3. She completes the file on the tracking page (her browser keeps the case: no code in the URL).
    await page.goto(`${base}/lacak/${number}`);
    await page.locator('#f-note').fill('Surat keterangan lahir dari bidan sudah saya bawa ke kantor hari ini.');
    await page.getByRole('button', { name: 'Kirim kelengkapan berkas' }).click();
    await page.waitForSelector('[data-testid="resubmitted"]');

    // 4. The office decides and signs the letter: "letter ready"; handing it over closes the case: "completed".
    await driveUntil(t.ctx, id, () => false, OFFICE);
    const all = await mailsAfterWorker(4);
    const subjects = all.map((m) => m.headers.get('subject'));
    assert.deepEqual(subjects, [
      `Permohonan ${number} diterima / Application received`,
      `Permohonan ${number}: berkas perlu dilengkapi / File needs completing`,
      `Permohonan ${number}: surat sudah siap / Letter ready`,
      `Permohonan ${number}: selesai / completed`,
    ]);
    // Nothing more arrives on later worker runs: each exactly once.
    await new Promise((r) => setTimeout(r, 11_000));
    assert.equal(mails().length, 4, mails().map((m) => m.headers.get('subject')).join(' | '));

    // 5. Her case history shows the four messages, sent, with the address masked.
    for (const lang of ['id', 'en'] as const) {
      await page.goto(`${base}/lacak/${number}${lang === 'en' ? '?lang=en' : ''}`);
      const items = await page.getByTestId('news-message').allTextContents();
      assert.equal(items.length, 4, items.join(' | '));
      for (const item of items) assert.match(item, lang === 'id' ? /E-mail s\*\*\*@example\.id.*terkirim/s : /E-mail s\*\*\*@example\.id.*sent/s);
      assert.ok(!(await page.content()).includes(EMAIL));
      assert.deepEqual(await axeFindings(page), []);
      assert.equal(await sidewaysScroll(page), 0);
      await screenshotFor(page, `notify-journey-history-${lang}`);
    }
    await context.close();
  });
});
