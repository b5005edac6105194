/**
 * Eligibility from the registry: facts are evaluated at submission against the current snapshot
 * and again at every decision step against the snapshot current then, and both results are
 * recorded on the case with their snapshot. The Pekanbaru service "Pengecekan dan Rekomendasi
 * DTKS" runs end to end from an imported snapshot: the three paths of its decree and the "not in
 * DTKS" advice.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findApplication, openTaskFor } from '../../src/db/applications-repo.js';
import { completeTask } from '../../src/usecases/applications/complete-task.js';
import type { RegistryRecheck } from '../../src/usecases/registry/effects.js';
import { submitApplication } from '../../src/usecases/applications/submit-application.js';
import { testApp, type TestApp } from '../support/app.js';
import { TEST_DB } from '../support/db.js';
import { extract, importAs, row, staffActor, tokenFor, writeCsv } from './support.js';

const OFFICE = 'kota-pekanbaru';
const SERVICE = 'pengecekan-rekomendasi-dtks';
const PKU = { provinsi: 'RIAU', kota: 'KOTA PEKANBARU', kecamatan: 'SUKAJADI', kelurahan: 'JADIREJO' };
/** Rina Wati, in DTKS (PBI-JK), and her husband. */
const RINA = row({ ...PKU, nik: '1471015506850001', kk: '1471011003100001', nama: 'RINA WATI', jenis_kelamin: 'P', hubungan: 'ISTRI', desil: '2', pbi: '1' });
const HERMAN = row({ ...PKU, nik: '1471011104820002', kk: '1471011003100001', nama: 'HERMAN SYAHPUTRA', jenis_kelamin: 'L', desil: '2', pbi: '1' });
/** Joni, not in the first snapshot; listed in the second. */
const JONI_NIK = '1471021203800002';
const JONI = row({ ...PKU, nik: JONI_NIK, kk: '1471022001150003', nama: 'JONI ISKANDAR', jenis_kelamin: 'L', desil: '1', pbi: '0' });

