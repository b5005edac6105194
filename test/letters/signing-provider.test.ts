/**
 * Certified signatures through a provider (issue 17, deliverable 3), against a local fake that
 * speaks the documented BSrE-style shape: a signed letter says which provider certified it and
 * pdfsig accepts it; a wrong passphrase, an expired certificate and a provider that does not
 * answer leave the letters unsigned with a clear bilingual message and their numbers intact, the
 * provider asked once per batch for an account refusal; a retry signs with the same number.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpSigningProvider } from '../../src/io/signing-provider.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { readLetterFile } from '../../src/usecases/letters/letter-files.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';
import { apiClient } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { appWithFakeProvider } from '../support/fake-signing-provider.js';
import { actorFor, pdfText, pdfsig } from './helpers.js';

const HEAD = 'kepala-dinas@kota-jambi';
const PROVIDER = 'Balai Sertifikasi Elektronik (BSrE) uji';
const SIGNER = { nik: '1571025005720002', passphrase: 'Rahasia-BSrE-2026', name: 'Drs. H. Ahmad Zulkifli, M.Si' };
const EXPIRED = { nik: '1571021203690004', passphrase: 'Lama-BSrE-2024', name: 'H. Syamsul Bahri, S.Sos', expired: true };

describe(`letters: certified signatures through a provider adapter (${TEST_DB})`, () => {
  const env = appWithFakeProvider([SIGNER, EXPIRED], PROVIDER);
  const client = apiClient(() => env.t);
  const readyLetters = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const run = await simulateCase(env.t.ctx, 'kota-jambi', 'rekomendasi-pub', 'main', undefined, { leaveForSigner: true });
      ids.push((await env.t.database.db.selectFrom('letters').select('id').where('application_id', '=', run.applicationId).executeTakeFirstOrThrow()).id);
    }
    return ids;
  };
  const rows = (ids: string[]) => env.t.database.db.selectFrom('letters').selectAll().where('id', 'in', ids).orderBy('number').execute();
  const counters = () => env.t.database.db.selectFrom('counters').selectAll().where('name', 'like', 'letter:%').execute();

  it('signs through the provider: the letter names the provider, pdfsig accepts the signature by the provider certificate, the page says certified', async () => {
    const [id] = await readyLetters(1);
    const r = await signLetters(env.t.ctx, { ids: [id!], password: 'sigap-demo', certified: { nik: SIGNER.nik, passphrase: SIGNER.passphrase } }, await actorFor(env.t.ctx, HEAD));
    assert.ok(r.ok && r.value.signed === 1, JSON.stringify(r));
    const [l] = await rows([id!]);
    assert.equal(l!.signature_kind, 'certified');
    assert.equal(l!.signature_provider, PROVIDER);
    assert.match(l!.signing_cert_serial ?? '', /^[0-9a-f]+$/, 'the provider certificate serial, read from its CMS');
    const pdf = (await readLetterFile(env.t.ctx, l!.sha256!))!;
    const report = pdfsig(pdf);
    assert.match(report, /Signature Validation: Signature is Valid\./);
    assert.ok(report.includes(`Signer Certificate Common Name: ${SIGNER.name}`), report);
    const { text } = await pdfText(pdf);
    assert.ok(text.includes(`dengan sertifikat elektronik dari ${PROVIDER}.`) && text.includes('Ditandatangani secara elektronik (tersertifikasi)'), text);
    const req = env.fake.requests.at(-1)!;
    assert.equal(req.nik, SIGNER.nik);
    assert.equal(req.hashAlgorithm, 'SHA-256');
    assert.equal(req.documentName.includes(l!.number!), true, 'the provider log names the letter');
    const v = (await client.req('GET', `/api/v1/verify/${l!.token}`)).json();
    assert.equal(v.signature.kind, 'certified');
    assert.equal(v.signature.provider, PROVIDER);
    assert.equal(v.signature.intact, true);
    const page = await client.req('GET', `/v/${l!.token}`);
    assert.ok(page.body.includes(`Tanda tangan elektronik tersertifikasi, dengan sertifikat elektronik dari ${PROVIDER}.`));
    assert.ok(!JSON.stringify(await env.t.database.db.selectFrom('letter_events').select('data').execute()).includes(SIGNER.passphrase), 'the passphrase is never stored');
  });

  it('a wrong passphrase leaves every letter of the batch unsigned with its number, and the provider is asked once', async () => {
    const ids = await readyLetters(2);
    const before = await rows(ids);
    const countersBefore = await counters();
    const asked = env.fake.requests.length;
    const r = await signLetters(env.t.ctx, { ids, password: 'sigap-demo', certified: { nik: SIGNER.nik, passphrase: 'salah' } }, await actorFor(env.t.ctx, HEAD));
    assert.ok(r.ok);
    assert.equal(r.value.signed, 0);
    for (const item of r.value.results) {
      assert.equal(item.code, 'provider-passphrase-wrong');
      assert.match(item.message!, /Passphrase ditolak oleh Balai Sertifikasi Elektronik \(BSrE\) uji\. Surat tidak ditandatangani\./);
      assert.match(item.messageEn!, /refused the passphrase/);
    }
    assert.equal(env.fake.requests.length - asked, 1, 'one refusal of the account stops the batch');
    const after = await rows(ids);
    assert.deepEqual(after.map((l) => [l.status, l.number, l.sha256]), before.map((l) => ['ready', l.number, null]));
    assert.deepEqual(await counters(), countersBefore, 'no number taken');
  });

  it('an expired provider certificate is refused with its own message, through the API too', async () => {
    const ids = await readyLetters(1);
    const res = await client.req('POST', '/api/v1/letters/sign', { ids, password: 'sigap-demo', certified: { nik: EXPIRED.nik, passphrase: EXPIRED.passphrase } }, await client.login(HEAD));
    assert.equal(res.status, 200);
    const item = res.json().results[0];
    assert.equal(item.ok, false);
    assert.equal(item.code, 'provider-certificate-expired');
    assert.match(item.message, /telah habis masa berlakunya/);
    assert.match(item.messageEn, /has expired/);
    const asked = env.fake.requests.length;
    const bad = await client.req('POST', '/api/v1/letters/sign', { ids, password: 'sigap-demo', certified: { nik: '12', passphrase: 'x' } }, await client.login(HEAD));
    assert.equal(bad.status, 400);
    assert.match(bad.json().error.messageEn, /NIK is 16 digits/);
    assert.equal(env.fake.requests.length, asked, 'a malformed NIK never reaches the provider');
  });

  it('a provider that does not answer in time leaves the letter unsigned and numbered; the retry signs it under the same number', async () => {
    const [id] = await readyLetters(1);
    const [before] = await rows([id!]);
    // A provider that takes 3 s against a 0.4 s timeout (the other tests allow 10 s, for a busy machine).
    const patient = env.t.ctx.signingProvider;
    env.t.ctx.signingProvider = httpSigningProvider({ name: PROVIDER, url: env.fake.url, timeoutMs: 400 });
    env.fake.delayMs = 3000;
    const started = Date.now();
    const r = await signLetters(env.t.ctx, { ids: [id!], password: 'sigap-demo', certified: { nik: SIGNER.nik, passphrase: SIGNER.passphrase } }, await actorFor(env.t.ctx, HEAD));
    assert.ok(Date.now() - started < 2500, 'the timeout, not the provider, decides how long the signer waits');
    env.t.ctx.signingProvider = patient;
    assert.ok(r.ok && r.value.results[0]!.code === 'provider-timeout', JSON.stringify(r));
    assert.match(r.ok ? r.value.results[0]!.message! : '', /tidak menjawab dalam 0,4 detik\. Surat tidak ditandatangani dan nomornya tetap/);
    const [waiting] = await rows([id!]);
    assert.equal(waiting!.status, 'ready');
    assert.equal(waiting!.number, before!.number);
    env.fake.delayMs = 0;
    const again = await signLetters(env.t.ctx, { ids: [id!], password: 'sigap-demo', certified: { nik: SIGNER.nik, passphrase: SIGNER.passphrase } }, await actorFor(env.t.ctx, HEAD));
    assert.ok(again.ok && again.value.signed === 1);
    const [signed] = await rows([id!]);
    assert.equal(signed!.status, 'signed');
    assert.equal(signed!.number, before!.number, 'the same number: nothing numbered twice');
  });

  it('without a configured provider a certified request is refused plainly', async () => {
    const keep = env.t.ctx.signingProvider;
    env.t.ctx.signingProvider = null;
    try {
      const ids = await readyLetters(1);
      const r = await signLetters(env.t.ctx, { ids, password: 'sigap-demo', certified: { nik: SIGNER.nik, passphrase: SIGNER.passphrase } }, await actorFor(env.t.ctx, HEAD));
      assert.ok(!r.ok && r.error.problems[0]!.code === 'provider-not-configured');
    } finally {
      env.t.ctx.signingProvider = keep;
    }
  });
});
