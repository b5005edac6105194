/**
 * Notifications through the durable outbox, on a real database and a real SMTP server: the receipt,
 * the return-for-completion notice and "letter ready" each reach the applicant exactly once; a
 * crash between send and mark loses nothing and resends the same Message-ID; a server that is
 * down is retried with backoff; no e-mail address, or no SMTP configured, sends nothing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, beforeEach, describe, it } from 'node:test';
import { claimDue, messagesOf } from '../../src/db/notifications-repo.js';
import { LEASE_SECONDS, sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { startOutboxWorker } from '../../src/usecases/notifications/outbox-worker.js';
import { smtpSender, type MailSender } from '../../src/io/mail-smtp.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { serviceOfCase } from '../../src/usecases/applications/service-of-case.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';
import { nodeEntry } from '../support/paths.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';

const OFFICE = 'kota-jambi';
const SERVICE = 'rekomendasi-jamkesda-bayi';
const FROM = 'Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>';

/** The text of a quoted-printable body, as the applicant's mail program shows it. */
const unQp = (s: string) => s.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

describe(`notifications: e-mail through the outbox (${TEST_DB})`, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let mail: MailSender;
  let clock = new Date();
  const advance = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
  const outboxOf = (id: string) => messagesOf(t.database.db, id);
  const mailsTo = (to: string) => smtp.received.filter((m) => m.to.includes(to));
  /** The staff case page's timeline lines about messages, as the front office reads them. */
  const messageLines = async (id: string, lang = '') => {
    const r = await signIn(t.database, 'front-office@kota-jambi', 'sigap-demo', 'cookie', '10.15.1.32');
    assert.ok(r.ok);
    const page = await t.app.inject({ method: 'GET', url: `/petugas/berkas/${id}${lang}`, headers: { cookie: `${SESSION_COOKIE}=${r.value.token}` } });
    assert.equal(page.statusCode, 200);
    return [...page.body.matchAll(/<li data-testid="timeline-message">(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  };

  before(async () => {
    t = await testApp({ now: () => clock });
    t.ctx.publicBaseUrl = 'https://sigap.jambikota.go.id';
    smtp = await startSmtp();
    mail = smtpSender(smtp.url, FROM);
  });
  after(async () => {
    mail.close();
    await smtp.close();
    await t.close();
  });
  beforeEach(async () => {
    // Each case's messages are sent by its own test: nothing left over from another.
    await sendOutbox(t.ctx, mail, { limit: 100 });
  });

  it('sends exactly one receipt to a citizen who gave an e-mail address, with the number and the tracking page, never the code or the NIK', async () => {
    const to = 'siti.aminah@gmail.com';
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Siti Aminah', to);
    const [queued, ...more] = await outboxOf(c.id);
    assert.equal(more.length, 0);
    assert.equal(queued?.status, 'queued');
    assert.equal(queued?.kind, 'receipt');
    assert.equal(queued?.recipient, to);
    const run = await sendOutbox(t.ctx, mail);
    assert.equal(run.sent, 1);
    const [m, ...others] = mailsTo(to);
    assert.equal(others.length, 0, 'one receipt');
    assert.match(m!.headers.get('from')!, /noreply@dinsos\.jambikota\.go\.id/);
    assert.equal(m!.headers.get('to'), to);
    assert.equal(m!.headers.get('subject'), `Permohonan ${c.registrationNumber} diterima / Application received`);
    const [sent] = await outboxOf(c.id);
    assert.equal(sent?.status, 'sent');
    assert.equal(m!.headers.get('message-id'), `<${sent!.attempt_id}@sigap.jambikota.go.id>`);
    assert.equal(m!.headers.get('auto-submitted'), 'auto-generated');
    const body = unQp(m!.body);
    assert.match(body, new RegExp(`nomor pendaftaran ${c.registrationNumber}`));
    assert.match(body, /https:\/\/sigap\.jambikota\.go\.id\/lacak /);
    assert.ok(!body.includes(c.trackingCode), 'the tracking code never travels by e-mail');
    const nik = (await t.database.db.selectFrom('applications').select('applicant_nik').where('id', '=', c.id).executeTakeFirstOrThrow()).applicant_nik!;
    assert.ok(!body.includes(nik) && !m!.raw.includes(nik), 'no NIK in the message');
    // A second run finds nothing more to send.
    assert.deepEqual(await sendOutbox(t.ctx, mail), { sent: 0, retried: 0, failed: 0 });
    assert.equal(mailsTo(to).length, 1);
    // The staff timeline shows the message and that it went.
    const [line, ...moreLines] = await messageLines(c.id);
    assert.equal(moreLines.length, 0);
    assert.match(line!, /Pesan ke pemohon \(e-mail\): tanda terima · terkirim \w+, \d+ \w+ \d{4} \d/);
    assert.match((await messageLines(c.id, '?lang=en'))[0]!, /Message to the applicant \(e-mail\): receipt · sent /);
  });

  it('queues nothing for an applicant without an e-mail address', async () => {
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Rudi Hartono');
    assert.deepEqual(await outboxOf(c.id), []);
  });

  it('tells the applicant what is missing when the file is returned for completion', async () => {
    const to = 'dewi.lestari@yahoo.co.id';
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Dewi Lestari', to);
    const at = await driveUntil(t.ctx, c.id, (s) => s.outcomes.some((o) => o.kind === 'return'), OFFICE);
    const task = (await openTaskFor(t.database.db, c.id))!;
    const app = await t.database.db.selectFrom('applications').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const svc = await serviceOfCase(t.ctx, app.service_version_id);
    const back = svc.procedure!.steps.find((s) => s.id === at.step!.id)!.outcomes.find((o) => o.kind === 'return')!;
    const missing = 'Fotokopi Kartu Keluarga belum dilampirkan';
    const r = await completeTask(t.ctx, { taskId: task.id, outcome: back.id, note: missing, version: app.version }, await actorFor(t.ctx, `${task.role}@${OFFICE}`));
    assert.ok(r.ok, JSON.stringify(r));
    await sendOutbox(t.ctx, mail);
    const notices = mailsTo(to).filter((m) => /dilengkapi/.test(m.headers.get('subject') ?? ''));
    assert.equal(notices.length, 1);
    assert.equal(notices[0]!.headers.get('subject'), `Permohonan ${c.registrationNumber}: berkas perlu dilengkapi / File needs completing`);
    const body = unQp(notices[0]!.body);
    assert.match(body, new RegExp(`Yang perlu dilengkapi / What is missing: ${missing}`));
    assert.match(body, /Status: menunggu kelengkapan dari Anda \/ waiting for you to complete the file/);
    assert.deepEqual((await outboxOf(c.id)).map((m) => [m.kind, m.status]), [['receipt', 'sent'], ['returned', 'sent']]);
  });

  it('says "letter ready" once when the letter is signed', async () => {
    const to = 'yusuf.maulana@gmail.com';
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Yusuf Maulana', to);
    await driveUntil(t.ctx, c.id, () => false, OFFICE);
    await sendOutbox(t.ctx, mail);
    const letter = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', c.id).where('status', '=', 'signed').executeTakeFirstOrThrow();
    const ready = mailsTo(to).filter((m) => /surat sudah siap/.test(m.headers.get('subject') ?? ''));
    assert.equal(ready.length, 1);
    assert.match(unQp(ready[0]!.body), new RegExp(`nomor ${letter.number!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} sudah ditandatangani`));
    assert.equal((await outboxOf(c.id)).filter((m) => m.kind === 'letter-ready').length, 1);
  });

  it('loses nothing when the worker dies after claiming, and resends the same Message-ID when it dies between send and mark', async () => {
    // Killed after the claim committed, before anything was sent.
    const a = await fileCase(t.ctx, OFFICE, SERVICE, 'Ahmad Fauzi', 'ahmad.fauzi@gmail.com');
    const now = clock.toISOString();
    const claimed = await t.database.write((trx) => claimDue(trx, TEST_DB === 'postgres', 'email', now, new Date(clock.getTime() + LEASE_SECONDS * 1000).toISOString(), 10));
    assert.deepEqual(claimed.map((m) => m.application_id), [a.id]);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 0, 'still leased to the dead worker');
    advance(LEASE_SECONDS + 1);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 1);
    assert.equal(mailsTo('ahmad.fauzi@gmail.com').length, 1);

    // Killed after the server accepted the message, before it was marked sent.
    const b = await fileCase(t.ctx, OFFICE, SERVICE, 'Nur Aisyah', 'nur.aisyah@gmail.com');
    await assert.rejects(
      sendOutbox(t.ctx, mail, {
        afterSend: () => {
          throw new Error('killed');
        },
      }),
      /killed/,
    );
    assert.equal((await outboxOf(b.id))[0]?.status, 'sending');
    advance(LEASE_SECONDS + 1);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 1);
    const copies = mailsTo('nur.aisyah@gmail.com');
    // SMTP cannot tell whether the first copy arrived: the resend is the same message (one Message-ID), which mail programs fold into one.
    assert.equal(copies.length, 2);
    assert.equal(new Set(copies.map((m) => m.headers.get('message-id'))).size, 1);
    const [row] = await outboxOf(b.id);
    assert.equal(row?.status, 'sent');
    assert.equal(row?.attempts, 2);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 0);
    assert.equal(mailsTo('nur.aisyah@gmail.com').length, 2, 'never a third copy');
  });

  it('loses nothing when a worker process is killed with SIGKILL between the server accepting the mail and marking it', async () => {
    const to = 'rina.marlina@gmail.com';
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Rina Marlina', to);
    const signal = await new Promise<string | null>((resolve, reject) => {
      const child = spawn(process.execPath, [...nodeEntry('test/notifications/send-worker.ts'), JSON.stringify({ ...t.location, smtpUrl: smtp.url, from: FROM, now: clock.toISOString(), publicBaseUrl: t.ctx.publicBaseUrl })], { stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('exit', (code, sig) => (sig ? resolve(sig) : reject(new Error(`worker exited ${code}: ${err}`))));
    });
    assert.equal(signal, 'SIGKILL');
    assert.equal(mailsTo(to).length, 1, 'the server had accepted it');
    let [row] = await outboxOf(c.id);
    assert.deepEqual([row?.status, row?.attempts], ['sending', 1]);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 0, 'leased to the dead worker until the lease ends');
    advance(LEASE_SECONDS + 1);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 1);
    [row] = await outboxOf(c.id);
    assert.equal(row?.status, 'sent');
    const copies = mailsTo(to);
    assert.equal(copies.length, 2);
    assert.deepEqual(copies.map((m) => m.headers.get('message-id')), [`<${row!.attempt_id}@sigap.jambikota.go.id>`, `<${row!.attempt_id}@sigap.jambikota.go.id>`]);
  });

  it('retries with exponential backoff while the SMTP server is down and delivers once it is back', async () => {
    const to = 'budi.santoso@gmail.com';
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Budi Santoso', to);
    await smtp.down();
    try {
      assert.deepEqual(await sendOutbox(t.ctx, mail), { sent: 0, retried: 1, failed: 0 });
      let [row] = await outboxOf(c.id);
      assert.equal(row?.status, 'queued');
      assert.equal(new Date(row!.next_attempt_at).getTime() - clock.getTime(), 60_000, 'first retry after a minute');
      assert.match(row!.last_error ?? '', /ECONNREFUSED/);
      assert.equal((await sendOutbox(t.ctx, mail)).retried, 0, 'not before its time');
      advance(61);
      assert.equal((await sendOutbox(t.ctx, mail)).retried, 1);
      [row] = await outboxOf(c.id);
      assert.equal(new Date(row!.next_attempt_at).getTime() - clock.getTime(), 120_000, 'then after two');
      const [line] = await messageLines(c.id);
      assert.match(line!, /tanda terima · menunggu; percobaan ke-3 .*ECONNREFUSED/s);
    } finally {
      await smtp.up();
    }
    advance(121);
    assert.equal((await sendOutbox(t.ctx, mail)).sent, 1);
    assert.equal(mailsTo(to).length, 1);
    const [row] = await outboxOf(c.id);
    assert.deepEqual([row?.status, row?.attempts], ['sent', 3]);
  });

  it('under sigap serve the worker sends by itself when SMTP is configured, and does not run without it', async () => {
    const idle = startOutboxWorker(t.ctx, null, (e) => assert.fail(String(e)), 20);
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Fitri Handayani', 'fitri.handayani@gmail.com');
    await new Promise((r) => setTimeout(r, 120));
    idle.stop();
    assert.deepEqual((await outboxOf(c.id)).map((m) => m.status), ['queued']);
    const worker = startOutboxWorker(t.ctx, { smtpUrl: smtp.url, from: FROM }, (e) => assert.fail(String(e)), 20);
    try {
      // The server has the mail a moment before the worker marks the row (after the 250 reply): wait for both.
      for (let i = 0; i < 100 && (mailsTo('fitri.handayani@gmail.com').length === 0 || (await outboxOf(c.id))[0]?.status !== 'sent'); i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      worker.stop();
    }
    assert.equal(mailsTo('fitri.handayani@gmail.com').length, 1);
    assert.deepEqual((await outboxOf(c.id)).map((m) => m.status), ['sent']);
  });

  it('keeps messages queued when no SMTP server is configured', async () => {
    const c = await fileCase(t.ctx, OFFICE, SERVICE, 'Sri Wahyuni', 'sri.wahyuni@gmail.com');
    assert.deepEqual(await sendOutbox(t.ctx, null), { sent: 0, retried: 0, failed: 0 });
    assert.deepEqual((await outboxOf(c.id)).map((m) => m.status), ['queued']);
  });

  it("says on the admin's page that e-mail is not configured and how many messages wait, in both languages", async () => {
    await fileCase(t.ctx, OFFICE, SERVICE, 'Hendra Gunawan', 'hendra.gunawan@gmail.com');
    const waiting = (await t.database.db.selectFrom('outbox').select('id').where('status', 'in', ['queued', 'sending']).execute()).length;
    assert.ok(waiting >= 1);
    const r = await signIn(t.database, 'admin@kota-jambi', 'sigap-demo', 'cookie', '10.15.1.31');
    assert.ok(r.ok);
    const page = (lang: string) => t.app.inject({ method: 'GET', url: `/petugas/akun${lang}`, headers: { cookie: `${SESSION_COOKIE}=${r.value.token}` } });
    const id = await page('');
    assert.equal(id.statusCode, 200);
    assert.match(id.body, new RegExp(`Pengiriman e-mail belum diatur \\(SMTP_URL dan MAIL_FROM\\): ${waiting} pesan untuk pemohon menunggu di antrean`));
    assert.match((await page('?lang=en')).body, new RegExp(`E-mail sending is not configured \\(SMTP_URL and MAIL_FROM\\): messages to applicants waiting in the queue: ${waiting}\\.`));
    t.ctx.mail = { smtpUrl: smtp.url, from: FROM };
    try {
      const configured = await page('');
      assert.doesNotMatch(configured.body, /belum diatur/);
      assert.match(configured.body, new RegExp(`Notifikasi e-mail: ${waiting} pesan dalam antrean pengiriman`));
    } finally {
      t.ctx.mail = null;
    }
  });
});
