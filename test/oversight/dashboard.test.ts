/**
 * The head of office's dashboard of Kota Jambi on Wednesday 10 June 2026, hand-computed: two
 * services in two divisions — the "2-3 hari kerja" ODGJ referral (Bidang Rehabilitasi Sosial, aged in
 * working days) with May's ten answered cases and four open ones, and the "15 menit" school
 * recommendation (Bidang Linjamsos, aged in calendar days) with two closed April cases and three
 * open ones. Volume by month, backlog by step, role and officer, age bands on the office calendar
 * (Kenaikan, Idul Adha, Waisak and Pancasila day are not working days), on-time rates, the late list
 * (names are logged reads), the division filter, the XLSX with the same numbers, refusals.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import type { ServiceRef } from './cases.js';
import { DASHBOARD_TODAY, seedDashboard } from './dashboard-cases.js';

describe(`the head of office's dashboard (${TEST_DB})`, () => {
  let t: TestApp;
  const { req, login } = apiClient(() => t);
  let odgj: ServiceRef;
  let school: ServiceRef;
  let ids: Record<string, string> = {};

  before(async () => {
    t = await testApp({ now: DASHBOARD_TODAY });
    ({ odgj, school, ids } = await seedDashboard(t));
  });
  after(async () => t.close());

  const Q2 = 'from=2026-04-01&to=2026-06-30';
  const dashboard = async (query: string, who = 'kepala-dinas@kota-jambi') => {
    const r = await req('GET', `/api/v1/offices/kota-jambi/dashboard?${query}`, undefined, await login(who));
    assert.equal(r.status, 200, r.body);
    return r.json();
  };

  it('counts the volume by month of submission and where each case stands now', async () => {
    const d = await dashboard(Q2);
    assert.deepEqual(d.range, { from: '2026-04-01', until: '2026-07-01', to: '2026-06-30', months: ['2026-04', '2026-05', '2026-06'] });
    assert.deepEqual(d.volume.months, [
      { month: '2026-04', submitted: 2, completed: 1, rejected: 1, withdrawn: 0, open: 0 },
      { month: '2026-05', submitted: 15, completed: 10, rejected: 0, withdrawn: 1, open: 4 },
      { month: '2026-06', submitted: 3, completed: 1, rejected: 0, withdrawn: 0, open: 2 },
    ]);
    assert.deepEqual(d.volume.total, { submitted: 20, completed: 12, rejected: 1, withdrawn: 1, open: 6 });
  });

  it('counts the backlog by step, by role and by officer from the open tasks', async () => {
    const d = await dashboard(Q2);
    const steps = Object.fromEntries(d.backlog.steps.map((s: { stepId: string; open: number; late: number; roleName: string }) => [s.stepId, [s.open, s.late, s.roleName]]));
    assert.deepEqual(steps, {
      penjemputan: [2, 2, 'Pekerja Sosial'],
      'pengecekan-lokasi': [1, 0, 'Pekerja Sosial'],
      'memastikan-odgj': [1, 0, 'Pekerja Sosial'],
      verifikasi: [2, 0, 'Tim Verifikator'],
      'tanda-tangan': [1, 1, 'Kepala Dinas Sosial'],
    });
    assert.deepEqual(d.backlog.roles.map((r: { role: string; open: number; late: number }) => [r.role, r.open, r.late]), [['pekerja-sosial', 4, 2], ['verifikator', 2, 0], ['kepala-dinas', 1, 1]]);
    assert.deepEqual(d.backlog.officers, [{ officer: null, open: 6, late: 2 }, { officer: ids.worker, open: 1, late: 1 }]);
  });

  it('ages open cases in working days on the office calendar for a working-day service, in calendar days otherwise', async () => {
    const d = await dashboard(Q2);
    const row = (id: string) => d.ageing.rows.find((r: { serviceId: string }) => r.serviceId === id);
    // 3 June is 5 working days back (4, 5, 8, 9, 10 June); 25 May is 9 (Idul Adha 27, cuti bersama 28, Waisak 31 May, Pancasila 1 June are not working days);
    // 21 May is 11 (calendar: 20 days, which would be the second band); 5 May is 21.
    assert.deepEqual({ unit: row(odgj.serviceId).unit, counts: row(odgj.serviceId).counts, total: row(odgj.serviceId).total }, { unit: 'working_days', counts: [1, 1, 1, 1], total: 4 });
    assert.deepEqual(row(odgj.serviceId).bounds, [
      { from: '2026-06-03', to: '2026-06-10' },
      { from: '2026-05-22', to: '2026-06-02' },
      { from: '2026-05-06', to: '2026-05-21' },
      { from: null, to: '2026-05-05' },
    ]);
    assert.deepEqual({ unit: row(school.serviceId).unit, counts: row(school.serviceId).counts }, { unit: 'days', counts: [1, 1, 0, 1] });
  });

  it('gives the on-time rate per service from the evaluation, and the late and at-risk list with names, each a logged read', async () => {
    const d = await dashboard(Q2);
    const svc = (id: string) => d.onTime.find((r: { serviceId: string }) => r.serviceId === id);
    assert.deepEqual(
      (({ cases, completed, onTime, onTimeRate, median, p90, openLate, openAtRisk, unit }) => ({ cases, completed, onTime, onTimeRate, median, p90, openLate, openAtRisk, unit }))(svc(odgj.serviceId)),
      { cases: 16, completed: 11, onTime: 8, onTimeRate: 8 / 11, median: 3, p90: 5, openLate: 2, openAtRisk: 0, unit: 'working_days' },
    );
    assert.deepEqual(
      (({ cases, completed, onTime, onTimeRate, openAtRisk }) => ({ cases, completed, onTime, onTimeRate, openAtRisk }))(svc(school.serviceId)),
      { cases: 4, completed: 2, onTime: 1, onTimeRate: 0.5, openAtRisk: 1 },
    );
    assert.deepEqual(d.late.counts, { late: 3, atRisk: 1 });
    assert.deepEqual(
      d.late.cases.map((c: { id: string; slaState: string }) => [c.id, c.slaState]),
      [[ids.feb2, 'late'], [ids.may5, 'late'], [ids.may25, 'late'], [ids.may20, 'at-risk']],
    );
    assert.equal(d.late.cases[1].applicant, 'Siti Aminah');
    const logged = await t.database.db.selectFrom('data_access_log').select(['record_id', 'purpose']).where('record_id', '=', ids.may5!).where('purpose', '=', 'oversight').execute();
    assert.ok(logged.length >= 1, 'the name shown on the late list is a read logged for oversight');
    // The auditor sees the list with names masked.
    const a = await dashboard(Q2, 'auditor@kota-jambi');
    assert.notEqual(a.late.cases[1].applicant, 'Siti Aminah');
    assert.match(a.late.cases[1].applicant, /^S/);
  });

  it('reads the IKM from the SKM responses and the complaints by channel with their response time', async () => {
    const d = await dashboard(Q2);
    assert.deepEqual(d.ikm.office, { value: 87.5, grade: 'B', respondents: 2 });
    assert.deepEqual(d.ikm.services.map((s: { serviceId: string; value: number; respondents: number }) => [s.serviceId, s.value, s.respondents]), [[odgj.serviceId, 87.5, 2]]);
    assert.deepEqual(
      d.complaints.channels.map((c: { channel: string; received: number; answered: number; answeredOnTime: number; medianDays: number | null }) => [c.channel, c.received, c.answered, c.answeredOnTime, c.medianDays]),
      [['whatsapp', 2, 1, 1, 2], ['website', 1, 1, 0, 10]],
    );
    // On a division view the office's index is not split; the division's services keep theirs.
    const school = await dashboard(`${Q2}&division=perlindungan-dan-jaminan-sosial`);
    assert.equal(school.ikm.office, null);
    assert.deepEqual(school.ikm.services, []);
    assert.deepEqual(school.complaints.channels, []);
  });

  it("reads this month's emergency first responses and the shelter's occupancy and length of stay", async () => {
    const d = await dashboard(Q2);
    assert.deepEqual(d.operations.emergency, { month: '2026-06', reports: 2, withDue: 2, onTime: 1, responded: 2, rate: 0.5 });
    assert.deepEqual(d.operations.shelters, { beds: 2, resident: 1, occupancy: 0.5, ended: 1, medianStayDays: 4 });
    assert.deepEqual(d.operations.programmes, { listed: 0, served: 0, coverage: null, paid: 0, failed: 0, successRate: null });
  });

  it('narrows every figure to one division', async () => {
    const all = await dashboard(Q2);
    assert.deepEqual(
      all.divisions.map((x: { key: string }) => x.key),
      ['pemberdayaan-sosial', 'perlindungan-dan-jaminan-sosial', 'rehabilitasi-sosial'].filter((k) => all.divisions.some((x: { key: string }) => x.key === k)),
    );
    const d = await dashboard(`${Q2}&division=rehabilitasi-sosial`);
    assert.equal(d.division.name, 'Bidang Rehabilitasi Sosial');
    assert.deepEqual(d.volume.total, { submitted: 16, completed: 11, rejected: 0, withdrawn: 1, open: 4 });
    assert.deepEqual(d.backlog.roles.map((r: { role: string; open: number }) => [r.role, r.open]), [['pekerja-sosial', 4]]);
    assert.deepEqual(d.late.counts, { late: 2, atRisk: 0 });
    assert.deepEqual(d.onTime.map((s: { serviceId: string }) => s.serviceId), [odgj.serviceId]);
    const l = await dashboard(`${Q2}&division=perlindungan-dan-jaminan-sosial`);
    assert.deepEqual(l.volume.total, { submitted: 4, completed: 1, rejected: 1, withdrawn: 0, open: 2 });
  });

  it('exports a table as XLSX with the same numbers, audited', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const r = await req('GET', `/petugas/dasbor/tabel.xlsx?table=ontime&${Q2}`, undefined, await login('kepala-dinas@kota-jambi'));
    assert.equal(r.status, 200, r.body);
    assert.match(String(r.headers['content-disposition']), /dasbor-ontime-kota-jambi-2026-04-2026-06\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const odgjRow = rows.find((x) => String(x[0]).startsWith('16. '))!;
    assert.deepEqual(odgjRow.slice(1, 6), ['2-3 hari kerja', 16, 11, 8, 8 / 11]);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'subject']).where('action', '=', 'oversight.export-xlsx').where('subject', '=', 'dashboard:ontime').execute();
    assert.equal(audit.length, 1);
    const age = await req('GET', `/petugas/dasbor/tabel.xlsx?table=ageing&${Q2}&lang=en`, undefined, await login('kepala-dinas@kota-jambi'));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(age.raw as unknown as ArrayBuffer);
    const ageRows: unknown[][] = [];
    wb2.worksheets[0]!.eachRow((row) => ageRows.push((row.values as unknown[]).slice(1)));
    assert.deepEqual(ageRows.find((x) => String(x[0]).startsWith('16. '))!.slice(1), ['working days', 1, 1, 1, 1, 4]);
  });

  it('refuses a clerk, another office and a period that is not whole months, beside the field', async () => {
    assert.equal((await req('GET', `/api/v1/offices/kota-jambi/dashboard?${Q2}`, undefined, await login('front-office@kota-jambi'))).status, 403);
    assert.equal((await req('GET', '/petugas/dasbor', undefined, await login('front-office@kota-jambi'))).status, 403);
    assert.equal((await req('GET', `/api/v1/offices/kota-banjarmasin/dashboard?${Q2}`, undefined, await login('kepala-dinas@kota-jambi'))).status, 404);
    const bad = await req('GET', '/api/v1/offices/kota-jambi/dashboard?from=2026-04-02&to=2026-06-30', undefined, await login('kepala-dinas@kota-jambi'));
    assert.equal(bad.status, 422);
    assert.equal(bad.json().error.problems[0].field, 'from');
    const page = await req('GET', '/petugas/dasbor?from=2026-04-01&to=2026-06-15&division=bidang-tidak-ada', undefined, await login('kepala-dinas@kota-jambi'));
    assert.equal(page.status, 422);
    assert.match(page.body, /tanggal akhir harus hari terakhir suatu bulan/);
    assert.match(page.body, /Bidang &quot;bidang-tidak-ada&quot; tidak ada di kantor ini/);
    assert.match(page.body, /id="f-to"[^>]*aria-invalid="true"/);
  });

  it('renders the page with its charts, tables and drill-down links in both languages', async () => {
    const cookie = await login('kepala-dinas@kota-jambi');
    const id = await req('GET', `/petugas/dasbor?${Q2}`, undefined, cookie);
    assert.equal(id.status, 200, id.body);
    assert.match(id.body, /Dasbor Kepala Dinas/);
    assert.equal((id.body.match(/<svg/g) ?? []).length >= 3, true, 'volume, on-time and backlog charts');
    assert.match(id.body, new RegExp(`/petugas/cari\\?serviceId=${odgj.serviceId}&amp;open=1&amp;stepId=penjemputan`));
    const en = await req('GET', `/petugas/dasbor?${Q2}&division=rehabilitasi-sosial&lang=en`, undefined, cookie);
    assert.match(en.body, /Dashboard: Bidang Rehabilitasi Sosial/);
    assert.match(en.body, /Age of open cases/);
    // The drill-down lands on exactly the cases counted: two open ODGJ cases at the pick-up step.
    const drill = await req('GET', `/api/v1/applications?serviceId=${odgj.serviceId}&open=1&stepId=penjemputan`, undefined, cookie);
    assert.equal(drill.json().total, 2);
    const band = await req('GET', `/api/v1/applications?serviceId=${odgj.serviceId}&open=1&from=2026-05-06&to=2026-05-21`, undefined, cookie);
    assert.equal(band.json().total, 1);
    const late = await req('GET', `/api/v1/applications?serviceId=${odgj.serviceId}&open=1&slaState=late&from=2026-04-01&to=2026-06-30`, undefined, cookie);
    assert.equal(late.json().total, 2);
  });
});
