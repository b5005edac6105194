/** Notifications: the outbox's cost inside submission (with beside without, same run) and the worker's send rate against a local SMTP server. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { boot } from '../src/boot.js';
import { smtpSender } from '../src/io/mail-smtp.js';
import { sendOutbox } from '../src/usecases/notifications/send-outbox.js';
import { startSmtp } from '../test/support/smtp.js';
import { applicationBody, post, startServer } from './applications.bench.js';
import { report, type BenchContext } from './report.js';

const FROM = 'Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>';

const EMAIL = 'siti.aminah@gmail.com';

/** Messages in the outbox, and applications that gave the bench's address (every one of which must have queued exactly one). */
async function counts(databaseUrl: string | null, dataDir: string): Promise<{ queued: number; mailed: number }> {
  const b = await boot({ databaseUrl, dataDir, standardsDir: 'standards' });
  if (!b.ok) throw new Error('boot');
  const db = b.ctx.database.db;
  const q = await db.selectFrom('outbox').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const m = await db.selectFrom('applications').select((e) => e.fn.countAll<number>().as('n')).where('applicant', 'like', `%${EMAIL}%`).executeTakeFirstOrThrow();
  await b.ctx.database.close();
  return { queued: Number(q.n), mailed: Number(m.n) };
}

export async function notificationsBench(ctx: BenchContext): Promise<void> {
  const seconds = ctx.quick ? 4 : 10;
  const ids = await (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-n-'));
    const b = await boot({ databaseUrl: null, dataDir: dir, standardsDir: 'standards' });
    if (!b.ok) throw new Error('boot');
    const r = b.ctx.catalogue.service('kota-jambi', 'rekomendasi-jamkesda-bayi')!.service.service.requirements.filter((x) => x.kind === 'document').map((x) => x.id);
    await b.ctx.database.close();
    rmSync(dir, { recursive: true, force: true });
    return r;
  })();

  // 1. Submissions over HTTP with an e-mail address (event + outbox row in one transaction) beside
  //    the same submissions without one (no outbox row), same server, alternating halves.
  const sqliteDir = mkdtempSync(join(tmpdir(), 'sigap-bench-n-'));
  for (const db of ctx.databases) {
    const dataDir = db.url ? mkdtempSync(join(tmpdir(), 'sigap-bench-n-')) : sqliteDir;
    const before = db.url ? await counts(db.url, dataDir) : { queued: 0, mailed: 0 };
    const s = await startServer(['submit'], { BENCH_DATA_DIR: dataDir, ...(db.url ? { DATABASE_URL: db.url } : {}) });
    let withMail = { rps: 0, p99: 0, errors: 0, total: 0 };
    let without = { ...withMail };
    try {
      const url = `http://127.0.0.1:${s.port}/api/v1/applications`;
      const plain = applicationBody(s.upload!, ids);
      const mailed = applicationBody(s.upload!, ids, EMAIL);
      await post(url, plain, 1, 10, true);
      await post(url, mailed, 1, 10, true);
      const half = Math.max(2, seconds / 2);
      const rounds = [];
      for (let i = 0; i < 2; i++) {
        const a = await post(url, plain, half, 20, true);
        const b = await post(url, mailed, half, 20, true);
        rounds.push({ a, b });
      }
      const avg = (xs: { rps: number; p99: number; errors: number; total: number }[]) => ({
        rps: xs.reduce((t, x) => t + x.rps, 0) / xs.length,
        p99: Math.max(...xs.map((x) => x.p99)),
        errors: xs.reduce((t, x) => t + x.errors, 0),
        total: xs.reduce((t, x) => t + x.total, 0),
      });
      without = avg(rounds.map((r) => r.a));
      withMail = avg(rounds.map((r) => r.b));
    } finally {
      s.child.kill();
      await new Promise((r) => s.child.once('exit', r));
    }
    const after = await counts(db.url, dataDir);
    // Requests still in flight when autocannon stops its count are answered too: count the database, not the tool.
    const queued = after.queued - before.queued;
    const accepted = after.mailed - before.mailed;
    if (db.url) rmSync(dataDir, { recursive: true, force: true });
    report(ctx, {
      name: `POST /api/v1/applications with an e-mail address: the receipt queued in the submission's transaction (${db.name}, 20 connections, 2 × ${Math.max(2, seconds / 2)} s alternating)`,
      value: withMail.rps,
      unit: 'submissions/s (each with one message enqueued)',
      baseline: { name: 'the same submissions without an address (no outbox row), same server, same run', value: without.rps, unit: 'submissions/s' },
      note: `${queued} messages queued for ${accepted} accepted submissions with an address (${queued === accepted ? 'exactly one each' : 'MISMATCH'}); p99 ${withMail.p99} ms vs ${without.p99} ms; errors ${withMail.errors + without.errors}${db.url ? '' : `; target ≥ 1000/s: ${withMail.rps >= 1000 ? 'met' : 'NOT met'}`}`,
    });
  }

  // 2. The worker against a local SMTP server (smtp-server, same machine): claim, send, mark, per
  //    message, beside nodemailer alone sending the same number of messages through the same kind of
  //    transport (the outbox's own overhead is the difference).
  const n = ctx.quick ? 100 : 300;
  const smtp = await startSmtp();
  const b = await boot({ databaseUrl: null, dataDir: sqliteDir, standardsDir: 'standards' });
  if (!b.ok) throw new Error('boot');
  const sender = smtpSender(smtp.url, FROM);
  try {
    const t0 = performance.now();
    let sent = 0;
    while (sent < n) {
      const run = await sendOutbox(b.ctx, sender, { limit: Math.min(50, n - sent) });
      if (run.sent === 0) throw new Error(`outbox ran dry after ${sent}`);
      sent += run.sent;
    }
    const workerRate = sent / ((performance.now() - t0) / 1000);
    const raw = nodemailer.createTransport(`${smtp.url}?pool=true&maxConnections=1`, { from: FROM });
    const t1 = performance.now();
    for (let i = 0; i < n; i++) await raw.sendMail({ from: FROM, to: EMAIL, subject: 'Permohonan diterima / Application received', text: 'Nomor pendaftaran JMB-2026-000001' });
    const rawRate = n / ((performance.now() - t1) / 1000);
    raw.close();
    report(ctx, {
      name: `outbox worker sending ${n} receipts to a local SMTP server (claim, send with the attempt's Message-ID, mark; SQLite)`,
      value: workerRate,
      unit: 'messages/s',
      baseline: { name: 'nodemailer alone (one pooled connection, like the adapter) sending the same number of messages to the same server', value: rawRate, unit: 'messages/s' },
      note: `received by the server: ${smtp.received.length - n} from the worker, ${n} from the baseline`,
    });
  } finally {
    sender.close();
    await b.ctx.database.close();
    await smtp.close();
    rmSync(sqliteDir, { recursive: true, force: true });
  }
}
