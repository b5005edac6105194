// Durability under attack: kill -9 in the middle of a burst of submissions, and a backup taken
// while submissions run, restored into a new place and started: every acknowledged registration
// is there, every document byte for byte.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPgDatabase, http, openDb, sigap, startServer } from './lib.mjs';
import { apply } from './seed.mjs';

/**
 * Applies continuously, `width` at a time, until `stop()` is called or `total` are sent;
 * `acked` holds every acknowledged `{ id, number, sha256, bytes }` in order.
 */
function burst(base, service, { width, total, serialFrom, onAck = () => undefined }) {
  const acked = [];
  const refused = [];
  let sent = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && sent < total) {
      const serial = serialFrom + sent++;
      const r = await apply(base(), service, serial, { name: `Warga Uji Ketahanan ${serial}`, key: `attack-${serial}` }).catch((e) => ({ ok: false, status: 0, error: e.message }));
      if (r.ok) {
        acked.push({ id: r.value.id, number: r.value.registrationNumber, sha256: r.upload?.sha256, bytes: r.upload?.bytes });
        onAck(acked.length);
      } else refused.push(r.status);
    }
  };
  const done = Promise.all(Array.from({ length: width }, worker));
  return { acked, refused, done, stop: () => (stopped = true) };
}

/** Which acknowledged registrations are missing from a place's database. */
async function missingFrom(place, acked) {
  const db = await openDb(place);
  try {
    const rows = await db.all('SELECT id, registration_number FROM applications');
    const stored = new Map(rows.map((r) => [r.id, r.registration_number]));
    const events = new Set((await db.all("SELECT application_id FROM application_events WHERE type = 'submitted'")).map((r) => r.application_id));
    return { total: rows.length, missing: acked.filter((a) => stored.get(a.id) !== a.number || !events.has(a.id)).map((a) => a.number) };
  } finally {
    await db.close();
  }
}

export async function killMidBurst(run, s) {
  const service = s.services[s.offices[0]];
  const N = 160;
  const KILL_AT = 60;
  let killed = null;
  const server = run.server;
  const b = burst(() => server.base, service, {
    width: 24,
    total: N,
    serialFrom: 2000,
    onAck: (n) => {
      if (n >= KILL_AT && !killed) {
        killed = server.kill9();
        b.stop();
      }
    },
  });
  const t0 = Date.now();
  await b.done;
  const exit = await killed;
  const ackedAtKill = b.acked.length;
  run.server = null;
  const restartT0 = Date.now();
  run.server = await startServer(run, run.place);
  const restartSeconds = (Date.now() - restartT0) / 1000;
  const check = await missingFrom(run.place, b.acked);
  const alive = await http(run.server.base, 'GET', '/api/v1/offices');
  const failures = [...(exit?.signal === 'SIGKILL' ? [] : [`the server was not killed by SIGKILL (${JSON.stringify(exit)})`]), ...check.missing.slice(0, 10).map((n) => `acknowledged ${n} is missing after the restart`), ...(alive.status === 200 ? [] : ['the restarted server does not answer'])];
  return {
    pass: failures.length === 0,
    failures,
    figures: { concurrent: 24, killedAfterAcks: KILL_AT, acknowledged: ackedAtKill, missingAfterRestart: check.missing.length, casesStored: check.total, unanswered: b.refused.length, burstSeconds: Math.round((Date.now() - t0) / 100) / 10, restartSeconds },
  };
}

const sha = (buf) => createHash('sha256').update(buf).digest('hex');

export async function backupRoundTrip(run, s) {
  const service = s.services[s.offices[0]];
  const base = () => run.server.base;
  const dir = join(run.tmp, 'backup');
  // Submissions run throughout; the backup starts once 30 are acknowledged.
  let startBackup;
  const ready = new Promise((r) => (startBackup = r));
  const b = burst(base, service, { width: 6, total: 400, serialFrom: 4000, onAck: (n) => n === 30 && startBackup() });
  await ready;
  const before = [...b.acked];
  const t0 = Date.now();
  const backup = await sigap(run, run.place, ['backup', dir]);
  const backupSeconds = (Date.now() - t0) / 1000;
  const duringBackup = b.acked.length - before.length;
  b.stop();
  await b.done;
  const failures = [];
  if (backup.code !== 0) failures.push(`sigap backup failed: ${backup.out.slice(-400)}`);
  const target = { dataDir: join(run.tmp, 'restored'), databaseUrl: run.pgUrl ? await createPgDatabase(run.pgUrl, `sigap_attack_restored_${process.pid}`) : null };
  const r0 = Date.now();
  const restore = backup.code === 0 ? await sigap(run, target, ['restore', dir]) : { code: 1, out: 'no backup' };
  const restoreSeconds = (Date.now() - r0) / 1000;
  if (restore.code !== 0) failures.push(`sigap restore failed: ${restore.out.slice(-400)}`);
  let figures = { acknowledgedBeforeBackup: before.length, acknowledgedDuringBackup: duringBackup, backupSeconds, restoreSeconds };
  if (restore.code === 0) {
    const check = await missingFrom(target, before);
    let differentFiles = 0;
    for (const a of before.filter((x) => x.sha256)) {
      const file = join(target.dataDir, 'uploads', a.sha256.slice(0, 2), a.sha256);
      if (!existsSync(file) || sha(readFileSync(file)) !== sha(a.bytes)) differentFiles++;
    }
    const restored = await startServer(run, target, { demo: false });
    (run.extraServers ??= []).push(restored);
    const alive = await http(restored.base, 'GET', '/api/v1/offices');
    await restored.stop();
    figures = { ...figures, casesInRestore: check.total, missing: check.missing.length, documentsChecked: before.filter((x) => x.sha256).length, documentsDifferent: differentFiles, restoredServerAnswers: alive.status === 200 };
    failures.push(...check.missing.slice(0, 10).map((n) => `acknowledged before the backup, missing from the restore: ${n}`));
    if (differentFiles) failures.push(`${differentFiles} documents differ or are missing after the restore`);
    if (alive.status !== 200) failures.push('Sigap does not start on the restored place');
  }
  return { pass: failures.length === 0, failures, figures };
}
