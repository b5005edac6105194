/**
 * A certified signature at a procedure's sign step (issue 17, deliverable 3), against the local
 * fake provider: the head of office completes Rekomendasi Jamkesda Bayi's "tanda-tangan" step
 * with NIK and passphrase; the letter is numbered in a transaction of its own, signed by the
 * provider outside any transaction and recorded with the step. A wrong passphrase, an expired
 * certificate or a timeout leaves the step open and the letter numbered and unsigned, refused
 * beside the passphrase field (the case page with 422); a crash between the phases is resolved by
 * the next attempt; every retry signs under the same number.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTaskFor } from '../../src/db/applications-repo.js';
import { httpSigningProvider } from '../../src/io/signing-provider.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { readLetterFile } from '../../src/usecases/letters/letter-files.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';
import { apiClient } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { appWithFakeProvider } from '../support/fake-signing-provider.js';
import { actorFor, driveUntil, fileCase, pdfsig } from './helpers.js';

const HEAD = 'kepala-dinas@kota-jambi';
const PROVIDER = 'Balai Sertifikasi Elektronik (BSrE) uji';
const SIGNER = { nik: '1571025005720002', passphrase: 'Rahasia-BSrE-2026', name: 'Drs. H. Ahmad Zulkifli, M.Si' };
const EXPIRED = { nik: '1571021203690004', passphrase: 'Lama-BSrE-2024', name: 'H. Syamsul Bahri, S.Sos', expired: true };
const certified = { nik: SIGNER.nik, passphrase: SIGNER.passphrase };

describe(`a sign step signed through the certified provider (${TEST_DB})`, () => {
  const env = appWithFakeProvider([SIGNER, EXPIRED], PROVIDER);
  const client = apiClient(() => env.t);
  const caseRow = (id: string) => env.t.database.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const lettersOf = (id: string) => env.t.database.db.selectFrom('letters').selectAll().where('application_id', '=', id).orderBy('created_at').execute();
  const counters = () => env.t.database.db.selectFrom('counters').selectAll().where('name', 'like', 'letter:%').orderBy('name').execute();
  /** A Jamkesda Bayi case at its signing step, its letter drafted and unnumbered. */
  const atSignStep = async (baby: string) => {
    const c = await fileCase(env.t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', baby);
    const at = await driveUntil(env.t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    assert.equal(at.step?.id, 'tanda-tangan');
    const [draft] = await lettersOf(c.id);
    assert.equal(draft?.status, 'draft');
    assert.equal(draft?.number, null, 'not numbered before its signing step');
    return { ...c, taskId: at.taskId! };
  };
  const complete = async (id: string, data: Record<string, unknown>) => {
    const task = (await openTaskFor(env.t.database.db, id))!;
    return completeTask(env.t.ctx, { taskId: task.id, outcome: 'ditandatangani', note: 'Sesuai', data, version: (await caseRow(id)).version }, await actorFor(env.t.ctx, HEAD));
  };

  it('completes the step with a certified signature: pdfsig accepts the provider certificate, the case moves on, no passphrase is kept', async () => {
    const c = await atSignStep('Bayi Ny. Sri Wahyuni');
    const r = await complete(c.id, { password: 'sigap-demo', certified });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.step, 'penomoran');
    const [l] = await lettersOf(c.id);
    assert.equal(l!.status, 'signed');
    assert.equal(l!.signature_kind, 'certified');
    assert.equal(l!.signature_provider, PROVIDER);
    assert.match(l!.number ?? '', /\/Dinsos\//);
    const report = pdfsig((await readLetterFile(env.t.ctx, l!.sha256!))!);
    assert.match(report, /Signature Validation: Signature is Valid\./);
    assert.ok(report.includes(`Signer Certificate Common Name: ${SIGNER.name}`), report);
    assert.ok(env.fake.requests.at(-1)!.documentName.includes(l!.number!), 'the provider signed the numbered letter');
    const events = JSON.stringify(await env.t.database.db.selectFrom('application_events').select('data').where('application_id', '=', c.id).execute());
    assert.ok(!events.includes(SIGNER.passphrase) && !events.includes(SIGNER.nik), 'neither passphrase nor provider NIK in the case history');
    const stepEvents = (await env.t.database.db.selectFrom('application_events').select(['type', 'data']).where('application_id', '=', c.id).where('step_id', '=', 'tanda-tangan').execute()).map((e) => (typeof e.data === 'string' ? JSON.parse(e.data) : e.data) as { letters?: { action: string; number: string }[] });
    assert.deepEqual(stepEvents.at(-1)?.letters?.map((x) => [x.action, x.number]), [['signed', l!.number]], 'the step records the signature it made');
  });

  it('a wrong passphrase leaves the step open and the letter numbered, unsigned; the retry signs under the same number', async () => {
    const c = await atSignStep('Bayi Ny. Rina Marlina');
    const before = await counters();
    const wrong = await complete(c.id, { password: 'sigap-demo', certified: { nik: SIGNER.nik, passphrase: 'salah-passphrase' } });
    assert.ok(!wrong.ok && wrong.error.kind === 'invalid');
    const p = wrong.error.problems[0]!;
    assert.equal(p.code, 'provider-passphrase-wrong');
    assert.equal(p.field, 'data.passphrase', 'shown beside the passphrase field');
    assert.match(p.message, /Passphrase ditolak oleh Balai Sertifikasi Elektronik \(BSrE\) uji/);
    assert.match(p.messageEn, /refused the passphrase/);
    assert.equal((await caseRow(c.id)).current_step, 'tanda-tangan', 'the step stays open');
    const [kept] = await lettersOf(c.id);
    assert.equal(kept!.status, 'draft');
    assert.equal(kept!.sha256, null);
    assert.ok(kept!.number, 'numbered before the provider was asked, and the number stays');
    const taken = await counters();
    assert.equal(taken.reduce((n, x) => n + Number(x.value), 0) - before.reduce((n, x) => n + Number(x.value), 0), 1, 'exactly one number taken');
    const audit = await env.t.database.db.selectFrom('audit_events').selectAll().where('subject', '=', `letter:${kept!.id}`).where('action', '=', 'letters.number').execute();
    assert.equal(audit.length, 1, 'the numbering before the provider is audited');
    const right = await complete(c.id, { password: 'sigap-demo', certified });
    assert.ok(right.ok, JSON.stringify(right));
    const [signed] = await lettersOf(c.id);
    assert.equal(signed!.status, 'signed');
    assert.equal(signed!.number, kept!.number, 'the same number: nothing numbered twice');
    assert.deepEqual(await counters(), taken, 'the retry took no number');
  });

  it('an expired certificate and a provider that does not answer are refused with their own message; the step stays open', async () => {
    const c = await atSignStep('Bayi Ny. Dewi Lestari');
    const expired = await complete(c.id, { password: 'sigap-demo', certified: { nik: EXPIRED.nik, passphrase: EXPIRED.passphrase } });
    assert.ok(!expired.ok && expired.error.problems[0]!.code === 'provider-certificate-expired');
    assert.match(!expired.ok ? expired.error.problems[0]!.message : '', /telah habis masa berlakunya/);
    const [numbered] = await lettersOf(c.id);
    const patient = env.t.ctx.signingProvider;
    env.t.ctx.signingProvider = httpSigningProvider({ name: PROVIDER, url: env.fake.url, timeoutMs: 400 });
    env.fake.delayMs = 3000;
    try {
      const started = Date.now();
      const late = await complete(c.id, { password: 'sigap-demo', certified });
      assert.ok(Date.now() - started < 2500, 'the timeout decides how long the signer waits');
      assert.ok(!late.ok && late.error.problems[0]!.code === 'provider-timeout', JSON.stringify(late));
      assert.match(!late.ok ? late.error.problems[0]!.message : '', /tidak menjawab dalam 0,4 detik\. Surat tidak ditandatangani dan nomornya tetap/);
    } finally {
      env.t.ctx.signingProvider = patient;
      env.fake.delayMs = 0;
    }
    assert.equal((await caseRow(c.id)).current_step, 'tanda-tangan');
    const [still] = await lettersOf(c.id);
    assert.deepEqual([still!.status, still!.number], ['draft', numbered!.number]);
  });

  it('a crash after the provider answered (the step transaction fails) leaves a state the next attempt resolves under the same number', async () => {
    const c = await atSignStep('Bayi Ny. Yuliana Sari');
    const effects = env.t.ctx.effects;
    let crashes = 1;
    // The step's own transaction fails once, after the provider has signed (the server dying there).
    env.t.ctx.effects = [...effects, { name: 'crash', apply: async () => { if (crashes-- > 0) throw new Error('the server died inside the step transaction'); } }];
    try {
      const asked = env.fake.requests.length;
      await assert.rejects(complete(c.id, { password: 'sigap-demo', certified }), /server died/);
      assert.equal(env.fake.requests.length - asked, 1, 'the provider answered before the failing transaction');
      assert.equal((await caseRow(c.id)).current_step, 'tanda-tangan', 'the step is still open');
      const [numbered] = await lettersOf(c.id);
      assert.deepEqual([numbered!.status, numbered!.sha256], ['draft', null], 'unsigned: the signature was never recorded');
      assert.ok(numbered!.number);
      const taken = await counters();
      const retry = await complete(c.id, { password: 'sigap-demo', certified });
      assert.ok(retry.ok, JSON.stringify(retry));
      const [signed] = await lettersOf(c.id);
      assert.equal(signed!.status, 'signed');
      assert.equal(signed!.number, numbered!.number, 'signed under the number of the first attempt');
      assert.deepEqual(await counters(), taken);
      assert.match(pdfsig((await readLetterFile(env.t.ctx, signed!.sha256!))!), /Signature is Valid/);
    } finally {
      env.t.ctx.effects = effects;
    }
  });

  it('the case page refuses in place (422): the provider refusal beside the passphrase field, the NIK kept, the passphrase not echoed', async () => {
    const c = await atSignStep('Bayi Ny. Ratna Dewi');
    const page = await client.req('GET', `/petugas/berkas/${c.id}`, undefined, await client.login(HEAD));
    assert.match(page.body, /Tanda tangan tersertifikasi dari Balai Sertifikasi Elektronik \(BSrE\) uji \(pilihan\)/);
    assert.match(page.body, /id="f-cert-step-nik" name="data.nik"/);
    const version = String((await caseRow(c.id)).version);
    const post = await client.req('POST', `/petugas/tugas/${c.taskId}`, { outcome: 'ditandatangani', version, 'data.password': 'sigap-demo', 'data.nik': SIGNER.nik, 'data.passphrase': 'tebakan-salah' }, await client.login(HEAD));
    assert.equal(post.status, 422);
    assert.match(post.body, /<p class="field-error" id="err-data-passphrase">Passphrase ditolak oleh Balai Sertifikasi Elektronik \(BSrE\) uji\. Surat tidak ditandatangani\. <span lang="en">\(Balai Sertifikasi Elektronik \(BSrE\) uji refused the passphrase/);
    assert.match(post.body, /id="f-cert-step-pass" name="data.passphrase" aria-describedby="err-data-passphrase f-cert-step-help" aria-invalid="true"/);
    assert.match(post.body, new RegExp(`id="f-cert-step-nik"[^>]*value="${SIGNER.nik}"`));
    assert.ok(!post.body.includes('tebakan-salah'), 'the passphrase is not sent back');
    const half = await client.req('POST', `/petugas/tugas/${c.taskId}`, { outcome: 'ditandatangani', version, 'data.password': 'sigap-demo', 'data.nik': '157102', 'data.passphrase': 'x' }, await client.login(HEAD));
    assert.equal(half.status, 422);
    assert.match(half.body, /id="err-data-nik">NIK untuk tanda tangan tersertifikasi harus 16 digit angka/);
    const ok = await client.req('POST', `/petugas/tugas/${c.taskId}`, { outcome: 'ditandatangani', version, 'data.password': 'sigap-demo', 'data.nik': SIGNER.nik, 'data.passphrase': SIGNER.passphrase }, await client.login(HEAD));
    assert.equal(ok.status, 303, ok.body.slice(0, 300));
    const [l] = await lettersOf(c.id);
    assert.deepEqual([l!.status, l!.signature_kind], ['signed', 'certified']);
  });

  it('without a configured provider the certified fields are refused beside the passphrase, nothing numbered; empty fields sign uncertified', async () => {
    const c = await atSignStep('Bayi Ny. Nurhayati');
    const keep = env.t.ctx.signingProvider;
    env.t.ctx.signingProvider = null;
    try {
      const r = await complete(c.id, { password: 'sigap-demo', certified });
      assert.ok(!r.ok && r.error.problems[0]!.code === 'provider-not-configured' && r.error.problems[0]!.field === 'data.passphrase');
      assert.equal((await lettersOf(c.id))[0]!.number, null, 'refused before anything was numbered');
      const plain = await complete(c.id, { password: 'sigap-demo', certified: { nik: '', passphrase: '' } });
      assert.ok(plain.ok, JSON.stringify(plain));
      const [l] = await lettersOf(c.id);
      assert.deepEqual([l!.status, l!.signature_kind, l!.signature_provider], ['signed', 'uncertified', null]);
    } finally {
      env.t.ctx.signingProvider = keep;
    }
  });

  it('the Surat page’s certified batch signs a draft waiting at its sign step through the provider too', async () => {
    const c = await atSignStep('Bayi Ny. Siti Khadijah');
    const [draft] = await lettersOf(c.id);
    const r = await signLetters(env.t.ctx, { ids: [draft!.id], password: 'sigap-demo', certified }, await actorFor(env.t.ctx, HEAD));
    assert.ok(r.ok && r.value.signed === 1, JSON.stringify(r));
    const [l] = await lettersOf(c.id);
    assert.deepEqual([l!.status, l!.signature_kind, l!.signature_provider], ['signed', 'certified', PROVIDER]);
    assert.equal((await caseRow(c.id)).current_step, 'penomoran');
  });
});
