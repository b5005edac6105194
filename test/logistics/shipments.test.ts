/**
 * Kota Jambi's flood in Kelurahan Legok, the rest of the journey: a receipt and a write-off each issue
 * a numbered, QR-verifiable berita acara; a dispatch to the incident travels (dispatched → in transit
 * → arrived at the posko → handed over, with time, position and who) and a truck that cannot get
 * through comes back with its reason into the lots it left; the head closes the incident only when it
 * balances or with a written reason, after which every change is refused (409); a desa lumbung lets
 * goods out only once the emergency response status is declared (its gate is data).
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { pdfText, qrOf } from '../support/pdf.js';

const JAMBI = 'kota-jambi';
const KEEPER = `pejabat-fungsional@${JAMBI}`;
const HEAD = `kepala-bidang@${JAMBI}`;

describe(`logistics: shipments, receipt and write-off records, closure, the lumbung gate (${TEST_DB})`, () => {
  let t: TestApp;
  let clock = new Date('2025-11-20T09:30:00Z'); // Thursday 20 November 2025, 16:30 WIB
  const { req, login } = apiClient(() => t);
  let warehouse = '';
  let kit = '';
  let incident = '';
  let shipment = '';
  before(async () => {
    t = await testApp({ now: () => clock });
    const auth = await login(KEEPER);
    warehouse = (await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Gudang Logistik Bencana Kota Jambi', kind: 'gudang-dinas' }, auth)).json().id;
    kit = (await req('POST', '/api/v1/logistics/items', { office: JAMBI, code: 'FK-01', name: 'Family kit', unit: 'paket' }, auth)).json().id;
    incident = (await req('POST', '/api/v1/logistics/incidents', { title: 'Banjir Kelurahan Legok', source: 'camat', location: { text: 'RT 07 dan RT 08 Kelurahan Legok, Kecamatan Danau Sipin' }, description: 'Luapan Sungai Batanghari, 60 rumah terendam' }, auth)).json().id;
  });
  after(async () => t.close());
  const post = async (url: string, body: unknown, user = KEEPER) => req('POST', url, body, await login(user));
  const get = async (url: string, user = KEEPER) => req('GET', url, undefined, await login(user));
  const move = (body: Record<string, unknown>, user = KEEPER) => post('/api/v1/logistics/movements', { warehouse, item: kit, ...body }, user);
  const show = async () => (await get(`/api/v1/logistics/incidents/${incident}`, HEAD)).json();

  it('a receipt issues a numbered berita acara penerimaan on the letterhead: item, lot, expiry, quantity, condition, funding, both parties; its QR opens the signed copy', async () => {
    const r = await move({ kind: 'receipt', quantity: 100, lot: 'FK-2025-07', expiresOn: '2026-07-31', funding: 'apbn', condition: 'baik', handedOverBy: 'Balai Besar Logistik Kemensos (Ahmad Fauzi)', receivedBy: 'Hendra Saputra' });
    assert.equal(r.status, 201, r.body);
    assert.match(r.json().document.number, /^400\.9\/\d{4}\/Dinsos\/2025$/);
    const pdf = await get(`/api/v1/logistics/documents/${r.json().document.id}/pdf`, `auditor@${JAMBI}`);
    assert.equal(pdf.status, 200);
    const { text } = await pdfText(pdf.raw);
    for (const s of ['BERITA ACARA PENERIMAAN BARANG BANTUAN LOGISTIK', r.json().document.number, 'Family kit (FK-01), lot FK-2025-07, kedaluwarsa 31 Juli 2026: 100 paket', 'Balai Besar Logistik Kemensos (Ahmad Fauzi)', 'Hendra Saputra', 'Keadaan barang', 'baik', 'APBN', 'PIHAK KEDUA'])
      assert.ok(text.includes(s), `PDF lacks "${s}": ${text.slice(0, 700)}`);
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/berita-acara-penerimaan.pdf`, pdf.raw);
    const qr = qrOf(pdf.raw);
    assert.ok(qr?.includes('/logistik/berita-acara/'), String(qr));
    const pub = await req('GET', new URL(qr!).pathname);
    assert.equal(pub.status, 200);
    assert.equal(pub.headers['content-type'], 'application/pdf');
    const dispatch = await move({ kind: 'dispatch', quantity: 1 });
    assert.equal(dispatch.json().document, undefined, 'a dispatch has no berita acara of its own (the handover has)');
    assert.equal((await move({ kind: 'return', quantity: 1, lot: 'FK-2025-07', incident: undefined })).status, 422);
    // Put the test's one kit back with a counted adjustment, so the numbers below read as the story.
    assert.equal((await move({ kind: 'adjustment', quantity: 1, lot: 'FK-2025-07', reason: 'Salah keluar, dikembalikan ke rak' })).status, 201);
  });

  it('a write-off issues a berita acara penghapusan with the lot, quantity, condition, reason, the keeper and the witness', async () => {
    const w = await move({ kind: 'write-off', quantity: 2, condition: 'rusak-berat', reason: 'Kemasan robek dan basah terkena rembesan atap gudang', witness: 'Drs. Syamsul Rizal, Kepala Bidang Linjamsos' });
    assert.equal(w.status, 201, w.body);
    const { text } = await pdfText((await get(`/api/v1/logistics/documents/${w.json().document.id}/pdf`)).raw);
    for (const s of ['BERITA ACARA PENGHAPUSAN BARANG BANTUAN LOGISTIK', w.json().document.number, 'lot FK-2025-07', '2 paket', 'rusak berat', 'Kemasan robek dan basah terkena rembesan atap gudang', 'Drs. Syamsul Rizal, Kepala Bidang Linjamsos', 'Petugas gudang'])
      assert.ok(text.includes(s), `PDF lacks "${s}": ${text.slice(0, 700)}`);
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/berita-acara-penghapusan.pdf`, (await get(`/api/v1/logistics/documents/${w.json().document.id}/pdf`)).raw);
    assert.equal(w.json().onHand, 98);
    const numbers = [w.json().document.number];
    const again = await move({ kind: 'write-off', quantity: 1, reason: 'Dimakan tikus di rak bawah' });
    numbers.push(again.json().document.number);
    const seq = numbers.map((n: string) => Number(n.split('/')[1]));
    assert.equal(seq[1], seq[0]! + 1, 'numbered in the one register, nothing skipped');
    assert.equal((await move({ kind: 'dispatch', quantity: 1, condition: 'baik' })).json().error.code, 'condition-receipt-only');
  });

  it('a dispatch to the incident travels: handed over only after arrival; in transit and arrival keep time, position and who', async () => {
    const d = await move({ kind: 'dispatch', quantity: 40, incident, destination: 'Posko Masjid Al-Ikhlas, Legok' });
    assert.equal(d.status, 201, d.body);
    shipment = d.json().shipment;
    assert.ok(shipment);
    assert.equal(d.json().onHand, 57, 'stock leaves the warehouse at dispatch: 97 − 40');
    const handover = { mode: 'posko', place: 'Posko Masjid Al-Ikhlas', receivedBy: { name: 'H. Syamsul Bahri', title: 'Koordinator Posko' }, items: [{ item: kit, quantity: 40 }], shipment };
    const early = await post(`/api/v1/logistics/incidents/${incident}/handovers`, handover);
    assert.equal(early.status, 409);
    assert.equal(early.json().error.code, 'shipment-not-arrived');
    clock = new Date('2025-11-20T10:30:00Z'); // an hour later, 17:30 WIB: the keeper records the journey after the fact
    const transit = await post(`/api/v1/logistics/shipments/${shipment}/events`, { state: 'in-transit', at: '2025-11-20T16:50:00+07:00', lat: -1.6101, lng: 103.6142, note: 'Mobil angkutan logistik BH 8123 MZ berangkat' }, `tagana@${JAMBI}`);
    assert.equal(transit.status, 200, transit.body);
    const future = await post(`/api/v1/logistics/shipments/${shipment}/events`, { state: 'arrived', at: '2025-11-20T18:00:00+07:00' });
    assert.equal(future.status, 422, 'not in the future (now is 17:30 WIB)');
    assert.equal(future.json().error.code, 'at-in-future');
    const before = await post(`/api/v1/logistics/shipments/${shipment}/events`, { state: 'arrived', at: '2025-11-20T16:40:00+07:00' });
    assert.equal(before.json().error.code, 'at-before-last');
    const arrived = await post(`/api/v1/logistics/shipments/${shipment}/events`, { state: 'arrived', at: '2025-11-20T17:15:00+07:00', lat: -1.5899, lng: 103.5871, note: 'Diterima relawan posko' }, `tagana@${JAMBI}`);
    assert.equal(arrived.status, 200, arrived.body);
    assert.equal((await post(`/api/v1/logistics/shipments/${shipment}/events`, { state: 'returned', reason: 'Salah kirim' })).status, 409, 'what arrived is not returned whole');
    const h = await post(`/api/v1/logistics/incidents/${incident}/handovers`, handover);
    assert.equal(h.status, 201, h.body);
    assert.equal(h.json().caseStep, null, 'no case linked');
    const v = await show();
    const s = v.shipments.find((x: { id: string }) => x.id === shipment);
    assert.equal(s.state, 'handed-over');
    assert.equal(s.destination, 'Posko Masjid Al-Ikhlas, Legok');
    assert.deepEqual(s.events.map((e: { state: string; atLocal: string; by: string }) => [e.state, / (\d\d\.\d\d) WIB/.exec(e.atLocal)?.[1]]), [['dispatched', '16.30'], ['in-transit', '16.50'], ['arrived', '17.15'], ['handed-over', '17.30']]);
    assert.equal(s.events[1].lat, -1.6101);
    assert.ok(s.events[2].by.length > 0);
  });

  it('a truck that does not arrive comes back with its reason: the units return to the lots they left, the reconciliation counts them returned', async () => {
    const d = await move({ kind: 'dispatch', quantity: 10, incident });
    assert.equal((await post(`/api/v1/logistics/shipments/${d.json().shipment}/events`, { state: 'in-transit' })).status, 200);
    const noReason = await post(`/api/v1/logistics/shipments/${d.json().shipment}/events`, { state: 'returned' });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.json().error.problems[0].field, 'reason');
    const back = await post(`/api/v1/logistics/shipments/${d.json().shipment}/events`, { state: 'returned', reason: 'Jalan ke Legok terputus, air setinggi 1,2 meter' });
    assert.equal(back.status, 200, back.body);
    const stock = (await get(`/api/v1/logistics/warehouses/${warehouse}/stock`)).json();
    assert.equal(stock[0].onHand, 57, '57 − 10 + 10');
    const v = await show();
    assert.deepEqual(v.reconciliation.map((x: Record<string, number>) => [x.received, x.distributed, x.returned, x.writtenOff, x.outstanding]), [[50, 40, 10, 0, 0]]);
    assert.equal((await post(`/api/v1/logistics/shipments/${d.json().shipment}/events`, { state: 'arrived' })).json().error.code, 'shipment-state');
  });

  it('closing: the keeper may not; the head closes a balanced incident without a reason and gets the summary; closed refuses every change (409)', async () => {
    assert.equal((await post(`/api/v1/logistics/incidents/${incident}/close`, {})).status, 403, 'the warehouse keeper does not close');
    const late = await move({ kind: 'dispatch', quantity: 5, incident });
    assert.equal(late.status, 201);
    const refused = await post(`/api/v1/logistics/incidents/${incident}/close`, { reason: 'selesai' }, HEAD);
    assert.equal(refused.status, 422);
    assert.equal(refused.json().error.code, 'closure-reason-required');
    assert.match(refused.json().error.message, /Family kit 5 paket/);
    const lateShipment = late.json().shipment;
    assert.equal((await post(`/api/v1/logistics/shipments/${lateShipment}/events`, { state: 'returned', reason: 'Posko sudah tercukupi' })).status, 200);
    const closed = await post(`/api/v1/logistics/incidents/${incident}/close`, {}, HEAD);
    assert.equal(closed.status, 200, closed.body);
    assert.equal(closed.json().balanced, true);
    assert.equal(closed.json().reason, null);
    assert.equal(closed.json().handovers, 1);
    assert.deepEqual(closed.json().reconciliation.map((x: Record<string, number>) => [x.received, x.distributed, x.returned, x.outstanding]), [[55, 40, 15, 0]]);
    const changes = [
      await move({ kind: 'dispatch', quantity: 1, incident }),
      await post(`/api/v1/logistics/incidents/${incident}/handovers`, { mode: 'posko', place: 'Posko', receivedBy: { name: 'H. Syamsul Bahri' }, items: [{ item: kit, quantity: 1 }] }),
      await post(`/api/v1/logistics/incidents/${incident}/records`, { part: 'needs', note: 'Kebutuhan tambahan selimut' }),
      await post(`/api/v1/logistics/incidents/${incident}/field-losses`, { item: kit, quantity: 1, reason: 'Hilang di posko' }),
      await post(`/api/v1/logistics/shipments/${shipment}/events`, { state: 'in-transit' }),
      await post(`/api/v1/logistics/incidents/${incident}/close`, {}, HEAD),
    ];
    assert.deepEqual(changes.map((c) => c.status), [409, 409, 409, 409, 409, 409]);
    const v = await show();
    assert.equal(v.incident.state, 'closed');
    assert.equal(v.incident.closure.closedBy.length > 0, true);
    const audit = await t.ctx.database.db.selectFrom('audit_events').select(['action']).where('action', '=', 'logistics.incident-closed').execute();
    assert.equal(audit.length, 1);
  });

  it('an incident that does not balance closes only with a written reason, kept in the summary', async () => {
    const other = (await post('/api/v1/logistics/incidents', { title: 'Angin puting beliung Kelurahan Talang Bakung', source: 'lurah', location: { text: 'Talang Bakung, Paal Merah' }, description: '12 atap rumah rusak' })).json().id;
    assert.equal((await move({ kind: 'dispatch', quantity: 6, incident: other })).status, 201);
    const reason = 'Enam paket ditinggal di posko kelurahan sebagai cadangan; dipertanggungjawabkan lurah';
    const r = await post(`/api/v1/logistics/incidents/${other}/close`, { reason }, `kepala-dinas@${JAMBI}`);
    assert.equal(r.status, 200, r.body);
    assert.equal(r.json().balanced, false);
    assert.equal(r.json().reason, reason);
    assert.equal(r.json().reconciliation[0].outstanding, 6);
  });

  it('a desa lumbung lets goods out only to an incident with a declared emergency status, refused beside the incident; the gate is the warehouse’s data', async () => {
    const auth = await login(KEEPER);
    const lumbung = await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Lumbung Sosial Kelurahan Legok', kind: 'lumbung-desa', area: 'Legok' }, auth);
    assert.equal(lumbung.json().releaseGate, 'status-tanggap-darurat', 'a lumbung starts with the gate');
    const open = await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Lumbung Sosial Kecamatan Telanaipura', kind: 'lumbung-kecamatan', releaseGate: 'none' }, auth);
    assert.equal(open.json().releaseGate, 'none');
    const lid = lumbung.json().id;
    assert.equal((await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'receipt', quantity: 20, funding: 'apbd-kabkota', condition: 'baik', handedOverBy: 'Dinas Sosial Kota Jambi' })).status, 201);
    const fresh = (await post('/api/v1/logistics/incidents', { title: 'Banjir Kelurahan Legok gelombang kedua', source: 'rt', location: { text: 'RT 09 Legok' }, description: 'Air naik lagi, 20 rumah terendam' })).json().id;
    const bare = await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'dispatch', quantity: 5 });
    assert.equal(bare.status, 422);
    assert.deepEqual([bare.json().error.code, bare.json().error.problems[0].field], ['release-gate-closed', 'incident']);
    const undeclared = await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'dispatch', quantity: 5, incident: fresh });
    assert.equal(undeclared.json().error.code, 'release-gate-closed');
    assert.match(undeclared.json().error.message, /status tanggap darurat/);
    assert.match(undeclared.json().error.messageEn, /emergency response status/);
    const future = await post(`/api/v1/logistics/incidents/${fresh}/records`, { part: 'emergency-status', decree: 'Keputusan Wali Kota Jambi Nomor 412 Tahun 2025', declaredBy: 'Wali Kota Jambi', declaredOn: '2025-11-21' });
    assert.equal(future.json().error.code, 'declared-in-future');
    const declared = await post(`/api/v1/logistics/incidents/${fresh}/records`, { part: 'emergency-status', decree: 'Keputusan Wali Kota Jambi Nomor 412 Tahun 2025 tentang Status Tanggap Darurat Banjir', declaredBy: 'Wali Kota Jambi', declaredOn: '2025-11-20', until: '2025-12-03' });
    assert.equal(declared.status, 200, declared.body);
    const out = await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'dispatch', quantity: 5, incident: fresh });
    assert.equal(out.status, 201, out.body);
    assert.equal((await show()).incident.emergencyStatus, null, 'the first incident declared nothing');
    const writeOff = await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'write-off', quantity: 1, reason: 'Basah terendam banjir' });
    assert.equal(writeOff.status, 201, 'a write-off is not a release');
    // The gate is the warehouse's data, set by a head (the keeper may not lift it), audited.
    const gate = async (user: string, releaseGate: string) => req('PUT', `/api/v1/logistics/warehouses/${lid}/release-gate`, { releaseGate }, await login(user));
    assert.equal((await gate(KEEPER, 'none')).status, 403);
    const lifted = await gate(HEAD, 'none');
    assert.equal(lifted.status, 200, lifted.body);
    assert.equal((await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'dispatch', quantity: 1 })).status, 201, 'without the gate, no declared status is needed');
    assert.equal((await gate(HEAD, 'status-tanggap-darurat')).status, 200);
    assert.equal((await post('/api/v1/logistics/movements', { warehouse: lid, item: kit, kind: 'dispatch', quantity: 1 })).json().error.code, 'release-gate-closed');
    const audit = await t.ctx.database.db.selectFrom('audit_events').select(['detail']).where('action', '=', 'logistics.release-gate-set').execute();
    assert.equal(audit.length, 2);
  });
});

describe(`logistics: an incident serving Jambi's decreed case distribusi-logistik-bencana (${TEST_DB})`, () => {
  let t: TestApp;
  const clock = new Date('2025-11-20T09:30:00Z');
  const { req, login } = apiClient(() => t);
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t.close());
  const post = async (url: string, body: unknown, user = KEEPER) => req('POST', url, body, await login(user));

  it('opened from the case, its handover completes the case’s "Penyerahan bantuan" step, and only that; the decreed clock is the case’s own', async () => {
    const { fileCase, driveUntil } = await import('../letters/helpers.js');
    const filed = await fileCase(t.ctx, JAMBI, 'distribusi-logistik-bencana', 'Camat Danau Sipin');
    const caseRow = () => t.ctx.database.db.selectFrom('applications').selectAll().where('id', '=', filed.id).executeTakeFirstOrThrow();
    const dueBefore = (await caseRow()).due_at;
    const other = await fileCase(t.ctx, JAMBI, 'rekomendasi-pub', 'Yayasan Peduli Banjir');
    const wrong = await post('/api/v1/logistics/incidents', { title: 'Banjir Legok', source: 'camat', location: { text: 'Legok' }, description: 'Rumah terendam', case: other.registrationNumber });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json().error.code, 'case-not-disaster');
    const opened = await post('/api/v1/logistics/incidents', { title: 'Banjir Kelurahan Legok', source: 'camat', location: { text: 'RT 07 Legok' }, description: '60 rumah terendam', case: filed.registrationNumber });
    assert.equal(opened.status, 201, opened.body);
    const incident = opened.json().id;
    const twice = await post('/api/v1/logistics/incidents', { title: 'Banjir Legok lagi', source: 'camat', location: { text: 'RT 07 Legok' }, description: '60 rumah terendam', case: filed.registrationNumber });
    assert.equal(twice.status, 409, 'one incident per case');
    const auth = await login(KEEPER);
    const warehouse = (await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Gudang Bencana', kind: 'gudang-dinas' }, auth)).json().id;
    const kit = (await req('POST', '/api/v1/logistics/items', { office: JAMBI, code: 'FK-01', name: 'Family kit', unit: 'paket' }, auth)).json().id;
    await post('/api/v1/logistics/movements', { warehouse, item: kit, kind: 'receipt', quantity: 20, funding: 'apbn', condition: 'baik', handedOverBy: 'Kemensos' });
    await post('/api/v1/logistics/movements', { warehouse, item: kit, kind: 'dispatch', quantity: 20, incident });
    const handover = (n: number) => post(`/api/v1/logistics/incidents/${incident}/handovers`, { mode: 'posko', place: 'Posko Legok', receivedBy: { name: 'H. Syamsul Bahri' }, items: [{ item: kit, quantity: n }] });
    // The case still stands at its first step: the handover is made, the step is not forced.
    const early = await handover(5);
    assert.equal(early.status, 201, early.body);
    assert.equal(early.json().caseStep.completed, false);
    assert.equal(early.json().caseStep.step, 'terima-laporan');
    await driveUntil(t.ctx, filed.id, (s) => s.kind === 'deliver', JAMBI);
    assert.equal((await caseRow()).current_step, 'penyerahan-bantuan');
    const done = await handover(15);
    assert.equal(done.status, 201, done.body);
    assert.deepEqual(done.json().caseStep, { completed: true, step: 'penyerahan-bantuan' });
    const after = await caseRow();
    assert.equal(after.current_step, 'berita-acara', 'the procedure goes on to its own next step');
    assert.equal(after.due_at, dueBefore, 'the decreed clock ("1 hari") is untouched');
    const v = (await req('GET', `/api/v1/logistics/incidents/${incident}`, undefined, auth)).json();
    assert.equal(v.incident.case.registrationNumber, filed.registrationNumber);
    assert.equal(v.incident.case.service, 'distribusi-logistik-bencana');
    const second = await post('/api/v1/logistics/incidents', { title: 'Angin puting beliung', source: 'lurah', location: { text: 'Talang Bakung' }, description: 'Atap rusak' });
    const link = await post(`/api/v1/logistics/incidents/${second.json().id}/case`, { case: filed.registrationNumber });
    assert.equal(link.status, 409, 'the case already has its incident');
  });
});
