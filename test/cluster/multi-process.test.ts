/**
 * Several Sigap processes on one database behave as one (issue 18): two real `sigap serve`
 * processes take submissions at the same time and hand out registration numbers without a gap or
 * a repeat; two sweeps started together write each clock change (event and notices) once; an
 * admin's change of office hours, and a standards load, made elsewhere are in force in both within
 * the stated bound. Each server has its own data directory, as on its own machine, and shares only
 * the database, the file store (FILES_DIR) and SIGAP_SECRET_KEY: a letter signed anywhere is
 * verified, file and all, by every server. On PostgreSQL an address's rate limit is counted in
 * the database, so two servers allow it the stated rate in all.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { storeUpload } from '../../src/usecases/applications/store-upload.js';
import { simulateCase } from '../../src/usecases/applications/simulate-case.js';
import { setOfficeHours } from '../../src/usecases/calendar/set-office-hours.js';
import { CHANGES_POLL_MS } from '../../src/usecases/cluster/follow-changes.js';
import { loadStandards } from '../../src/usecases/catalogue/load-standards.js';
import { actorFor } from '../letters/helpers.js';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { nodeEntry, STANDARDS_DIR } from '../support/paths.js';
import { freePort } from '../support/ports.js';

const OFFICE = 'kota-jambi';
const SERVICE = 'rekomendasi-jamkesda-bayi';
const PER_PROCESS = 40;

interface Served {
  child: ChildProcess;
  base: string;
}

/**
 * A real `sigap serve` on the test's database, ready when it answers: its own data directory, the
 * test's data directory as the shared file store (where the test process's letters are stored).
 */
async function serve(t: TestCtx): Promise<Served> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sigap-node-'));
  const child = spawn(process.execPath, [...nodeEntry('src/cli/main.ts'), 'serve', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      // On SQLite the one database is the file in the test's data directory; several processes on one SQLite file is the single-machine case.
      DATABASE_URL: t.location.databaseUrl ?? `sqlite:${join(t.location.dataDir, 'sigap.db')}`,
      DATA_DIR: dataDir,
      FILES_DIR: t.location.dataDir,
      SIGAP_SECRET_KEY: 'kunci-rahasia-bersama-semua-server-uji-0123456789',
      STANDARDS_DIR,
      HOST: '127.0.0.1',
      SIGAP_DEMO: '1',
    },
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`sigap serve exited ${child.exitCode}: ${err}`);
    const ok = await fetch(`${base}/`).then((r) => r.ok, () => false);
    if (ok) return { child, base };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`sigap serve did not answer: ${err}`);
}

function runWorker(t: TestCtx, input: Record<string, unknown>): Promise<{ atRisk: number; late: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeEntry('test/cluster/sweep-worker.ts'), JSON.stringify({ ...t.location, ...input })], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`sweep worker exited ${code}: ${err}`))));
  });
}

