/**
 * Notifications: the outbox worker's send rate over WhatsApp (Cloud API fake) and SMS (Twilio
 * fake), beside its rate over e-mail to a local SMTP server, the same run and database. The fakes
 * are the tests' (test/support), real HTTP servers on this machine; what is measured is Sigap's
 * side: claim, one HTTP request (or SMTP conversation) per message, mark.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boot } from '../src/boot.js';
import { findUserByUsername, toStaff } from '../src/db/staff-repo.js';
import { queueMessage } from '../src/db/notifications-repo.js';
import { smtpSender } from '../src/io/mail-smtp.js';
import { saveOfficeNotify } from '../src/usecases/notifications/save-notify-settings.js';
import { sendOutbox } from '../src/usecases/notifications/send-outbox.js';
import type { Ctx } from '../src/usecases/context.js';
import { FAKE_SMS, FAKE_WA, fakeProviderSettings } from '../test/support/fake-provider.js';
import { startFakeWhatsApp } from '../test/support/fake-whatsapp.js';
import { startFakeSms } from '../test/support/fake-sms.js';
import { startSmtp } from '../test/support/smtp.js';
import { report, type BenchContext } from './report.js';


/** Queues `n` receipts on one channel, for the case `applicationId` (one event each: the outbox key is per event). */
async function queue(c: Ctx, officeId: string, applicationId: string, channel: 'whatsapp' | 'sms' | 'email', n: number): Promise<void> {
  const facts = { registrationNumber: 'JMB-2026-000123', serviceName: 'Pelayanan Rekomendasi Jamkesda Bayi', officeName: 'Dinas Sosial Kota Jambi', trackingUrl: 'https://sigap.jambikota.go.id/lacak', status: 'open', note: null, letterNumber: null };
  const at = new Date().toISOString();
  await c.database.write(async (trx) => {
    for (let i = 0; i < n; i++)
      await queueMessage(trx, {
        office_id: officeId,
        application_id: applicationId,
        event_id: randomUUID(),
        channel,
        kind: 'receipt',
        recipient: channel === 'email' ? `warga${i}@example.id` : `0812660${String(i).padStart(5, '0')}`,
        subject: 'Permohonan JMB-2026-000123 diterima / Application received',
        body: channel === 'sms' ? 'Dinas Sosial Kota Jambi: Permohonan JMB-2026-000123 telah diterima. Lacak: https://sigap.jambikota.go.id/lacak' : 'Permohonan Anda telah diterima…',
        created_at: at,
        facts: JSON.stringify(facts),
      });
  });
}

/** Runs the worker until nothing is left; answers messages per second. */
async function drain(c: Ctx, mail: Parameters<typeof sendOutbox>[1], n: number): Promise<number> {
  const t0 = performance.now();
  let sent = 0;
  while (sent < n) {
    const r = await sendOutbox(c, mail, { limit: 50 });
    if (r.sent === 0 && r.retried === 0) break;
    sent += r.sent;
  }
  if (sent !== n) throw new Error(`sent ${sent} of ${n}`);
  return n / ((performance.now() - t0) / 1000);
}

export async function notificationChannelsBench(ctx: BenchContext): Promise<void> {
  const n = ctx.quick ? 60 : 300;
  for (const dbc of ctx.databases) {
    const dir = mkdtempSync(join(tmpdir(), 'sigap-bench-notify-'));
    const b = await boot({ databaseUrl: dbc.url, dataDir: dir, standardsDir: 'standards', demo: true });
    if (!b.ok) throw new Error('boot');
    const c = b.ctx;
    const office = c.catalogue.office('kota-jambi')!;
    const wa = await startFakeWhatsApp({ ...FAKE_WA, webhook: () => 'http://127.0.0.1:9/unused' });
    const sms = await startFakeSms(FAKE_SMS);
    const smtp = await startSmtp();
    const mail = smtpSender(smtp.url, 'Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>');
    try {
      const row = await findUserByUsername(c.database.db, 'admin@kota-jambi');
      const u = toStaff(row!);
      const saved = await saveOfficeNotify(c, { id: u.id, name: u.displayName, roles: u.roles, officeId: u.officeId }, fakeProviderSettings(wa.url, sms.url));
      if (!saved.ok) throw new Error('settings');
      // One real case for the rows to belong to (the outbox's foreign key); its own receipt is not counted.
      const app = await c.database.db.selectFrom('applications').select('id').where('office_id', '=', office.id).limit(1).executeTakeFirst();
      const applicationId = app?.id ?? (await fileOne(c));
      await queue(c, office.id, applicationId, 'email', n);
      const emailRate = await drain(c, mail, n);
      await queue(c, office.id, applicationId, 'whatsapp', n);
      const waRate = await drain(c, null, n);
      await queue(c, office.id, applicationId, 'sms', n);
      const smsRate = await drain(c, null, n);
      const baseline = { name: `e-mail to a local SMTP server (smtp-server), ${dbc.name}, same run`, value: emailRate, unit: 'messages/s' };
      report(ctx, { name: `Outbox worker: WhatsApp Cloud API (local fake), ${n} template messages, ${dbc.name}`, value: waRate, unit: 'messages/s', baseline, higherIsBetter: true });
      report(ctx, { name: `Outbox worker: SMS through Twilio's API (local fake), ${n} messages, ${dbc.name}`, value: smsRate, unit: 'messages/s', baseline, higherIsBetter: true });
      if (wa.sent.length !== n || sms.sent.length !== n) throw new Error(`fakes took ${wa.sent.length} WhatsApp and ${sms.sent.length} SMS of ${n}`);
    } finally {
      mail.close();
      await smtp.close();
      await wa.close();
      await sms.close();
      await c.database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** A counter case in Jambi, when the database has none yet. */
async function fileOne(c: Ctx): Promise<string> {
  const { fileCase } = await import('../test/letters/helpers.js');
  return (await fileCase(c, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Siti Aminah')).id;
}
