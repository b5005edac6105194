/**
 * A flood in Kota Jambi from the camat's report to the last family kit: TAGANA's assessment with its
 * position, the needs analysis and the distribution plan; 40 family kits dispatched to the incident,
 * 25 handed over in bulk to the posko and 10 per family with a victim list (one with NIK, one without;
 * a second handover to the same family is recognised), 3 returned and 2 spoiled: the reconciliation
 * ends at 0. Each handover has a numbered, signed Berita Acara Serah Terima PDF whose QR code opens
 * the public copy with the NIK masked; reading the victim list is logged.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { TEST_DB } from '../support/db.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { pdfText, qrOf } from '../support/pdf.js';

const JAMBI = 'kota-jambi';
const KEEPER = `pejabat-fungsional@${JAMBI}`;
const NIK = '1571024507880004';

describe(`logistics: a disaster incident from report to reconciliation (${TEST_DB})`, () => {
  let t: TestApp;
  const clock = new Date('2025-11-20T09:30:00Z'); // Thursday 20 November 2025, 16:30 WIB
  const { req, login } = apiClient(() => t);
  let warehouse = '';
  let kit = '';
  let incident = '';
  const handovers: { id: string; number: string }[] = [];
  before(async () => {
    t = await testApp({ now: () => clock });
    const auth = await login(KEEPER);
    warehouse = (await req('POST', '/api/v1/logistics/warehouses', { office: JAMBI, name: 'Gudang Logistik Bencana Kota Jambi', kind: 'gudang-dinas' }, auth)).json().id;
    kit = (await req('POST', '/api/v1/logistics/items', { office: JAMBI, code: 'FK-01', name: 'Family kit', unit: 'paket' }, auth)).json().id;
    const r = await req('POST', '/api/v1/logistics/movements', { warehouse, item: kit, kind: 'receipt', quantity: 100, lot: 'FK-2025-07', funding: 'apbn', condition: 'baik', handedOverBy: 'Balai Besar Logistik Kemensos' }, auth);
    assert.equal(r.status, 201, r.body);
  });
  after(async () => t.close());
  const post = async (url: string, body: unknown, user = KEEPER) => req('POST', url, body, await login(user));

  it('opens the incident from the camat’s report; TAGANA records the assessment, the officer the needs and the plan', async () => {
    const r = await post('/api/v1/logistics/incidents', {
      title: 'Banjir Kelurahan Legok',
      source: 'camat',
      reportedAt: '2025-11-20T15:10:00+07:00',
      location: { text: 'RT 07 dan RT 08 Kelurahan Legok, Kecamatan Danau Sipin', lat: -1.5902, lng: 103.5867 },
      description: 'Luapan Sungai Batanghari, 60 rumah terendam setinggi 80 cm; warga mengungsi ke Masjid Al-Ikhlas',
    });
    assert.equal(r.status, 201, r.body);
    incident = r.json().id;
    assert.equal(r.json().reportedAt, '2025-11-20T08:10:00.000Z');
    const a = await post(`/api/v1/logistics/incidents/${incident}/records`, { part: 'assessment', note: '60 KK terdampak, 212 jiwa; 14 balita dan 9 lansia; posko di Masjid Al-Ikhlas', lat: -1.5899, lng: 103.5871 }, `tagana@${JAMBI}`);
    assert.equal(a.status, 200, a.body);
    assert.equal((await post(`/api/v1/logistics/incidents/${incident}/records`, { part: 'needs', note: 'Family kit 1 paket per KK; makanan siap saji 2 hari' })).status, 200);
    const p = await post(`/api/v1/logistics/incidents/${incident}/records`, { part: 'plan', recipients: '60 KK korban banjir RT 07/08', priority: 'tinggi', when: '20 November 2025 pukul 19.00 WIB', where: 'Posko Masjid Al-Ikhlas, Legok', how: 'Sebagian melalui posko, sebagian langsung per KK', transport: 'Mobil angkutan logistik Dinsos', responsible: 'Pejabat Fungsional Penata Penanggulangan Bencana' });
    assert.equal(p.status, 200, p.body);
    assert.equal((await post(`/api/v1/logistics/incidents/${incident}/records`, { part: 'plan', recipients: 'x', priority: 'mendesak' })).status, 400, 'the plan’s fields are checked');
  });

  it('hands over only what was dispatched to the incident: nothing before the dispatch, then 25 to the posko with a numbered, QR-verifiable berita acara', async () => {
    const early = await post(`/api/v1/logistics/incidents/${incident}/handovers`, { mode: 'posko', place: 'Posko Masjid Al-Ikhlas', receivedBy: { name: 'H. Syamsul Bahri', title: 'Koordinator Posko' }, items: [{ item: kit, quantity: 25 }] });
    assert.equal(early.status, 422);
    assert.equal(early.json().error.code, 'insufficient-stock');
    const d = await post('/api/v1/logistics/movements', { warehouse, item: kit, kind: 'dispatch', quantity: 40, incident });
    assert.equal(d.status, 201, d.body);
    const h = await post(`/api/v1/logistics/incidents/${incident}/handovers`, { mode: 'posko', place: 'Posko Masjid Al-Ikhlas', receivedBy: { name: 'H. Syamsul Bahri', title: 'Koordinator Posko' }, items: [{ item: kit, quantity: 25 }] });
    assert.equal(h.status, 201, h.body);
    assert.match(h.json().number, /^400\.9\/\d{4}\/Dinsos\/2025$/);
    handovers.push(h.json());
    const pdf = await req('GET', `/api/v1/logistics/incidents/${incident}/handovers/${h.json().id}/pdf`, undefined, await login(`auditor@${JAMBI}`));
    assert.equal(pdf.status, 200);
    const { text } = await pdfText(pdf.raw);
    for (const s of ['BERITA ACARA SERAH TERIMA BANTUAN LOGISTIK', h.json().number, 'Family kit (FK-01): 25 paket', 'H. Syamsul Bahri', 'Koordinator Posko', 'PIHAK PERTAMA', 'Posko Masjid Al-Ikhlas']) assert.ok(text.includes(s), `PDF lacks "${s}": ${text.slice(0, 600)}`);
    const qr = qrOf(pdf.raw);
    assert.ok(qr && qr.includes('/logistik/berita-acara/'), String(qr));
    const pub = await req('GET', new URL(qr!).pathname);
    assert.equal(pub.status, 200);
    assert.equal(pub.headers['content-type'], 'application/pdf');
  });

  it('per family with a victim list, with and without NIK; the same family in a second handover is one victim; the public copy masks the NIK', async () => {
    const first = await post(`/api/v1/logistics/incidents/${incident}/handovers`, {
      mode: 'families',
      place: 'RT 07 Kelurahan Legok',
      receivedBy: { name: 'Rahmat Hidayat', title: 'Ketua RT 07' },
      items: [{ item: kit, quantity: 8 }],
      victims: [{ nik: NIK, name: 'Siti Aminah', village: 'Legok', familySize: 4 }, { name: 'Pak Darmawan', village: 'Legok', vulnerable: 'lansia' }],
    });
    assert.equal(first.status, 201, first.body);
    assert.deepEqual([first.json().victimsNew, first.json().victimsAgain], [2, 0]);
    const again = await post(`/api/v1/logistics/incidents/${incident}/handovers`, {
      mode: 'families',
      place: 'RT 08 Kelurahan Legok',
      receivedBy: { name: 'Rahmat Hidayat', title: 'Ketua RT 07' },
      items: [{ item: kit, quantity: 2 }],
      victims: [{ name: '  pak  DARMAWAN ', village: 'legok' }, { name: 'Nurhayati', village: 'Legok' }],
    });
    assert.equal(again.status, 201, again.body);
    assert.deepEqual([again.json().victimsNew, again.json().victimsAgain], [1, 1]);
    const pdfFull = await req('GET', `/api/v1/logistics/incidents/${incident}/handovers/${first.json().id}/pdf`, undefined, await login(KEEPER));
    assert.ok((await pdfText(pdfFull.raw)).text.includes(NIK), 'the office copy has the NIK');
    // For a person to look at (pdftoppm): SIGAP_SCREENSHOTS=dir.
    if (process.env.SIGAP_SCREENSHOTS) writeFileSync(`${process.env.SIGAP_SCREENSHOTS}/berita-acara-serah-terima.pdf`, pdfFull.raw);
    const pub = await req('GET', new URL(qrOf(pdfFull.raw)!).pathname);
    const pubText = (await pdfText(pub.raw)).text;
    assert.ok(!pubText.includes(NIK) && pubText.includes('Siti Aminah'), 'the public copy masks the NIK');
    const bad = await post(`/api/v1/logistics/incidents/${incident}/handovers`, { mode: 'families', place: 'RT 08', receivedBy: { name: 'Rahmat Hidayat' }, items: [{ item: kit, quantity: 1 }], victims: [{ nik: '12345', name: 'Salah Ketik' }] });
    assert.equal(bad.status, 422);
    assert.equal(bad.json().error.code, 'nik-invalid');
  });

  it('3 returned to the warehouse and 2 spoiled in the field: received 40 − distributed 35 − returned 3 − written off 2 = 0; the victim list read is logged', async () => {
    const over = await post('/api/v1/logistics/movements', { warehouse, item: kit, kind: 'return', quantity: 6, lot: 'FK-2025-07', incident });
    assert.equal(over.status, 422, 'only 5 are still in the field');
    assert.equal(over.json().error.code, 'return-exceeds-outstanding');
    assert.equal((await post('/api/v1/logistics/movements', { warehouse, item: kit, kind: 'return', quantity: 3, lot: 'FK-2025-07', incident })).status, 201);
    const tooMuch = await post(`/api/v1/logistics/incidents/${incident}/field-losses`, { item: kit, quantity: 3, reason: 'Terendam air di posko' });
    assert.equal(tooMuch.status, 422, 'only 2 are still in the field');
    const loss = await post(`/api/v1/logistics/incidents/${incident}/field-losses`, { item: kit, quantity: 2, reason: 'Terendam air di posko' });
    assert.equal(loss.status, 201, loss.body);
    const r = await req('GET', `/api/v1/logistics/incidents/${incident}`, undefined, await login(`kepala-bidang@${JAMBI}`));
    assert.equal(r.status, 200, r.body);
    const v = r.json();
    assert.deepEqual(v.reconciliation.map((x: Record<string, unknown>) => [x.code, x.received, x.distributed, x.returned, x.writtenOff, x.outstanding]), [['FK-01', 40, 35, 3, 2, 0]]);
    assert.deepEqual(v.victims.map((x: { name: string; handovers: number }) => [x.name, x.handovers]), [['Nurhayati', 1], ['Pak Darmawan', 2], ['Siti Aminah', 1]]);
    assert.equal(v.handovers.length, 3);
    assert.equal(v.incident.assessment.lat, -1.5899);
    assert.equal(v.incident.plan.priority, 'tinggi');
    const stock = await req('GET', `/api/v1/logistics/warehouses/${warehouse}/stock`, undefined, await login(KEEPER));
    assert.equal(stock.json()[0].onHand, 63, '100 − 40 + 3');
    const logged = await t.ctx.database.db.selectFrom('data_access_log').select(['record_kind', 'purpose']).where('record_kind', '=', 'disaster-victim').execute();
    assert.ok(logged.some((l) => l.purpose === 'aid-distribution'));
  });

  it('who may: the auditor reads but hands nothing over; TAGANA may not move stock', async () => {
    assert.equal((await post(`/api/v1/logistics/incidents/${incident}/handovers`, { mode: 'posko', place: 'Posko', receivedBy: { name: 'Siapa Saja' }, items: [{ item: kit, quantity: 1 }] }, `auditor@${JAMBI}`)).status, 403);
    assert.equal((await post('/api/v1/logistics/movements', { warehouse, item: kit, kind: 'dispatch', quantity: 1 }, `tagana@${JAMBI}`)).status, 403);
  });
});
