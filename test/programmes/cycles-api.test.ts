/**
 * The programme cycles' JSON API: the paths in OpenAPI, a generate body refused with 422 naming the
 * field (400, as every schema refusal of the API), approval refused to the operator (403), a cycle of the veterans' santunan through the API
 * (the Bupati's SK by number, allocation, approval, bank batch, the CSV file, the bank's result as a
 * multipart upload, reconciliation; refused while no DTKS snapshot can re-check it), and the waiting list answering 409 for a round with no SK.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { candidatesOfRound } from '../../src/db/programmes-repo.js';
import { issueReport } from '../../src/usecases/programmes/issue-report.js';
import { openRound } from '../../src/usecases/programmes/open-round.js';
import { addCandidate } from '../../src/usecases/programmes/add-candidate.js';
import { verifyCandidate } from '../../src/usecases/programmes/verify-candidate.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { multipartBody } from '../support/fixtures.js';
import { extract, importAs, row, staffActor, writeCsv } from '../registry/support.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KUKAR = 'kabupaten-kutai-kartanegara';
const SLUG = 'santunan-veteran';

describe(`programme cycles API (${TEST_DB})`, () => {
  let t: TestApp;
  let round: string;
  before(async () => {
    t = await testApp();
    const operator = await staffActor(t.ctx, 'operator', KUKAR);
    const verifikator = await staffActor(t.ctx, 'verifikator', KUKAR);
    const r = await openRound(t.ctx, operator, { programme: SLUG, period: '2026', stage: 'Tahap I', referenceDate: '2026-01-01' });
    assert.ok(r.ok, JSON.stringify(r));
    round = r.value.id;
    for (const [nik, name, category] of [['6403020812270001', 'H. MUHAMMAD SALEH', 'veteran'], ['6403025505300002', 'HJ. SITI RAHMAH', 'janda-veteran']] as const) {
      const a = await addCandidate(t.ctx, operator, round, { nik, name, category, source: 'applications', village: 'MELAYU' });
      assert.ok(a.ok, JSON.stringify(a));
    }
    for (const c of await candidatesOfRound(t.database.db, round, 10)) assert.ok((await verifyCandidate(t.ctx, verifikator, round, c.id, { result: 'eligible', version: c.version })).ok);
    assert.ok((await issueReport(t.ctx, verifikator, round)).ok);
  });
  after(async () => t.close());
  const { req, login } = apiClient(() => t);

  it('documents the cycle paths in OpenAPI', async () => {
    const doc = (await req('GET', '/api/v1/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const p of ['/api/v1/programmes/{slug}/cycles', '/api/v1/programmes/{slug}/budget', '/api/v1/programmes/{slug}/exits', '/api/v1/programmes/{slug}/evaluations', '/api/v1/programmes/cycles/{id}', '/api/v1/programmes/cycles/{id}/approval', '/api/v1/programmes/cycles/{id}/batches', '/api/v1/programmes/batches/{id}/file', '/api/v1/programmes/batches/{id}/result', '/api/v1/programmes/rounds/{id}/waiting-list', '/api/v1/programmes/rounds/{id}/replacement'])
      assert.ok(doc.paths[p], p);
  });

  it('pays a veterans’ cycle of Rp 900.000 through the API, with the bank result uploaded as a file', async () => {
    const operator = await login(`operator@${KUKAR}`);
    const head = await login(`kepala-dinas@${KUKAR}`);
    const bad = await req('POST', `/api/v1/programmes/${SLUG}/cycles`, { roundId: round, category: 'veteran', firstMonth: 'Januari' }, operator);
    assert.equal(bad.status, 400, 'a body outside the schema');
    assert.ok(JSON.stringify(bad.json()).includes('firstMonth'));
    const made = await req('POST', `/api/v1/programmes/${SLUG}/cycles`, { roundId: round, category: 'veteran', firstMonth: '2026-01', decreeNumber: '400.9/015/SK.BUP/HK/2026' }, operator);
    assert.equal(made.status, 201, made.body);
    assert.equal(made.json().perRecipient, 10_800_000);
    const id = made.json().ids[0] as string;
    assert.equal((await req('POST', `/api/v1/programmes/cycles/${id}/approval`, { version: 1 }, operator)).status, 403);
    assert.equal((await req('PUT', `/api/v1/programmes/${SLUG}/budget`, { period: '2026', amount: 10_800_000, note: 'DPA 2026' }, head)).status, 200);
    // No DTKS snapshot yet: the re-check cannot run, so nothing is approved.
    const early = await req('POST', `/api/v1/programmes/cycles/${id}/approval`, { version: 1 }, head);
    assert.equal(early.status, 409);
    assert.equal(early.json().error.code, 'no-snapshot');
    const dir = mkdtempSync(join(tmpdir(), 'sigap-cycles-api-'));
    writeCsv(join(dir, 'dtks.csv'), extract(KUKAR, 20, [row({ nik: '6403020812270001', kk: '6403021503090011', nama: 'H. MUHAMMAD SALEH', tanggal_lahir: '1927-12-08', jenis_kelamin: 'L', kelurahan: 'MELAYU', kota: 'KABUPATEN KUTAI KARTANEGARA' })]));
    assert.ok((await importAs(t, join(dir, 'dtks.csv'), KUKAR, { period: '2026-01' })).ok);
    rmSync(dir, { recursive: true, force: true });
    const ok = await req('POST', `/api/v1/programmes/cycles/${id}/approval`, { version: 1 }, head);
    assert.equal(ok.status, 200, ok.body);
    assert.deepEqual(ok.json(), { included: 1, excluded: 0, held: 0, total: 900_000 });
    const batch = await req('POST', `/api/v1/programmes/cycles/${id}/batches`, { purpose: 'first', bank: 'Bank Kaltimtara' }, operator);
    assert.equal(batch.status, 201, batch.body);
    const file = await req('GET', `/api/v1/programmes/batches/${batch.json().id}/file`, undefined, operator);
    assert.match(file.headers['content-type'] as string, /text\/csv/);
    const line = file.body.trim().split('\r\n')[1]!.split(',');
    assert.deepEqual(line.slice(2, 6), ['6403020812270001', 'H. MUHAMMAD SALEH', 'MELAYU', '900000']);
    const upload = multipartBody('file', 'hasil.csv', 'text/csv', Buffer.from(`referensi,status,keterangan\n${line[1]},BERHASIL,\n`));
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/programmes/batches/${batch.json().id}/result`, payload: upload.payload, headers: { ...upload.headers, ...operator } });
    assert.equal(res.statusCode, 200, res.body);
    const rec = res.json().reconciliation;
    assert.deepEqual([rec.paid.n, rec.failed.n, rec.pending.n, rec.approved.rp, rec.balanced], [1, 0, 0, 900_000, true]);
    const shown = await req('GET', `/api/v1/programmes/cycles/${id}`, undefined, operator);
    assert.equal(shown.json().cycle.status, 'paid');
    assert.match(shown.json().recipients[0].nik, /•/);
  });

  it('answers 409 for the waiting list of a round whose SK is not signed in Sigap', async () => {
    const r = await req('GET', `/api/v1/programmes/rounds/${round}/waiting-list`, undefined, await login(`operator@${KUKAR}`));
    assert.equal(r.status, 409);
  });
});
