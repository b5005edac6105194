/**
 * Approved figures (issue 15 §4), Kabupaten Kutai Kartanegara: May 2026 moves up the chain the
 * office's roles give (kepala-bidang → kepala-dinas), is locked by the head, refuses a back-dated
 * entry in the SPM needs register, and opens again only with the head's written reason, audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';

const KUKAR = 'kabupaten-kutai-kartanegara';

describe(`approved figures (${TEST_DB})`, () => {
  let t: TestApp;
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => new Date('2026-06-15T02:00:00Z') });
  });
  after(async () => t.close());
  const need = (assessedOn: string, nik: string) => ({ year: 2026, indicator: 'rehsos-lansia', nik, name: 'Siti Rahmah', assessedOn });

  it('May 2026: the head of division first, then the head, who locks it; out of turn and twice are refused', async () => {
    const kabid = await login(`kepala-bidang@${KUKAR}`);
    const head = await login(`kepala-dinas@${KUKAR}`);
    const early = await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, head);
    assert.equal(early.status, 403);
    assert.match(early.body, /Persetujuan berikutnya adalah wewenang kepala-bidang/);
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`front-office@${KUKAR}`))).status, 403);
    const first = await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, kabid);
    assert.equal(first.status, 200, first.body);
    assert.deepEqual([first.json().chain, first.json().step, first.json().locked], [['kepala-bidang', 'kepala-dinas'], 1, false]);
    const locked = await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, head);
    assert.deepEqual([locked.json().step, locked.json().locked], [2, true]);
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, head)).status, 409);
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-5' }, head)).status, 422);
    const seen = await req('GET', '/api/v1/oversight/approvals?period=2026-05', undefined, await login(`auditor@${KUKAR}`));
    assert.equal(seen.json().locked, true);
  });

  it('the approved month refuses a back-dated change; June does not', async () => {
    const head = await login(`kepala-dinas@${KUKAR}`);
    const may = await req('POST', '/api/v1/spm/needs', need('2026-05-10', '6402015507800001'), head);
    assert.equal(may.status, 409);
    assert.equal(may.json().error.problems[0].field, 'assessedOn');
    assert.match(may.body, /Angka 2026-05 sudah disetujui dan dikunci/);
    assert.equal((await req('POST', '/api/v1/spm/needs', need('2026-06-02', '6402015507800002'), head)).status, 201);
  });

  it('reopening needs the head and a written reason, is audited, and lets the change in', async () => {
    const head = await login(`kepala-dinas@${KUKAR}`);
    assert.equal((await req('POST', '/api/v1/oversight/approvals/reopen', { period: '2026-05', reason: 'Salah ketik' }, await login(`kepala-bidang@${KUKAR}`))).status, 403);
    const short = await req('POST', '/api/v1/oversight/approvals/reopen', { period: '2026-05', reason: 'salah' }, head);
    assert.equal(short.status, 422);
    assert.equal(short.json().error.problems[0].field, 'reason');
    const reason = 'Asesmen lansia Desa Loa Ipuh tertinggal dari rekap Mei';
    const open = await req('POST', '/api/v1/oversight/approvals/reopen', { period: '2026-05', reason }, head);
    assert.equal(open.status, 200, open.body);
    assert.deepEqual([open.json().step, open.json().locked], [0, false]);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'subject', 'detail']).where('subject', '=', 'figures:2026-05').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['oversight.approve', 'oversight.approve', 'oversight.reopen']);
    assert.equal(JSON.parse(audit[2]!.detail).reason, reason);
    assert.equal((await req('POST', '/api/v1/spm/needs', need('2026-05-10', '6402015507800001'), head)).status, 201);
    // The chain starts again from the head of division.
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`kepala-bidang@${KUKAR}`))).json().step, 1);
  });

  it('on the evaluation page: each level approves with a button in turn, the head reopens with a reason beside its field', async () => {
    const session = async (who: string) => String((await postSignInForm(t.app, `${who}@${KUKAR}`)).headers['set-cookie']).split(';')[0]!;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const page = async (cookie: string) => req('GET', '/petugas/evaluasi?jenis=bulan&periode=2026-04', undefined, { cookie });
    const csrf = (body: string) => encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec(body)![1]!);
    const kabid = await session('kepala-bidang');
    const first = await page(kabid);
    assert.match(first.body, /Menunggu persetujuan Kepala Bidang/);
    assert.match(first.body, /Setujui angka 2026-04 sebagai Kepala Bidang/);
    const ok = await req('POST', '/petugas/evaluasi/persetujuan', `_csrf=${csrf(first.body)}&period=2026-04`, { cookie: kabid, ...form });
    assert.equal(ok.status, 303);
    const head = await session('kepala-dinas');
    const second = await page(head);
    assert.match(second.body, /Setujui angka 2026-04 sebagai Kepala Dinas/);
    await req('POST', '/petugas/evaluasi/persetujuan', `_csrf=${csrf(second.body)}&period=2026-04`, { cookie: head, ...form });
    const locked = await page(head);
    assert.match(locked.body, /Angka 2026-04 disetujui dan dikunci/);
    const refused = await req('POST', '/petugas/evaluasi/buka-kembali', `_csrf=${csrf(locked.body)}&period=2026-04&reason=`, { cookie: head, ...form });
    assert.equal(refused.status, 422);
    assert.match(refused.body, /<p class="field-error" id="[^"]*">Tulis alasan membuka kembali/);
  });
});
