/**
 * The oversight's scheduled checks (issue 15 §1/§4). Kabupaten Kutai Kartanegara: a sound office
 * (SPM 1 served of 2 needing, a shelter with 2 beds and 1 resident, a lot of 10 with 4 dispatched)
 * raises no finding; then 3 served of 2, 3 residents on 2 beds and 10 more dispatched than received
 * each raise one finding, audited and shown on the oversight page; the same breach the next day is
 * not told again; a day is claimed once across processes. Kota Semarang ("minimal 3 (tiga) bulan
 * sekali"): on 30 June the Q1 evaluation is due, on 1 July the Q2 one; Kota Jambi's SKM every semester.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { apiClient, postSignInForm, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { runOversightChecks } from '../../src/usecases/oversight/run-oversight-checks.js';
import { insertCase, serviceOf, wita } from './cases.js';

const KUKAR = 'kabupaten-kutai-kartanegara';
const nik = (i: number) => `640201${String(5507810000 + i).padStart(10, '0')}`;

describe(`scheduled validation rules and evaluation reminders (${TEST_DB})`, () => {
  let t: TestApp;
  let now = new Date('2026-06-28T01:00:00Z');
  let kukar = '';
  const shelter = randomUUID();
  const lot = randomUUID();
  const { req, login } = apiClient(() => t);
  const officeId = (slug: string) => {
    const o = t.catalogue.findOffice(slug);
    assert.ok(o.ok);
    return o.value.id;
  };
  const served = async (i: number) => {
    const bencana = serviceOf(t.catalogue, KUKAR, 'bantuan-korban-bencana');
    const c = await insertCase(t.database.db, bencana, { submitted: wita('2026-03-02 08:00'), started: wita('2026-03-02 08:00'), closed: wita('2026-03-02 15:00'), due: null, status: 'completed', sla: 'closed' });
    await t.database.db.updateTable('applications').set({ applicant_nik: nik(i), end_id: 'selesai' }).where('id', '=', c.id).execute();
  };
  const resident = async (name: string) =>
    t.database.db
      .insertInto('shelter_stays')
      .values({ id: randomUUID(), office_id: kukar, shelter_id: shelter, state: 'in-residence', source: 'walk-in', emergency_report_id: null, requester: null, client_name: name, client_sex: 'female', client_category: 'lansia', client_nik: null, client_birth_date: null, intake_at: '2026-06-01T01:00:00Z', decision: null, referred_to: null, bed_id: null, checked_in_at: '2026-06-01T02:00:00Z', override_reason: null, belongings: '[]', terminated_at: null, termination: null, handover_number: null, handover_token: null, handover_sha256: null, version: 1 })
      .execute();
  const move = async (kind: string, quantity: number) =>
    t.database.db
      .insertInto('logistics_movements')
      .values({ id: randomUUID(), movement_id: randomUUID(), office_id: kukar, warehouse_id: 'gudang-tenggarong', item_id: 'item-beras', lot_id: lot, kind, quantity, reason: null, incident_id: null, document: null, actor_id: null, actor_name: 'Operator Gudang', at: '2026-06-10T01:00:00Z' })
      .execute();
  const notices = (office: string) => t.database.db.selectFrom('oversight_notices').selectAll().where('office_id', '=', office).orderBy('rule').orderBy('period').execute();

  before(async () => {
    t = await testApp({ now: () => now });
    kukar = officeId(KUKAR);
    const head = await login(`kepala-dinas@${KUKAR}`);
    for (const i of [1, 2]) assert.equal((await req('POST', '/api/v1/spm/needs', { year: 2026, indicator: 'linjamsos-bencana', nik: nik(i), name: `Warga Terdampak ${i}`, assessedOn: '2026-01-15' }, head)).status, 201);
    await served(1);
    const db = t.database.db;
    await db.insertInto('shelters').values({ id: shelter, office_id: kukar, name: 'Rumah Singgah Tenggarong', address: 'Jl. Wolter Monginsidi, Tenggarong', created_by: 'Kepala Bidang', created_at: '2026-01-05T01:00:00Z' }).execute();
    for (const label of ['A1', 'A2']) await db.insertInto('shelter_beds').values({ id: randomUUID(), shelter_id: shelter, office_id: kukar, room: 'Kamar A', label, sex: 'any', category: 'umum', position: 1 }).execute();
    await resident('Siti Aminah');
    await db.insertInto('logistics_warehouses').values({ id: 'gudang-tenggarong', office_id: kukar, name: 'Gudang Logistik Tenggarong', kind: 'gudang', area: null, custodian: null, release_gate: 'none', created_by: 'Operator', created_at: '2026-01-05T01:00:00Z' }).execute();
    await db.insertInto('logistics_items').values({ id: 'item-beras', office_id: kukar, code: 'BRS-5', name: 'Beras 5 kg', unit: 'karung', created_by: 'Operator', created_at: '2026-01-05T01:00:00Z' }).execute();
    await db.insertInto('logistics_lots').values({ id: lot, office_id: kukar, warehouse_id: 'gudang-tenggarong', item_id: 'item-beras', lot_code: 'BRS-2026-06', expires_on: null, funding: 'APBD', received_at: '2026-06-01T01:00:00Z', on_hand: 6 }).execute();
    await move('receipt', 10);
    await move('dispatch', -4);
  });
  after(async () => t.close());

  it('a sound office raises no finding (its yearly review reminder aside)', async () => {
    assert.deepEqual(await runOversightChecks(t.ctx, kukar), { ran: true, told: 1 });
    const rows = await notices(kukar);
    assert.deepEqual(rows.map((n) => [n.kind, n.rule, n.period]), [['reminder', 'reminder:tinjauan-tahunan', '2025']]);
  });

  it('each broken rule raises one finding, told once, audited; the same day is not run twice', async () => {
    await served(2);
    await served(3);
    await resident('Rahmat Hidayat');
    await resident('Nur Aisyah');
    await move('dispatch', -10);
    assert.deepEqual(await runOversightChecks(t.ctx, kukar), { ran: false, told: 0 }, 'the day is already claimed');
    now = new Date('2026-06-29T01:00:00Z');
    assert.deepEqual(await runOversightChecks(t.ctx, kukar), { ran: true, told: 3 });
    const found = (await notices(kukar)).filter((n) => n.kind === 'finding' && n.found_at.startsWith('2026-06-29'));
    assert.deepEqual(found.map((n) => [n.rule, n.period, n.subject]), [
      ['shelter-occupancy-le-capacity', '2026-06', shelter],
      ['spm-served-le-needing', '2026', 'linjamsos-bencana'],
      ['stock-ge-0', '2026-06', lot],
    ]);
    const text = found.map((n) => JSON.parse(n.detail).id).join('\n');
    assert.match(text, /Rumah singgah Rumah Singgah Tenggarong: 3 klien tinggal, tempat tidur tercatat 2/);
    assert.match(text, /terlayani 3 orang melebihi yang membutuhkan 2 orang/);
    assert.match(text, /Stok Beras 5 kg \(lot BRS-2026-06, Gudang Logistik Tenggarong\) menurut buku persediaan -4 karung: kurang dari nol/);
    assert.deepEqual(JSON.parse(found[2]!.roles), ['kepala-dinas', 'kepala-bidang', 'operator'], 'the roles this office declares among those who record stock');
    // The next day the same breaches are still there: checked again, told again to nobody.
    now = new Date('2026-06-30T01:00:00Z');
    assert.deepEqual(await runOversightChecks(t.ctx, kukar), { ran: true, told: 0 });
    // A new month: a shelter or a lot still in breach is told once more (the SPM finding is the year's).
    now = new Date('2026-07-01T01:00:00Z');
    assert.deepEqual(await runOversightChecks(t.ctx, kukar), { ran: true, told: 2 });
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('office_id', '=', kukar).where('action', 'like', 'oversight.%').execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['oversight.finding', 'oversight.finding', 'oversight.finding', 'oversight.finding', 'oversight.finding', 'oversight.reminder']);
  });

  it('two processes asking for the same office and day: one runs', async () => {
    now = new Date('2026-07-02T01:00:00Z');
    const runs = await Promise.all([runOversightChecks(t.ctx, kukar), runOversightChecks(t.ctx, kukar)]);
    assert.deepEqual(runs.map((r) => r.ran).sort(), [false, true]);
  });

  it('Kota Semarang: with the clock on 30 June the Q1 evaluation is due, on 1 July the Q2 one; Jambi: its SKM semester', async () => {
    const smg = officeId('kota-semarang');
    const jmb = officeId('kota-jambi');
    now = new Date('2026-06-29T17:30:00Z'); // 30 June, 00:30 WIB
    await runOversightChecks(t.ctx, smg);
    await runOversightChecks(t.ctx, jmb);
    assert.deepEqual((await notices(smg)).map((n) => [n.rule, n.period]), [['reminder:evaluasi-internal', '2026-Q1'], ['reminder:tinjauan-tahunan', '2025']]);
    assert.deepEqual((await notices(jmb)).map((n) => [n.rule, n.period]), [['reminder:evaluasi-skm-semester', '2025-S2'], ['reminder:tinjauan-tahunan', '2025']]);
    now = new Date('2026-06-30T17:00:00Z'); // 1 July, 00:00 WIB: the due date
    assert.deepEqual(await runOversightChecks(t.ctx, smg), { ran: true, told: 1 });
    await runOversightChecks(t.ctx, jmb);
    const q2 = (await notices(smg)).find((n) => n.period === '2026-Q2')!;
    assert.equal(JSON.parse(q2.detail).id, 'Evaluasi internal dipimpin oleh Kepala Dinas (minimal 3 bulan sekali): periode 2026-Q2 (2026-04-01 – 2026-06-30) sudah berakhir, jatuh tempo 2026-07-01.');
    assert.deepEqual(JSON.parse(q2.roles), ['kepala-dinas', 'kepala-bidang']);
    assert.ok((await notices(jmb)).some((n) => n.period === '2026-S1'));
  });

  it('the oversight page lists the findings and the reminders, in both languages', async () => {
    const cookie = String((await postSignInForm(t.app, `kepala-dinas@${KUKAR}`)).headers['set-cookie']).split(';')[0]!;
    const id = await req('GET', '/petugas/evaluasi', undefined, { cookie });
    assert.equal(id.status, 200);
    assert.match(id.body, /<h2 id="h-notices">Pemeriksaan terjadwal<\/h2>/);
    assert.match(id.body, /terlayani 3 orang melebihi yang membutuhkan 2 orang/);
    assert.match(id.body, /Tinjauan tahunan standar pelayanan[^:]*: periode 2025/);
    const en = await req('GET', '/petugas/evaluasi?lang=en', undefined, { cookie });
    assert.match(en.body, /Stock of Beras 5 kg \(lot BRS-2026-06, Gudang Logistik Tenggarong\) in the ledger is -4 karung: below zero/);
    assert.match(en.body, /Yearly review of the service standard/);
    // The JSON twin, for the head and the auditor; not for a clerk.
    const api = await req('GET', '/api/v1/oversight/notices', undefined, await login(`auditor@${KUKAR}`));
    assert.equal(api.status, 200, api.body);
    const list = api.json().notices as { kind: string; rule: string; period: string; text: { id: string } }[];
    assert.deepEqual(list.filter((n) => n.kind === 'finding').map((n) => n.rule).sort(), ['shelter-occupancy-le-capacity', 'shelter-occupancy-le-capacity', 'spm-served-le-needing', 'stock-ge-0', 'stock-ge-0']);
    assert.equal((await req('GET', '/api/v1/oversight/notices', undefined, await login(`front-office@${KUKAR}`))).status, 403);
  });
});
