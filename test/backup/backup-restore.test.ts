/**
 * `sigap backup` while people keep applying, and `sigap restore` into a fresh place: every
 * application acknowledged before the backup began is back, with every document byte for byte;
 * a backup with one byte changed, or a place that is not empty, is refused.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tableNames } from '../../src/db/backup-repo.js';
import SQLite from 'better-sqlite3';
import { boot } from '../../src/boot.js';
import { openDatabase } from '../../src/db/dialect.js';
import { buildApp } from '../../src/http/app.js';
import { findTrackedCase } from '../../src/usecases/applications/find-tracked-case.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import type { Manifest } from '../../src/usecases/backup/manifest.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { newDatabasePlace, TEST_DB, type DatabasePlace } from '../support/db.js';
import { multipartBody, PNG_1X1 } from '../support/fixtures.js';
import { nodeEntry, ROOT, STANDARDS_DIR } from '../support/paths.js';

type Place = { databaseUrl: string | null; dataDir: string; filesDir?: string };

/** Runs the real command line as its own process, as an operator (or cron) would. */
function sigap(args: string[], place: Place): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeEntry('src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: place.databaseUrl ?? '', DATA_DIR: place.dataDir, FILES_DIR: place.filesDir ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, out, err }));
  });
}

interface Acked {
  id: string;
  registrationNumber: string;
  trackingCode: string;
  document: Buffer;
  sha256: string;
  ackedAt: number;
}