describe(`eligibility from the registry, and the Pekanbaru DTKS service end to end (${TEST_DB})`, () => {
  let t: TestApp;
  let dir: string;
  let first: string;
  /** Cases waiting at the DTKS check while the registry changes. */
  let joniCase: string;
  let rinaJanuaryCase: string;
  before(async () => {
    t = await testApp();
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-elig-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async (name: string, extra: string[][], period: string) => {
    const file = join(dir, name);
    writeCsv(file, extract(OFFICE, 250, extra));
    const r = await importAs(t, file, OFFICE, { period });
    assert.ok(r.ok, JSON.stringify(r));
    return r.value.snapshotId;
  };
  const submit = async (nik: string, name: string, answers: Record<string, unknown>) => {
    const front = await staffActor(t.ctx, 'front-office', OFFICE);
    return submitApplication(t.ctx, { office: OFFICE, service: SERVICE, applicant: { nik, name }, answers, attachments: [{ requirement: 'fotokopi-kk', shown: true }] }, front);
  };
  /** Completes the case's open task with an outcome, as the demo account of the task's role. */
  const step = async (id: string, outcome: string, note = 'Sesuai') => {
    const task = (await openTaskFor(t.database.db, id))!;
    const app = (await findApplication(t.database.db, t.catalogue.office(OFFICE)!.id, id))!;
    // A signing step is the signature: the demo head confirms it with the demo password.
    const data = outcome === 'ditandatangani' ? { password: 'sigap-demo' } : undefined;
    const r = await completeTask(t.ctx, { taskId: task.id, outcome, note, data, version: app.version }, await staffActor(t.ctx, task.role, OFFICE));
    assert.ok(r.ok, `${task.step_id} → ${outcome}: ${JSON.stringify(r)}`);
    return r.value;
  };
  const eventData = async (id: string, stepId: string) => {
    const e = await t.database.db.selectFrom('application_events').select('data').where('application_id', '=', id).where('step_id', '=', stepId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    return JSON.parse(e.data) as { registry?: RegistryRecheck };
  };

  it('before any snapshot, registry rules are unknown: the case is accepted and checked by staff', async () => {
    const r = await submit(JONI_NIK, 'Joni Iskandar', { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 2 });
    assert.ok(r.ok, JSON.stringify(r));
    const app = (await findApplication(t.database.db, t.catalogue.office(OFFICE)!.id, r.value.id))!;
    const elig = JSON.parse(app.eligibility);
    assert.equal(elig.registry, null);
    assert.equal(elig.results.find((x: { id: string }) => x.id === 'reaktivasi-terdaftar-dtks').verdict, 'unknown');
    // It waits at the DTKS check; decided after a snapshot is imported (below).
    await step(r.value.id, 'lengkap');
    joniCase = r.value.id;
  });

  it('records the registry facts and the snapshot on the case at submission', async () => {
    first = await snapshot('pekanbaru-2026-01.csv', [RINA, HERMAN], '2026-01');
    const r = await submit('1471015506850001', 'Rina Wati', { keperluan: 'kis' });
    assert.ok(r.ok, JSON.stringify(r));
    const app = (await findApplication(t.database.db, t.catalogue.office(OFFICE)!.id, r.value.id))!;
    const elig = JSON.parse(app.eligibility);
    assert.equal(elig.registry['registry.snapshot'], first);
    assert.equal(elig.registry['registry.period'], '2026-01');
    assert.equal(elig.registry['registry.dtks'], true);
    assert.equal(elig.registry['registry.desil'], 2);
    assert.equal(elig.registry['registry.pbi'], true);
    assert.ok(elig.results.every((x: { verdict: string }) => x.verdict === 'pass'));
    // A Re-Aktivasi case filed now, left waiting at the DTKS check while the registry changes.
    const reakt = await submit('1471015506850001', 'Rina Wati', { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 2 });
    assert.ok(reakt.ok, JSON.stringify(reakt));
    await step(reakt.value.id, 'lengkap');
    rinaJanuaryCase = reakt.value.id;
  });

  it('KIS (APBD), listed in DTKS: checked against the registry, Surat Rekomendasi to Dinkes, signed and delivered', async () => {
    const r = await submit('1471015506850001', 'Rina Wati', { keperluan: 'kis' });
    assert.ok(r.ok);
    const id = r.value.id;
    await step(id, 'lengkap');
    await step(id, 'terdaftar');
    const check = (await eventData(id, 'cek-dtks')).registry!;
    assert.equal(check.snapshot!.id, first);
    assert.equal(check.facts!['registry.dtks'], true);
    // Only the rules that read the registry are evaluated again (the 6-month rule does not).
    assert.deepEqual(check.rules.map((x) => [x.id, x.verdict, x.atSubmission]), [['reaktivasi-terdaftar-dtks', 'pass', 'pass']]);
    assert.deepEqual(check.failing, []);
    // The case page shows the re-check; registry facts only to roles that may read the registry.
    const casePage = async (who: string) => (await t.app.inject({ method: 'GET', url: `/petugas/berkas/${id}`, headers: await tokenFor(t, `${who}@${OFFICE}`) })).body;
    const operator = await casePage('operator');
    assert.match(operator, /Pemeriksaan ulang registri<\/strong> · snapshot periode 2026-01/);
    assert.match(operator, /<td>✓ memenuhi<\/td><td>✓ memenuhi<\/td>/);
    assert.match(operator, /<dt>Desil<\/dt><dd>2<\/dd>/);
    const complaints = await casePage('pengelola-pengaduan');
    assert.match(complaints, /Pemeriksaan ulang registri/);
    assert.doesNotMatch(complaints, /<dt>Desil<\/dt>/);
    await step(id, 'kis');
    await step(id, 'dibuat');
    await step(id, 'ditandatangani');
    const done = await step(id, 'diserahkan');
    assert.deepEqual([done.status, done.end], ['completed', 'selesai']);
  });

  it('KIP, listed in DTKS: Surat Rekomendasi to the school’s Dapodik operator', async () => {
    const r = await submit('1471011104820002', 'Herman Syahputra', { keperluan: 'kip' });
    assert.ok(r.ok);
    for (const o of ['lengkap', 'terdaftar', 'kip', 'dibuat', 'ditandatangani']) await step(r.value.id, o);
    const done = await step(r.value.id, 'diserahkan');
    assert.equal(done.end, 'selesai');
  });

  it('Re-Aktivasi PBI JKN: listed and non-active for less than 6 months → recommendation to BPJS Kesehatan', async () => {
    const r = await submit('1471015506850001', 'Rina Wati', { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 3 });
    assert.ok(r.ok, JSON.stringify(r));
    for (const o of ['lengkap', 'terdaftar', 'reaktivasi-pbi', 'sebelum-6-bulan', 'dibuat', 'ditandatangani']) await step(r.value.id, o);
    assert.equal((await step(r.value.id, 'diserahkan')).end, 'selesai');
  });

  it('Re-Aktivasi PBI JKN: non-active for 6 months or more is refused with the decree’s advice; with the duration unknown, the officer records the advice path', async () => {
    const late = await submit('1471015506850001', 'Rina Wati', { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 8 });
    assert.ok(!late.ok);
    const p = late.error.problems.find((x) => x.field === 'eligibility.reaktivasi-sebelum-6-bulan')!;
    assert.match(p.message, /Jika lewat dari 6 bulan, maka warga harus diusulkan kembali ke PBI-JKN, ataupun mendaftarkan diri ke PBPU Pemda/);
    const unknown = await submit('1471015506850001', 'Rina Wati', { keperluan: 'reaktivasi-pbi' });
    assert.ok(unknown.ok);
    for (const o of ['lengkap', 'terdaftar', 'reaktivasi-pbi']) await step(unknown.value.id, o);
    const done = await step(unknown.value.id, 'lewat-6-bulan', 'Non aktif sejak Maret 2025 (20 bulan)');
    assert.deepEqual([done.status, done.end], ['completed', 'arahan-usul-kembali']);
  });

  it('not in DTKS: Re-Aktivasi is refused ("dengan syarat terdaftar sebagai Peserta DTKS"); KIS and KIP end with the decree’s advice, KK stamped', async () => {
    const reakt = await submit('1471036512880004', 'Dewi Lestari', { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 1 });
    assert.ok(!reakt.ok);
    assert.match(reakt.error.problems.find((x) => x.field === 'eligibility.reaktivasi-terdaftar-dtks')!.message, /Tidak memenuhi syarat: dengan syarat \( terdaftar sebagai Peserta DTKS \)/);

    for (const [keperluan, advice] of [
      ['kis', 'kis-ke-dinkes'],
      ['kis', 'kis-sakit-ke-uptpk'],
      ['kip', 'kip-ke-sekolah'],
    ] as const) {
      const r = await submit('1471036512880004', 'Dewi Lestari', { keperluan });
      assert.ok(r.ok, JSON.stringify(r));
      const app = (await findApplication(t.database.db, t.catalogue.office(OFFICE)!.id, r.value.id))!;
      assert.equal(JSON.parse(app.eligibility).registry['registry.dtks'], false);
      await step(r.value.id, 'lengkap');
      await step(r.value.id, 'tidak-terdaftar', 'Tidak terdaftar di DTKS (SIKS-NG)');
      const check = (await eventData(r.value.id, 'cek-dtks')).registry!;
      assert.equal(check.facts!['registry.dtks'], false);
      assert.equal(check.snapshot!.id, first);
      const done = await step(r.value.id, advice);
      assert.deepEqual([done.status, done.end], ['completed', 'selesai-arahan'], advice);
    }
  });

  it('evaluates again at the decision against the snapshot current then: recorded with that snapshot, never blocking the officer', async () => {
    const second = await snapshot('pekanbaru-2026-02.csv', [HERMAN, JONI], '2026-02');
    // Joni's case was filed when nothing was imported; at the decision he is listed.
    await step(joniCase, 'terdaftar');
    const j = (await eventData(joniCase, 'cek-dtks')).registry!;
    assert.equal(j.snapshot!.id, second);
    assert.equal(j.snapshot!.period, '2026-02');
    assert.deepEqual(j.rules.map((x) => [x.id, x.atSubmission, x.verdict]), [['reaktivasi-terdaftar-dtks', 'unknown', 'pass']]);
    assert.deepEqual(j.changed, ['reaktivasi-terdaftar-dtks']);

    // Rina was listed when she filed in January; the February snapshot no longer lists her. The
    // rule now clearly fails: the officer is not blocked (the officer decides), and the case
    // records what the registry said, with the snapshot.
    const decided = await step(rinaJanuaryCase, 'terdaftar', 'Kartu PBI masih ditunjukkan; diteruskan');
    assert.equal(decided.step, 'keperluan');
    const r = (await eventData(rinaJanuaryCase, 'cek-dtks')).registry!;
    assert.equal(r.snapshot!.id, second);
    assert.equal(r.facts!['registry.dtks'], false);
    assert.deepEqual(r.failing, ['reaktivasi-terdaftar-dtks']);
    assert.deepEqual(r.changed, ['reaktivasi-terdaftar-dtks']);
    assert.equal(r.rules[0]!.atSubmission, 'pass');
    // A new submission is refused now, against the current snapshot.
    const again = await submit('1471015506850001', 'Rina Wati', { keperluan: 'reaktivasi-pbi', 'bulan-nonaktif': 2 });
    assert.ok(!again.ok);
  });

  it('shows the registry record of a case to staff: at submission and at each decision', async () => {
    const token = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'operator@kota-pekanbaru', password: 'sigap-demo' } });
    const page = await t.app.inject({ method: 'GET', url: `/petugas/registri/berkas/${rinaJanuaryCase}`, headers: { authorization: `Bearer ${JSON.parse(token.body).token}` } });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Saat pengajuan/);
    assert.match(page.body, /snapshot 2026-02/);
    assert.match(page.body, /✗ dengan syarat \( terdaftar sebagai Peserta DTKS \) <span class="meta">\(saat pengajuan: ✓\)/);
  });
});
