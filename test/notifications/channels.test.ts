/**
 * WhatsApp and SMS through the outbox, against local fakes of the WhatsApp Cloud API and Twilio
 * that speak their documented HTTP APIs and post signed delivery callbacks to our webhooks: the
 * 24-hour window decides template or free text; a provider timeout followed by a late success
 * sends one message; a number refused for good hands over to SMS exactly once; receipts update the
 * row; a message never confirmed falls back in the office's time; quiet hours hold back an ordinary
 * message and never an emergency; forged signatures are refused.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { messagesOf } from '../../src/db/notifications-repo.js';
import { sendOutbox, fallBack } from '../../src/usecases/notifications/send-outbox.js';
import { saveOfficeNotify } from '../../src/usecases/notifications/save-notify-settings.js';
import type { NotifySettings } from '../../src/domain/notifications/channel-settings.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { startFakeWhatsApp, type FakeWhatsApp } from '../support/fake-whatsapp.js';
import { startFakeSms, type FakeSms } from '../support/fake-sms.js';
import { FAKE_SMS, FAKE_WA, fakeProviderSettings } from '../support/fake-provider.js';
import { actorFor, fileCase } from '../letters/helpers.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';

const OFFICE = 'kota-jambi';
const SERVICE = 'rekomendasi-jamkesda-bayi';
/** A service the decree runs every day for 24 hours: quiet hours never hold its messages. */
const EMERGENCY = 'distribusi-logistik-bencana';
const WA = FAKE_WA;
const SMS = FAKE_SMS;
const PHONE_ID = FAKE_WA.phoneNumberId;
/** The citizen chose WhatsApp, then SMS, on the form (legal basis "pelayanan publik"). */
const notify = (channels: string[]) => ({ notify: { channels, basis: 'pelayanan-publik', at: '2026-12-01T02:00:00.000Z' } });
const TIMEOUT = { providerTimeoutMs: 250 };

