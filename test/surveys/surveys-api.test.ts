import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { surveyUrlFor } from '../../src/usecases/surveys/survey-link.js';
import { TEST_DB } from '../support/db.js';
import { openTracked } from '../support/tracking.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { multipartBody } from '../support/fixtures.js';

let clock = new Date('2026-04-08T03:00:00.000Z'); // Wednesday 8 April 2026, 10:00 WIB
const CODES = ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9'];

/** A questionnaire written as nine digits U1…U9; '-' means the element was left blank. */
const q = (row: string, extra: Record<string, unknown> = {}) => ({
  answers: Object.fromEntries(CODES.flatMap((c, i) => (row[i] === '-' ? [] : [[c, Number(row[i])]]))),
  ...extra,
});

/** The reference case of REFERENCE §2: 29 questionnaires whose element totals are 105, 101, 100, 116, 102, 105, 106, 105, 115. */
const REFERENCE_ROWS = [
  '434444444', '333443444', '444444334', '443443434', '433434444', '344434344', '444444434', '243434334',
  '443444334', '443444333', '443444444', '433434344', '344444444', '434443444', '434433444', '433434434',
  '333444444', '343433344', '433434434', '443433444', '344444434', '443433434', '344434444', '334432344',
  '434434444', '434444344', '333434334', '433443444', '434443444',
];
const REFERENCE_TOTALS = [105, 101, 100, 116, 102, 105, 106, 105, 115];

/** n complete questionnaires whose 9n answers sum to S (each answer ⌊S/9n⌋ or one more): IKM = 25·S/(9n). */
function withSum(n: number, S: number): ReturnType<typeof q>[] {
  const base = Math.floor(S / (9 * n));
  let extra = S - base * 9 * n;
  return Array.from({ length: n }, () => {
    let row = '';
    for (let j = 0; j < 9; j++) {
      row += String(base + (extra > 0 ? 1 : 0));
      if (extra > 0) extra--;
    }
    return q(row);
  });
}

