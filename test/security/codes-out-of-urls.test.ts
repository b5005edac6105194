/**
 * Tracking codes stay out of URLs (issue 12): the citizen types number and code into a form that is
 * POSTed; every redirect and every link of the tracking, receipt, letter and complaint pages is
 * code-free, the code travelling in a short-lived, signed, HttpOnly, SameSite=Strict cookie bound
 * to one case. Old links that carry `?code=` work once and redirect to the code-free URL; a browser
 * without the cookie (or with one edited or for another case) is asked for the code again.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { testApp, type TestApp } from '../support/app.js';
import { cookieOf } from '../support/tracking.js';
import { newComplaint } from '../support/factories.js';
import { fileCase } from '../letters/helpers.js';

type Res = { statusCode: number; headers: Record<string, unknown>; body: string };

/** Every URL a response hands the browser: its Location, and every href, src and form action in it. */
const urlsOf = (r: Res) => [String(r.headers.location ?? ''), ...[...r.body.matchAll(/(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))].filter(Boolean);
const assertCodeFree = (r: Res, code: string, what: string) => {
  const leaking = urlsOf(r).filter((u) => u.toUpperCase().includes(code.toUpperCase()));
  assert.deepEqual(leaking, [], `${what}: no URL carries the tracking code`);
};

describe(`tracking codes out of URLs (${TEST_DB})`, () => {
  let t: TestApp;
  let kase: { id: string; registrationNumber: string; trackingCode: string };
  let other: { id: string; registrationNumber: string; trackingCode: string };
  before(async () => {
    t = await testApp();
    kase = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Nurhayati');
    other = await fileCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'Yusuf Maulana');
  });
  after(async () => t.close());

  const get = (url: string, cookie = '') => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }) as unknown as Promise<Res>;
  const form = (url: string, fields: Record<string, string>, cookie = '') =>
    t.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) } }) as unknown as Promise<Res>;

  it('tracks a case by a POSTed form: the redirect and the tracking page carry no code; the cookie is bound, short-lived and unreadable to scripts', async () => {
    const posted = await form('/lacak?lang=en', { nomor: kase.registrationNumber.toLowerCase(), code: kase.trackingCode });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `/lacak/${kase.registrationNumber}?lang=en`);
    assertCodeFree(posted, kase.trackingCode, 'the redirect');
    const setCookie = String(posted.headers['set-cookie']);
    assert.match(setCookie, /^sigap_lacak=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    assert.match(setCookie, /Path=\/lacak/);
    assert.doesNotMatch(setCookie, /Max-Age|Expires/, 'a browser-session cookie; the signed expiry inside bounds it to 30 minutes');
    const cookie = cookieOf(posted.headers['set-cookie']);
    const page = await get(String(posted.headers.location), cookie);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-testid="status"/);
    assertCodeFree(page, kase.trackingCode, 'the tracking page');
    // The receipt, reached code-free, shows the code to be written down.
    const receipt = await get(`/lacak/${kase.registrationNumber}/tanda-terima`, cookie);
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, new RegExp(`data-testid="tracking-code">${kase.trackingCode}<`));
    assertCodeFree(receipt, kase.trackingCode, 'the receipt');
    // A wrong code: the same answer as an unknown number, and no cookie.
    const wrong = await form('/lacak', { nomor: kase.registrationNumber, code: 'ZZZZ2222' });
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.headers['set-cookie'], undefined);
  });

  it('asks again for the code without the cookie, with a cookie for another case, or with an edited one', async () => {
    const cookie = cookieOf((await form('/lacak', { nomor: kase.registrationNumber, code: kase.trackingCode })).headers['set-cookie'] as string);
    for (const [what, c] of [
      ['no cookie', ''],
      ['another case’s cookie', cookieOf((await form('/lacak', { nomor: other.registrationNumber, code: other.trackingCode })).headers['set-cookie'] as string)],
      ['an edited cookie', cookie.replace(/^(sigap_lacak=)(.)/, (_, a: string, b: string) => a + (b === 'A' ? 'B' : 'A'))],
      ['a cookie with another case’s number spliced in', cookie.replace(/^sigap_lacak=[^.]+/, `sigap_lacak=${Buffer.from(JSON.stringify({ k: 'application', n: other.registrationNumber, c: other.trackingCode, e: Date.now() + 60_000 })).toString('base64url')}`)],
    ] as const) {
      const r = await get(`/lacak/${kase.registrationNumber}`, c);
      assert.equal(r.statusCode, 200, what);
      assert.match(r.body, /Masukkan kode pelacakan dari tanda terima/, what);
      assert.doesNotMatch(r.body, /data-testid="status"/, `${what}: nothing of the case is shown`);
      assert.match(r.body, new RegExp(`name="nomor"[^>]*value="${kase.registrationNumber}"`), `${what}: the number is filled in`);
    }
    assert.match((await get(`/lacak/${kase.registrationNumber}/tanda-terima`)).body, /Masukkan kode pelacakan/, 'the receipt too');
    assert.equal((await get(`/lacak/${kase.registrationNumber}/surat/00000000-0000-0000-0000-000000000000`)).statusCode, 404, 'and no letter');
  });

  it('keeps old links working once: ?code= sets the cookie and redirects to the code-free URL', async () => {
    for (const [old, to] of [
      [`/lacak/${kase.registrationNumber}?code=${kase.trackingCode}`, `/lacak/${kase.registrationNumber}`],
      [`/lacak/${kase.registrationNumber}?code=${kase.trackingCode.toLowerCase()}&lang=en`, `/lacak/${kase.registrationNumber}?lang=en`],
      [`/lacak/${kase.registrationNumber}/tanda-terima?code=${kase.trackingCode}`, `/lacak/${kase.registrationNumber}/tanda-terima`],
      [`/lacak?nomor=${kase.registrationNumber}&code=${kase.trackingCode}`, `/lacak/${kase.registrationNumber}`],
    ]) {
      const r = await get(old!);
      assert.equal(r.statusCode, 303, old);
      assert.equal(r.headers.location, to, old);
      const page = await get(to!, cookieOf(r.headers['set-cookie'] as string));
      assert.equal(page.statusCode, 200, old);
      assert.ok(/data-testid="status"|data-testid="receipt"/.test(page.body), `${old} opens the case`);
    }
    assert.equal((await get(`/lacak/${kase.registrationNumber}?code=ZZZZ2222`)).statusCode, 404, 'an old link with a wrong code opens nothing');
    const oldForm = await get(`/lacak?nomor=${kase.registrationNumber}&code=ZZZZ2222`);
    assert.equal(oldForm.headers.location, `/lacak/${kase.registrationNumber}`, 'the old GET form leaves the code-bearing URL even with a wrong code');
    assert.equal(oldForm.headers['set-cookie'], undefined, 'and remembers nothing');
  });

  it('withdraws from the tracking page: the form carries the code in its body, the redirect does not', async () => {
    const cookie = cookieOf((await form('/lacak', { nomor: other.registrationNumber, code: other.trackingCode })).headers['set-cookie'] as string);
    const r = await form(`/lacak/${other.registrationNumber}/batal`, { code: other.trackingCode, confirm: 'true', reason: 'Sudah mendapat bantuan dari program lain' }, cookie);
    assert.equal(r.statusCode, 303, r.body.slice(0, 300));
    assertCodeFree(r, other.trackingCode, 'the redirect after withdrawing');
    const page = await get(String(r.headers.location), cookieOf(r.headers['set-cookie'] as string) || cookie);
    assert.equal(page.statusCode, 200);
    assertCodeFree(page, other.trackingCode, 'the tracking page after withdrawing');
  });

  it('complaints: the receipt links code-free, tracking is a POSTed form, actions redirect code-free, old links redirect once', async () => {
    const filed = await form('/kantor/kota-banjarmasin/pengaduan', { mode: 'anonymous', type: 'pengaduan', text: 'Antrean loket santunan kematian tidak tertib dan petugas datang terlambat pada hari Senin.' });
    assert.equal(filed.statusCode, 201, filed.body.slice(0, 500));
    const code = /data-testid="tracking-code">([A-Z0-9]{8})</.exec(filed.body)?.[1];
    const receipt = /data-testid="receipt-number">([^<]+)</.exec(filed.body)?.[1];
    assert.ok(code && receipt, 'the receipt shows number and code');
    assertCodeFree(filed, code!, 'the complaint receipt');
    const fromReceipt = cookieOf(filed.headers['set-cookie'] as string);
    assert.match(String(filed.headers['set-cookie']), /^sigap_adu=.*HttpOnly.*SameSite=Strict/);
    const viaReceipt = await get(`/pengaduan/${receipt}`, fromReceipt);
    assert.equal(viaReceipt.statusCode, 200);
    assert.match(viaReceipt.body, /Antrean loket santunan kematian/);
    assertCodeFree(viaReceipt, code!, 'the complaint page');

    const posted = await form('/pengaduan', { nomor: receipt!.toLowerCase(), code: code! });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `/pengaduan/${receipt}`);
    const cookie = cookieOf(posted.headers['set-cookie'] as string);
    const info = await form(`/pengaduan/${receipt}/informasi`, { code: code!, text: 'Kejadian berulang pada Senin berikutnya, 13 April 2026, sekitar pukul 09.00.' }, cookie);
    assert.equal(info.statusCode, 303, info.body.slice(0, 300));
    assert.equal(info.headers.location, `/pengaduan/${receipt}?ok=info`);
    assert.match((await get(String(info.headers.location), cookie)).body, /Informasi tambahan terkirim/);

    assert.match((await get(`/pengaduan/${receipt}`)).body, /Masukkan kode pelacakan dari tanda terima untuk melihat pengaduan ini/, 'no cookie: asked again');
    const old = await get(`/pengaduan/${receipt}?code=${code}`);
    assert.equal(old.statusCode, 303);
    assert.equal(old.headers.location, `/pengaduan/${receipt}`);
    assert.equal((await get(`/pengaduan?nomor=${receipt}&code=${code}`)).headers.location, `/pengaduan/${receipt}`);
    assert.equal((await get(`/pengaduan/${receipt}?code=ZZZZ2222`)).statusCode, 404);
    // An application's cookie opens no complaint, and the other way round (kind and path are bound).
    assert.match((await get(`/pengaduan/${receipt}`, cookie.replace('sigap_adu', 'sigap_lacak'))).body, /Masukkan kode pelacakan/);
  });

  it('the JSON API reads a status with the code in the body too (the GET with ?code= stays for integrations)', async () => {
    const post = (url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as never });
    const a = await post(`/api/v1/applications/${kase.registrationNumber}/status`, { code: kase.trackingCode });
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(a.json().registrationNumber, kase.registrationNumber);
    assert.equal((await post(`/api/v1/applications/${kase.registrationNumber}/status`, { code: 'ZZZZ2222' })).statusCode, 404);
    const c = await newComplaint(t.ctx, { office: 'kota-banjarmasin', text: 'Bantuan sembako di kelurahan Kuin Utara dibagikan tidak merata.' });
    const s = await post(`/api/v1/complaints/${c.receiptNumber}/status`, { code: c.trackingCode });
    assert.equal(s.statusCode, 200, s.body);
    assert.equal((await post(`/api/v1/complaints/${c.receiptNumber}/status`, { code: 'ZZZZ2222' })).statusCode, 404);
  });

  it('complaint filed at the counter via the use case: old link works once', async () => {
    const c = await newComplaint(t.ctx, { office: 'kota-banjarmasin', text: 'Lampu jalan di depan rumah singgah padam sejak seminggu.' });
    const r = await get(`/pengaduan/${c.receiptNumber}?code=${c.trackingCode}&lang=en`);
    assert.equal(r.headers.location, `/pengaduan/${c.receiptNumber}?lang=en`);
    assert.equal((await get(String(r.headers.location), cookieOf(r.headers['set-cookie'] as string))).statusCode, 200);
  });
});
