/**
 * The citizen's choice of channels, their case history and the stop link (issue 16 §4), on a real
 * database and a real SMTP server: e-mail chosen on the public form brings the receipt, which the
 * tracking page then lists with the address masked; WhatsApp without a number is refused beside
 * the number; the stop link cancels what is queued and later events queue nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { messagesOf } from '../../src/db/notifications-repo.js';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { serviceOfCase } from '../../src/usecases/applications/service-of-case.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { smtpForSuite, unQp } from '../support/smtp.js';
import { actorFor, driveUntil, fileCase } from '../letters/helpers.js';
import { multipartBody, PDF_MIN } from '../support/fixtures.js';

const FROM = 'Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>';
const FORM = '/kantor/kota-jambi/layanan/rekomendasi-jamkesda-bayi/ajukan';
const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const cookieOf = (h: string | string[] | undefined) => (Array.isArray(h) ? h : h ? [h] : []).map((c) => c.split(';')[0]).join('; ');
const RINA = { 'applicant.name': 'Rina Wulandari', 'applicant.nik': '1571025203880002', 'applicant.address': 'Jl. Hayam Wuruk No. 45, RT 03, Jelutung', 'applicant.residentOfRegion': 'true', 'notify.asked': '1' };

describe(`notifications: the citizen's choice, history and stop link (${TEST_DB})`, () => {
  let t: TestApp;
  const mailer = smtpForSuite(FROM);

  /** The public form as a browser posts it, its two documents uploaded first (kept uploads, as after a refused attempt). */
  const apply = async (fields: Record<string, string>, lang = '') => {
    const kept: Record<string, string> = {};
    for (const req of ['kk-ktp-akte', 'sktm-rt-lurah']) {
      const { payload, headers } = multipartBody('file', `${req}.pdf`, 'application/pdf', PDF_MIN);
      const up = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers });
      assert.equal(up.statusCode, 201, up.body);
      kept[`kept.${req}`] = up.json().id;
    }
    const boundary = `----sigap${Math.random().toString(16).slice(2)}`;
    const payload = Object.entries({ ...kept, ...fields }).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n`;
    return t.app.inject({ method: 'POST', url: `${FORM}${lang}`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
  };

  before(async () => {
    t = await testApp();
    t.ctx.publicBaseUrl = 'https://sigap.jambikota.go.id';
  });
  after(async () => t.close());

  it('e-mail chosen on the public form: the receipt arrives once with its stop link and shows in the tracking page history, address masked', async () => {
    const to = 'rina.wulandari@example.id';
    const r = await apply({ ...RINA, 'applicant.email': to, 'notify.email': 'true' });
    assert.equal(r.statusCode, 303, r.body.slice(0, 2000));
    const number = /\/lacak\/([^/]+)\/tanda-terima/.exec(r.headers.location as string)![1]!;
    const app = await t.database.db.selectFrom('applications').selectAll().where('registration_number', '=', number).executeTakeFirstOrThrow();
    const notify = JSON.parse(app.applicant).notify;
    assert.deepEqual(notify.channels, ['email']);
    assert.equal(notify.basis, 'pelayanan-publik');
    assert.match(notify.at, /^\d{4}-\d{2}-\d{2}T/);
    // Before sending: the history already says it waits.
    const cookie = cookieOf(r.headers['set-cookie']);
    const waiting = await t.app.inject({ method: 'GET', url: `/lacak/${number}`, headers: { cookie } });
    assert.match(waiting.body, /<li data-testid="news-message"><strong>Tanda terima<\/strong> · E-mail r\*\*\*@example\.id<br>.*menunggu dikirim/);
    assert.equal((await sendOutbox(t.ctx, mailer().mail)).sent, 1);
    const mails = mailer().smtp.received.filter((m) => m.to.includes(to));
    assert.equal(mails.length, 1, 'one receipt');
    const body = unQp(mails[0]!.body);
    assert.match(body, new RegExp(`nomor pendaftaran ${number}`));
    const stop = /Stop these messages: (\S+)/.exec(body)![1]!;
    assert.match(stop, /^https:\/\/sigap\.jambikota\.go\.id\/kabar\/berhenti\?t=[\w-]+\.[\w-]+$/);
    assert.ok(!stop.includes(app.id) && !stop.includes('1571025203880002'), 'the link names the case only inside its signed token');
    const page = await t.app.inject({ method: 'GET', url: `/lacak/${number}`, headers: { cookie } });
    assert.match(page.body, /<strong>Tanda terima<\/strong> · E-mail r\*\*\*@example\.id<br><span class="meta"><time[^>]*>[^<]+<\/time> · terkirim/);
    assert.ok(!page.body.includes(to), 'the full address is never on the page');
    const en = await t.app.inject({ method: 'GET', url: `/lacak/${number}?lang=en`, headers: { cookie } });
    assert.match(en.body, /<strong>Receipt<\/strong> · E-mail r\*\*\*@example\.id.* · sent/s);
    // The JSON tracking answer carries the same history.
    const json = await t.app.inject({ method: 'POST', url: `/api/v1/applications/${number}/status`, payload: { code: /data-testid="tracking-code">(\w+)/.exec((await t.app.inject({ method: 'GET', url: `/lacak/${number}/tanda-terima`, headers: { cookie } })).body)![1] } });
    assert.equal(json.statusCode, 200, json.body);
    const news = json.json().news;
    assert.deepEqual(news.messages.map((m: { kind: string; channel: string; to: string; status: string }) => [m.kind, m.channel, m.to, m.status]), [['receipt', 'email', 'r***@example.id', 'sent']]);
    assert.deepEqual(news.channels, [{ channel: 'email', to: 'r***@example.id' }]);
  });

  it('WhatsApp chosen without a mobile number: 422 with the error beside the number field, nothing filed', async () => {
    const before = await t.database.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const r = await apply({ ...RINA, 'applicant.name': 'Bambang Sutrisno', 'notify.whatsapp': 'true' });
    assert.equal(r.statusCode, 422);
    assert.match(r.body, /<input id="f-applicant-phone" name="applicant.phone" type="tel" value=""[^>]* aria-invalid="true" aria-describedby="err-applicant-phone">\s*<p class="field-error" id="err-applicant-phone">Anda memilih kabar lewat WhatsApp: isi nomor HP/);
    assert.match(r.body, /id="f-notify-whatsapp" name="notify.whatsapp" value="true" checked/, 'the choice stays ticked');
    const en = await apply({ ...RINA, 'notify.whatsapp': 'true' }, '?lang=en');
    assert.match(en.body, /You chose news by WhatsApp: give a mobile number/);
    const afterCount = await t.database.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
    // The API refuses the same, beside the same field.
    const api = await t.app.inject({ method: 'POST', url: '/api/v1/applications', payload: { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: { name: 'Bambang Sutrisno', nik: '1571021505790003', notify: { channels: ['whatsapp'] } } } });
    assert.equal(api.statusCode, 422);
    assert.ok(api.json().error.problems.some((p: { field: string; code: string }) => p.field === 'applicant.phone' && p.code === 'phone-required-for-channel'), api.body);
  });

  it('the stop link: a GET only asks, the POST cancels the queued message, and a later return queues nothing', async () => {
    const to = 'dewi.anggraini@example.id';
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Dewi Anggraini', to);
    const [queued] = await messagesOf(t.database.db, c.id);
    assert.equal(queued?.status, 'queued');
    const link = /Stop these messages: https:\/\/[^/]+(\S+)/.exec(queued!.body)![1]!;
    const ask = await t.app.inject({ method: 'GET', url: link });
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Anda tidak akan lagi menerima kabar lewat E-mail tentang permohonan/);
    assert.equal((await messagesOf(t.database.db, c.id))[0]!.status, 'queued', 'opening the link stops nothing');
    const token = new URL(`https://x${link}`).searchParams.get('t')!;
    const done = await t.app.inject({ method: 'POST', url: '/kabar/berhenti', ...form({ t: token }) });
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Kabar dihentikan/);
    const [cancelled, ...none] = await messagesOf(t.database.db, c.id);
    assert.equal(cancelled!.status, 'cancelled', 'kept, not deleted');
    assert.equal(none.length, 0);
    const app = await t.database.db.selectFrom('applications').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    const notify = JSON.parse(app.applicant).notify;
    assert.deepEqual(notify.channels, []);
    assert.match(notify.optedOutAt, /^\d{4}-/);
    const ev = await t.database.db.selectFrom('application_events').selectAll().where('application_id', '=', c.id).where('type', '=', 'notify-changed').execute();
    assert.equal(ev.length, 1, 'the change is on the case record');
    assert.deepEqual(JSON.parse(ev[0]!.data), { channels: [], before: ['email'], optedOut: true, via: 'stop-link', cancelled: 1 });
    // Later moments say nothing.
    const at = await driveUntil(t.ctx, c.id, (s) => s.outcomes.some((o) => o.kind === 'return'), 'kota-jambi');
    const task = (await openTaskFor(t.database.db, c.id))!;
    const svc = await serviceOfCase(t.ctx, app.service_version_id);
    const back = svc.procedure!.steps.find((s) => s.id === at.step!.id)!.outcomes.find((o) => o.kind === 'return')!;
    const cur = await t.database.db.selectFrom('applications').select('version').where('id', '=', c.id).executeTakeFirstOrThrow();
    const r = await completeTask(t.ctx, { taskId: task.id, outcome: back.id, note: 'Fotokopi akta kelahiran bayi belum dilampirkan', version: cur.version }, await actorFor(t.ctx, `${task.role}@kota-jambi`));
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual((await messagesOf(t.database.db, c.id)).map((m) => m.status), ['cancelled'], 'the return queued nothing');
    await sendOutbox(t.ctx, mailer().mail);
    assert.equal(mailer().smtp.received.filter((m) => m.to.includes(to)).length, 0, 'nothing reached the citizen');
    // A forged or altered token is refused plainly.
    const forged = await t.app.inject({ method: 'GET', url: `/kabar/berhenti?t=${token.slice(0, -2)}xx` });
    assert.equal(forged.statusCode, 404);
    assert.match(forged.body, /Tautan tidak berlaku/);
  });

  it('the tracking page changes the channels: stop all, then e-mail again, each recorded', async () => {
    const to = 'agus.santoso@example.id';
    const r = await apply({ ...RINA, 'applicant.name': 'Agus Santoso', 'applicant.nik': '1571021505790003', 'applicant.email': to, 'applicant.phone': '0812 2765 4321', 'notify.email': 'true' });
    assert.equal(r.statusCode, 303, r.body.slice(0, 1500));
    const number = /\/lacak\/([^/]+)\//.exec(r.headers.location as string)![1]!;
    const cookie = cookieOf(r.headers['set-cookie']);
    const receipt = await t.app.inject({ method: 'GET', url: `/lacak/${number}/tanda-terima`, headers: { cookie } });
    const code = /data-testid="tracking-code">(\w+)/.exec(receipt.body)![1]!;
    const stop = await t.app.inject({ method: 'POST', url: `/lacak/${number}/kabar`, ...form({ code, action: 'stop' }) });
    assert.equal(stop.statusCode, 303);
    const page = await t.app.inject({ method: 'GET', url: `/lacak/${number}?kabar=1`, headers: { cookie: cookieOf(stop.headers['set-cookie']) || cookie } });
    assert.match(page.body, /Pilihan kabar Anda tersimpan/);
    assert.match(page.body, /Anda sudah berhenti menerima kabar/);
    assert.match(page.body, /tidak dikirim: Anda berhenti menerima kabar/, 'the unsent receipt shows as cancelled');
    const again = await t.app.inject({ method: 'POST', url: `/lacak/${number}/kabar`, ...form({ code, 'notify.whatsapp': 'true', 'notify.email': 'true', action: 'save' }) });
    assert.equal(again.statusCode, 303);
    const app = await t.database.db.selectFrom('applications').selectAll().where('registration_number', '=', number).executeTakeFirstOrThrow();
    const notify = JSON.parse(app.applicant).notify;
    assert.deepEqual([notify.channels, notify.optedOutAt], [['whatsapp', 'email'], null]);
    const ev = await t.database.db.selectFrom('application_events').select('data').where('application_id', '=', app.id).where('type', '=', 'notify-changed').orderBy('seq').execute();
    assert.deepEqual(ev.map((e) => JSON.parse(e.data).channels), [[], ['whatsapp', 'email']]);
    // A channel without its contact on file cannot be chosen with a tracking code.
    const noPhone = await apply({ ...RINA, 'applicant.name': 'Sri Lestari', 'applicant.nik': '1571024408850001', 'applicant.email': 'sri.lestari@example.id', 'notify.email': 'true' });
    const n2 = /\/lacak\/([^/]+)\//.exec(noPhone.headers.location as string)![1]!;
    const code2 = /data-testid="tracking-code">(\w+)/.exec((await t.app.inject({ method: 'GET', url: `/lacak/${n2}/tanda-terima`, headers: { cookie: cookieOf(noPhone.headers['set-cookie']) } })).body)![1]!;
    const refused = await t.app.inject({ method: 'POST', url: `/lacak/${n2}/kabar`, ...form({ code: code2, 'notify.sms': 'true' }) });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Tidak ada nomor HP pada permohonan ini; hubungi loket untuk menambahkannya/);
  });

  it('a case moving into the wait on an outside body tells the applicant which body, nothing more (Banjarmasin santunan kematian, BPKPAD)', async () => {
    const to = 'rahmat.hidayat@example.id';
    const c = await fileCase(t.ctx, 'kota-banjarmasin', 'santunan-kematian', 'Rahmat Hidayat', to);
    await driveUntil(t.ctx, c.id, (s) => s.id === 'transfer-dana', 'kota-banjarmasin');
    const kinds = (await messagesOf(t.database.db, c.id)).map((m) => m.kind);
    assert.deepEqual(kinds, ['receipt', 'waiting-external'], 'the steps in between say nothing');
    const wait = (await messagesOf(t.database.db, c.id)).filter((m) => m.kind === 'waiting-external');
    assert.equal(wait.length, 1, 'one message for the one wait');
    assert.match(wait[0]!.body, /kini menunggu proses di Badan Pengelola Keuangan, Pendapatan dan Aset Daerah \(BPKPAD\) Kota Banjarmasin/);
    assert.ok(!wait[0]!.body.includes(c.trackingCode));
  });

  it('the JSON API changes the channels with the tracking code, or stops them, alike', async () => {
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Yusuf Maulana', 'yusuf.maulana@example.id');
    const url = `/api/v1/applications/${c.registrationNumber}/notify`;
    const wrong = await t.app.inject({ method: 'POST', url, payload: { code: 'AAAA2222', stop: true } });
    assert.equal(wrong.statusCode, 404);
    const both = await t.app.inject({ method: 'POST', url, payload: { code: c.trackingCode, channels: ['email'], stop: true } });
    assert.equal(both.statusCode, 422);
    assert.equal(both.json().error.code, 'channels-or-stop');
    const sms = await t.app.inject({ method: 'POST', url, payload: { code: c.trackingCode, channels: ['whatsapp', 'email'] } });
    assert.equal(sms.statusCode, 200, sms.body);
    assert.deepEqual(sms.json(), { channels: ['whatsapp', 'email'], cancelled: 0 }, 'the counter recorded a number, so WhatsApp may be chosen');
    const stop = await t.app.inject({ method: 'POST', url, payload: { code: c.trackingCode, stop: true } });
    assert.deepEqual(stop.json(), { channels: [], cancelled: 1 }, 'the queued receipt is cancelled');
    const ev = await t.database.db.selectFrom('application_events').select('data').where('application_id', '=', c.id).where('type', '=', 'notify-changed').orderBy('seq').execute();
    assert.deepEqual(ev.map((e) => JSON.parse(e.data).via), ['api', 'api']);
  });
});
