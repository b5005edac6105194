/**
 * Approved figures kept as approved (issue 15 §4), Kota Jambi, May 2026: the head's approval stores
 * the figures (12 cases, 10 completed, 7 on time); when the open late case closes in June, the page
 * and the XLSX still show 10 completed and name the difference (now 11); reopening keeps the old
 * snapshot as history with its reason, and approving again stores the new figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { insertCase, JAMBI_MAY, serviceOf, wib, type ServiceRef } from './cases.js';

const JAMBI = 'kota-jambi';

describe(`approved figures as approved (${TEST_DB})`, () => {
  let t: TestApp;
  let odgj: ServiceRef;
  let openCase = '';
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => new Date('2026-06-05T02:00:00Z') });
    odgj = serviceOf(t.catalogue, JAMBI, 'rekomendasi-penyerahan-odgj-rsj');
    for (const c of JAMBI_MAY) {
      const r = await insertCase(t.database.db, odgj, c);
      if (c.status === 'open') openCase = r.id;
    }
    await rebuildOversightCounters(t.ctx, odgj.officeId);
  });
  after(async () => t.close());

  const session = async (who: string) => String((await postSignInForm(t.app, `${who}@${JAMBI}`)).headers['set-cookie']).split(';')[0]!;
  const page = async (cookie: string, lang = '') => req('GET', `/petugas/evaluasi?jenis=bulan&periode=2026-05${lang}`, undefined, { cookie });
  const snapshots = () => t.database.db.selectFrom('oversight_snapshots').selectAll().where('period', '=', '2026-05').orderBy('approved_at').execute();
  const approveMay = async () => {
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`kepala-bidang@${JAMBI}`))).status, 200);
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`kepala-dinas@${JAMBI}`))).json().locked, true);
  };

  it("the head of division's approval stores nothing; the head's lock stores May's figures as they are", async () => {
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`kepala-bidang@${JAMBI}`))).status, 200);
    assert.equal((await snapshots()).length, 0);
    assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`kepala-dinas@${JAMBI}`))).json().locked, true);
    const [s] = await snapshots();
    assert.ok(s);
    assert.equal(s.reopened_at, null);
    const ev = JSON.parse(s.figures).services.find((x: { id: string }) => x.id === odgj.serviceId).evaluation;
    assert.deepEqual([ev.cases, ev.completed, ev.onTime, ev.median, ev.p90], [12, 10, 7, 3, 5]);
    assert.equal(s.approved_at, '2026-06-05T02:00:00.000Z');
    const body = (await page(await session('kepala-dinas'))).body;
    assert.match(body, /Angka disetujui pada [^<]+ oleh /);
    assert.match(body, /Angka terkini sama dengan yang disetujui/);
    // DOMAIN.md §8's lints on Jambi's decree text are among the drafting notes.
    assert.match(body, /Undang-Undang Nomor 11 tentang Kesejahteraan Sosial dikutip bertahun 2019; tahunnya 2009 \(decree\.txt baris 534, 561, 587, 616, 644\) <span class="meta">\[wrong-year\]/);
    assert.match(body, /\[wrong-title\]/);
  });

  it('a May case closed in June moves the live figures: the page and the XLSX keep 10 completed and name the change', async () => {
    await t.database.db.updateTable('applications').set({ status: 'completed', sla_state: 'late', closed_at: wib('2026-06-03 10:00'), current_step: null }).where('id', '=', openCase).execute();
    await rebuildOversightCounters(t.ctx, odgj.officeId);
    const live = await req('GET', '/api/v1/oversight/evaluation?jenis=bulan&periode=2026-05', undefined, await login(`kepala-dinas@${JAMBI}`));
    assert.equal(live.json().services.find((x: { service: string }) => x.service === odgj.serviceId).completed, 11);
    const head = await session('kepala-dinas');
    const body = (await page(head)).body;
    assert.match(body, /aria-label="10 kasus selesai /);
    assert.match(body, /Sejak disetujui, angka terkini berubah/);
    assert.match(body, /selesai: disetujui 10, sekarang 11/);
    assert.doesNotMatch(body, /tepat waktu: disetujui/, 'the case closed late: on time did not move');
    const en = (await page(head, '&lang=en')).body;
    assert.match(en, /Figures approved on [^<]+ by /);
    assert.match(en, /completed: approved 10, now 11/);
    const api = (await req('GET', '/api/v1/oversight/approvals/figures?period=2026-05', undefined, await login(`auditor@${JAMBI}`))).json();
    assert.equal(api.current.approvedAt, '2026-06-05T02:00:00.000Z');
    assert.deepEqual(api.changes.map((c: { subject: string; field: string; approved: number; now: number }) => [c.subject, c.field, c.approved, c.now]), [[odgj.serviceId, 'completed', 10, 11]]);
    assert.equal((await req('GET', '/api/v1/oversight/approvals/figures?period=2026-5', undefined, await login(`auditor@${JAMBI}`))).status, 422);
    const x = await req('GET', '/petugas/evaluasi/laporan.xlsx?jenis=bulan&periode=2026-05', undefined, { cookie: head });
    assert.equal(x.status, 200);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    assert.match(String(ws.getCell('A3').value), /^Angka disetujui pada .+ Sejak disetujui, angka terkini berubah: .*selesai 10 → 11/);
    const row = ws.getRows(1, ws.rowCount)!.find((r) => String(r.getCell(2).value).includes('Penyerahan OGDJ'));
    assert.ok(row, 'the ODGJ service row (the decree spells it OGDJ)');
    assert.deepEqual([row.getCell(4).value, row.getCell(5).value], ['12', '10'], 'the XLSX shows 10 completed, as approved');
  });

  it('reopening keeps the old snapshot as history with its reason; approving again stores the new figures', async () => {
    const reason = 'Satu kasus Mei selesai pada Juni; angka Mei perlu disetujui ulang';
    assert.equal((await req('POST', '/api/v1/oversight/approvals/reopen', { period: '2026-05', reason }, await login(`kepala-dinas@${JAMBI}`))).status, 200);
    const [old] = await snapshots();
    assert.equal(old!.reopen_reason, reason);
    assert.ok(old!.reopened_at);
    const head = await session('kepala-dinas');
    const open = (await page(head)).body;
    assert.match(open, /aria-label="11 kasus selesai /);
    assert.match(open, /Persetujuan sebelumnya yang dibuka kembali \(1\)/);
    assert.ok(open.includes(reason));
    await approveMay();
    const all = await snapshots();
    assert.equal(all.length, 2);
    assert.equal(JSON.parse(all[1]!.figures).services.find((x: { id: string }) => x.id === odgj.serviceId).evaluation.completed, 11);
    assert.match((await page(head)).body, /Angka terkini sama dengan yang disetujui/);
  });
});
