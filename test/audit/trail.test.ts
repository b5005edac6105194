/**
 * The auditor's trail: the office's audit events, registry accesses and personal-data reads in one
 * list, filtered by the office's local dates, actor, kind, action, record and NIK (a NIK filter is
 * itself logged), paged with a bound, exported to XLSX (formula cells neutralised, the export
 * logged), NIKs masked for the auditor; the read log's chain verifies and an edit is found.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { appendDataAccesses } from '../../src/db/data-access-repo.js';
import { TRAIL_EXPORT_COLUMNS } from '../../src/usecases/audit/export-trail.js';
import { verifyAudit } from '../../src/usecases/audit/verify-audit.js';
import { TRAIL_EXPORT_MAX, TRAIL_MAX_PAGES, TRAIL_PAGE_SIZE } from '../../src/domain/audit/trail.js';
import { fileCase } from '../letters/helpers.js';
import { apiClient, testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { nodeEntry, ROOT } from '../support/paths.js';

const JAMBI = 'kota-jambi';
const FORMULA = '=HYPERLINK("http://contoh.invalid/x","cek")';

describe(`the audit trail page and its export (${TEST_DB})`, () => {
  let t: TestApp;
  let now = new Date('2026-04-06T03:00:00Z'); // Monday 6 April 2026, 10.00 WIB
  const { req, login } = apiClient(() => t);
  let officeId: string;
  let siti: { id: string; registrationNumber: string };
  let budi: { id: string; registrationNumber: string };
  let sitiNik: string;
  const trail = async (who: string, query: string) => req('GET', `/api/v1/audit/trail?${query}`, undefined, await login(`${who}@${JAMBI}`));

  before(async () => {
    t = await testApp({ now: () => now });
    officeId = t.catalogue.office(JAMBI)!.id;
    siti = await fileCase(t.ctx, JAMBI, 'rekomendasi-jamkesda-bayi', 'Siti Aminah');
    budi = await fileCase(t.ctx, JAMBI, 'rekomendasi-subsidi-listrik', 'Budi Santoso');
    sitiNik = (await t.database.db.selectFrom('applications').select('applicant_nik').where('id', '=', siti.id).executeTakeFirstOrThrow()).applicant_nik!;
    const front = await login(`front-office@${JAMBI}`);
    const head = await login(`kepala-dinas@${JAMBI}`);
    // Monday 23.30 WIB: the clerk opens Siti's case; a NIK search whose typed purpose looks like a formula.
    now = new Date('2026-04-06T16:30:00Z');
    assert.equal((await req('GET', `/petugas/berkas/${siti.id}`, undefined, front)).status, 200);
    assert.equal((await req('GET', `/api/v1/applications?q=${sitiNik}&purpose=${encodeURIComponent(FORMULA)}`, undefined, front)).status, 200);
    // Tuesday 00.30 WIB (still Monday in UTC): the head opens both cases.
    now = new Date('2026-04-06T17:30:00Z');
    assert.equal((await req('GET', `/petugas/berkas/${siti.id}`, undefined, head)).status, 200);
    assert.equal((await req('GET', `/petugas/berkas/${budi.id}`, undefined, head)).status, 200);
    now = new Date('2026-04-07T03:00:00Z');
  });
  after(async () => t?.close());

  it('days are the office’s local days: Monday holds the clerk’s 23.30 read, Tuesday the head’s 00.30 reads', async () => {
    const monday = await trail('auditor', 'from=2026-04-06&to=2026-04-06&kind=application');
    assert.equal(monday.status, 200, monday.body);
    const mon = monday.json();
    assert.ok(mon.lines.length > 0 && mon.lines.every((l: { actor: string }) => /Front Office/.test(l.actor)), JSON.stringify(mon.lines.map((l: { actor: string }) => l.actor)));
    const tuesday = (await trail('auditor', 'from=2026-04-07&to=2026-04-07&kind=application&action=read')).json();
    assert.deepEqual(tuesday.lines.map((l: { recordId: string }) => l.recordId).sort(), [siti.id, budi.id].sort());
    assert.ok(tuesday.lines.every((l: { atLocal: string }) => /7 April 2026 00\.30 WIB/.test(l.atLocal)));
  });

  it('filters by actor, record (by its registration number) and source, newest first', async () => {
    const byHead = (await trail('auditor', 'actor=kepala&kind=application')).json();
    assert.equal(byHead.lines.length, 2);
    assert.ok(byHead.lines.every((l: { actor: string }) => /Kepala Dinas/.test(l.actor)));
    const ofSiti = (await trail('kepala-dinas', `record=${siti.registrationNumber}`)).json();
    assert.ok(ofSiti.lines.length >= 3, 'the clerk’s read, the search that showed it, the head’s read');
    assert.ok(ofSiti.lines.every((l: { recordId: string }) => l.recordId === siti.id));
    const ats = ofSiti.lines.map((l: { at: string }) => l.at);
    assert.deepEqual(ats, [...ats].sort().reverse(), 'newest first');
    const registry = (await trail('kepala-dinas', 'kind=registry')).json();
    assert.ok(registry.lines.length >= 1 && registry.lines.every((l: { source: string }) => l.source === 'registry'));
    assert.equal(registry.bySource.data, 0);
    assert.equal(registry.bySource.event, 0);
  });

  it('a NIK filter is itself logged; the auditor sees NIKs masked, the head in full', async () => {
    const before = await t.database.db.selectFrom('data_access_log').select('id').where('record_kind', '=', 'audit-trail').execute();
    const auditor = await trail('auditor', `nik=${sitiNik}`);
    assert.equal(auditor.status, 200, auditor.body);
    assert.ok(auditor.json().lines.length >= 3);
    assert.ok(!auditor.body.includes(sitiNik), 'no full NIK for the auditor');
    assert.ok(auditor.json().lines.every((l: { nik: string | null }) => l.nik === null || /^\d{4} \d{2}•• •••• \d{4}$/.test(l.nik)));
    const logged = await t.database.db.selectFrom('data_access_log').selectAll().where('record_kind', '=', 'audit-trail').execute();
    assert.equal(logged.length, before.length + 1);
    const e = logged.at(-1)!;
    assert.deepEqual([e.action, e.subject_nik, e.purpose, e.actor_id], ['read', sitiNik, 'oversight', (await t.database.db.selectFrom('staff_users').select('id').where('username', '=', `auditor@${JAMBI}`).executeTakeFirstOrThrow()).id]);
    const head = await trail('kepala-dinas', `nik=${sitiNik}`);
    assert.ok(head.json().lines.some((l: { nik: string | null }) => l.nik === sitiNik));
    assert.equal((await trail('kepala-dinas', 'kind=application')).json().lines.filter((l: { kind: string }) => l.kind === 'audit-trail').length, 0);
  });

  it('refuses bad filters beside their fields, and roles that do not read the trail', async () => {
    const bad = await trail('auditor', 'nik=1571&actor=%25&kind=semua&from=2026-04-08&to=2026-04-01');
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.json().error.problems.map((p: { field: string }) => p.field).sort(), ['actor', 'kind', 'nik', 'to']);
    const page = await req('GET', '/petugas/audit?nik=1571', undefined, await login(`auditor@${JAMBI}`));
    assert.equal(page.status, 422);
    assert.match(page.body, /<p class="field-error" id="err-nik">NIK harus 16 angka<\/p><input id="t-nik"/, 'the message beside the field, in Indonesian');
    assert.match((await req('GET', '/petugas/audit?nik=1571&lang=en', undefined, await login(`auditor@${JAMBI}`))).body, /A NIK has 16 digits/);
    assert.equal((await trail('front-office', '')).status, 403);
    const front = await login(`front-office@${JAMBI}`);
    assert.equal((await req('GET', '/petugas/audit', undefined, front)).status, 403);
    assert.equal((await req('GET', '/petugas/audit/ekspor', undefined, front)).status, 403);
    assert.doesNotMatch((await req('GET', '/petugas', undefined, front)).body, /href="\/petugas\/audit"/, 'no menu entry for the clerk');
    assert.match((await req('GET', '/petugas', undefined, await login(`kepala-dinas@${JAMBI}`))).body, /href="\/petugas\/audit"/);
  });

  it('exports the filtered lines to XLSX, read back whole, formulas neutralised; the export is logged', async () => {
    const headers = await login(`auditor@${JAMBI}`);
    const expected = (await trail('auditor', 'from=2026-04-06&to=2026-04-06')).json();
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/audit/trail.xlsx?from=2026-04-06&to=2026-04-06', headers });
    assert.equal(r.statusCode, 200, r.body);
    assert.match(String(r.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Jejak Audit')!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    assert.deepEqual(rows[0]!.slice(1), TRAIL_EXPORT_COLUMNS);
    assert.equal(rows.length - 1, expected.total, 'every filtered line, no other');
    assert.deepEqual(rows.slice(1).map((row) => row[2]), expected.lines.map((l: { at: string }) => l.at), 'the same lines in the same order');
    const reasons = rows.slice(1).map((row) => String(row[11] ?? ''));
    assert.ok(reasons.includes(`'${FORMULA}`), 'the typed purpose is text, not a formula');
    assert.ok(!reasons.includes(FORMULA));
    assert.ok(rows.slice(1).every((row) => !String(row[9] ?? '').match(/^\d{16}$/)), 'the auditor’s export masks NIKs too');
    const logged = await t.database.db.selectFrom('data_access_log').selectAll().where('record_kind', '=', 'audit-trail').where('action', '=', 'export').execute();
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.purpose, 'oversight');
    // The page's export link sends the same file.
    const page = await req('GET', '/petugas/audit?from=2026-04-06&to=2026-04-06', undefined, headers);
    assert.match(page.body, /href="\/petugas\/audit\/ekspor\?from=2026-04-06&amp;to=2026-04-06"/);
  });

  it('the read log’s chain verifies (sigap audit verify), and an edited read is found at its row', async () => {
    const v = await verifyAudit(t.ctx, { office: JAMBI });
    assert.ok(v.ok);
    const reads = v.value.chains.find((c) => c.table === 'data_access_log' && c.office === JAMBI)!;
    assert.ok(reads && !reads.broken && reads.rows > 5, JSON.stringify(reads));
    const cli = (args: string[]) =>
      spawnSync(process.execPath, [...nodeEntry('src/cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: t.location.databaseUrl ?? '', DATA_DIR: t.location.dataDir }, timeout: 60_000 });
    const ok = cli(['audit', 'verify', '--office', JAMBI]);
    assert.equal(ok.status, 0, ok.stderr);
    assert.match(ok.stdout, /UTUH\/INTACT  kota-jambi data_access_log/);
    // Someone with the database file hides who read Siti's case.
    const row = await t.database.db.selectFrom('data_access_log').selectAll().where('record_id', '=', siti.id).orderBy('seq').executeTakeFirstOrThrow();
    await t.database.db.updateTable('data_access_log').set({ actor_name: 'Sistem' }).where('id', '=', row.id).execute();
    const broken = await verifyAudit(t.ctx, { office: JAMBI });
    assert.ok(broken.ok);
    const b = broken.value.chains.find((c) => c.table === 'data_access_log' && c.office === JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId], ['altered', row.id]);
    const bad = cli(['audit', 'verify', '--office', JAMBI]);
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, new RegExp(`PUTUS/BROKEN kota-jambi data_access_log: baris/row ${row.id}`));
    await t.database.db.updateTable('data_access_log').set({ actor_name: row.actor_name }).where('id', '=', row.id).execute();
  });

  it('pages are bounded: 50 lines a page, only the newest 20 pages reachable; an export over 5000 lines is refused beside the dates', async () => {
    // 5500 reads of a busy Wednesday by the operator, chained like any.
    const actor = { id: null, name: 'Rina Marlina (Operator Layanan)', roles: ['operator'] };
    for (let batch = 0; batch < 11; batch++)
      await appendDataAccesses(
        t.database,
        Array.from({ length: 500 }, (_, i) => ({ officeId, actor, action: 'read' as const, recordKind: 'application' as const, recordId: budi.id, purpose: 'case-search' as const, at: new Date(Date.UTC(2026, 3, 8, 2, 0, batch * 500 + i)).toISOString() })),
      );
    const last = (await trail('auditor', `page=${TRAIL_MAX_PAGES + 5}`)).json();
    assert.equal(last.page, TRAIL_MAX_PAGES);
    assert.equal(last.pages, TRAIL_MAX_PAGES);
    assert.equal(last.lines.length, TRAIL_PAGE_SIZE);
    assert.equal(last.truncated, true);
    assert.ok(last.total > TRAIL_EXPORT_MAX);
    const refused = await req('GET', '/api/v1/audit/trail.xlsx', undefined, await login(`auditor@${JAMBI}`));
    assert.equal(refused.status, 422);
    assert.equal(refused.json().error.problems[0].code, 'export-too-large');
    const page = await req('GET', '/petugas/audit/ekspor', undefined, await login(`auditor@${JAMBI}`));
    assert.equal(page.status, 422);
    assert.match(page.body, /id="err-from">Ekspor memuat paling banyak 5000 baris/);
    assert.match(page.body, /<form method="get" action="\/petugas\/audit"/, 'the page again, never a raw JSON answer');
    const narrowed = await t.app.inject({ method: 'GET', url: '/api/v1/audit/trail.xlsx?from=2026-04-06&to=2026-04-07', headers: await login(`auditor@${JAMBI}`) });
    assert.equal(narrowed.statusCode, 200);
  });
});
