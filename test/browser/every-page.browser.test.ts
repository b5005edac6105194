/**
 * Every page type of the product, public and staff, in both languages: it answers, passes axe
 * (WCAG 2.1 A/AA) with no violation, obeys the Content-Security-Policy, and fits a 360 px phone without sideways scrolling (a field
 * worker and a citizen use the same phone).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { registerSubjectRequest } from '../../src/usecases/privacy/register-subject-request.js';
import { surveyUrlFor } from '../../src/usecases/surveys/survey-link.js';
import { TEST_DB } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import { axeViolations, browserHarness, cspViolations, overflowingElements, signIn, watchCsp } from '../support/browser.js';
import { newComplaint } from '../support/factories.js';

const OFFICE = 'kota-jambi';

describe(`every page type: accessible and phone-wide, in both languages (${TEST_DB})`, () => {
  let h: Awaited<ReturnType<typeof browserHarness>>;
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const paths: { public: string[]; staff: [string, string][] } = { public: [], staff: [] };
  before(async () => {
    h = await browserHarness();
    ({ t, browser, base } = h);
    // A completed case with its signed letter, one waiting for the applicant, and a complaint.
    const done = await simulateCase(t.ctx, OFFICE, 'rekomendasi-jamkesda-bayi', 'main');
    const returned = await simulateCase(t.ctx, OFFICE, 'rekomendasi-sktm-berobat', 'return');
    const letter = await t.database.db.selectFrom('letters').selectAll().where('application_id', '=', done.applicationId).executeTakeFirstOrThrow();
    const complaint = await newComplaint(t.ctx, { office: OFFICE, text: 'Petugas loket tidak menjelaskan persyaratan dengan jelas.' });
    const survey = new URL(await surveyUrlFor(t.ctx, done.applicationId, base)).pathname;
    const front = await t.database.db.selectFrom('staff_users').select(['id', 'display_name', 'roles', 'office_id']).where('username', '=', `front-office@${OFFICE}`).executeTakeFirstOrThrow();
    const request = await registerSubjectRequest(t.ctx, { office: OFFICE, nik: '1571024107900003', name: 'Siti Aminah', contact: '081266782747', identityChecked: true }, { id: front.id, name: front.display_name, roles: JSON.parse(front.roles), officeId: front.office_id });
    if (!request.ok) throw new Error(JSON.stringify(request.error));
    const staffCase = (id: string) => `/petugas/berkas/${id}`;
    paths.public = [
      '/',
      `/kantor/${OFFICE}`,
      `/kantor/${OFFICE}/layanan/rekomendasi-jamkesda-bayi`,
      `/kantor/${OFFICE}/layanan/rekomendasi-jamkesda-bayi/ajukan`,
      '/lacak',
      `/lacak/${done.registrationNumber}?code=${done.trackingCode}`,
      `/lacak/${returned.registrationNumber}?code=${returned.trackingCode}`,
      `/lacak/${done.registrationNumber}/tanda-terima?code=${done.trackingCode}`,
      `/kantor/${OFFICE}/pengaduan`,
      `/kantor/${OFFICE}/pengaduan/publik`,
      '/pengaduan',
      `/kantor/${OFFICE}/survei`,
      `/kantor/${OFFICE}/ikm`,
      `/kantor/${OFFICE}/kinerja`,
      survey,
      `/v/${letter.token}`,
      '/masuk',
      `/kantor/${OFFICE}/privasi`,
      '/privasi/permintaan',
      '/darurat',
      '/darurat/kota-banjarmasin/kedaruratan-ppks',
    ];
    paths.staff = [
      ['front-office', '/petugas'],
      ['front-office', '/petugas/cari'],
      ['front-office', '/petugas/daftar-baru'],
      ['front-office', `/petugas/daftar-baru?layanan=rekomendasi-jamkesda-bayi`],
      ['front-office', staffCase(returned.applicationId)],
      ['front-office', `${staffCase(done.applicationId)}/tanda-terima`],
      ['kepala-dinas', staffCase(done.applicationId)],
      ['kepala-dinas', '/petugas/supervisi'],
      ['kepala-dinas', '/petugas/evaluasi'],
      ['kepala-dinas', '/petugas/spm'],
      ['kepala-dinas', '/petugas/spm/kebutuhan'],
      ['kepala-dinas', '/petugas/surat'],
      ['kepala-dinas', `/petugas/surat/${letter.id}`],
      ['kepala-dinas', '/petugas/pengaduan'],
      ['kepala-dinas', `/petugas/pengaduan/${complaint.id}`],
      ['front-office', '/petugas/pengaduan/baru'],
      ['kepala-dinas', '/petugas/survei'],
      ['front-office', '/petugas/registri'],
      ['admin', '/petugas/kalender'],
      ['admin', '/petugas/akun'],
      ['admin', '/petugas/akun/baru'],
      ['admin', `/petugas/akun/u/kepala-dinas%40${OFFICE}`],
      ['kepala-dinas', '/petugas/privasi'],
      ['kepala-dinas', `/petugas/privasi/${request.value.id}`],
      ['front-office', '/petugas/privasi/baru'],
      ['auditor', '/petugas/audit'],
      ['admin', '/petugas/sistem'],
      ['admin', '/petugas/notifikasi'],
      ['front-office', '/petugas/panggilan'],
    ];
  });
  after(async () => h?.close());

  async function check(page: Page, path: string, lang: 'id' | 'en'): Promise<string[]> {
    const url = `${base}${path}${lang === 'en' ? `${path.includes('?') ? '&' : '?'}lang=en` : ''}`;
    const r = await page.goto(url);
    const problems: string[] = [];
    if (!r || r.status() >= 400) problems.push(`${path} (${lang}): HTTP ${r?.status()}`);
    const v = await axeViolations(page);
    if (v.length) problems.push(`${path} (${lang}): axe ${v.map((x) => `${x.id} ${x.nodes.map((n) => n.target.join(' ')).slice(0, 2).join(', ')}`).join('; ')}`);
    const wide = await overflowingElements(page);
    if (wide.length) problems.push(`${path} (${lang}): wider than 360 px: ${wide.join(', ')}`);
    const csp = await cspViolations(page);
    if (csp.length) problems.push(`${path} (${lang}): Content-Security-Policy violations: ${csp.join('; ')}`);
    return problems;
  }

  it('every public page', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
    await watchCsp(ctx);
    const page = await ctx.newPage();
    const problems: string[] = [];
    for (const p of paths.public) for (const lang of ['id', 'en'] as const) problems.push(...(await check(page, p, lang)));
    await ctx.close();
    assert.deepEqual(problems, []);
  });

  it('every staff page, for the role that works there', async () => {
    const problems: string[] = [];
    for (const role of new Set(paths.staff.map(([r]) => r))) {
      const ctx = await browser.newContext({ viewport: { width: 360, height: 740 } });
      await watchCsp(ctx);
      const page = await ctx.newPage();
      await signIn(page, base, `${role}@${OFFICE}`);
      for (const [, p] of paths.staff.filter(([r]) => r === role)) for (const lang of ['id', 'en'] as const) problems.push(...(await check(page, p, lang)));
      await ctx.close();
    }
    assert.deepEqual(problems, []);
  });
});