describe(`notifications: WhatsApp and SMS against local provider fakes (${TEST_DB})`, () => {
  let t: TestApp;
  let wa: FakeWhatsApp;
  let sms: FakeSms;
  let base = '';
  // 10:00 in Jambi (WIB, UTC+7) on a Tuesday.
  let clock = new Date('2026-12-08T03:00:00.000Z');
  const advance = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
  const rows = (id: string) => messagesOf(t.database.db, id);
  let settings: NotifySettings;
  const configure = async (change: Partial<NotifySettings> = {}) => {
    const admin = await actorFor(t.ctx, `admin@${OFFICE}`);
    const r = await saveOfficeNotify(t.ctx, admin, { settings: { ...settings, ...change }, secrets: fakeProviderSettings(wa.url, sms.url).secrets });
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  };
  let phoneSeq = 0;
  /** Each case its own citizen's number, so one test's WhatsApp window is not another's. */
  const file = async (channels = ['whatsapp', 'sms'], service = SERVICE) => {
    const phone = `0812660${String(++phoneSeq).padStart(5, '0')}`;
    const c = await fileCase(t.ctx, OFFICE, service, 'Nurhayati', undefined, { phone, ...notify(channels) });
    return { ...c, phone, wa: `62${phone.slice(1)}` };
  };

  before(async () => {
    t = await testApp({ now: () => clock });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    t.ctx.publicBaseUrl = base;
    wa = await startFakeWhatsApp({ token: WA.token, appSecret: WA.appSecret, phoneNumberId: PHONE_ID, webhook: () => `${base}/api/v1/notifications/whatsapp/${OFFICE}` });
    sms = await startFakeSms(SMS);
    settings = fakeProviderSettings(wa.url, sms.url).settings;
    await configure();
  });
  after(async () => {
    await wa.close();
    await sms.close();
    await t.close();
  });
  beforeEach(async () => {
    await configure();
    // Nothing left over from another test.
    await sendOutbox(t.ctx, null, { ...TIMEOUT, limit: 100 });
    wa.script.length = 0;
    sms.script.length = 0;
  });

  it('uses the approved template for a citizen whose last WhatsApp message was 25 hours ago, and free text at 23 hours', async () => {
    const old = await file();
    assert.equal(await wa.inbound(old.wa, new Date(clock.getTime() - 25 * 3600_000)), 200);
    const before = wa.sent.length;
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 1);
    const [tpl, ...more] = wa.sent.slice(before);
    assert.equal(more.length, 0);
    assert.equal(tpl!.to, old.wa);
    assert.equal(tpl!.type, 'template');
    assert.deepEqual(tpl!.template, { name: 'sigap_tanda_terima', language: 'id', parameters: [old.registrationNumber, 'Pelayanan Rekomendasi Jamkesda Bayi', 'sedang diproses', `${base}/lacak`] });

    const recent = await file();
    assert.equal(await wa.inbound(recent.wa, new Date(clock.getTime() - 23 * 3600_000)), 200);
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 1);
    const text = wa.sent.at(-1)!;
    assert.equal(text.type, 'text');
    assert.match(text.text!, new RegExp(`nomor pendaftaran ${recent.registrationNumber.replace(/[/.]/g, '\\$&')}`));
    const [row] = await rows(recent.id);
    assert.deepEqual([row?.channel, row?.status, row?.provider_id], ['whatsapp', 'sent', text.id]);
  });

  it('sends one message when the provider answers only after our timeout and the message went: its late callback marks it, the retry sends nothing', async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    wa.script.push({ kind: 'slow', ms: 700 });
    const first = await sendOutbox(t.ctx, null, TIMEOUT);
    assert.deepEqual([first.sent, first.retried], [0, 1]);
    let [row] = await rows(c.id);
    assert.equal(row?.status, 'queued');
    assert.match(row!.last_error!, /no answer within 250 ms/);
    await wa.settled();
    const went = wa.sent.filter((m) => m.to === c.wa);
    assert.equal(went.length, 1, 'the provider took it although we saw no answer');
    // Meta reports the message it took, with our attempt id as callback data.
    assert.equal(went[0]!.callbackData, row!.attempt_id);
    assert.equal(await wa.status(went[0]!, 'sent'), 200);
    [row] = await rows(c.id);
    assert.deepEqual([row?.status, row?.delivery, row?.provider_id], ['sent', 'sent', went[0]!.id]);
    // Past the retry's time (1 minute), within the 15 minutes a receipt may take.
    advance(120);
    const retry = await sendOutbox(t.ctx, null, TIMEOUT);
    assert.deepEqual([retry.sent, retry.retried], [0, 0]);
    assert.equal(wa.sent.filter((m) => m.to === c.wa).length, 1, 'never a second WhatsApp message');
    assert.equal((await rows(c.id)).length, 1, 'and no fallback either');
    await wa.status(went[0]!, 'delivered');
  });

  it('hands over to SMS exactly once when WhatsApp refuses the number for good, and records the SMS receipt', async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    wa.script.push({ kind: 'invalid-number' });
    // The SMS is queued in the transaction that records the failure, and goes in the same run.
    const run = await sendOutbox(t.ctx, null, TIMEOUT);
    assert.deepEqual([run.failed, run.fellBack, run.sent], [1, 1, 1]);
    const [viaWa, viaSms, ...none] = await rows(c.id);
    assert.equal(none.length, 0);
    assert.deepEqual([viaWa?.channel, viaWa?.status], ['whatsapp', 'failed']);
    assert.match(viaWa!.last_error!, /131026/);
    assert.deepEqual([viaSms?.channel, viaSms?.status, viaSms?.fallback_from], ['sms', 'sent', 'whatsapp']);
    // A second hand-over of the same failure (another worker, a late callback) queues nothing.
    assert.equal(await t.database.write((trx) => fallBack(trx, viaWa!, clock.toISOString())), false);
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 0);
    const got = sms.sent.filter((m) => m.to === `+${c.wa}`);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.from, 'DINSOSJMB');
    assert.equal(got[0]!.body, `Dinas Sosial Kota Jambi: Permohonan ${c.registrationNumber} telah diterima. Lacak: ${base}/lacak`);
    assert.ok(got[0]!.body.length <= 160, 'one GSM-7 segment');
    assert.equal(await sms.status(got[0]!, 'sent'), 200);
    assert.equal(await sms.status(got[0]!, 'delivered'), 200);
    // The same receipt again changes nothing (providers repeat themselves).
    assert.equal(await sms.status(got[0]!, 'delivered'), 200);
    const smsRow = (await rows(c.id)).find((m) => m.channel === 'sms')!;
    assert.deepEqual([smsRow.status, smsRow.delivery, smsRow.provider_id, smsRow.segments], ['sent', 'delivered', got[0]!.sid, 1]);
    const audits = await t.database.db.selectFrom('audit_events').select(['actor', 'detail']).where('action', '=', 'notifications.delivery').where('subject', '=', `outbox:${smsRow.id}`).execute();
    assert.deepEqual(
      audits.map((a) => [a.actor, (JSON.parse(a.detail) as { delivery: string }).delivery]),
      [
        ['Sistem (SMS)', 'sent'],
        ['Sistem (SMS)', 'delivered'],
      ],
    );
  });

  it('retries a WhatsApp message the provider failed with a 5xx, with backoff and without handing over, and sends it once it is back', async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    wa.script.push({ kind: 'server-error' }, { kind: 'server-error' });
    const before = wa.sent.length;
    assert.deepEqual([(await sendOutbox(t.ctx, null, TIMEOUT)).retried], [1]);
    let [row, ...none] = await rows(c.id);
    assert.equal(none.length, 0, 'a passing failure does not hand over');
    assert.deepEqual([row?.status, row?.attempts], ['queued', 1]);
    assert.match(row!.last_error!, /WhatsApp 500 \(131000\)/);
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).retried, 0, 'not before its time');
    advance(61);
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).retried, 1);
    advance(121);
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 1);
    [row] = await rows(c.id);
    assert.deepEqual([row?.status, row?.attempts], ['sent', 3]);
    assert.equal(wa.sent.length - before, 1, 'one message reached the provider');
    await wa.status(wa.sent.at(-1)!, 'delivered');
  });

  it("falls back to SMS when a WhatsApp message is not confirmed delivered within the office's time, and not before", async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 1);
    advance(14 * 60);
    await sendOutbox(t.ctx, null, TIMEOUT);
    assert.equal((await rows(c.id)).length, 1, 'still within 15 minutes');
    advance(61);
    const run = await sendOutbox(t.ctx, null, TIMEOUT);
    assert.equal(run.fellBack, 1);
    const all = await rows(c.id);
    assert.deepEqual(
      all.map((m) => [m.channel, m.status]),
      [
        ['whatsapp', 'sent'],
        ['sms', 'queued'],
      ],
    );
    assert.ok(all.find((m) => m.channel === 'whatsapp')!.fallen_back_at);
    advance(3600);
    await sendOutbox(t.ctx, null, TIMEOUT);
    assert.equal((await rows(c.id)).filter((m) => m.channel === 'sms').length, 1, 'exactly one SMS row');
  });

  it('moves a message to failed on a "failed" receipt and tries the next channel; a read receipt is recorded; unknown ids are ignored', async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    await sendOutbox(t.ctx, null, TIMEOUT);
    const m = wa.sent.at(-1)!;
    assert.equal(await wa.status(m, 'failed'), 200);
    const all = await rows(c.id);
    assert.deepEqual(
      all.map((r) => [r.channel, r.status, r.delivery]),
      [
        ['whatsapp', 'failed', 'failed'],
        ['sms', 'queued', null],
      ],
    );
    // A receipt for a message Sigap never sent.
    assert.equal(await wa.status({ ...m, id: 'wamid.tidak-dikenal', callbackData: null }, 'read'), 200);
    const d = await rows(c.id);
    assert.deepEqual(d, all);

    const r = await file();
    await wa.inbound(r.wa, clock);
    await sendOutbox(t.ctx, null, TIMEOUT);
    await wa.status(wa.sent.at(-1)!, 'delivered');
    await wa.status(wa.sent.at(-1)!, 'read');
    // Out of order: a late "sent" after "read" does not go backwards.
    await wa.status(wa.sent.at(-1)!, 'sent');
    const [read] = await rows(r.id);
    assert.equal(read?.delivery, 'read');
  });

  it('holds back an ordinary message during quiet hours until they end, and never an emergency', async () => {
    await configure({ quiet: { from: '21:00', to: '06:00' } });
    // 22:30 in Jambi.
    clock = new Date('2026-12-08T15:30:00.000Z');
    const ordinary = await file();
    const emergency = await file(['whatsapp', 'sms'], EMERGENCY);
    await wa.inbound(ordinary.wa, clock);
    await wa.inbound(emergency.wa, clock);
    const waBefore = wa.sent.length;
    const smsBefore = sms.sent.length;
    await sendOutbox(t.ctx, null, TIMEOUT);
    assert.deepEqual(wa.sent.slice(waBefore).map((m) => m.to), [emergency.wa]);
    assert.equal(sms.sent.length, smsBefore);
    await wa.status(wa.sent.at(-1)!, 'delivered');
    const [held] = await rows(ordinary.id);
    // 06:00 Jambi time the next morning, no attempt spent.
    assert.deepEqual([held?.status, held?.attempts, held?.next_attempt_at], ['queued', 0, '2026-12-08T23:00:00.000Z']);
    clock = new Date('2026-12-08T22:59:00.000Z');
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 0);
    clock = new Date('2026-12-08T23:00:00.000Z');
    assert.equal((await sendOutbox(t.ctx, null, TIMEOUT)).sent, 1);
    assert.equal(wa.sent.at(-1)!.to, ordinary.wa);
    clock = new Date('2026-12-09T03:00:00.000Z');
  });

  it('refuses a forged webhook signature and a wrong verify token, and answers Meta\'s subscription check', async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    await sendOutbox(t.ctx, null, TIMEOUT);
    const m = wa.sent.at(-1)!;
    assert.equal(await wa.status(m, 'delivered', { secret: 'bukan-rahasia-kantor' }), 403);
    const unsigned = await fetch(`${base}/api/v1/notifications/whatsapp/${OFFICE}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ object: 'whatsapp_business_account', entry: [] }) });
    assert.equal(unsigned.status, 403);
    assert.equal(((await unsigned.json()) as { error: { messageEn: string } }).error.messageEn, 'Invalid webhook signature; the request was ignored');
    const [row] = await rows(c.id);
    assert.equal(row?.delivery, null, 'nothing believed');
    // SMS: a callback signed with another token.
    const s = await file(['sms']);
    await sendOutbox(t.ctx, null, TIMEOUT);
    const sent = sms.sent.at(-1)!;
    assert.equal(await sms.status(sent, 'delivered', { token: 'token-palsu' }), 403);
    assert.equal((await rows(s.id))[0]?.delivery, null);
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/notifications/whatsapp/${OFFICE}?hub.mode=subscribe&hub.verify_token=${WA.verifyToken}&hub.challenge=1158201444` });
    assert.deepEqual([ok.statusCode, ok.body], [200, '1158201444']);
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/notifications/whatsapp/${OFFICE}?hub.mode=subscribe&hub.verify_token=tebakan&hub.challenge=1158201444` });
    assert.equal(wrong.statusCode, 403);
  });

  it('leaves WhatsApp and SMS messages queued for an office without providers, and e-mail for the citizen who chose only e-mail', async () => {
    await configure({ whatsapp: null, sms: null });
    const c = await file();
    const run = await sendOutbox(t.ctx, null, TIMEOUT);
    assert.equal(run.sent, 0);
    assert.deepEqual((await rows(c.id)).map((m) => [m.channel, m.status]), [['whatsapp', 'queued']]);
  });

  /** A signed-in officer's GET and form POST on a staff page. */
  const staff = async (username: string) => {
    const r = await signIn(t.database, username, 'sigap-demo', 'cookie', '10.15.1.40');
    assert.ok(r.ok);
    const cookie = `${SESSION_COOKIE}=${r.value.token}`;
    return {
      get: (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } }),
      post: (url: string, fields: Record<string, string>) =>
        t.app.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: r.value.csrf, ...fields }).toString() }),
    };
  };

  it("shows each message's channel, receipt and hand-over in the staff timeline", async () => {
    const c = await file();
    await wa.inbound(c.wa, clock);
    wa.script.push({ kind: 'invalid-number' });
    await sendOutbox(t.ctx, null, TIMEOUT);
    await sms.status(sms.sent.at(-1)!, 'delivered');
    const officer = await staff(`front-office@${OFFICE}`);
    const lines = async (lang: string) => [...(await officer.get(`/petugas/berkas/${c.id}${lang}`)).body.matchAll(/<li data-testid="timeline-message">(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const id = await lines('');
    assert.equal(id.length, 2);
    assert.match(id.join('\n'), /Pesan ke pemohon \(WhatsApp\): tanda terima · gagal pada percobaan pertama · dialihkan ke saluran berikutnya/);
    assert.match(id.join('\n'), /Pesan ke pemohon \(SMS, pengganti WhatsApp\): tanda terima · terkirim .* · sampai di ponsel/);
    const en = await lines('?lang=en');
    assert.match(en.join('\n'), /Message to the applicant \(SMS instead of WhatsApp\): receipt · sent .* · delivered to the phone/);
  });

  it("lets the office admin set the order, quiet hours and providers, refuses bad values beside their fields, never shows a secret back, and audits the change", async () => {
    const admin = await staff(`admin@${OFFICE}`);
    const page = await admin.get('/petugas/notifikasi');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /WhatsApp: <strong>siap mengirim<\/strong>/);
    assert.ok(!page.body.includes(WA.token) && !page.body.includes(SMS.authToken) && !page.body.includes(WA.appSecret), 'no secret in the page');
    assert.match(page.body, new RegExp(`${base}/api/v1/notifications/whatsapp/${OFFICE}`));
    const form = {
      'order.0': 'sms',
      'order.1': 'whatsapp',
      'order.2': 'email',
      confirmMinutes: '30',
      'quiet.from': '21:00',
      'quiet.to': '06:00',
      'whatsapp.baseUrl': wa.url,
      'whatsapp.version': 'v21.0',
      'whatsapp.phoneNumberId': PHONE_ID,
      'whatsapp.templates.receipt.name': 'sigap_tanda_terima',
      'whatsapp.templates.receipt.language': 'id',
      'sms.baseUrl': sms.url,
      'sms.accountSid': SMS.accountSid,
      'sms.from': 'DINSOSJMB',
    };
    const bad = await admin.post('/petugas/notifikasi', { ...form, 'order.1': 'sms', 'quiet.to': '', 'sms.accountSid': 'AC123', 'secrets.smsAuthToken': 'token-baru-yang-salah-tempat' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /<p class="field-error" id="err-order">Urutan saluran: setiap saluran paling banyak sekali<\/p>/);
    assert.match(bad.body, /id="err-quiet-to">Jam tenang ditulis JJ:MM/);
    assert.match(bad.body, /id="err-sms-accountSid">Account SID Twilio diawali AC/);
    assert.ok(!bad.body.includes('token-baru-yang-salah-tempat'), 'a typed secret is not echoed');
    const ok = await admin.post('/petugas/notifikasi', form);
    assert.equal(ok.statusCode, 303);
    const after = await admin.get('/petugas/notifikasi?ok=1&lang=en');
    assert.match(after.body, /Notification settings saved\./);
    assert.match(after.body, /Stored \(never shown\)/);
    // The one change through the page (the others are this file's own set-up, at the same test clock).
    const audits = await t.database.db.selectFrom('audit_events').select(['actor', 'detail']).where('action', '=', 'notifications.settings.set').execute();
    const mine = audits.filter((a) => (JSON.parse(a.detail) as { after: NotifySettings }).after.confirmMinutes === 30);
    assert.equal(mine.length, 1);
    const audit = mine[0];
    const detail = JSON.parse(audit!.detail) as { after: NotifySettings; secretsChanged: string[] };
    assert.deepEqual([detail.after.order, detail.after.quiet, detail.after.confirmMinutes], [['sms', 'whatsapp', 'email'], { from: '21:00', to: '06:00' }, 30]);
    assert.deepEqual(detail.secretsChanged, []);
    assert.ok(!audit!.detail.includes(WA.token), 'no secret in the audit');
    const front = await staff(`front-office@${OFFICE}`);
    const refused = await front.get('/petugas/notifikasi');
    assert.equal(refused.statusCode, 403);
  });
});
