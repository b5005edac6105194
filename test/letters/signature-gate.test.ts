/**
 * No case is handed over or completed with an unsigned letter, and a signing step is the
 * signature itself: where the decree has no signing step (Kota Jambi, Rekomendasi PUB and
 * Pendaftaran awal LKS) the case waits, its clock running, until the head of office signs, then
 * moves on by itself; at a signing step (Rekomendasi Jamkesda Bayi) the step needs the signer's
 * password, refused beside the field and under the sign-in lock-out. The citizen's tracking page
 * and the staff case page say the same thing throughout; previews of unsigned letters are audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { sweepSla } from '../../src/usecases/applications/sweep-sla.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';
import { createUser } from '../../src/usecases/staff/create-user.js';
import { TEST_DB } from '../support/db.js';
import { openTracked } from '../support/tracking.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { actorFor, driveUntil, fileCase } from './helpers.js';

const HEAD = { username: 'hendra@kota-jambi', password: 'Kadis-Jambi-2026!', name: 'Drs. Hendra Saputra, M.Si', nip: '197001011995031002', rank: 'Pembina Utama Muda (IV/c)' };

describe(`a letter is signed before its case is handed over or completed (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date();
  before(async () => {
    t = await testApp({ now: () => clock });
    const r = await createUser(t.database, t.catalogue, { office: 'kota-jambi', username: HEAD.username, displayName: HEAD.name, password: HEAD.password, roles: ['kepala-dinas'], title: 'Kepala Dinas Sosial Kota Jambi', nip: HEAD.nip, rank: HEAD.rank });
    assert.ok(r.ok);
  });
  after(async () => t.close());

  const client = apiClient(() => t, { [HEAD.username]: HEAD.password });
  const api = async (method: 'GET' | 'POST', url: string, as?: string, payload?: unknown) => client.req(method, url, payload, as ? await client.login(as) : {});
  const caseRow = (id: string) => t.database.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const lettersOf = (id: string) => t.database.db.selectFrom('letters').selectAll().where('application_id', '=', id).orderBy('created_at').execute();
  const eventsOf = async (id: string) => (await t.database.db.selectFrom('application_events').selectAll().where('application_id', '=', id).orderBy('seq').execute()).map((e) => ({ ...e, slaEffect: e.sla_effect ? JSON.parse(e.sla_effect) : null }));
  const tracking = async (c: { registrationNumber: string; trackingCode: string }) => (await openTracked(t.app, `/lacak/${c.registrationNumber}?code=${c.trackingCode}`)).body;
  const statusOnTracking = (body: string) => /data-testid="status">([^<]*)</.exec(body)?.[1];
  const complete = async (id: string, as: string, outcome: string, data: Record<string, unknown> = {}) => {
    const task = (await openTaskFor(t.database.db, id))!;
    return completeTask(t.ctx, { taskId: task.id, outcome, note: 'Sesuai', data, version: (await caseRow(id)).version }, await actorFor(t.ctx, as));
  };

  let pub: { id: string; registrationNumber: string; trackingCode: string };

  it('holds a handover while its letter is unsigned: the case waits for the head, its clock running, out of the handover queue', async () => {
    // Rekomendasi PUB: the decree names no signing step; "Operator layanan mencetak Surat Rekomendasi PUB" is the handover.
    pub = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-pub', 'Yayasan Peduli Sesama Jambi');
    const at = await driveUntil(t.ctx, pub.id, (s) => s.id === 'input-sipadek', 'kota-jambi');
    assert.equal(at.step?.id, 'input-sipadek');
    const before = await caseRow(pub.id);
    const r = await complete(pub.id, 'operator@kota-jambi', 'diinput');
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.status, 'waiting-signature');
    const c = await caseRow(pub.id);
    assert.equal(c.status, 'waiting-signature');
    assert.equal(c.current_step, 'cetak-surat', 'the case waits at the handover it is held from');
    assert.equal(c.closed_at, null);
    assert.equal(c.paused_since, null, 'waiting for the office’s own signature is not a pause: the clock keeps running');
    assert.equal(c.due_at, before.due_at, 'the due time does not move');
    assert.notEqual(c.sla_state, 'closed');
    const [letter] = await lettersOf(pub.id);
    assert.equal(letter?.status, 'ready', 'the letter is in the signer’s queue');
    assert.match(letter!.number!, /^400\.9\/\d{4}\/Dinsos\/\d{4}$/, 'numbered when first needed, as at a completion');
    const task = await openTaskFor(t.database.db, pub.id);
    assert.equal(task?.status, 'waiting', 'the handover task is not in anyone’s queue yet');
    const queue = (await api('GET', '/api/v1/tasks', 'operator@kota-jambi')).json();
    assert.ok(!JSON.stringify(queue).includes(pub.registrationNumber), 'the operator cannot hand over an unsigned letter');
    const held = (await eventsOf(pub.id)).at(-1)!;
    assert.equal(held.type, 'step-completed');
    assert.deepEqual(JSON.parse(held.data).waitingForSignature, [letter!.id]);
    assert.notEqual(held.slaEffect?.clock, 'stopped');
  });

  it('tells the citizen and the staff the same thing while waiting: waiting for the head of office’s signature, not completed', async () => {
    const body = await tracking(pub);
    assert.equal(statusOnTracking(body), 'Menunggu tanda tangan');
    assert.match(body, /menunggu tanda tangan Kepala Dinas Sosial/);
    assert.match(body, /sedang menunggu tanda tangan pejabat/);
    assert.doesNotMatch(body, /Selesai|Ambil produk|letter-download|Penyerahan/);
    const en = (await openTracked(t.app, `/lacak/${pub.registrationNumber}?code=${pub.trackingCode}&lang=en`)).body;
    assert.equal(statusOnTracking(en), 'Waiting for signature');
    assert.match(en, /waiting for the signature of Kepala Dinas Sosial/);
    const json = (await api('GET', `/api/v1/applications/${pub.registrationNumber}/status?code=${pub.trackingCode}`)).json();
    assert.equal(json.status, 'waiting-signature');
    const staff = (await api('GET', `/petugas/berkas/${pub.id}`, 'front-office@kota-jambi')).body;
    assert.match(staff, /Menunggu tanda tangan Kepala Dinas Sosial/);
    const [letter] = await lettersOf(pub.id);
    assert.ok(staff.includes(`/petugas/surat/${letter!.id}/pdf`), 'the staff case page links the letter’s preview');
  });

  it('moves the case on by itself when the head signs: the handover enters the queue, then completes, and the citizen can download', async () => {
    const [letter] = await lettersOf(pub.id);
    const signed = await api('POST', '/api/v1/letters/sign', HEAD.username, { ids: [letter!.id], password: HEAD.password });
    assert.equal(signed.status, 200, signed.body);
    assert.equal(signed.json().signed, 1);
    const c = await caseRow(pub.id);
    assert.equal(c.status, 'open');
    assert.equal(c.current_step, 'cetak-surat');
    assert.equal((await openTaskFor(t.database.db, pub.id))?.status, 'open', 'the handover is now in the operator’s queue');
    assert.deepEqual((await eventsOf(pub.id)).slice(-2).map((e) => e.type), ['letter-signed', 'letters-signed']);
    const r = await complete(pub.id, 'operator@kota-jambi', 'dicetak');
    assert.ok(r.ok && r.value.status === 'completed', JSON.stringify(r));
    const body = await tracking(pub);
    assert.equal(statusOnTracking(body), 'Selesai');
    assert.match(body, /data-testid="letter-download"/);
  });

  it('holds a completion while its letter is unsigned, and completes it when signed — late if the signature came after the due time', async () => {
    // Pendaftaran awal LKS: no signing and no handover step; its last step ends the case.
    const lks = await fileCase(t.ctx, 'kota-jambi', 'pendaftaran-awal-lks', 'LKS Harapan Bunda');
    await driveUntil(t.ctx, lks.id, (s) => s.id === 'izin-walikota', 'kota-jambi');
    const r = await complete(lks.id, 'operator@kota-jambi', 'terbit', { reference: 'HK.188.45/112/2026' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.status, 'waiting-signature');
    const held = await caseRow(lks.id);
    assert.equal(held.status, 'waiting-signature');
    assert.equal(held.current_step, null);
    assert.equal(held.end_id, 'selesai', 'the end it waits to reach');
    assert.equal(held.closed_at, null);
    assert.equal(await openTaskFor(t.database.db, lks.id), undefined);
    assert.ok(!(await eventsOf(lks.id)).some((e) => e.type.startsWith('closed:')), 'not closed while unsigned');
    assert.equal((await eventsOf(lks.id)).at(-1)!.slaEffect?.clock, 'resumed', 'the wait on Setda ended and the clock runs on, not stopped');
    const body = await tracking(lks);
    assert.equal(statusOnTracking(body), 'Menunggu tanda tangan');
    assert.doesNotMatch(body, /Selesai|Bagaimana pelayanan kami/, 'no completion and no satisfaction survey yet');
    // The head signs three weeks later: after the due time.
    assert.ok(held.due_at);
    clock = new Date(Date.parse(held.due_at!) + 21 * 86_400_000);
    try {
      // The minute sweep sees the waiting case's clock run out and tells the head, who signs it.
      assert.deepEqual(await sweepSla(t.ctx, held.office_id), { atRisk: 0, late: 1 });
      assert.equal((await caseRow(lks.id)).sla_state, 'late');
      const notes = await t.database.db.selectFrom('notifications').select(['role', 'kind']).where('application_id', '=', lks.id).orderBy('role').execute();
      assert.deepEqual(notes.map((n) => `${n.role}:${n.kind}`), ['kepala-bidang:late', 'kepala-dinas:late']);
      const [letter] = await lettersOf(lks.id);
      const signed = await api('POST', '/api/v1/letters/sign', HEAD.username, { ids: [letter!.id], password: HEAD.password });
      assert.equal(signed.json().signed, 1, signed.body);
      const done = await caseRow(lks.id);
      assert.equal(done.status, 'completed');
      assert.equal(done.closed_at, clock.toISOString(), 'completed when signed');
      assert.equal(done.sla_state, 'late', 'the wait for the signature counted on the clock');
      const last = (await eventsOf(lks.id)).at(-1)!;
      assert.equal(last.type, 'closed:completed');
      assert.deepEqual(last.slaEffect, { clock: 'stopped' });
      const after = await tracking(lks);
      assert.equal(statusOnTracking(after), 'Selesai');
      assert.match(after, /data-testid="letter-download"/);
    } finally {
      clock = new Date();
    }
  });

  let bayi: { id: string; registrationNumber: string; trackingCode: string };

  it('refuses to complete a signing step without the password, or with a wrong one, beside the password field; nothing changes', async () => {
    bayi = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Bayi Ny. Sri Wahyuni');
    const at = await driveUntil(t.ctx, bayi.id, (s) => s.kind === 'sign', 'kota-jambi');
    assert.equal(at.step?.id, 'tanda-tangan');
    const none = await complete(bayi.id, HEAD.username, 'ditandatangani');
    assert.ok(!none.ok && none.error.kind === 'invalid');
    assert.ok(!none.ok && none.error.problems[0]!.code === 'password-required' && none.error.problems[0]!.field === 'data.password');
    const wrong = await complete(bayi.id, HEAD.username, 'ditandatangani', { password: 'salah-sandi' });
    assert.ok(!wrong.ok && wrong.error.problems[0]!.code === 'password-wrong' && wrong.error.problems[0]!.field === 'data.password');
    assert.equal((await caseRow(bayi.id)).current_step, 'tanda-tangan', 'the step stays open');
    assert.equal((await lettersOf(bayi.id))[0]?.status, 'draft');
    // The case page's form: the refusal comes back beside the password field, in both languages.
    const post = await api('POST', `/petugas/tugas/${at.taskId}`, HEAD.username, { outcome: 'ditandatangani', version: String(at.version), 'data.password': 'salah-sandi' });
    // Refused in place (no redirect): the same page comes back with the problem beside the field.
    assert.equal(post.status, 422);
    const page = post.body;
    assert.match(page, /<p class="field-error" id="err-data-password">Kata sandi salah[^<]*<span lang="en">\(Wrong password/);
    assert.match(page, /id="f-sign-password"[^>]*aria-invalid="true"/);
    const [draft] = await lettersOf(bayi.id);
    assert.ok(page.includes(`/petugas/surat/${draft!.id}/pdf`), 'the signing step links the letter’s preview');
    assert.equal((await caseRow(bayi.id)).current_step, 'tanda-tangan');
    // The citizen is not told the letter is ready.
    assert.doesNotMatch(await tracking(bayi), /letter-download|Selesai/);
  });

  it('signs the letter when the step is completed with the right password, and the case proceeds to numbering', async () => {
    const r = await complete(bayi.id, HEAD.username, 'ditandatangani', { password: HEAD.password });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.step, 'penomoran');
    const [l] = await lettersOf(bayi.id);
    assert.equal(l?.status, 'signed');
    assert.ok(l?.sha256);
    assert.equal(l?.signed_by, (await actorFor(t.ctx, HEAD.username)).id);
  });

  it('counts wrong signing passwords with the sign-in lock-out: the fifth locks the account, for signing and for sign-in', async () => {
    const deputy = { username: 'yusuf@kota-jambi', password: 'Plh-Kadis-2026!' };
    assert.ok((await createUser(t.database, t.catalogue, { office: 'kota-jambi', username: deputy.username, displayName: 'Yusuf Effendi, S.Sos', password: deputy.password, roles: ['kepala-dinas'], title: 'Kepala Dinas Sosial Kota Jambi' })).ok);
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Bayi Ny. Rina Marlina');
    await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const r = await complete(c.id, deputy.username, 'ditandatangani', { password: `tebakan-${i}` });
      codes.push(!r.ok ? r.error.problems[0]!.code : 'ok');
    }
    assert.deepEqual(codes, ['password-wrong', 'password-wrong', 'password-wrong', 'password-wrong', 'password-wrong', 'account-locked']);
    const right = await complete(c.id, deputy.username, 'ditandatangani', { password: deputy.password });
    assert.ok(!right.ok && right.error.problems[0]!.code === 'account-locked', 'even the right password waits for the lock to end');
    assert.match(!right.ok ? right.error.problems[0]!.message : '', /dikunci sementara/);
    const signIn = await api('POST', '/api/v1/auth/login', undefined, { username: deputy.username, password: deputy.password });
    assert.equal(signIn.json().error.code, 'account-locked');
    const batch = await signLetters(t.ctx, { ids: [(await lettersOf(c.id))[0]!.id], password: deputy.password }, await actorFor(t.ctx, deputy.username));
    assert.ok(!batch.ok && batch.error.kind === 'locked' && batch.error.problems[0]!.code === 'account-locked', 'the letters screen is locked too (423)');
    assert.equal((await lettersOf(c.id))[0]?.status, 'draft');
  });

  it('lets staff of the office preview an unsigned letter as it will be signed, and audits each preview; another office gets 404', async () => {
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Bayi Ny. Dewi Lestari');
    await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    const [draft] = await lettersOf(c.id);
    const pdf = await api('GET', `/petugas/surat/${draft!.id}/pdf`, HEAD.username);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /PRATINJAU/);
    const audits = await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'letters.preview').where('subject', '=', `letter:${draft!.id}`).execute();
    assert.equal(audits.length, 1);
    assert.ok(audits[0]!.actor.startsWith(HEAD.name), audits[0]!.actor);
    assert.equal((await api('GET', `/petugas/surat/${draft!.id}/pdf`, 'front-office@kota-semarang')).status, 404);
    const anonymous = await api('GET', `/petugas/surat/${draft!.id}/pdf`);
    assert.equal(anonymous.status, 303, 'the public is sent to sign in');
    assert.match(String(anonymous.headers.location), /^\/masuk/);
    assert.equal((await t.database.db.selectFrom('audit_events').selectAll().where('action', '=', 'letters.preview').execute()).length, 1, 'refused reads are not previews');
    const list = (await api('GET', '/petugas/surat', HEAD.username)).body;
    assert.ok(list.includes(`href="/petugas/surat/${draft!.id}/pdf"`), 'the list of letters to sign links each preview');
  });
});
