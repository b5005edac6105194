/**
 * Letters signed for real (issue 17): every signed letter is a PDF with a PAdES signature that
 * poppler's pdfsig (what PDF readers do) accepts as valid by the named signer; a changed byte
 * breaks it and the verification page says so; the signer's key comes from the office's own
 * authority, sealed at rest; a revoked certificate signs nothing more, while letters it signed
 * earlier still verify; the page and the letter say truthfully what kind of signature it is.
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { unseal } from '../../src/io/sealed-keys.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { readLetterFile, sha256Hex } from '../../src/usecases/letters/letter-files.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';
import { keyEncryptionKey } from '../../src/usecases/signing/key-encryption-key.js';
import { ensureSigningCredential } from '../../src/usecases/signing/signing-credential.js';
import { issueCertificateTo, revokeSigningCertificate } from '../../src/usecases/signing/manage-certificates.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { multipartBody } from '../support/fixtures.js';
import { actorFor, driveUntil, fileCase, pdfText, pdfsig } from './helpers.js';

const HEAD = 'kepala-dinas@kota-jambi';

describe(`letters: PAdES signatures, keys and honest wording (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date();
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());
  const client = apiClient(() => t);
  const get = (url: string) => client.req('GET', url);
  const letterRow = (id: string) => t.database.db.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const lettersOfCase = (applicationId: string) => t.database.db.selectFrom('letters').selectAll().where('application_id', '=', applicationId).execute();

  let first: Awaited<ReturnType<typeof letterRow>>;
  let pdf: Buffer;
  let headName: string;

  /** Files a case and completes its sign step as the head of office; the step's answer. */
  async function signAtStep() {
    const c = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Nurul Hidayah');
    const at = await driveUntil(t.ctx, c.id, (s) => s.kind === 'sign', 'kota-jambi');
    const r = await completeTask(t.ctx, { taskId: at.taskId!, outcome: 'ditandatangani', data: { password: 'sigap-demo' }, version: at.version }, await actorFor(t.ctx, HEAD));
    return { c, r };
  }

  it('signs the letter with a PAdES signature that pdfsig reports valid, by the signer named on the letter, over the stored bytes', async () => {
    headName = (await actorFor(t.ctx, HEAD)).name;
    const { c, r } = await signAtStep();
    assert.ok(r.ok, JSON.stringify(r));
    first = (await lettersOfCase(c.id))[0]!;
    assert.equal(first.status, 'signed');
    assert.equal(first.signature_kind, 'uncertified');
    assert.equal(first.signature_provider, null);
    assert.match(first.signing_cert_serial ?? '', /^[0-9a-f]{32}$/);
    pdf = (await readLetterFile(t.ctx, first.sha256!))!;
    assert.equal(sha256Hex(pdf), first.sha256, 'the published SHA-256 is of the signed file');
    const report = pdfsig(pdf);
    assert.match(report, /Signature Validation: Signature is Valid\./, report);
    assert.ok(report.includes(`Signer Certificate Common Name: ${headName}`), report);
    assert.match(report, /Signature Type: ETSI\.CAdES\.detached/);
    assert.match(report, /Total document signed/);
    assert.match(report, /Signing Hash Algorithm: SHA-256/);
  });

  it('says on the letter that the signature is uncertified and verified by the office', async () => {
    const { text } = await pdfText(pdf);
    assert.ok(text.includes(`Ditandatangani secara elektronik (tidak tersertifikasi) oleh ${headName} — diverifikasi oleh Dinas Sosial Kota Jambi.`), text);
  });

  it('issues the signer certificate from the office authority created on first use, and keeps both keys sealed on disk-readable-by-the-service-only terms', async () => {
    const cas = await t.database.db.selectFrom('signing_authorities').selectAll().execute();
    assert.equal(cas.length, 1, 'one authority for Kota Jambi');
    const certs = await t.database.db.selectFrom('signing_certificates').selectAll().execute();
    assert.equal(certs.length, 1);
    const [ca, cert] = [cas[0]!, certs[0]!];
    assert.equal(cert.serial, first.signing_cert_serial);
    assert.ok(new X509Certificate(cert.cert_pem).checkIssued(new X509Certificate(ca.cert_pem)), 'issued by the office authority');
    assert.ok(new X509Certificate(cert.cert_pem).verify(new X509Certificate(ca.cert_pem).publicKey), 'signed by its key');
    for (const row of [ca, cert]) {
      assert.ok(!row.key_sealed.includes('PRIVATE KEY') && row.key_sealed.startsWith('v1.'), 'no clear private key in the database');
      assert.match(unseal(keyEncryptionKey(t.ctx), row.key_sealed, row.serial), /^-----BEGIN PRIVATE KEY-----/);
      assert.throws(() => unseal(keyEncryptionKey(t.ctx), row.key_sealed, 'another-serial'), 'a sealed key is bound to its own certificate');
    }
    assert.equal(statSync(join(t.ctx.dataDir, 'keys', 'signing-keys.key')).mode & 0o777, 0o600, 'the key-encryption key is the service user’s alone');
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'signing.%').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['signing.authority-created', 'signing.certificate-issued']);
  });

  it('shows the signature on the verification page in both languages, and serves the certificate chain', async () => {
    const id = await get(`/v/${first.token}`);
    assert.equal(id.status, 200);
    assert.match(id.body, /Tanda tangan elektronik tidak tersertifikasi: sertifikatnya diterbitkan oleh Dinas Sosial Kota Jambi sendiri/);
    assert.match(id.body, /data-testid="signature-validity"><span class="badge sla-on-time">SAH: berkas utuh sejak ditandatangani/);
    assert.ok(id.body.includes(`data-testid="signature-signer">${headName}<`), 'the certificate names the signer');
    assert.match(id.body, /data-testid="certificate-state">Berlaku/);
    assert.match(id.body, /WIB/, 'the signing time, office-local');
    const en = await get(`/v/${first.token}?lang=en`);
    assert.match(en.body, /Uncertified electronic signature: its certificate was issued by Dinas Sosial Kota Jambi itself/);
    assert.match(en.body, /VALID: the file is unchanged since it was signed/);
    assert.match(en.body, /data-testid="certificate-state">In force/);
    const api = (await get(`/api/v1/verify/${first.token}`)).json();
    assert.equal(api.signature.kind, 'uncertified');
    assert.equal(api.signature.intact, true);
    assert.equal(api.signature.certificate.serial, first.signing_cert_serial);
    assert.equal(api.signature.certificate.state, 'valid');
    const chain = await get(`/v/${first.token}/sertifikat.pem`);
    assert.equal(chain.status, 200);
    assert.match(chain.headers['content-type'] as string, /application\/x-pem-file/);
    const pems = chain.body.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
    assert.equal(pems.length, 2, 'the signer certificate and the office authority');
    const [leaf, ca] = pems.map((p) => new X509Certificate(p));
    assert.ok(leaf!.subject.includes(`CN=${headName}`));
    assert.ok(leaf!.checkIssued(ca!));
    assert.equal((await get('/v/AAAAAAAAAAAAAAAA/sertifikat.pem')).status, 404);
  });

  it('gives two signers of an office signing for the first time at the same moment one authority and a certificate each', async () => {
    const semarang = t.catalogue.office('kota-semarang')!.id;
    const [a, b] = [await actorFor(t.ctx, 'kepala-dinas@kota-semarang'), await actorFor(t.ctx, 'front-office@kota-semarang')];
    const now = new Date().toISOString();
    const [ra, rb] = await Promise.all([ensureSigningCredential(t.ctx, semarang, a.id!, now, a.name), ensureSigningCredential(t.ctx, semarang, b.id!, now, b.name)]);
    assert.ok(ra.ok && rb.ok, JSON.stringify([ra, rb]));
    assert.notEqual(ra.value.serial, rb.value.serial);
    const cas = await t.database.db.selectFrom('signing_authorities').select('generation').where('office_id', '=', semarang).execute();
    assert.deepEqual(cas, [{ generation: 1 }]);
  });

  it('one changed byte: pdfsig finds the signature invalid and the verification page says TIDAK COCOK and that the embedded signature is broken', async () => {
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf(Buffer.from('/Title'));
    assert.ok(at > 0 && at < tampered.indexOf(Buffer.from('/ByteRange')), 'the title is inside the signed range');
    tampered[at + 10] = tampered[at + 10]! ^ 0x01; // one bit of one byte of the title
    const report = pdfsig(tampered);
    assert.match(report, /Signature Validation: Digest Mismatch\./, report);
    assert.doesNotMatch(report, /Signature is Valid/);
    const { payload, headers } = multipartBody('file', 'surat.pdf', 'application/pdf', tampered);
    const page = await client.req('POST', `/v/${first.token}`, payload, headers);
    assert.match(page.body, /TIDAK COCOK/);
    assert.match(page.body, /RUSAK: isi berkas diubah setelah ditandatangani/);
    const same = multipartBody('file', 'surat.pdf', 'application/pdf', pdf);
    const ok = await client.req('POST', `/api/v1/verify/${first.token}/file`, same.payload, same.headers);
    assert.deepEqual(ok.json().embeddedSignature, { present: true, intact: true, signerName: headName });
  });

  let revokedSerial: string;

  it('refuses to sign with a revoked certificate (bilingual, at the step and in a batch); the letters keep their numbers and nothing is numbered twice', async () => {
    revokedSerial = first.signing_cert_serial!;
    clock = new Date(clock.getTime() + 60_000);
    const rv = await revokeSigningCertificate(t.ctx, { office: 'kota-jambi', serial: revokedSerial, reason: 'Kunci perangkat kepala dinas hilang' }, 'cli:admin');
    assert.ok(rv.ok, JSON.stringify(rv));
    const { c, r } = await signAtStep();
    assert.ok(!r.ok);
    const p = !r.ok ? r.error.problems[0]! : null;
    assert.equal(p?.code, 'signing-certificate-revoked');
    assert.match(p!.message, /telah dicabut .*Surat tidak ditandatangani dan nomornya tetap/);
    assert.match(p!.messageEn, /was revoked .*The letter is not signed and keeps its number/);
    const [draft] = await lettersOfCase(c.id);
    assert.equal(draft?.status, 'draft');
    assert.equal(draft?.number, null, 'a refused signature at the step takes no number');

    const run = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-pub', 'main', undefined, { leaveForSigner: true });
    const [ready] = await lettersOfCase(run.applicationId);
    assert.equal(ready?.status, 'ready');
    const numberBefore = ready!.number;
    assert.ok(numberBefore);
    const counterBefore = await t.database.db.selectFrom('counters').selectAll().where('name', 'like', 'letter:%').execute();
    const batch = await signLetters(t.ctx, { ids: [ready!.id], password: 'sigap-demo' }, await actorFor(t.ctx, HEAD));
    assert.ok(!batch.ok && batch.error.kind === 'forbidden' && batch.error.problems[0]!.code === 'signing-certificate-revoked');
    const after = await letterRow(ready!.id);
    assert.equal(after.status, 'ready');
    assert.equal(after.number, numberBefore, 'the number stays');
    assert.equal(after.sha256, null);
    assert.deepEqual(await t.database.db.selectFrom('counters').selectAll().where('name', 'like', 'letter:%').execute(), counterBefore, 'no number taken');
    const resp = await client.req('POST', '/api/v1/letters/sign', { ids: [ready!.id], password: 'sigap-demo' }, await client.login(HEAD));
    assert.equal(resp.status, 403);
    assert.equal(resp.json().error.code, 'signing-certificate-revoked');
  });

  it('still verifies the earlier letter as signed while the certificate was in force ("revoked after signing")', async () => {
    const v = (await get(`/api/v1/verify/${first.token}`)).json();
    assert.equal(v.valid, true);
    assert.equal(v.signature.certificate.state, 'revoked-after-signing');
    assert.equal(v.signature.certificate.reason, 'Kunci perangkat kepala dinas hilang');
    const page = await get(`/v/${first.token}`);
    assert.match(page.body, /Dicabut SETELAH penandatanganan \(tanda tangan ini tetap sah\)/);
    assert.match(pdfsig(pdf), /Signature is Valid/);
  });

  it('signs again once an administrator issues a new certificate; a revocation dated before a signature makes that signature not valid', async () => {
    clock = new Date(clock.getTime() + 60_000);
    const issued = await issueCertificateTo(t.ctx, 'kota-jambi', HEAD, 'cli:admin');
    assert.ok(issued.ok);
    assert.notEqual(issued.value.serial, revokedSerial);
    clock = new Date(clock.getTime() + 60_000);
    const { c, r } = await signAtStep();
    assert.ok(r.ok, JSON.stringify(r));
    const second = (await lettersOfCase(c.id))[0]!;
    assert.equal(second.signing_cert_serial, issued.value.serial);
    assert.match(pdfsig((await readLetterFile(t.ctx, second.sha256!))!), /Signature is Valid/);
    // The key turns out to have been compromised before that signature: revoked from an earlier instant.
    const since = new Date(Date.parse(second.signed_at!) - 30_000).toISOString();
    clock = new Date(clock.getTime() + 60_000);
    assert.ok((await revokeSigningCertificate(t.ctx, { office: 'kota-jambi', serial: issued.value.serial, reason: 'Kunci bocor sejak pagi ini', since }, 'cli:admin')).ok);
    const v = (await get(`/api/v1/verify/${second.token}`)).json();
    assert.equal(v.valid, false);
    assert.equal(v.signature.certificate.state, 'revoked-before-signing');
    const page = await get(`/v/${second.token}?lang=en`);
    assert.match(page.body, /Already REVOKED BEFORE signing: this signature is NOT VALID/);
    const refused = await revokeSigningCertificate(t.ctx, { office: 'kota-jambi', serial: issued.value.serial, reason: 'dua kali dicabut' }, 'cli:admin');
    assert.ok(!refused.ok && refused.error.problems[0]!.code === 'certificate-already-revoked');
  });
});
