/**
 * A letter's life on a real database: drafted from the case, signed with the signer's password
 * at the procedure's sign step, numbered, downloaded by the applicant, verified by QR and by
 * file, expired, revoked; batch signing, delegation, rejection letters, the archive and the
 * register.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { indonesianDate } from '../../src/domain/letters/dates.js';
import { validUntil } from '../../src/domain/letters/validity.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import { createDelegation } from '../../src/usecases/letters/create-delegation.js';
import { readLetterFile, sha256Hex } from '../../src/usecases/letters/letter-files.js';
import { signLetters } from '../../src/usecases/letters/sign-letters.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { createUser } from '../../src/usecases/staff/create-user.js';
import { TEST_DB } from '../support/db.js';
import { openTracked } from '../support/tracking.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { multipartBody } from '../support/fixtures.js';
import { actorFor, driveUntil, fileCase, pdfText, qrOf } from './helpers.js';

const HEAD = { username: 'zulkifli@kota-jambi', password: 'Kadis-Jambi-2026!', name: 'Drs. H. Ahmad Zulkifli, M.Si', nip: '196805121994031006', rank: 'Pembina Utama Muda (IV/c)' };
const DEPUTY = { username: 'rahmawati@kota-jambi', password: 'Sekdis-Jambi-2026!', name: 'Hj. Rahmawati, S.Sos., M.M.', nip: '197203151998032004', rank: 'Pembina (IV/a)' };
const UNICODE_NAME = 'Siti Ñurhaliza Łukasiewicz-Nguyễn';

describe(`letters: draft, sign, verify, revoke (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date();
  before(async () => {
    t = await testApp({ now: () => clock });
    const mk = (u: typeof HEAD, roles: string[], title: string) =>
      createUser(t.database, t.catalogue, { office: 'kota-jambi', username: u.username, displayName: u.name, password: u.password, roles, title, nip: u.nip, rank: u.rank });
    assert.ok((await mk(HEAD, ['kepala-dinas'], 'Kepala Dinas Sosial Kota Jambi')).ok);
    assert.ok((await mk(DEPUTY, ['kepala-bidang'], 'Sekretaris Dinas Sosial Kota Jambi')).ok);
  });
  after(async () => t.close());

  const client = apiClient(() => t, { [HEAD.username]: HEAD.password, [DEPUTY.username]: DEPUTY.password });
  const api = async (method: 'GET' | 'POST', url: string, as?: string, payload?: unknown, headers: Record<string, string> = {}) =>
    client.req(method, url, payload, { ...(as ? await client.login(as) : {}), ...headers });
  const jambi = () => t.catalogue.office('kota-jambi')!.office;
  const today = () => t.ctx.clock.localDate(jambi(), clock.toISOString());
  const lettersOf = (applicationId: string) => t.database.db.selectFrom('letters').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();

  let caseA: { id: string; registrationNumber: string; trackingCode: string };
  let letterA: Awaited<ReturnType<typeof lettersOf>>[number];
  let pdfA: Buffer;

  it('drafts the letter when the draft step is completed, freezing the case, and previews it as DRAF', async () => {
    caseA = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', UNICODE_NAME);
    const at = await driveUntil(t.ctx, caseA.id, (s) => s.kind === 'sign', 'kota-jambi');
    assert.equal(at.step?.id, 'tanda-tangan');
    const [draft] = await lettersOf(caseA.id);
    assert.equal(draft?.status, 'draft');
    assert.equal(draft?.number, null, 'no number before signing or numbering');
    assert.equal(draft?.holder_name, UNICODE_NAME);
    assert.equal(draft?.template_id, 'rekomendasi-jaminan-kesehatan');
    const preview = await api('GET', `/api/v1/letters/${draft!.id}/pdf`, 'kepala-dinas@kota-jambi');
    assert.equal(preview.status, 200);
    const text = (await pdfText(preview.raw)).text;
    assert.match(text, /DRAF/);
    assert.match(text, /belum bernomor/);
    assert.equal(qrOf(preview.raw), null, 'a draft carries no QR code');
  });

  it('refuses to sign with a wrong password (422, bilingual) and burns no number', async () => {
    const at = await driveUntil(t.ctx, caseA.id, (s) => s.kind === 'sign', 'kota-jambi');
    const head = await actorFor(t.ctx, HEAD.username);
    const r = await completeTask(t.ctx, { taskId: at.taskId!, outcome: 'ditandatangani', data: { password: 'salah-sandi' }, version: at.version }, head);
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.error.kind === 'invalid', 'refused as invalid input (422)');
    assert.ok(!r.ok && r.error.problems[0]!.code === 'password-wrong');
    assert.ok(!r.ok && /Kata sandi salah/.test(r.error.problems[0]!.message) && /Wrong password/.test(r.error.problems[0]!.messageEn));
    const [still] = await lettersOf(caseA.id);
    assert.equal(still?.status, 'draft');
    const counters = await t.database.db.selectFrom('counters').selectAll().where('name', 'like', 'letter:%').execute();
    assert.deepEqual(counters, [], 'the refused attempt took no number');
  });

  it('signs at the sign step with the password: numbered, rendered, stored, who/when/SHA-256 recorded', async () => {
    const at = await driveUntil(t.ctx, caseA.id, (s) => s.kind === 'sign', 'kota-jambi');
    const head = await actorFor(t.ctx, HEAD.username);
    const r = await completeTask(t.ctx, { taskId: at.taskId!, outcome: 'ditandatangani', note: 'Setuju', data: { password: HEAD.password }, version: at.version }, head);
    assert.ok(r.ok, JSON.stringify(r));
    letterA = (await lettersOf(caseA.id))[0]!;
    assert.equal(letterA!.status, 'signed');
    assert.equal(letterA!.number, `400.9/0001/Dinsos/${today().slice(0, 4)}`);
    assert.equal(letterA!.signed_by, head.id);
    assert.equal(letterA!.issued_on, today());
    assert.equal(letterA!.valid_until, validUntil(today(), { value: 1, unit: 'months' }));
    pdfA = (await readLetterFile(t.ctx, letterA!.sha256!))!;
    assert.equal(sha256Hex(pdfA), letterA!.sha256);
    const events = await t.database.db.selectFrom('application_events').select('data').where('application_id', '=', caseA.id).execute();
    assert.ok(!events.some((e) => e.data.includes(HEAD.password)), 'the password is never stored in the timeline');
    const signedEvent = await t.database.db.selectFrom('letter_events').selectAll().where('letter_id', '=', letterA!.id).where('type', '=', 'signed').executeTakeFirstOrThrow();
    assert.equal(JSON.parse(signedEvent.data).sha256, letterA!.sha256);
  });

  it('prints number, names, Indonesian date, validity, signer block and a QR code with the verification URL', async () => {
    const { text, sizes } = await pdfText(pdfA);
    for (const expected of [
      'PEMERINTAH KOTA JAMBI',
      'DINAS SOSIAL KOTA JAMBI',
      'SURAT REKOMENDASI',
      `Nomor: ${letterA.number}`,
      UNICODE_NAME,
      caseA.registrationNumber,
      `Jambi, ${indonesianDate(today())}`,
      `Surat ini berlaku sampai dengan ${indonesianDate(letterA.valid_until!)}.`,
      'Kepala Dinas Sosial Kota Jambi,',
      HEAD.name,
      HEAD.rank,
      `NIP. ${HEAD.nip}`,
      `http://localhost:3000/v/${letterA.token}`,
    ])
      assert.ok(text.includes(expected), `PDF text lacks "${expected}":\n${text}`);
    assert.deepEqual(sizes, [[609, 935]], 'F4 (215 × 330 mm), as the template sets');
    assert.equal(qrOf(pdfA), `http://localhost:3000/v/${letterA.token}`);
    assert.match(letterA.token, /^[A-Za-z0-9_-]{16}$/, 'an unguessable token, not a sequential id');
  });

  it('records the number step and lets the applicant download the very same file from tracking', async () => {
    await driveUntil(t.ctx, caseA.id, () => false, 'kota-jambi');
    const [after] = await lettersOf(caseA.id);
    assert.equal(after?.sha256, letterA.sha256, 'the file never changes after signing');
    const page = await openTracked(t.app, `/lacak/${caseA.registrationNumber}?code=${caseA.trackingCode}`);
    assert.equal(page.status, 200);
    const href = /href="([^"]*\/surat\/[^"]+)"/.exec(page.body)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(href, 'a download link on the tracking page');
    assert.ok(!href!.includes(caseA.trackingCode), 'the link carries no tracking code');
    const dl = await api('GET', href!, undefined, undefined, { cookie: page.cookie });
    assert.equal(dl.status, 200);
    assert.equal(dl.raw.equals(pdfA), true);
    assert.equal((await api('GET', `${href!}?code=ZZZZZZZZ`)).status, 404, 'a wrong tracking code gets nothing');
    assert.equal((await api('GET', href!)).status, 404, 'nor does a browser that never gave the code');
  });

  it('verifies by token: API fields with the NIK masked, the public page, and 404 for unknown tokens', async () => {
    const r = await api('GET', `/api/v1/verify/${letterA.token}`);
    assert.equal(r.status, 200);
    const v = r.json();
    assert.equal(v.valid, true);
    assert.equal(v.status, 'valid');
    assert.equal(v.office, 'Dinas Sosial Kota Jambi');
    assert.equal(v.number, letterA.number);
    assert.equal(v.validUntil, letterA.valid_until);
    assert.equal(v.holder.name, UNICODE_NAME);
    assert.match(v.holder.nik, /^\d{4} \d{2}•• •••• \d{4}$/);
    assert.equal(v.signer.name, HEAD.name);
    assert.equal(v.sha256, letterA.sha256);
    assert.ok(v.issuedAt);
    const page = await api('GET', `/v/${letterA.token}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Asli dan berlaku/);
    assert.match(page.body, /1571|15\d\d \d\d••/);
    assert.equal((await api('GET', '/api/v1/verify/AAAAAAAAAAAAAAAA')).status, 404);
    assert.equal((await api('GET', '/api/v1/verify/..%2F..%2Fetc')).status, 404);
    assert.equal((await api('GET', '/v/AAAAAAAAAAAAAAAA')).status, 404);
    assert.equal((await api('GET', '/api/v1/letters')).status, 401, 'nothing lists letters publicly');
  });

  it('checks an uploaded PDF byte for byte and detects a tampered one', async () => {
    const post = (file: Buffer) => {
      const { payload, headers } = multipartBody('file', 'surat.pdf', 'application/pdf', file);
      return api('POST', `/api/v1/verify/${letterA.token}/file`, undefined, payload, headers);
    };
    const same = await post(pdfA);
    assert.equal(same.status, 200);
    assert.equal(same.json().match, true);
    const tampered = Buffer.from(pdfA);
    const at = tampered.indexOf(Buffer.from('/Title'));
    tampered[at + 10] = tampered[at + 10]! ^ 0x01;
    const bad = await post(tampered);
    assert.equal(bad.json().match, false);
    assert.notEqual(bad.json().sha256, letterA.sha256);
    const { payload, headers } = multipartBody('file', 'surat.pdf', 'application/pdf', tampered);
    const page = await api('POST', `/v/${letterA.token}`, undefined, payload, headers);
    assert.match(page.body, /TIDAK COCOK/);
  });

  it('shows an expired letter as expired with its last valid day', async () => {
    const saved = clock;
    clock = new Date(`${validUntil(letterA.valid_until!, { value: 1, unit: 'days' })}T03:00:00Z`);
    try {
      const v = (await api('GET', `/api/v1/verify/${letterA.token}`)).json();
      assert.equal(v.status, 'expired');
      assert.equal(v.valid, false);
      const page = await api('GET', `/v/${letterA.token}`);
      assert.match(page.body, new RegExp(`berakhir pada ${indonesianDate(letterA.valid_until!)}`));
    } finally {
      clock = saved;
    }
  });

  let signedB: string;

  it('batch-signs ready letters with one password confirmation, each recorded individually, only by the signing role', async () => {
    // Rekomendasi PUB has no signing step in its decree: at the handover its letter waits, numbered, for the signer.
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-pub', 'main', undefined, { leaveForSigner: true }));
    const ready = (await Promise.all(runs.map((r) => lettersOf(r.applicationId)))).flat();
    assert.deepEqual(ready.map((l) => l.status), ['ready', 'ready', 'ready']);
    assert.deepEqual(ready.map((l) => l.number), [2, 3, 4].map((n) => `400.9/000${n}/Dinsos/${today().slice(0, 4)}`));
    const track = await openTracked(t.app, `/lacak/${runs[0]!.registrationNumber}?code=${runs[0]!.trackingCode}`);
    assert.match(track.body, /menunggu tanda tangan/);
    const ids = ready.map((l) => l.id);
    const front = await signLetters(t.ctx, { ids, password: 'sigap-demo' }, await actorFor(t.ctx, 'front-office@kota-jambi'));
    assert.ok(front.ok && front.value.signed === 0 && front.value.results.every((r) => r.code === 'signing-role-required'));
    const wrong = await api('POST', '/api/v1/letters/sign', HEAD.username, { ids, password: 'bukan-sandinya' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json().error.code, 'password-wrong');
    const ok = await api('POST', '/api/v1/letters/sign', HEAD.username, { ids, password: HEAD.password });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json().signed, 3);
    const audits = await t.database.db.selectFrom('audit_events').select('subject').where('action', '=', 'letters.sign').execute();
    assert.deepEqual(new Set(audits.map((a) => a.subject)), new Set(ids.map((i) => `letter:${i}`)));
    const timeline = await t.database.db.selectFrom('application_events').select('type').where('application_id', '=', runs[0]!.applicationId).where('type', '=', 'letter-signed').execute();
    assert.equal(timeline.length, 1);
    const again = await api('POST', '/api/v1/letters/sign', HEAD.username, { ids: [ids[0]], password: HEAD.password });
    assert.equal(again.json().results[0].code, 'already-signed');
    signedB = ids[0]!;
  });

  it('revokes with a reason and a replacing letter; the verification page shows it at once', async () => {
    const b = (await t.database.db.selectFrom('letters').selectAll().where('id', '=', signedB).executeTakeFirstOrThrow());
    assert.equal((await api('POST', `/api/v1/letters/${letterA.id}/revoke`, 'front-office@kota-jambi', { reason: 'Data pemohon keliru dan diperbaiki' })).status, 403);
    assert.equal((await api('POST', `/api/v1/letters/${letterA.id}/revoke`, HEAD.username, { reason: 'salah' })).status, 422);
    const r = await api('POST', `/api/v1/letters/${letterA.id}/revoke`, HEAD.username, { reason: 'Nama pemohon salah tulis; diganti surat baru', replacedBy: b.number });
    assert.equal(r.status, 200, r.body);
    const v = (await api('GET', `/api/v1/verify/${letterA.token}`)).json();
    assert.equal(v.status, 'revoked');
    assert.equal(v.valid, false);
    assert.equal(v.revocation.reason, 'Nama pemohon salah tulis; diganti surat baru');
    assert.equal(v.revocation.replacedBy.number, b.number);
    assert.equal(v.revocation.replacedBy.url, `http://localhost:3000/v/${b.token}`);
    const page = await api('GET', `/v/${letterA.token}`);
    assert.match(page.body, /telah DICABUT/);
    const track = await openTracked(t.app, `/lacak/${caseA.registrationNumber}?code=${caseA.trackingCode}`);
    assert.match(track.body, /dicabut/);
    const [row] = await lettersOf(caseA.id);
    assert.equal(row?.number, letterA.number, 'a revoked letter keeps its number');
  });

  it('lets the head delegate signing for a date range; the letter says a.n. or Plt.', async () => {
    const run = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-subsidi-listrik', 'main', undefined, { leaveForSigner: true });
    const [ready] = await lettersOf(run.applicationId);
    const deputy = await actorFor(t.ctx, DEPUTY.username);
    const head = await actorFor(t.ctx, HEAD.username);
    const before = await signLetters(t.ctx, { ids: [ready!.id], password: DEPUTY.password }, deputy);
    assert.ok(before.ok && before.value.results[0]!.code === 'signing-role-required', 'no delegation, no signing');
    const notHead = await createDelegation(t.ctx, { to: DEPUTY.username, kind: 'a.n.', startsOn: today(), endsOn: today() }, deputy);
    assert.ok(!notHead.ok && notHead.error.kind === 'forbidden');
    const future = validUntil(today(), { value: 10, unit: 'days' })!;
    assert.ok((await createDelegation(t.ctx, { to: DEPUTY.username, kind: 'a.n.', startsOn: future, endsOn: future, reason: 'Dinas luar' }, head)).ok);
    const early = await signLetters(t.ctx, { ids: [ready!.id], password: DEPUTY.password }, deputy);
    assert.ok(early.ok && early.value.signed === 0, 'a delegation not yet in force does not count');
    const d = await createDelegation(t.ctx, { to: DEPUTY.username, kind: 'a.n.', startsOn: today(), endsOn: validUntil(today(), { value: 2, unit: 'days' })!, reason: 'Dinas luar ke Jakarta' }, head);
    assert.ok(d.ok);
    const signed = await signLetters(t.ctx, { ids: [ready!.id], password: DEPUTY.password }, deputy);
    assert.ok(signed.ok && signed.value.signed === 1, JSON.stringify(signed));
    const [l] = await lettersOf(run.applicationId);
    const text = (await pdfText((await readLetterFile(t.ctx, l!.sha256!))!)).text;
    assert.ok(text.includes('a.n. Kepala Dinas Sosial Kota Jambi'), text);
    assert.ok(text.includes('Sekretaris Dinas Sosial Kota Jambi,'));
    assert.ok(text.includes(DEPUTY.name) && text.includes(`NIP. ${DEPUTY.nip}`));
    const v = (await api('GET', `/api/v1/verify/${l!.token}`)).json();
    assert.equal(v.signer.delegation, 'a.n.');
    assert.equal(v.signer.onBehalfOf, 'Kepala Dinas Sosial Kota Jambi');
    // Plt.: acting head.
    const run2 = await simulateCase(t.ctx, 'kota-jambi', 'surat-keterangan-terdaftar-dtks', 'main', undefined, { leaveForSigner: true });
    const [ready2] = await lettersOf(run2.applicationId);
    const plt = await createDelegation(t.ctx, { to: DEPUTY.username, kind: 'Plt.', startsOn: today(), endsOn: today() }, head);
    assert.ok(plt.ok);
    const s2 = await signLetters(t.ctx, { ids: [ready2!.id], password: DEPUTY.password, delegation: plt.ok ? plt.value.id : '' }, deputy);
    assert.ok(s2.ok && s2.value.signed === 1);
    const [l2] = await lettersOf(run2.applicationId);
    assert.ok((await pdfText((await readLetterFile(t.ctx, l2!.sha256!))!)).text.includes('Plt. Kepala Dinas Sosial Kota Jambi,'));
  });

  it('gives a rejected case a rejection letter with the written reason, numbered and ready for signature', async () => {
    const run = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'reject');
    const letters = await lettersOf(run.applicationId);
    assert.deepEqual(letters.map((l) => [l.kind, l.status, l.letter_type]), [['rejection', 'ready', 'surat-penolakan']]);
    assert.match(letters[0]!.number!, /^400\.9\/\d{4}\/Dinsos\/\d{4}$/);
    const r = await signLetters(t.ctx, { ids: [letters[0]!.id], password: HEAD.password }, await actorFor(t.ctx, HEAD.username));
    assert.ok(r.ok && r.value.signed === 1);
    const [l] = await lettersOf(run.applicationId);
    const text = (await pdfText((await readLetterFile(t.ctx, l!.sha256!))!)).text;
    assert.ok(text.includes('Tidak memenuhi kriteria sesuai hasil verifikasi'), text);
    assert.ok(text.includes('Perihal : Pemberitahuan Hasil Permohonan Pelayanan Rekomendasi Jamkesda Bayi') || text.includes('Pemberitahuan Hasil Permohonan'), text);
    assert.ok(text.includes('Kepada') && text.includes('Yth. Sdr/i. Siti Aminah'), text);
  });

  it('cancels an unsigned letter, which keeps its number; the archive finds letters; the register exports', async () => {
    // Pendaftaran awal LKS has no signing step: the completion waits for the letter's signature.
    const run = await simulateCase(t.ctx, 'kota-jambi', 'pendaftaran-awal-lks', 'main', undefined, { leaveForSigner: true });
    const [ready] = await lettersOf(run.applicationId);
    const c = await api('POST', `/api/v1/letters/${ready!.id}/cancel`, HEAD.username, { reason: 'Pemohon meninggal dunia sebelum surat diterbitkan' });
    assert.equal(c.status, 200, c.body);
    assert.equal(c.json().status, 'cancelled');
    assert.equal(c.json().number, ready!.number);
    const next = await simulateCase(t.ctx, 'kota-jambi', 'pendaftaran-awal-lks', 'main', undefined, { leaveForSigner: true });
    const [n] = await lettersOf(next.applicationId);
    assert.equal(Number(n!.number!.split('/')[1]), Number(ready!.number!.split('/')[1]) + 1, 'a cancelled number is not reused');
    const byNumber = (await api('GET', `/api/v1/letters?number=${encodeURIComponent(ready!.number!)}`, 'front-office@kota-jambi')).json().letters;
    assert.deepEqual(byNumber.map((l: { id: string }) => l.id), [ready!.id]);
    const byName = (await api('GET', `/api/v1/letters?applicant=${encodeURIComponent('ñurhaliza')}`, 'front-office@kota-jambi')).json().letters;
    assert.deepEqual(byName.map((l: { id: string }) => l.id), [letterA.id]);
    const revoked = (await api('GET', '/api/v1/letters?status=revoked', 'front-office@kota-jambi')).json().letters;
    assert.deepEqual(revoked.map((l: { id: string }) => l.id), [letterA.id]);
    const bySvc = (await api('GET', '/api/v1/letters?service=pendaftaran-awal-lks', 'front-office@kota-jambi')).json().letters;
    assert.equal(bySvc.length, 2);
    const inRange = (await api('GET', `/api/v1/letters?from=${today()}&to=${today()}`, 'front-office@kota-jambi')).json().letters;
    assert.ok(inRange.length >= 9);
    const lastYear = `${Number(today().slice(0, 4)) - 1}`;
    assert.equal((await api('GET', `/api/v1/letters?from=${lastYear}-01-01&to=${lastYear}-12-31`, 'front-office@kota-jambi')).json().letters.length, 0);
    assert.equal((await api('GET', `/api/v1/letters/${letterA.id}`, 'front-office@kota-semarang')).status, 404, "another office's letter is not found");
    assert.equal((await api('GET', '/api/v1/letters', 'front-office@kota-semarang')).json().letters.length, 0);
    const x = await api('GET', `/api/v1/letters/register.xlsx?from=${today().slice(0, 4)}-01-01&to=${today()}`, 'front-office@kota-jambi');
    assert.equal(x.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as never);
    const ws = wb.worksheets[0]!;
    assert.match(String(ws.getCell('A1').value), /AGENDA SURAT KELUAR — DINAS SOSIAL KOTA JAMBI/);
    const rows: unknown[][] = [];
    ws.eachRow((r, i) => i > 4 && rows.push((r.values as unknown[]).slice(1)));
    const numbers = rows.map((r) => String(r[1]));
    const seqs = numbers.map((s) => Number(s.split('/')[1]));
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), 'the register lists every number, in order, without gaps');
    assert.equal(rows.find((r) => r[1] === ready!.number)?.[10], 'Dibatalkan');
    assert.equal(rows.find((r) => r[1] === letterA.number)?.[10], 'Dicabut');
  });
});