describe(`several processes, one database (${TEST_DB})`, () => {
  let t: TestCtx;
  let servers: Served[] = [];

  before(async () => {
    t = await testCtx();
    servers = await Promise.all([serve(t), serve(t)]);
  });
  after(async () => {
    for (const s of servers) s.child.kill();
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    await t.close();
  });

  it('hands out registration numbers without a gap or a repeat when two servers take submissions at once', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const u = await storeUpload(t.ctx, png, 'ktp-siti.png');
    assert.ok(u.ok);
    const svc = t.ctx.catalogue.service(OFFICE, SERVICE)!.service.service;
    const body = JSON.stringify({
      office: OFFICE,
      service: SERVICE,
      applicant: { nik: '1571024107900003', name: 'Siti Aminah', phone: '081266782747', residentOfRegion: true },
      attachments: svc.requirements.filter((r) => r.kind === 'document').map((r) => ({ requirement: r.id, upload: u.value.id })),
    });
    const submit = async (s: Served, n: number, i: number) => {
      const r = await fetch(`${s.base}/api/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': `cluster-${n}-${i}` }, body });
      assert.equal(r.status, 201, await r.clone().text());
      return ((await r.json()) as { registrationNumber: string }).registrationNumber;
    };
    // Both servers at once, several requests in flight on each.
    const numbers = (await Promise.all(servers.flatMap((s, n) => Array.from({ length: PER_PROCESS }, (_, i) => submit(s, n, i))))).sort();
    assert.equal(new Set(numbers).size, numbers.length, 'no number handed out twice');
    const seqs = numbers.map((n) => Number(/(\d+)$/.exec(n)![1])).sort((a, b) => a - b);
    assert.equal(seqs[seqs.length - 1]! - seqs[0]! + 1, seqs.length, `no gap: ${seqs[0]}..${seqs[seqs.length - 1]} for ${seqs.length} submissions`);
  });

  it('verifies a letter signed elsewhere, its stored file intact, in every server (one FILES_DIR, own data directories)', async () => {
    const run = await simulateCase(t.ctx, OFFICE, 'rekomendasi-pub', 'main');
    const letter = await t.ctx.database.db.selectFrom('letters').select(['token', 'sha256', 'number']).where('application_id', '=', run.applicationId).where('status', '=', 'signed').executeTakeFirstOrThrow();
    for (const s of servers) {
      const page = await fetch(`${s.base}/v/${letter.token}`).then((r) => r.text());
      assert.ok(page.includes(letter.number!), 'the letter is found');
      // "VALID: the file is unchanged since it was signed": the server read the stored file and its embedded signature verifies.
      assert.match(page, /SAH: berkas utuh sejak ditandatangani/);
      assert.doesNotMatch(page, /TIDAK SAH/);
    }
  });

  it('limits an address across servers on PostgreSQL: the stated rate in all, not per process', async () => {
    // GET /v/<token>/sertifikat.pem: 60 a minute per address (no other test here asks it). 45 to each server, alternating, from one address.
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) for (const s of servers) statuses.push((await fetch(`${s.base}/v/tidak-ada-surat-${i}/sertifikat.pem`)).status);
    const refused = statuses.filter((x) => x === 429).length;
    if (TEST_DB === 'postgres') assert.deepEqual([statuses.length - refused, refused], [60, 30], 'counted in the database, shared by both');
    // SQLite is one machine's database: each process counts in memory, as documented (docs/OPERATIONS.md).
    else assert.equal(refused, 0);
  });

  it('writes each clock change once when two sweeps run at the same moment', async () => {
    const officeId = t.ctx.catalogue.office(OFFICE)!.id;
    const db = t.ctx.database.db;
    // The file was found complete (the clock runs) and time passed: every open case is past its due time.
    await db.updateTable('applications').set({ sla_state: 'on-time', due_at: '2026-01-05T01:00:00.000Z', clock_started_at: '2026-01-02T01:00:00.000Z' }).where('office_id', '=', officeId).where('status', '=', 'open').execute();
    const open = await db.selectFrom('applications').select('id').where('office_id', '=', officeId).where('status', '=', 'open').where('sla_state', 'in', ['on-time', 'at-risk']).execute();
    assert.ok(open.length >= 2 * PER_PROCESS, `${open.length} open cases to sweep`);
    const go = Date.now() + 1500;
    const runs = await Promise.all([0, 1].map(() => runWorker(t, { office: OFFICE, now: '2026-03-02T03:00:00.000Z', go })));
    assert.equal(runs[0]!.late + runs[1]!.late, open.length, `the two sweeps together moved each case once: ${JSON.stringify(runs)}`);
    const events = await db.selectFrom('application_events').select(['application_id']).where('office_id', '=', officeId).where('type', '=', 'sla:late').execute();
    const perCase = new Map<string, number>();
    for (const e of events) perCase.set(e.application_id, (perCase.get(e.application_id) ?? 0) + 1);
    assert.equal(perCase.size, open.length);
    assert.deepEqual([...new Set(perCase.values())], [1], 'one "late" event per case');
  });

  it("puts an admin's new office hours in force in every server within the stated bound", async () => {
    const admin = await actorFor(t.ctx, 'admin@kota-pekanbaru');
    // An unusual week, so neither server can show it by chance.
    const day = [{ open: '07:10', close: '13:50' }];
    const r = await setOfficeHours(t.ctx, admin, undefined, { days: { mon: day, tue: day, wed: day, thu: day, fri: day }, closedOnHolidays: true });
    assert.ok(r.ok);
    const changedAt = Date.now();
    const seenAfter = await Promise.all(
      servers.map(async (s) => {
        for (;;) {
          const body = await (await fetch(`${s.base}/api/v1/offices/kota-pekanbaru/hours`)).text();
          if (body.includes('13:50')) return Date.now() - changedAt;
          assert.ok(Date.now() - changedAt < CHANGES_POLL_MS + 3000, `server ${s.base} still on the old hours: ${body.slice(0, 300)}`);
          await new Promise((res) => setTimeout(res, 50));
        }
      }),
    );
    for (const ms of seenAfter) assert.ok(ms <= CHANGES_POLL_MS + 1000, `seen after ${ms} ms (bound ${CHANGES_POLL_MS} ms)`);
  });

  it('shows a newly loaded standard in every server within the stated bound', async () => {
    // The office publishes a corrected title: a copy of the standards with that one change.
    const dir = mkdtempSync(join(tmpdir(), 'sigap-standards-'));
    try {
      cpSync(realpathSync(STANDARDS_DIR), dir, { recursive: true });
      const file = join(dir, 'kota-jambi/services/09-rekomendasi-jamkesda-bayi.yaml');
      const text = readFileSync(file, 'utf8');
      assert.match(text, /^title: Pelayanan Rekomendasi Jamkesda Bayi$/m);
      writeFileSync(file, text.replace(/^title: Pelayanan Rekomendasi Jamkesda Bayi$/m, 'title: Pelayanan Rekomendasi Jamkesda Bayi Baru Lahir'));
      const loaded = await loadStandards(t.ctx.database, dir, 'test');
      assert.ok(loaded.ok);
      const changedAt = Date.now();
      const seenAfter = await Promise.all(
        servers.map(async (s) => {
          for (;;) {
            const body = await (await fetch(`${s.base}/api/v1/offices/kota-jambi/services/rekomendasi-jamkesda-bayi`)).text();
            if (body.includes('Jamkesda Bayi Baru Lahir')) return Date.now() - changedAt;
            assert.ok(Date.now() - changedAt < CHANGES_POLL_MS + 3000, `server ${s.base} still on the old standard`);
            await new Promise((res) => setTimeout(res, 50));
          }
        }),
      );
      for (const ms of seenAfter) assert.ok(ms <= CHANGES_POLL_MS + 1000, `seen after ${ms} ms (bound ${CHANGES_POLL_MS} ms)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
