/**
 * Kutai Kartanegara's bantuan permakanan delivered in kind, closed, and seen from the self-check, over
 * HTTP on a real database: three lansia decreed by the head of office's SK, six deliveries "setiap 2
 * bulan sekali"; the field worker's delivery at each address is refused beside its field without the
 * decree's condition check ("2. Bantuan permakanan yang diserahkan dalam kondisi baik, tidak cacat
 * dan tidak kadaluwarsa;"), without the relation of a receiver who is not the recipient, with an
 * unknown photo, or a failure without its reason; two delivered (one to a daughter, with position and
 * photo) and one failed make the cycle delivered with 2 + 1 + 0 = 3; the head closes it writing off
 * the failure with a reason, and a closed cycle refuses further changes (409). The citizen's
 * self-check then names the next delivery month (2026-03, then 2026-05 in April). Every act audited.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { staleUnattachedUploads } from '../../src/db/applications-repo.js';
import { cyclesOf } from '../../src/db/programme-cycles-repo.js';
import { candidatesOfRound } from '../../src/db/programmes-repo.js';
import { addCandidate } from '../../src/usecases/programmes/add-candidate.js';
import { approveCycle } from '../../src/usecases/programmes/approve-cycle.js';
import { generateCycles } from '../../src/usecases/programmes/generate-cycles.js';
import { issueDecree } from '../../src/usecases/programmes/issue-decree.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { multipartBody, PNG_1X1 } from '../support/fixtures.js';
import { extract, importAs, row, staffActor, writeCsv } from '../registry/support.js';

const OFFICE = 'kabupaten-kutai-kartanegara';
const SLUG = 'bantuan-permakanan';
const KUKAR = { provinsi: 'KALIMANTAN TIMUR', kota: 'KABUPATEN KUTAI KARTANEGARA', kecamatan: 'TENGGARONG', kelurahan: 'MANGKURAWANG', alamat: 'JL. PATIN NO. 7' };
const LANSIA = [
  { nik: '6403026107480002', kk: '6403021503090021', nama: 'SARIPAH', tanggal_lahir: '1948-07-21', jenis_kelamin: 'P', pkh: '0', bpnt: '0' },
  { nik: '6403020403460001', kk: '6403021503090022', nama: 'ABDUL GANI', tanggal_lahir: '1946-03-04', jenis_kelamin: 'L', pkh: '0', bpnt: '0' },
  { nik: '6403024408490005', kk: '6403021503090023', nama: 'JUMRAH', tanggal_lahir: '1949-08-04', jenis_kelamin: 'P', pkh: '0', bpnt: '0' },
];
const CONDITION = '2. Bantuan permakanan yang diserahkan dalam kondisi baik, tidak cacat dan tidak kadaluwarsa;';
const BOTH = ['kondisi-baik', 'jumlah-cukup'];

describe(`programme deliveries in kind, closing, and the self-check's next cycle (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  let clock = new Date('2026-01-05T02:00:00Z');
  let cycle: string;
  let recipients: { id: string; name: string }[];
  before(async () => {
    t = await testApp({ now: () => clock });
    dir = mkdtempSync(join(tmpdir(), 'sigap-deliveries-'));
    const file = join(dir, 'dtks.csv');
    writeCsv(file, extract(OFFICE, 20, LANSIA.map((p) => row({ ...KUKAR, ...p }))));
    assert.ok((await importAs(t, file, OFFICE, { period: '2026-01' })).ok);
    const [operator, head] = [await staffActor(t.ctx, 'operator', OFFICE), await staffActor(t.ctx, 'kepala-dinas', OFFICE)];
    const r = await openRound(t.ctx, operator, { programme: SLUG, period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01' });
    assert.ok(r.ok, JSON.stringify(r));
    for (const p of LANSIA) assert.ok((await addCandidate(t.ctx, operator, r.value.id, { nik: p.nik, kk: p.kk, name: p.nama, category: 'lanjut-usia', source: 'village', village: 'MANGKURAWANG', note: 'Usulan Kelurahan Mangkurawang 2026' })).ok);
    for (const c of await candidatesOfRound(t.database.db, r.value.id, 50)) assert.ok((await verifyCandidate(t.ctx, operator, r.value.id, c.id, { result: 'eligible', version: c.version })).ok);
    assert.ok((await issueReport(t.ctx, operator, r.value.id)).ok);
    assert.ok((await issueDecree(t.ctx, head, r.value.id, {})).ok);
    const g = await generateCycles(t.ctx, operator, { roundId: r.value.id, category: 'lanjut-usia', firstMonth: '2026-01' });
    assert.ok(g.ok, JSON.stringify(g));
    const all = await cyclesOf(t.database.db, operator.officeId!, SLUG, 50);
    assert.deepEqual(all.map((c) => c.due_month), ['2026-01', '2026-03', '2026-05', '2026-07', '2026-09', '2026-11'], '6 deliveries, every 2 months');
    cycle = all[0]!.id;
    const a = await approveCycle(t.ctx, head, cycle, { version: 1 });
    assert.ok(a.ok, JSON.stringify(a));
    assert.equal(a.value.included, 3);
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const { req, login } = apiClient(() => t);
  const deliver = async (recipient: string, body: object, as: Record<string, string>) => req('POST', `/api/v1/programmes/cycles/${cycle}/deliveries`, { recipient, ...body }, as);
  const fields = (r: { json: () => { error: { problems?: { field?: string; code: string }[] } } }) => r.json().error.problems!.map((p) => [p.field, p.code]);

  it('lists the cycle’s recipients for the field worker with NIK masked and the decree’s checks', async () => {
    const operator = await login(`operator@${OFFICE}`);
    const sheet = await req('GET', `/api/v1/programmes/cycles/${cycle}/deliveries`, undefined, operator);
    assert.equal(sheet.status, 200, sheet.body);
    assert.deepEqual(sheet.json().checks.map((c: { text: string }) => c.text), [CONDITION, '3. Bantuan permakanan yang diserahkan dalam jumlah yang cukup sesuai yang ditentukan.']);
    recipients = sheet.json().recipients;
    assert.deepEqual(recipients.map((r) => r.name).sort(), ['ABDUL GANI', 'JUMRAH', 'SARIPAH']);
    assert.ok(!sheet.body.includes(LANSIA[0]!.nik), 'NIK masked');
    assert.deepEqual(sheet.json().reconciliation.pending.n, 3);
  });

  it('refuses a delivery beside its field: the condition unchecked, a receiver without relation, an unknown photo, a failure without reason', async () => {
    const operator = await login(`operator@${OFFICE}`);
    const saripah = recipients.find((r) => r.name === 'SARIPAH')!.id;
    const noCheck = await deliver(saripah, { result: 'delivered', receiverName: 'Saripah', checks: ['jumlah-cukup'] }, operator);
    assert.equal(noCheck.status, 422, noCheck.body);
    assert.deepEqual(fields(noCheck), [['checks.kondisi-baik', 'check-not-confirmed']]);
    assert.equal(noCheck.json().error.problems[0].message, `Penyaluran ditolak: belum dikonfirmasi "${CONDITION}"`);
    const noRelation = await deliver(saripah, { result: 'delivered', receiverName: 'Hj. Rukmini', checks: BOTH }, operator);
    assert.deepEqual(fields(noRelation), [['relation', 'relation-required']]);
    const badPhoto = await deliver(saripah, { result: 'delivered', receiverName: 'SARIPAH', checks: BOTH, photo: 'tidak-ada' }, operator);
    assert.deepEqual(fields(badPhoto), [['photo', 'upload-unknown']]);
    const future = await deliver(saripah, { result: 'delivered', receiverName: 'SARIPAH', checks: BOTH, at: '2026-01-06T02:00:00Z' }, operator);
    assert.deepEqual(fields(future), [['at', 'at-future']]);
    const halfPosition = await deliver(saripah, { result: 'delivered', receiverName: 'SARIPAH', checks: BOTH, lat: -0.43 }, operator);
    assert.deepEqual(fields(halfPosition), [['lat', 'coordinates-incomplete']]);
    const noReason = await deliver(saripah, { result: 'failed' }, operator);
    assert.deepEqual(fields(noReason), [['reason', 'reason-required']]);
    const auditor = await login(`auditor@${OFFICE}`);
    assert.equal((await deliver(saripah, { result: 'failed', reason: 'Tidak di rumah' }, auditor)).status, 403, 'a read-only role records nothing');
    assert.equal((await req('GET', `/api/v1/programmes/cycles/${cycle}/deliveries`, undefined, auditor)).status, 200, 'but reads the sheet');
    const count = await t.database.db.selectFrom('programme_deliveries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0, 'nothing refused was written');
  });

  it('records two deliveries (one to a daughter, with position and photo) and one failure: the cycle is delivered, 2 + 1 + 0 = 3', async () => {
    clock = new Date('2026-01-05T06:00:00Z');
    const operator = await login(`operator@${OFFICE}`);
    const { payload, headers } = multipartBody('file', 'serah-terima.png', 'image/png', PNG_1X1);
    const up = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', payload, headers: { ...headers, ...operator } });
    assert.equal(up.statusCode, 201, up.body);
    const photo = up.json().id as string;
    const id = (name: string) => recipients.find((r) => r.name === name)!.id;
    const a = await deliver(id('SARIPAH'), { result: 'delivered', receiverName: 'Saripah', checks: BOTH, at: '2026-01-05T03:30:00Z', lat: -0.4297, lng: 116.9843, photo }, operator);
    assert.equal(a.status, 201, a.body);
    assert.equal(a.json().cycleStatus, 'approved');
    const b = await deliver(id('ABDUL GANI'), { result: 'delivered', receiverName: 'Nurlela', relation: 'anak kandung', checks: BOTH }, operator);
    assert.equal(b.status, 201, b.body);
    const again = await deliver(id('SARIPAH'), { result: 'delivered', receiverName: 'Saripah', checks: BOTH }, operator);
    assert.equal(again.status, 409);
    const c = await deliver(id('JUMRAH'), { result: 'failed', reason: 'Rumah kosong tiga kali kunjungan; menurut tetangga dirawat di RSUD AM Parikesit' }, operator);
    assert.equal(c.status, 201, c.body);
    assert.equal(c.json().cycleStatus, 'delivered');
    const r = c.json().reconciliation;
    assert.deepEqual([r.paid.n, r.failed.n, r.pending.n, r.approved.n, r.balanced], [2, 1, 0, 3, true]);
    const sheet = (await req('GET', `/api/v1/programmes/cycles/${cycle}/deliveries`, undefined, operator)).json();
    const saripah = sheet.recipients.find((x: { name: string }) => x.name === 'SARIPAH');
    assert.deepEqual({ ...saripah.delivery, recordedAt: undefined, recordedBy: undefined }, { result: 'delivered', receiverName: 'Saripah', relation: null, at: '2026-01-05T03:30:00.000Z', lat: -0.4297, lng: 116.9843, photo, checks: BOTH, reason: null, recordedAt: undefined, recordedBy: undefined });
    const stale = await staleUnattachedUploads(t.database.db, '2100-01-01T00:00:00.000Z', 500);
    assert.ok(!stale.some((u) => u.id === photo), 'the upload sweep keeps a delivery’s photo');
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('action', 'like', 'programme-delivery-%').execute();
    assert.deepEqual(audit.map((x) => x.action).sort(), ['programme-delivery-failed', 'programme-delivery-recorded', 'programme-delivery-recorded']);
  });

  it('closes the delivered cycle by the head only, writing off the failure with a reason; a closed cycle refuses further changes', async () => {
    const operator = await login(`operator@${OFFICE}`);
    const head = await login(`kepala-dinas@${OFFICE}`);
    const detail = (await req('GET', `/api/v1/programmes/cycles/${cycle}`, undefined, head)).json();
    assert.equal(detail.cycle.status, 'delivered');
    const version = detail.cycle.version as number;
    assert.equal((await req('POST', `/api/v1/programmes/cycles/${cycle}/closure`, { version }, operator)).status, 403);
    const noNote = await req('POST', `/api/v1/programmes/cycles/${cycle}/closure`, { version }, head);
    assert.equal(noNote.status, 422);
    assert.deepEqual(fields(noNote), [['note', 'write-off-reason-required']]);
    const closed = await req('POST', `/api/v1/programmes/cycles/${cycle}/closure`, { version, note: 'Penerima dirawat inap; jatah Januari tidak dapat diserahkan' }, head);
    assert.equal(closed.status, 200, closed.body);
    assert.equal(closed.json().writtenOff, 1);
    assert.equal((await req('GET', `/api/v1/programmes/cycles/${cycle}`, undefined, head)).json().cycle.status, 'closed');
    const jumrah = recipients.find((r) => r.name === 'JUMRAH')!.id;
    const late = await deliver(jumrah, { result: 'delivered', receiverName: 'JUMRAH', checks: BOTH }, operator);
    assert.equal(late.status, 409);
    assert.equal(late.json().error.code ?? late.json().error.problems[0].code, 'cycle-closed');
    assert.equal((await req('POST', `/api/v1/programmes/cycles/${cycle}/closure`, { version: version + 1 }, head)).status, 409);
    const audit = await t.database.db.selectFrom('audit_events').select('detail').where('action', '=', 'programme-cycle-closed').execute();
    assert.equal(audit.length, 1);
    assert.match(String(audit[0]!.detail), /dirawat inap/);
  });

  it('tells the citizen the next delivery month of their category (this month or later, not delivered or closed)', async () => {
    const check = (body: object) => req('POST', `/api/v1/offices/${OFFICE}/programmes/${SLUG}/self-check`, body);
    const saripah = { nik: LANSIA[0]!.nik, kk: LANSIA[0]!.kk };
    assert.deepEqual((await check(saripah)).json(), { registered: true, period: '2026', nextCycle: '2026-03' }, 'January is closed: March');
    assert.deepEqual((await check({ ...saripah, kk: LANSIA[1]!.kk })).json(), { registered: false, period: '2026', nextCycle: null }, 'another KK: no date either');
    clock = new Date('2026-04-10T02:00:00Z');
    assert.deepEqual((await check(saripah)).json(), { registered: true, period: '2026', nextCycle: '2026-05' }, 'in April, March is past: May');
    const page = await t.app.inject({ method: 'POST', url: `/kantor/${OFFICE}/program/${SLUG}/cek`, payload: saripah });
    const en = await t.app.inject({ method: 'POST', url: `/kantor/${OFFICE}/program/${SLUG}/cek?lang=en`, payload: saripah });
    assert.match(page.body, /Tanggal penyaluran berikutnya: Mei 2026/);
    assert.match(en.body, /Next payment date: May 2026/);
    clock = new Date('2026-01-05T02:00:00Z');
  });

  it('documents the delivery and closing routes in OpenAPI', async () => {
    const spec = (await req('GET', '/api/v1/docs/json')).json();
    assert.ok(spec.paths['/api/v1/programmes/cycles/{id}/deliveries'].get && spec.paths['/api/v1/programmes/cycles/{id}/deliveries'].post);
    assert.ok(spec.paths['/api/v1/programmes/cycles/{id}/closure'].post);
  });
});
