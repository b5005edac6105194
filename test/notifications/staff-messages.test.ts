/**
 * Staff messages by e-mail (issue 16 §1) on a real database and a real SMTP server: the admin gives
 * an officer a work address on the account page (a bad one refused beside the field, the change
 * audited); a case at risk, then late, e-mails each officer of the roles told once per event, with
 * the registration number, service, state and link only — never the applicant; the citizen's own
 * history never shows them; an officer without an address gets none.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { messagesOf } from '../../src/db/notifications-repo.js';
import { SESSION_COOKIE } from '../../src/http/auth.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { sweepSla } from '../../src/usecases/applications/sweep-sla.js';
import { sendOutbox } from '../../src/usecases/notifications/send-outbox.js';
import { setAccountEmail } from '../../src/usecases/staff/set-account-email.js';
import { signIn } from '../../src/usecases/staff/sign-in.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { SITI } from '../support/fixtures.js';
import { smtpForSuite, unQp } from '../support/smtp.js';
import { actorFor } from '../letters/helpers.js';
import { assignResponder } from '../../src/usecases/emergency/assign-responder.js';
import { recordMemberCredentials } from '../../src/usecases/emergency/record-member-credentials.js';
import { reportEmergency } from '../../src/usecases/emergency/report-emergency.js';
import { sweepEmergencies } from '../../src/usecases/emergency/sweep-emergencies.js';


describe(`notifications: staff messages by e-mail (${TEST_DB})`, () => {
  let t: TestApp;
  let now = new Date('2026-04-06T01:00:00Z'); // Monday 6 April 2026, 08:00 WIB in Jambi

  before(async () => {
    t = await testApp({ now: () => now });
    t.ctx.publicBaseUrl = 'https://sigap.jambikota.go.id';
  });
  after(async () => t.close());
  const mailer = smtpForSuite('Sigap Dinas Sosial Kota Jambi <noreply@dinsos.jambikota.go.id>');

  it("the admin sets an officer's work e-mail on the account page: a bad address is refused beside the field, a good one saved and audited", async () => {
    const s = await signIn(t.database, 'admin@kota-jambi', 'sigap-demo', 'cookie', '10.15.1.2');
    assert.ok(s.ok);
    const cookie = `${SESSION_COOKIE}=${s.value.token}`;
    const path = '/petugas/akun/u/kepala-bidang%40kota-jambi';
    const page = await t.app.inject({ method: 'GET', url: path, headers: { cookie } });
    assert.equal(page.statusCode, 200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const post = (email: string) => t.app.inject({ method: 'POST', url: `${path}/email`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, email }).toString() });
    const bad = await post('kabid linjamsos@dinsos');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /value="kabid linjamsos@dinsos"[^>]* aria-invalid="true" aria-describedby="err-email email-help"><p class="field-error" id="err-email">Alamat e-mail tidak sah: tulis satu alamat/);
    const good = await post(' hendra.saputra@dinsos.jambikota.go.id ');
    assert.equal(good.statusCode, 303, good.body);
    assert.equal(good.headers.location, `${path}?ok=email`);
    const row = await t.database.db.selectFrom('staff_users').select('email').where('username', '=', 'kepala-bidang@kota-jambi').executeTakeFirstOrThrow();
    assert.equal(row.email, 'hendra.saputra@dinsos.jambikota.go.id');
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'subject', 'detail']).where('action', '=', 'account.email').execute();
    assert.equal(audit.length, 1, 'the refused one changed nothing');
    assert.equal(audit[0]!.subject, 'kepala-bidang@kota-jambi');
    assert.deepEqual({ ...JSON.parse(audit[0]!.detail), by: undefined }, { before: null, after: 'hendra.saputra@dinsos.jambikota.go.id', by: undefined });
    const en = await t.app.inject({ method: 'GET', url: `${path}?ok=email&lang=en`, headers: { cookie } });
    assert.match(en.body, /E-mail address saved\./);
    assert.match(en.body, /value="hendra\.saputra@dinsos\.jambikota\.go\.id"/);
  });

  it('a case at risk, then late, e-mails each officer of the roles told once per event, with no applicant data', async () => {
    const admin = await actorFor(t.ctx, 'admin@kota-jambi');
    const front = await t.database.db.selectFrom('staff_users').selectAll().where('username', '=', 'front-office@kota-jambi').executeTakeFirstOrThrow();
    const set = await setAccountEmail(t.ctx, { ...admin, officeId: front.office_id }, 'front-office@kota-jambi', 'loket@dinsos.jambikota.go.id');
    assert.ok(set.ok, JSON.stringify(set));
    const actor = { id: front.id, name: 'Petugas Loket', roles: ['front-office'], officeId: front.office_id };
    const sub = await submitApplication(t.ctx, { office: 'kota-jambi', service: 'rekomendasi-jamkesda-bayi', applicant: SITI, channel: 'counter', attachments: [{ requirement: 'kk-ktp-akte', shown: true }, { requirement: 'sktm-rt-lurah', shown: true }] }, actor);
    assert.ok(sub.ok);
    const task = await t.database.db.selectFrom('tasks').selectAll().where('application_id', '=', sub.value.id).executeTakeFirstOrThrow();
    assert.ok((await completeTask(t.ctx, { taskId: task.id, outcome: 'lengkap', note: 'Berkas lengkap', version: 1 }, actor)).ok);
    const owner = (await t.database.db.selectFrom('tasks').select('role').where('application_id', '=', sub.value.id).where('status', '=', 'open').executeTakeFirstOrThrow()).role;
    now = new Date('2026-04-06T01:12:00Z');
    assert.deepEqual(await sweepSla(t.ctx, front.office_id), { atRisk: 1, late: 0 });
    now = new Date('2026-04-06T01:16:00Z');
    assert.deepEqual(await sweepSla(t.ctx, front.office_id), { atRisk: 0, late: 1 });
    assert.deepEqual(await sweepSla(t.ctx, front.office_id), { atRisk: 0, late: 0 });

    // Told: the task's role and kepala-bidang, each officer with an address, once per event.
    const rows = await t.database.db.selectFrom('outbox').select(['kind', 'recipient', 'staff_user_id', 'event_id']).where('application_id', '=', sub.value.id).where('staff_user_id', 'is not', null).orderBy('kind').orderBy('recipient').execute();
    const expected = ['hendra.saputra@dinsos.jambikota.go.id', ...(owner === 'front-office' ? ['loket@dinsos.jambikota.go.id'] : [])].sort();
    assert.deepEqual(rows.filter((r) => r.kind === 'staff-at-risk').map((r) => r.recipient), expected);
    assert.deepEqual(rows.filter((r) => r.kind === 'staff-late').map((r) => r.recipient), expected);
    assert.deepEqual(await messagesOf(t.database.db, sub.value.id), [], "not in the citizen's history (nor the staff timeline of the applicant's messages)");

    await sendOutbox(t.ctx, mailer().mail, { limit: 100 });
    const toKabid = mailer().smtp.received.filter((m) => m.to.includes('hendra.saputra@dinsos.jambikota.go.id'));
    assert.deepEqual(toKabid.map((m) => m.headers.get('subject')).sort(), [`${sub.value.registrationNumber} hampir terlambat / at risk of being late`, `${sub.value.registrationNumber} terlambat / late`]);
    const body = unQp(toKabid.find((m) => /terlambat \/ late$/.test(m.headers.get('subject')!))!.body);
    assert.match(body, new RegExp(`Permohonan ${sub.value.registrationNumber} \\(Pelayanan Rekomendasi Jamkesda Bayi\\) telah melewati batas waktu layanan`));
    assert.match(body, new RegExp(`Buka / Open: https://sigap\\.jambikota\\.go\\.id/petugas/berkas/${sub.value.id}`));
    for (const secret of [SITI.name, SITI.nik, SITI.phone, 'Sultan Thaha']) assert.ok(!toKabid.some((m) => m.raw.includes(secret)), `no ${secret}`);
    assert.deepEqual(await sendOutbox(t.ctx, mailer().mail), { sent: 0, retried: 0, failed: 0 }, 'each sent once');
  });

  it('an emergency report: the assigned TRC member and the head of division it escalates to are each e-mailed once', async () => {
    const BJM = 'kota-banjarmasin';
    const officeId = t.catalogue.office(BJM)!.id;
    const admin = { ...(await actorFor(t.ctx, `admin@${BJM}`)), officeId };
    assert.ok((await setAccountEmail(t.ctx, admin, `trc@${BJM}`, 'trc.rahmadi@dinsos.banjarmasinkota.go.id')).ok);
    assert.ok((await setAccountEmail(t.ctx, admin, `kepala-bidang@${BJM}`, 'kabid.linjamsos@dinsos.banjarmasinkota.go.id')).ok);
    const officer = await actorFor(t.ctx, `pengelola-pengaduan@${BJM}`);
    const kabid = await actorFor(t.ctx, `kepala-bidang@${BJM}`);
    const trc = await actorFor(t.ctx, `trc@${BJM}`);
    now = new Date('2025-04-05T02:00:00Z');
    await sweepEmergencies(t.ctx, officeId);
    const r = await reportEmergency(
      t.ctx,
      {
        office: BJM,
        service: 'kedaruratan-ppks',
        channel: 'phone',
        location: { text: 'Kolong Jembatan Antasari, Banjarmasin Timur' },
        description: 'Seorang bapak tunawisma terlihat sakit dan tidur di kolong jembatan sejak dua hari',
        reporter: { name: 'Hj. Rusmini', phone: '0812 5123 4470' },
        subject: { category: 'gelandangan-pengemis' },
        answers: { 'lokasi-di-banjarmasin': true },
        reportedAt: '2025-04-05T02:00:00Z',
      },
      officer,
    );
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.ok((await recordMemberCredentials(t.ctx, kabid, trc.id!, { officialId: 'TRC-BJM-007' })).ok);
    assert.ok((await assignResponder(t.ctx, kabid, r.value.registrationNumber, { member: trc.id!, task: 'penjangkauan' })).ok);
    now = new Date('2025-04-05T02:33:45Z');
    assert.equal((await sweepEmergencies(t.ctx, officeId)).escalated, 1);
    assert.equal((await sweepEmergencies(t.ctx, officeId)).escalated, 0);
    await sendOutbox(t.ctx, mailer().mail, { limit: 100 });
    const to = (a: string) => mailer().smtp.received.filter((m) => m.to.includes(a)).map((m) => m.headers.get('subject'));
    assert.deepEqual(to('trc.rahmadi@dinsos.banjarmasinkota.go.id'), [`${r.value.registrationNumber}: Anda ditugaskan / You are assigned`]);
    assert.deepEqual(to('kabid.linjamsos@dinsos.banjarmasinkota.go.id'), [`${r.value.registrationNumber}: eskalasi / escalation`]);
    const raw = mailer().smtp.received.filter((m) => m.to.includes('dinsos.banjarmasinkota.go.id')).map((m) => m.raw).join('\n');
    for (const secret of ['Rusmini', '0812 5123 4470', 'Kolong Jembatan', 'tunawisma']) assert.ok(!raw.includes(secret), `no ${secret}`);
  });
});