describe(`satisfaction survey (SKM) and IKM (${TEST_DB})`, () => {
  let t: TestApp;
  before(async () => {
    t = await testApp({ now: () => clock });
  });
  after(async () => t?.close());

  const { req, login } = apiClient(() => t);
  const batch = async (office: string, responses: unknown[], user = `surveyor@${office}`, service?: string) => req('POST', '/api/v1/surveys/batch', { office, service, responses }, await login(user));
  const ikm = async (office: string, query: string) => req('GET', `/api/v1/offices/${office}/ikm?${query}`);

  it('computes the reference case exactly: 29 questionnaires → IKM 91.48, grade A, with the weight exactly 1/9', async () => {
    const responses = REFERENCE_ROWS.map((r, i) => q(r, { date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, suggestion: i === 0 ? 'Mohon antrean dibuat dengan nomor agar tertib.' : undefined }));
    const r = await batch('kota-jambi', responses, 'surveyor@kota-jambi', 'rekomendasi-jamkesda-bayi');
    assert.equal(r.status, 201, r.body);
    assert.equal(r.json().inserted, 29);
    const res = await ikm('kota-jambi', 'from=2026-03-01&to=2026-03-31');
    assert.equal(res.status, 200, res.body);
    const b = res.json();
    for (const k of ['ikm', 'grade', 'gradeLabel', 'respondents', 'population', 'minimumSample', 'sufficient', 'elements']) assert.ok(k in b, k);
    assert.equal(b.ikm, 91.48);
    assert.equal(b.grade, 'A');
    assert.equal(b.gradeLabel, 'Sangat baik');
    assert.equal(b.respondents, 29);
    assert.deepEqual(b.elements.map((e: { code: string }) => e.code), CODES);
    b.elements.forEach((e: { nrr: number; weighted: number; name: string }, j: number) => {
      assert.ok(Math.abs(e.nrr - REFERENCE_TOTALS[j]! / 29) < 1e-12, `${CODES[j]} NRR`);
      assert.ok(Math.abs(e.weighted - REFERENCE_TOTALS[j]! / 29 / 9) < 1e-12, `${CODES[j]} weighted by exactly 1/9`);
      assert.ok(e.name.length > 3);
    });
    assert.match(b.method.weighting, /tepat 1\/9/);
    const byPeriod = await ikm('kota-jambi', 'period=2026-03');
    assert.equal(byPeriod.json().ikm, 91.48);
    const byService = await ikm('kota-jambi', 'from=2026-03-01&to=2026-03-31&service=rekomendasi-jamkesda-bayi');
    assert.equal(byService.json().ikm, 91.48);
    const other = await ikm('kota-jambi', 'from=2026-03-01&to=2026-03-31&service=pendaftaran-awal-lks');
    assert.equal(other.json().noData, true);
  });

  it('grades at the boundaries of the table, from stored questionnaires: 88.31 A, 88.30 B, 76.61 B, 76.60 C, 65.00 C, 64.99 D', async () => {
    // (n questionnaires, sum of all 9n answers) chosen so that 25·S/(9n) rounds to the boundary.
    const cases: [string, number, number, number, string][] = [
      ['2025-01', 24, 763, 88.31, 'A'], // 88.3102
      ['2025-02', 19, 604, 88.3, 'B'], // 88.3041
      ['2025-03', 19, 524, 76.61, 'B'], // 76.6082
      ['2025-04', 26, 717, 76.6, 'C'], // 76.6026
      ['2025-05', 5, 117, 65, 'C'], // 65.0000
      ['2025-06', 38, 889, 64.99, 'D'], // 64.9854
    ];
    for (const [month, n, S, expected, grade] of cases) {
      const r = await batch('kota-semarang', withSum(n, S).map((x) => ({ ...x, date: `${month}-15` })));
      assert.equal(r.status, 201, r.body);
      const b = (await ikm('kota-semarang', `period=${month}`)).json();
      assert.equal(b.ikm, expected, month);
      assert.equal(b.grade, grade, `${expected} is grade ${grade}`);
    }
  });

  it('divides each element by the questionnaires that answered it, and leaves out an element nobody answered', async () => {
    const r = await batch('kota-semarang', [q('4444444-4', { date: '2025-07-01' }), q('3333333-3', { date: '2025-07-02' }), q('2-22222-2', { date: '2025-07-03' })]);
    assert.equal(r.status, 201, r.body);
    const b = (await ikm('kota-semarang', 'period=2025-07')).json();
    assert.equal(b.respondents, 3);
    assert.equal(b.elements[1].answered, 2, 'U2 left blank once');
    assert.equal(b.elements[1].nrr, 3.5);
    assert.equal(b.elements[7].nrr, null, 'U8 answered by nobody');
    assert.equal(b.warnings[0].code, 'ikm-element-unanswered');
    // Mean of the eight answered NRR: (3 + 3.5 + 3 × 5 + 3) / 8 × 25 = 76.5625 → 76.56.
    assert.equal(b.ikm, 76.56);
  });

  it('answers an empty period with a clear "no data", never a division by zero', async () => {
    const r = await ikm('kota-semarang', 'from=2024-01-01&to=2024-01-31');
    assert.equal(r.status, 200);
    const b = r.json();
    assert.equal(b.noData, true);
    assert.equal(b.ikm, null);
    assert.equal(b.grade, null);
    assert.equal(b.respondents, 0);
    assert.match(b.message, /Belum ada kuesioner/);
    assert.ok(b.elements.every((e: { nrr: null }) => e.nrr === null));
    assert.ok(!r.body.includes('NaN') && !r.body.includes('Infinity'));
    assert.equal((await ikm('kota-semarang', 'from=2024-02-01&to=2024-01-31')).json().error.code, 'range-reversed');
    assert.equal((await ikm('kota-semarang', 'from=2024-02-30&to=2024-03-01')).json().error.code, 'date-invalid');
    assert.equal((await ikm('kota-semarang', 'period=2024-Q5')).status, 422);
    assert.equal((await ikm('kota-atlantis', 'period=2024')).status, 404);
  });

  it('counts the population from completed applications and gives the Krejcie & Morgan minimum sample of the published table', async () => {
    // 500 applications of Kota Pekanbaru completed in 2025 (set-up rows), plus 20 still open.
    const office = t.catalogue.office('kota-pekanbaru')!;
    const svc = office.services.find((s) => s.service.procedure)!;
    const rows = Array.from({ length: 520 }, (_, i) => {
      const at = new Date(Date.UTC(2025, 0, 1, 3) + i * 12 * 3600_000).toISOString();
      return { id: randomUUID(), office_id: office.id, service_id: svc.id, service_version_id: svc.versionId, registration_number: `PKN-2025-${String(i + 1).padStart(6, '0')}`, tracking_code_hash: 'x', idempotency_key: null, initiator: 'citizen', channel: 'counter', applicant_nik: null, applicant_name: 'Warga', applicant: '{}', answers: '{}', eligibility: '{"results":[]}', status: i < 500 ? 'completed' : 'open', current_step: null, end_id: null, outcome_reason: null, submitted_at: at, clock_started_at: at, paused_since: null, pauses: '[]', due_at: null, expected_at: null, stages: '[]', sla_state: 'closed', closed_at: i < 500 ? at : null, created_by: null, version: 1, updated_at: at };
    });
    for (let i = 0; i < rows.length; i += 100) await t.database.db.insertInto('applications').values(rows.slice(i, i + 100)).execute();
    const r = await batch('kota-pekanbaru', withSum(200, 6400).map((x) => ({ ...x, date: '2025-06-30', service: svc.service.slug })));
    assert.equal(r.status, 201, r.body);
    const b = (await ikm('kota-pekanbaru', 'period=2025')).json();
    assert.equal(b.population, 500);
    assert.equal(b.minimumSample, 217, 'published row 500 → 217 (rounded to the nearest, as the table does)');
    assert.equal(b.sufficient, false);
    assert.equal(b.shortfall, 17);
    assert.match(b.method.sample, /Krejcie & Morgan/);
    const h1 = (await ikm('kota-pekanbaru', 'period=2025-S1')).json();
    assert.equal(h1.population, 362, 'applications closed 1 January – 30 June 2025 (12-hourly)');
    const none = (await ikm('kota-pekanbaru', 'period=2024')).json();
    assert.deepEqual([none.population, none.minimumSample], [0, 0]);
  });

  let completed: { registrationNumber: string; trackingCode: string; applicationId: string };

  it('offers a one-time survey on the tracking page of a completed case; one response per application', async () => {
    const sim = await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-jamkesda-bayi', 'main');
    assert.equal(sim.finalStatus, 'completed');
    completed = sim;
    const tracking = await openTracked(t.app, `/lacak/${sim.registrationNumber}?code=${sim.trackingCode}`);
    assert.equal(tracking.status, 200);
    const link = /data-testid="survey-link" href="([^"]+)"/.exec(tracking.body)?.[1];
    assert.ok(link, 'the tracking page links to the survey');
    assert.equal(link, await surveyUrlFor(t.ctx, sim.applicationId, null), 'the same link letters use');
    assert.equal(await surveyUrlFor(t.ctx, sim.applicationId, 'https://sigap.jambikota.go.id/'), `https://sigap.jambikota.go.id${link}`);
    const token = link.split('/').pop()!;
    assert.equal((await req('GET', link)).status, 200);
    const incomplete = await req('POST', '/api/v1/surveys', { application: sim.registrationNumber, token, answers: { U1: 4, U2: 4, U3: 5 } });
    assert.equal(incomplete.status, 422);
    const codes = incomplete.json().error.problems.map((p: { field: string; code: string }) => `${p.field}:${p.code}`);
    assert.ok(codes.includes('answers.U3:answer-invalid'));
    assert.ok(codes.includes('answers.U9:answer-missing'), 'online questionnaires answer all nine');
    const wrong = await req('POST', '/api/v1/surveys', { application: sim.registrationNumber, token: 'AAAAAAAAAAAAAAAA', answers: Object.fromEntries(CODES.map((c) => [c, 4])) });
    assert.equal(wrong.status, 404);
    const body = { application: sim.registrationNumber, token, answers: Object.fromEntries(CODES.map((c, i) => [c, i % 2 ? 3 : 4])), respondent: { ageGroup: '30-39', sex: 'P', education: 'sma', occupation: 'wirausaha' }, suggestion: 'Pelayanan cepat, terima kasih.' };
    const ok = await req('POST', '/api/v1/surveys', body);
    assert.equal(ok.status, 201, ok.body);
    assert.equal(ok.json().source, 'link');
    const again = await req('POST', '/api/v1/surveys', body);
    assert.equal(again.status, 409);
    assert.equal(again.json().error.code, 'survey-already-answered');
    const stored = await t.database.db.selectFrom('survey_responses').selectAll().where('application_id', '=', sim.applicationId).execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.responded_on, '2026-04-08');
    const after_ = await openTracked(t.app, `/lacak/${sim.registrationNumber}?code=${sim.trackingCode}`);
    assert.ok(after_.body.includes('data-testid="survey-answered"'));
    assert.ok(!after_.body.includes('data-testid="survey-link"'));
  });

  it('takes walk-in respondents on the kiosk with a single-use form nonce, not faster than a person can answer', async () => {
    const answers = Object.fromEntries(CODES.map((c) => [c, 3]));
    const none = await req('POST', '/api/v1/surveys', { office: 'kota-jambi', answers });
    assert.equal(none.json().error.code, 'survey-link-required');
    const n = await req('POST', '/api/v1/offices/kota-jambi/kiosk-sessions');
    assert.equal(n.status, 201);
    const nonce = n.json().kioskNonce;
    const tooFast = await req('POST', '/api/v1/surveys', { office: 'kota-jambi', kioskNonce: nonce, answers });
    assert.equal(tooFast.json().error.code, 'kiosk-too-fast');
    clock = new Date(clock.getTime() + 30_000);
    const ok = await req('POST', '/api/v1/surveys', { office: 'kota-jambi', service: 'pendaftaran-awal-lks', kioskNonce: nonce, answers });
    assert.equal(ok.status, 201, ok.body);
    assert.equal(ok.json().source, 'kiosk');
    const reused = await req('POST', '/api/v1/surveys', { office: 'kota-jambi', kioskNonce: nonce, answers });
    assert.equal(reused.status, 409);
    const elsewhere = await req('POST', '/api/v1/offices/kota-semarang/kiosk-sessions');
    clock = new Date(clock.getTime() + 30_000);
    const wrongOffice = await req('POST', '/api/v1/surveys', { office: 'kota-jambi', kioskNonce: elsewhere.json().kioskNonce, answers });
    assert.equal(wrongOffice.status, 409, "another office's kiosk form is not valid here");
  });

  it('lets only admin and surveyor enter paper questionnaires; a batch is all or nothing with every invalid row listed', async () => {
    const front = await batch('kota-jambi', [q('444444444')], 'front-office@kota-jambi');
    assert.equal(front.status, 403);
    const elsewhere = await batch('kota-jambi', [q('444444444')], 'surveyor@kota-semarang');
    assert.equal(elsewhere.status, 404, "another office's staff cannot enter this office's questionnaires");
    const before_ = await t.database.db.selectFrom('survey_responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const r = await batch('kota-jambi', [
      q('444444444', { date: '2026-04-01' }),
      q('44444444', { date: '2026-04-01' }), // U9 missing on paper is allowed
      { answers: { U1: 7, U10: 2 } },
      q('444444444', { date: '2026-05-01', respondent: { sex: 'X' } }),
      q('---------'),
      q('444444444', { application: completed.registrationNumber }),
    ]);
    assert.equal(r.status, 422);
    const e = r.json().error;
    assert.match(e.message, /baris tidak sah; tidak ada yang disimpan/);
    const rows = e.problems.map((p: { row: number; field: string; code: string }) => `${p.row}:${p.field}:${p.code}`);
    assert.deepEqual(rows, ['3:answers.U1:answer-invalid', '3:answers.U10:element-unknown', '4:respondent.sex:option-unknown', '4:date:date-future', '5:answers:answers-blank', '6:application:survey-already-answered']);
    const after_ = await t.database.db.selectFrom('survey_responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after_.n), Number(before_.n), 'nothing stored');
    const admin = await batch('kota-jambi', [q('444444444', { date: '2026-04-01' }), q('4444444-4', { date: '2026-04-02' })], 'admin@kota-jambi');
    assert.equal(admin.status, 201, admin.body);
    const one = await req('POST', '/api/v1/surveys', { office: 'kota-jambi', service: 'pendaftaran-awal-lks', answers: { U1: 3, U2: 3 }, date: '2026-04-03' }, await login('surveyor@kota-jambi'));
    assert.equal(one.status, 201, one.body);
    assert.equal(one.json().source, 'paper');
  });

  it('imports paper questionnaires from XLSX (labels, dates, ages) and exports raw responses that import again', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kuesioner');
    ws.addRow(['Tanggal', 'Layanan', ...CODES, 'Umur', 'Jenis kelamin', 'Pendidikan', 'Pekerjaan', 'Saran']);
    ws.addRow([new Date(Date.UTC(2026, 1, 10)), 'pendaftaran-awal-lks', 4, 4, 3, 4, 4, 4, 4, 3, 4, 45, 'Perempuan', 'SMA/SMK', 'Wirausaha', 'Ruang tunggu perlu kipas angin']);
    ws.addRow(['11/02/2026', '9', 3, 3, 3, 4, 3, 3, 4, 3, 3, null, 'L', 'sd', 'lainnya', null]);
    ws.addRow([]);
    ws.addRow(['2026-02-12', 'Pelayanan Rekomendasi Jamkesda Bayi', 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const h = await login('surveyor@kota-jambi');
    const { payload, headers } = multipartBody('file', 'skm-februari.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buf);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/surveys/import', payload, headers: { ...headers, ...h } });
    assert.equal(r.statusCode, 201, r.body);
    assert.equal(JSON.parse(r.body).inserted, 3);
    const feb = (await ikm('kota-jambi', 'period=2026-02')).json();
    assert.equal(feb.respondents, 3);
    const stored = await t.database.db.selectFrom('survey_responses').select(['age_group', 'sex', 'education', 'occupation', 'responded_on', 'source']).where('responded_on', '=', '2026-02-10').executeTakeFirstOrThrow();
    assert.deepEqual(stored, { age_group: '40-49', sex: 'P', education: 'sma', occupation: 'wirausaha', responded_on: '2026-02-10', source: 'import' });
    // A bad sheet: nothing stored, spreadsheet row numbers given.
    const bad = new ExcelJS.Workbook();
    const bs = bad.addWorksheet('Kuesioner');
    bs.addRow(['Tanggal', ...CODES]);
    bs.addRow(['2026-02-13', 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    bs.addRow(['2026-02-13', 4, 4, 'lima', 4, 4, 4, 4, 4, 4]);
    const b2 = multipartBody('file', 'salah.xlsx', 'application/octet-stream', Buffer.from(await bad.xlsx.writeBuffer()));
    const rb = await t.app.inject({ method: 'POST', url: '/api/v1/surveys/import', payload: b2.payload, headers: { ...b2.headers, ...h } });
    assert.equal(rb.statusCode, 422);
    assert.deepEqual(JSON.parse(rb.body).error.problems.map((p: { row: number; field: string }) => `${p.row}:${p.field}`), ['3:answers.U3']);
    const notXlsx = multipartBody('file', 'x.xlsx', 'application/octet-stream', Buffer.from('bukan berkas excel'));
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/v1/surveys/import', payload: notXlsx.payload, headers: { ...notXlsx.headers, ...h } })).statusCode, 422);
    // Export February and import it into Kota Jambi's March 2026? No: export, read back, compare.
    const exp = await req('GET', '/api/v1/surveys/export.xlsx?period=2026-02', undefined, h);
    assert.equal(exp.status, 200);
    assert.match(String(exp.headers['content-type']), /spreadsheetml/);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(exp.raw as unknown as ArrayBuffer);
    const sheet = back.getWorksheet('Kuesioner')!;
    assert.equal(sheet.rowCount, 4, 'header and three responses');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 4), ['Tanggal', 'Layanan', 'Nomor registrasi']);
    const reimport = multipartBody('file', 'ekspor.xlsx', 'application/octet-stream', exp.raw);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/surveys/import', payload: reimport.payload, headers: { ...reimport.headers, ...h } });
    assert.equal(again.statusCode, 201, again.body);
    const feb2 = (await ikm('kota-jambi', 'period=2026-02')).json();
    assert.equal(feb2.respondents, 6);
    assert.equal(feb2.ikm, feb.ikm, 'the same answers give the same IKM');
    assert.equal((await req('GET', '/api/v1/surveys/export.xlsx?period=2026-02')).status, 401);
    assert.equal((await req('GET', '/api/v1/surveys/export.xlsx?period=2026-02', undefined, await login('front-office@kota-jambi'))).status, 403);
  });

  it('prints the IKM report: method, profile, NRR, grade, services, lowest elements, suggestions, follow-up plan, charts', async () => {
    const h = await login('kepala-dinas@kota-jambi');
    const fu = await req('PUT', '/api/v1/surveys/follow-up', { period: '2026-03', text: 'Menambah nomor antrean elektronik pada Triwulan II 2026.' }, h);
    assert.equal(fu.status, 200, fu.body);
    const r = await req('GET', '/api/v1/surveys/report.pdf?from=2026-03-01&to=2026-03-31', undefined, h);
    assert.equal(r.status, 200, r.body.slice(0, 200));
    assert.equal(r.headers['content-type'], 'application/pdf');
    const pdf = await getDocumentProxy(new Uint8Array(r.raw));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    for (const s of ['LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT', 'Dinas Sosial Kota Jambi', 'IKM 91,48', 'Sangat baik', 'Nilai rata-rata (NRR) per unsur', 'Rekomendasi Jamkesda Bayi', 'Profil responden', 'Unsur dengan nilai terendah', 'U3 Waktu penyelesaian', 'Mohon antrean dibuat dengan nomor agar tertib.', 'Menambah nomor antrean elektronik', 'bobot tepat 1/9', 'Krejcie & Morgan'])
      assert.ok(flat.toLowerCase().includes(s.toLowerCase()), `report mentions "${s}"`);
    const empty = await req('GET', '/api/v1/surveys/report.pdf?period=2024', undefined, h);
    assert.equal(empty.status, 200, 'an empty period still prints, saying there is no data');
    assert.equal((await req('GET', '/api/v1/surveys/report.pdf?period=2026-03')).status, 401);
    assert.equal((await req('GET', '/api/v1/surveys/report.pdf?period=2026-03', undefined, await login('operator@kota-jambi'))).status, 403);
  });

  it('publishes each office’s IKM per service with its grade and the 1/9 note, without personal data', async () => {
    const r = await req('GET', '/kantor/kota-jambi/ikm?periode=2026-03');
    assert.equal(r.status, 200);
    assert.ok(r.body.includes('data-testid="ikm">91,48<'));
    assert.ok(r.body.includes('data-testid="grade">A<'));
    assert.match(r.body, /Rekomendasi Jamkesda Bayi/);
    assert.match(r.body, /bobot tepat 1\/9/);
    assert.match(r.body, /<svg/);
    assert.ok(!r.body.includes('Mohon antrean dibuat'), 'suggestions are not public');
    const latest = await req('GET', '/kantor/kota-semarang/ikm');
    assert.equal(latest.status, 200);
    assert.match(latest.body, /Tahun 2025/, 'no 2026 data in Semarang: the latest year with data');
    const services = (await req('GET', '/api/v1/offices/kota-jambi/ikm/services?period=2026-03')).json();
    assert.equal(services.office.ikm, 91.48);
    assert.equal(services.services.find((s: { service: { slug: string } }) => s.service.slug === 'rekomendasi-jamkesda-bayi').ikm, 91.48);
  });
});
