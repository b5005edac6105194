/**
 * "Dana sudah ditransfer" (issue 16 §1) on a real database and a real SMTP server: a Banjarmasin
 * santunan kematian case whose transfer the Back Office records tells the applicant once, in the
 * step's transaction, without the amount; the same service's earlier steps and a case without an
 * e-mail address say nothing of it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { messagesOf } from '../../src/db/notifications-repo.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { smtpForSuite, unQp } from '../support/smtp.js';
import { driveUntil, fileCase } from '../letters/helpers.js';

const OFFICE = 'kota-banjarmasin';

describe(`notifications: dana sudah ditransfer (${TEST_DB})`, () => {
  let t: TestApp;
  const clock = new Date('2026-12-07T02:00:00.000Z');

  before(async () => {
    t = await testApp({ now: () => clock });
    t.ctx.publicBaseUrl = 'https://sigap.banjarmasinkota.go.id';
  });
  after(async () => t.close());
  const mailer = smtpForSuite('Dinas Sosial Kota Banjarmasin <noreply@dinsos.banjarmasinkota.go.id>');

  it('tells the applicant once when the transfer is recorded, never before it and never the amount', async () => {
    const to = 'hj.rusmini@gmail.com';
    const c = await fileCase(t.ctx, OFFICE, 'santunan-kematian', 'Hj. Rusmini', to);
    const quiet = await fileCase(t.ctx, OFFICE, 'santunan-kematian', 'Ahmad Yani');
    await driveUntil(t.ctx, c.id, (s) => s.id === 'transfer-dana', OFFICE);
    assert.ok(!(await messagesOf(t.database.db, c.id)).some((m) => m.kind === 'funds-transferred'), 'not at "menjelang pencairan": the money has not gone yet');
    await driveUntil(t.ctx, c.id, (s) => s.id === 'informasi-pencairan', OFFICE);
    const told = (await messagesOf(t.database.db, c.id)).filter((m) => m.kind === 'funds-transferred');
    assert.equal(told.length, 1);
    const step = await t.database.db.selectFrom('application_events').select(['id', 'step_id', 'outcome', 'data']).where('application_id', '=', c.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(told[0]!.event_id, step.id, "queued with the transfer's own event");
    assert.deepEqual([step.step_id, step.outcome, JSON.parse(step.data).next], ['transfer-dana', 'ditransfer', 'informasi-pencairan']);

    await sendOutbox(t.ctx, mailer().mail, { limit: 100 });
    const mails = mailer().smtp.received.filter((m) => m.to.includes(to) && /ditransfer/.test(m.headers.get('subject') ?? ''));
    assert.equal(mails.length, 1, 'one message');
    assert.equal(mails[0]!.headers.get('subject'), `Permohonan ${c.registrationNumber}: dana bantuan sudah ditransfer / Funds transferred`);
    const body = unQp(mails[0]!.body);
    assert.match(body, /sudah ditransfer secara non tunai ke rekening penerima yang tercantum dalam berkas/);
    assert.doesNotMatch(body, /Rp\s?\d|rupiah/i, 'no amount');
    assert.deepEqual(await messagesOf(t.database.db, quiet.id), [], 'no address, no message');
  });
});
