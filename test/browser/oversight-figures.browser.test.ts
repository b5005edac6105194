/**
 * The head of office of Kota Jambi in Chromium on the evaluation page of May 2026, with the clock
 * on 1 July 2026: the approved snapshot ("Angka disetujui pada … oleh …") and, since a May case
 * closed in June, the difference named (10 completed approved, 11 now); a validation finding (a lot
 * of rice below zero in the ledger) and the SKM semester reminder from the scheduled checks; the
 * decree's §8 lints; and the SIPPN catalogue downloaded as CSV. Laptop and phone, both languages,
 * axe clean, within the CSP, no sideways scrolling.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { apiClient } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { rebuildOversightCounters } from '../../src/usecases/oversight/backfill-counters.js';
import { runOversightChecks } from '../../src/usecases/oversight/run-oversight-checks.js';
import { assertSound, browserHarness, screenshotFor, watchCsp } from '../support/browser.js';
import { signInAs } from '../support/sign-in.js';
import { insertCase, JAMBI_MAY, serviceOf, wib } from '../oversight/cases.js';

describe(`the head of office sees approved figures, findings, reminders and the SIPPN export (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let now = new Date('2026-06-05T02:00:00Z');
  const { req, login } = apiClient(() => h.t);
  before(async () => {
    h = await browserHarness({ now: () => now });
    const db = h.t.database.db;
    const odgj = serviceOf(h.t.catalogue, 'kota-jambi', 'rekomendasi-penyerahan-odgj-rsj');
    let open = '';
    for (const c of JAMBI_MAY) {
      const r = await insertCase(db, odgj, c);
      if (c.status === 'open') open = r.id;
    }
    await rebuildOversightCounters(h.t.ctx, odgj.officeId);
    for (const who of ['kepala-bidang', 'kepala-dinas']) assert.equal((await req('POST', '/api/v1/oversight/approvals', { period: '2026-05' }, await login(`${who}@kota-jambi`))).status, 200);
    // The open May case closes in June: the live figures move, the approved ones stay.
    await db.updateTable('applications').set({ status: 'completed', sla_state: 'late', closed_at: wib('2026-06-03 10:00'), current_step: null }).where('id', '=', open).execute();
    await rebuildOversightCounters(h.t.ctx, odgj.officeId);
    // A dispatch recorded twice: the ledger of a lot of rice falls below zero.
    const office = odgj.officeId;
    const lot = randomUUID();
    await db.insertInto('logistics_warehouses').values({ id: 'gudang-jambi', office_id: office, name: 'Gudang Logistik Bencana Kota Jambi', kind: 'gudang', area: null, custodian: null, release_gate: 'none', created_by: 'Operator', created_at: '2026-01-05T01:00:00Z' }).execute();
    await db.insertInto('logistics_items').values({ id: 'beras-jambi', office_id: office, code: 'BRS-10', name: 'Beras 10 kg', unit: 'karung', created_by: 'Operator', created_at: '2026-01-05T01:00:00Z' }).execute();
    await db.insertInto('logistics_lots').values({ id: lot, office_id: office, warehouse_id: 'gudang-jambi', item_id: 'beras-jambi', lot_code: 'BRS-2026-05', expires_on: null, funding: 'APBD', received_at: '2026-05-02T01:00:00Z', on_hand: 0 }).execute();
    for (const [kind, quantity] of [['receipt', 20], ['dispatch', -15], ['dispatch', -15]] as const)
      await db.insertInto('logistics_movements').values({ id: randomUUID(), movement_id: randomUUID(), office_id: office, warehouse_id: 'gudang-jambi', item_id: 'beras-jambi', lot_id: lot, kind, quantity, reason: null, incident_id: null, document: null, actor_id: null, actor_name: 'Operator Gudang', at: '2026-06-20T01:00:00Z' }).execute();
    now = new Date('2026-07-01T01:00:00Z');
    assert.equal((await runOversightChecks(h.t.ctx, office)).ran, true);
  });
  after(async () => h?.close());

  for (const [width, height, lang] of [[1280, 900, 'id'], [360, 740, 'id'], [1280, 900, 'en'], [360, 740, 'en']] as const)
    it(`at ${width} px in ${lang === 'id' ? 'Bahasa Indonesia' : 'English'}`, async () => {
      const ctx = await h.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await signInAs(page, h.base, 'kepala-dinas@kota-jambi');
      await page.goto(`${h.base}/petugas/evaluasi?jenis=bulan&periode=2026-05${lang === 'en' ? '&lang=en' : ''}`);
      const approved = ((await page.getByTestId('approved-figures').textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(approved, lang === 'en' ? /Figures approved on .+ by .+\./ : /Angka disetujui pada .+ oleh .+\./);
      assert.match(approved, lang === 'en' ? /completed: approved 10, now 11/ : /selesai: disetujui 10, sekarang 11/);
      const row = page.locator('table.evaluation tbody tr', { hasText: 'Gangguan Jiwa' });
      assert.equal((await row.locator('td').nth(3).textContent())?.trim(), '10', 'the table shows the approved figure');
      const notices = ((await page.getByTestId('oversight-notices').textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(notices, lang === 'en' ? /Stock of Beras 10 kg \(lot BRS-2026-05, Gudang Logistik Bencana Kota Jambi\) in the ledger is -10 karung: below zero/ : /Stok Beras 10 kg \(lot BRS-2026-05, Gudang Logistik Bencana Kota Jambi\) menurut buku persediaan -10 karung: kurang dari nol/);
      assert.match(notices, lang === 'en' ? /Evaluation of the satisfaction survey \(SKM\) of the half-year: the period 2026-S1/ : /Evaluasi terhadap Survei Kepuasan Masyarakat \(SKM\) semester ini: periode 2026-S1/);
      const lints = (await page.locator('section[aria-labelledby="h-lint"]').textContent()) ?? '';
      assert.match(lints, /\[wrong-title\]/);
      assert.match(lints, /\[wrong-year\]/);
      await assertSound(page, `evaluation with approved figures at ${width} px (${lang})`);
      await screenshotFor(page, `figures-${width}-${lang}`);
      if (width === 1280) {
        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: lang === 'en' ? 'SIPPN catalogue (CSV)' : 'Katalog SIPPN (CSV)' }).click()]);
        assert.equal(csv.suggestedFilename(), 'standar-pelayanan-sippn-kota-jambi.csv');
        const text = await readFile((await csv.path())!, 'utf8');
        assert.ok(text.startsWith('\uFEFFNo,Nama Layanan,Dasar Hukum,Persyaratan,'));
        assert.equal(text.split('\r\n').filter((l) => /^\d+,/.test(l)).length, 20, "Jambi's twenty services");
      }
      await ctx.close();
    });
});