describe(`backup and restore while serving (${TEST_DB})`, () => {
  let t: TestCtx;
  let base: string;
  const backupDir = mkdtempSync(join(tmpdir(), 'sigap-backup-')) + '/2026-12-07';
  const places: DatabasePlace[] = [];
  const fresh = async () => {
    const p = await newDatabasePlace(null);
    places.push(p);
    return p.location;
  };
  let app: Awaited<ReturnType<typeof buildApp>>;

  before(async () => {
    t = await testCtx();
    app = await buildApp({ ctx: t.ctx, rateLimit: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await app.close();
    await t.close();
    for (const p of places) await p.remove().catch(() => undefined);
    rmSync(join(backupDir, '..'), { recursive: true, force: true });
  });

  // Pekanbaru, Pengecekan/Rekomendasi DTKS: the applicant's KK photo is its one document.
  const svc = () => t.catalogue.service('kota-pekanbaru', 'pengecekan-rekomendasi-dtks')!.service.service;

  /** One applicant: a photo of their own (unique bytes), then the application; resolves once answered. */
  async function apply(i: number): Promise<Acked | null> {
    const document = Buffer.concat([PNG_1X1, randomBytes(2048)]);
    const { payload, headers } = multipartBody('file', `kk-rina-${i}.png`, 'image/png', document);
    const up = await fetch(`${base}/api/v1/uploads`, { method: 'POST', body: payload, headers });
    assert.equal(up.status, 201, await up.clone().text());
    const upload = (await up.json()) as { id: string; sha256: string };
    const attachments = svc()
      .requirements.filter((r) => r.kind === 'document')
      .map((r) => ({ requirement: r.id, upload: upload.id }));
    const r = await fetch(`${base}/api/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `backup-${i}` },
      body: JSON.stringify({
        office: 'kota-pekanbaru',
        service: 'pengecekan-rekomendasi-dtks',
        applicant: { nik: '1471025508880004', name: `Rina Wati ${i}`, phone: '081371234567', address: `Jl. Tuanku Tambusai No. ${i}, Pekanbaru`, residentOfRegion: true },
        answers: { keperluan: 'kis' },
        attachments,
      }),
    });
    assert.equal(r.status, 201, await r.clone().text());
    const b = (await r.json()) as { id: string; registrationNumber: string; trackingCode: string };
    return { id: b.id, registrationNumber: b.registrationNumber, trackingCode: b.trackingCode, document, sha256: upload.sha256, ackedAt: performance.now() };
  }

  let acked: Acked[] = [];
  let backupStartedAt = 0;
  let backupEndedAt = 0;

  it('takes a backup while two applicants at a time keep submitting', async () => {
    // One whole case first, to its signed letter (a PDF kept under DATA_DIR/letters).
    await simulateCase(t.ctx, 'kota-jambi', 'rekomendasi-subsidi-listrik', 'main');
    const signed = await t.database.db.selectFrom('letters').select('sha256').where('sha256', 'is not', null).execute();
    assert.ok(signed.length > 0, 'a signed letter exists before the backup');
    let stop = false;
    let n = 0;
    const worker = async () => {
      while (!stop) {
        const a = await apply(n++);
        if (a) acked.push(a);
      }
    };
    // SQLite: a long read (a report, an export) holds its snapshot, so no checkpoint moves the
    // submissions below out of the write-ahead log into sigap.db; a plain copy of that file would
    // miss every one of them, an online backup must not.
    const pin = TEST_DB === 'sqlite' ? new SQLite(join(t.location.dataDir, 'sigap.db'), { readonly: true }) : null;
    pin?.exec('begin');
    pin?.prepare('select count(*) from applications').get();
    const workers = [worker(), worker()];
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 20));
    backupStartedAt = performance.now();
    const r = await sigap(['backup', backupDir], t.location);
    backupEndedAt = performance.now();
    stop = true;
    await Promise.all(workers);
    pin?.exec('commit');
    pin?.close();
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Cadangan selesai \/ backup done/);
    const during = acked.filter((a) => a.ackedAt > backupStartedAt && a.ackedAt < backupEndedAt).length;
    assert.ok(during > 0, 'submissions were acknowledged while the backup ran');
    const m = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    assert.equal(m.database.dialect, TEST_DB);
    // The newest migration the running product applied (the list grows; its last name is the version).
    const applied = (await t.database.db.selectFrom('kysely_migration' as never).select('name' as never).execute()) as unknown as { name: string }[];
    assert.equal(m.database.schemaVersion, applied.map((x) => x.name).sort().pop());
    assert.equal(m.sigapVersion, (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    assert.deepEqual(m.missing, []);
    // The key file of tracking codes is part of the backup: the database no longer holds it.
    assert.ok(m.files.some((f) => f.path === join('keys', 'server-secrets.json')), 'the key file is backed up');
    // Only the service account reads a backup: it holds every NIK and ID scan.
    assert.equal(statSync(backupDir).mode & 0o777, 0o700);
    for (const f of ['manifest.json', m.database.file, join('files', m.files[0]!.path)]) assert.equal(statSync(join(backupDir, f)).mode & 0o777, 0o600, f);
    assert.ok(m.database.rowCounts.applications! >= acked.filter((a) => a.ackedAt < backupStartedAt).length);
  });

  it('restores into an empty place: every application acknowledged before the backup began, every document byte for byte', async () => {
    const target = await fresh();
    const r = await sigap(['restore', backupDir], target);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /semua hash cocok sebelum dan sesudah \/ every hash matched before and after/);
    const restored = openDatabase(target);
    try {
      const rows = await restored.db.selectFrom('applications').select(['id', 'registration_number']).execute();
      const byId = new Map(rows.map((x) => [x.id, x.registration_number]));
      const before = acked.filter((a) => a.ackedAt < backupStartedAt);
      assert.ok(before.length >= 40);
      for (const a of before) {
        assert.equal(byId.get(a.id), a.registrationNumber, `${a.registrationNumber} acknowledged before the backup is restored`);
        const file = join(target.dataDir, 'uploads', a.sha256.slice(0, 2), a.sha256);
        assert.ok(readFileSync(file).equals(a.document), `the KK photo of ${a.registrationNumber} is byte-identical`);
      }
      // Consistent: every document the restored database refers to is there, byte for byte as stored.
      const uploads = await restored.db.selectFrom('uploads').select('sha256').execute();
      for (const u of uploads) {
        const rel = join('uploads', u.sha256.slice(0, 2), u.sha256);
        assert.ok(readFileSync(join(target.dataDir, rel)).equals(readFileSync(join(t.location.dataDir, rel))), `${rel} restored`);
      }
      // Signed letters too, byte for byte.
      const letters = await restored.db.selectFrom('letters').select('sha256').where('sha256', 'is not', null).execute();
      assert.ok(letters.length > 0);
      for (const l of letters) {
        const rel = join('letters', l.sha256!.slice(0, 2), `${l.sha256}.pdf`);
        assert.ok(readFileSync(join(target.dataDir, rel)).equals(readFileSync(join(t.location.dataDir, rel))), `${rel} restored`);
      }
      // Every case is whole: its task and its first event came back with it.
      const events = await restored.db.selectFrom('application_events').select('application_id').where('type', '=', 'submitted').execute();
      assert.equal(events.length, rows.length);
    } finally {
      await restored.close();
    }
    // Sigap starts on the restored place, and applicants' tracking codes still open their cases
    // (whatever secret the codes are checked with must be part of the backup).
    const b = await boot({ ...target, standardsDir: STANDARDS_DIR });
    assert.ok(b.ok);
    try {
      for (const a of acked.filter((x) => x.ackedAt < backupStartedAt).slice(0, 5))
        assert.equal((await findTrackedCase(b.ctx, a.registrationNumber, a.trackingCode))?.id, a.id, `${a.registrationNumber} tracked with its code`);
    } finally {
      await b.ctx.database.close();
    }
  });

  it('with uploads and letters on a shared store apart (FILES_DIR), restores them there and backs them up from there', async () => {
    const target = { ...(await fresh()), filesDir: mkdtempSync(join(tmpdir(), 'sigap-files-')) };
    try {
      const r = await sigap(['restore', backupDir], target);
      assert.equal(r.code, 0, r.err);
      const a = acked.find((x) => x.ackedAt < backupStartedAt)!;
      const rel = join('uploads', a.sha256.slice(0, 2), a.sha256);
      assert.ok(readFileSync(join(target.filesDir, rel)).equals(a.document), 'the KK photo is in the file store');
      assert.ok(!existsSync(join(target.dataDir, 'uploads')), 'and not in the data directory');
      assert.ok(existsSync(join(target.filesDir, 'letters')) && !existsSync(join(target.dataDir, 'letters')), 'signed letters too');
      assert.ok(existsSync(join(target.dataDir, 'keys', 'server-secrets.json')), 'the keys stay in the data directory');
      // A backup of that place finds its documents in the file store.
      const second = join(target.filesDir, '..', `${basename(target.filesDir)}-backup`);
      const b = await sigap(['backup', second], target);
      assert.equal(b.code, 0, b.err);
      const m = JSON.parse(readFileSync(join(second, 'manifest.json'), 'utf8')) as Manifest;
      assert.deepEqual(m.missing, []);
      assert.ok(m.files.some((f) => f.path === rel));
      rmSync(second, { recursive: true, force: true });
    } finally {
      rmSync(target.filesDir, { recursive: true, force: true });
    }
  });

  it('refuses a backup with one byte changed, in either language, and leaves the place empty', async () => {
    const m = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8')) as Manifest;
    for (const victim of [join('files', m.files[0]!.path), m.database.file]) {
      const copy = mkdtempSync(join(tmpdir(), 'sigap-tampered-'));
      cpSync(backupDir, copy, { recursive: true });
      const file = join(copy, victim);
      const bytes = readFileSync(file);
      const at = Math.floor(bytes.length / 2);
      bytes[at] = bytes[at]! ^ 0x01;
      writeFileSync(file, bytes);
      const target = await fresh();
      const r = await sigap(['restore', copy], target);
      rmSync(copy, { recursive: true, force: true });
      assert.equal(r.code, 1, `${victim} changed: refused`);
      assert.match(r.err, new RegExp(`Cadangan rusak atau telah diubah: ${victim.replace(/[.]/g, '\\.')} tidak cocok`));
      assert.match(r.err, /The backup is damaged or has been altered/);
      assert.deepEqual(readdirSync(target.dataDir), [], 'nothing written to the data directory');
      if (TEST_DB === 'postgres') {
        const d = openDatabase(target);
        assert.deepEqual(await tableNames(d.db, 'postgres'), [], 'nothing written to the database');
        await d.close();
      }
    }
  });

  it('checks the restored database against the manifest after writing it: a count that differs is reported', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'sigap-edited-'));
    cpSync(backupDir, copy, { recursive: true });
    const m = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8')) as Manifest;
    const n = m.database.rowCounts.applications!;
    m.database.rowCounts.applications = n + 1;
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(m));
    const r = await sigap(['restore', copy], await fresh());
    rmSync(copy, { recursive: true, force: true });
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`Hasil pemulihan berbeda dari cadangan: tabel applications berisi ${n} baris, bukan ${n + 1}`));
    assert.match(r.err, new RegExp(`The restored data differs from the backup: table applications holds ${n} rows, not ${n + 1}`));
  });

  it('refuses to restore over data, or to back up into a folder that holds one already', async () => {
    const over = await sigap(['restore', backupDir], t.location);
    assert.equal(over.code, 1);
    assert.match(over.err, /Pemulihan ditolak: direktori data .* tidak kosong/);
    assert.match(over.err, /Restore refused: the data directory .* is not empty/);
    if (TEST_DB === 'postgres') {
      // An empty data directory is not enough: the database must be empty too.
      const emptyDir = mkdtempSync(join(tmpdir(), 'sigap-empty-'));
      const r = await sigap(['restore', backupDir], { databaseUrl: t.location.databaseUrl, dataDir: emptyDir });
      rmSync(emptyDir, { recursive: true, force: true });
      assert.equal(r.code, 1);
      assert.match(r.err, /Pemulihan ditolak: basis data PostgreSQL .* tidak kosong/);
    }
    // A folder without its manifest is an unfinished backup (or not one at all).
    const unfinished = mkdtempSync(join(tmpdir(), 'sigap-unfinished-'));
    const none = await sigap(['restore', unfinished], await fresh());
    rmSync(unfinished, { recursive: true, force: true });
    assert.equal(none.code, 1);
    assert.match(none.err, /manifest\.json tidak ada atau bukan manifest cadangan Sigap/);
    assert.match(none.err, /is missing or not a Sigap backup manifest/);
    const again = await sigap(['backup', backupDir], t.location);
    assert.equal(again.code, 1);
    assert.match(again.err, /Folder cadangan sudah berisi berkas/);
    assert.match(again.err, /The backup folder already holds files/);
    assert.ok(existsSync(join(backupDir, 'manifest.json')), 'the earlier backup is untouched');
  });
});
