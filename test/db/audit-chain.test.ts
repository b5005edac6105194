/**
 * The tamper-evident audit trail on a real database: each audit and access-log row carries the
 * hash of its office's previous row, `sigap audit verify` names the first row where someone with
 * the database file edited, deleted, swapped or slipped in a row, and many parallel audited
 * writes (both write paths, two offices) leave every chain whole.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { Migrator, sql, type Migration } from 'kysely';
import { insertAuditEvent } from '../../src/db/audit-chain-repo.js';
import { dialectHelpers } from '../../src/db/dialect.js';
import { migrate } from '../../src/db/migrate.js';
import * as m001 from '../../src/db/migrations/001-standards.js';
import * as m002 from '../../src/db/migrations/002-applications.js';
import * as m003 from '../../src/db/migrations/003-letters.js';
import * as m004 from '../../src/db/migrations/004-registry.js';
import * as m005 from '../../src/db/migrations/005-complaints-surveys.js';
import * as m006 from '../../src/db/migrations/006-office-calendar.js';
import { appendAccessEntry } from '../../src/db/registry-repo.js';
import { GENESIS, rowHash } from '../../src/domain/audit-chain.js';
import { verifyAudit, type ChainReport } from '../../src/usecases/audit/verify-audit.js';
import { freshDatabase, TEST_DB } from '../support/db.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { nodeEntry, ROOT } from '../support/paths.js';

const JAMBI = 'kota-jambi';
const SEMARANG = 'kota-semarang';
const SITI = { id: null, name: 'Siti Rahmawati (Petugas Pelayanan)', roles: ['front-office'] };

/** A day of Dinas Sosial Kota Jambi's trail, with Kota Semarang's rows interleaved (one global seq, two chains). */
async function dayOfWork(t: TestCtx): Promise<{ jambi: string; semarang: string }> {
  const jambi = t.catalogue.office(JAMBI)!.id;
  const semarang = t.catalogue.office(SEMARANG)!.id;
  const at = (m: number) => new Date(Date.UTC(2026, 11, 7, 1, m)).toISOString();
  const db = t.database.db;
  await insertAuditEvent(db, { officeId: jambi, actor: 'Rahmat Hidayat (Kepala Seksi)', action: 'letters.number', subject: 'letter:a1', detail: { number: '460/0127/DINSOS/XII/2026' }, at: at(1) });
  await insertAuditEvent(db, { officeId: semarang, actor: 'Dwi Astuti (Admin)', action: 'calendar.closure.add', subject: 'office:kota-semarang', detail: { date: '2026-12-24' }, at: at(2) });
  await t.database.write((trx) =>
    insertAuditEvent(trx, { officeId: jambi, actor: 'Drs. H. Yusuf Effendi (Kepala Dinas)', action: 'letters.sign', subject: 'letter:a1', detail: { number: '460/0127/DINSOS/XII/2026' }, at: at(3) }),
  );
  await appendAccessEntry(t.database, { officeId: jambi, actor: SITI, action: 'lookup-nik', nik: '1571024107900003', reason: 'cek DTKS di loket atas permintaan warga', found: true, at: at(4) });
  await insertAuditEvent(db, { officeId: jambi, actor: 'Nurhayati (Pengelola Pengaduan)', action: 'complaint.identity.read', subject: 'complaint:ADU-2026-0042', detail: { mode: 'named' }, at: at(5) });
  await appendAccessEntry(t.database, { officeId: semarang, actor: SITI, action: 'lookup-nik', nik: '3374031708850002', reason: 'verifikasi permohonan', found: false, at: at(6) });
  await appendAccessEntry(t.database, { officeId: jambi, actor: SITI, action: 'lookup-kk', kk: '1571020101150007', reason: 'cek keluarga pemohon', found: true, at: at(7) });
  await insertAuditEvent(db, { officeId: jambi, actor: 'Rahmat Hidayat (Kepala Seksi)', action: 'letters.cancel', subject: 'letter:b2', detail: { reason: 'salah ketik nama' }, at: at(8) });
  await appendAccessEntry(t.database, { officeId: jambi, actor: SITI, action: 'export-person', nik: '1571024107900003', reason: 'permintaan data pribadi oleh pemilik data', at: at(9) });
  return { jambi, semarang };
}

type Table = 'audit_events' | 'registry_access_log';

/** One office's rows of a chained table, in chain order. */
async function rowsOf(t: TestCtx, table: Table, officeId: string): Promise<Record<string, unknown>[]> {
  return (await t.database.db.selectFrom(table).selectAll().where('office_id', '=', officeId).orderBy('seq').execute()).map((r) => ({ ...r, seq: Number(r.seq) }));
}

async function report(t: TestCtx, office?: string): Promise<ChainReport[]> {
  const r = await verifyAudit(t.ctx, office === undefined ? {} : { office });
  assert.ok(r.ok);
  assert.deepEqual(r.value.lostAnchors, []);
  return r.value.chains;
}

const chain = (reports: ChainReport[], table: Table, office: string) => reports.find((r) => r.table === table && r.office === office);
const breaks = (reports: ChainReport[]) => reports.filter((r) => r.broken).map((r) => `${r.office} ${r.table}`);

function sigap(args: string[], t: TestCtx) {
  const r = spawnSync(process.execPath, [...nodeEntry('src/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: t.location.databaseUrl ?? '', DATA_DIR: t.location.dataDir },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe(`audit chain: tampering is detected at the row where it happened (${TEST_DB})`, () => {
  let t: TestCtx;
  let ids: { jambi: string; semarang: string };
  const fresh = async () => {
    await t?.close();
    t = await testCtx();
    ids = await dayOfWork(t);
  };
  before(fresh);
  after(async () => {
    await t.close();
  });

  it('an untouched trail verifies: every chain intact, each row linked to the one before, first row to the genesis hash', async () => {
    const reports = await report(t);
    assert.deepEqual(breaks(reports), []);
    const audit = await rowsOf(t, 'audit_events', ids.jambi);
    // The standards load at boot, then the day's four Jambi audit rows.
    assert.deepEqual(
      audit.map((r) => r.action),
      ['standards.load', 'letters.number', 'letters.sign', 'complaint.identity.read', 'letters.cancel'],
    );
    assert.equal(audit[0]!.prev_hash, GENESIS);
    for (let i = 1; i < audit.length; i++) assert.equal(audit[i]!.prev_hash, audit[i - 1]!.hash);
    const log = await rowsOf(t, 'registry_access_log', ids.jambi);
    assert.equal(log.length, 3);
    assert.equal(log[0]!.prev_hash, GENESIS);
    assert.equal(log[2]!.prev_hash, log[1]!.hash);
    const head = chain(reports, 'registry_access_log', JAMBI)!;
    assert.equal(head.rows, 3);
    assert.equal(head.headHash, log[2]!.hash);
    assert.equal(chain(reports, 'audit_events', SEMARANG)!.rows, 2);
  });

  it('an edited row (a letter number changed) is found at that row; an edit with its hash recomputed, at the next row', async () => {
    const audit = await rowsOf(t, 'audit_events', ids.jambi);
    const signed = audit[2]!;
    await t.database.db.updateTable('audit_events').set({ detail: JSON.stringify({ number: '460/0128/DINSOS/XII/2026' }) }).where('id', '=', signed.id as string).execute();
    let b = chain(await report(t), 'audit_events', JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId, b.table], ['altered', signed.id, 'audit_events']);
    assert.match(b.message, /baris diubah/);
    assert.match(b.messageEn, /the row was edited/);

    // The forger knows the algorithm (it is open source) and fixes the row's own hash: the next row's link gives it away.
    const edited = { ...signed, detail: JSON.stringify({ number: '460/0128/DINSOS/XII/2026' }) };
    await t.database.db.updateTable('audit_events').set({ hash: rowHash('audit_events', edited, signed.prev_hash as string) }).where('id', '=', signed.id as string).execute();
    b = chain(await report(t), 'audit_events', JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId], ['link', audit[3]!.id]);
    // Semarang's chain is not Jambi's: untouched, it stays intact.
    assert.deepEqual(breaks(await report(t)), [`${JAMBI} audit_events`]);
    await fresh();
  });

  it('an edited access-log row (the NIK looked up changed) is found at that row', async () => {
    const log = await rowsOf(t, 'registry_access_log', ids.jambi);
    await t.database.db.updateTable('registry_access_log').set({ nik: '1571020000000000' }).where('id', '=', log[0]!.id as string).execute();
    const b = chain(await report(t), 'registry_access_log', JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId, b.table], ['altered', log[0]!.id, 'registry_access_log']);
    await fresh();
  });

  it('a deleted row is found at the row after it; a deleted last row by the chain head', async () => {
    const audit = await rowsOf(t, 'audit_events', ids.jambi);
    await t.database.db.deleteFrom('audit_events').where('id', '=', audit[2]!.id as string).execute();
    const b = chain(await report(t), 'audit_events', JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId, b.seq], ['link', audit[3]!.id, audit[3]!.seq]);
    assert.match(b.message, /hilang, dipindah, atau disisipkan/);

    const log = await rowsOf(t, 'registry_access_log', ids.jambi);
    await t.database.db.deleteFrom('registry_access_log').where('id', '=', log[2]!.id as string).execute();
    const end = chain(await report(t), 'registry_access_log', JAMBI)!.broken!;
    assert.deepEqual([end.kind, end.rowId], ['head-behind', log[1]!.id]);
    assert.match(end.message, /1 baris terakhir hilang: kepala rantai mencatat 3 baris/);
    assert.match(end.messageEn, /the last 1 row\(s\) are missing/);
    await fresh();
  });

  it('two swapped rows are found at the first position', async () => {
    const audit = await rowsOf(t, 'audit_events', ids.jambi);
    const [a, b] = [audit[1]!, audit[2]!];
    await t.database.write(async (trx) => {
      await trx.updateTable('audit_events').set({ seq: -1 }).where('seq', '=', a.seq as number).execute();
      await trx.updateTable('audit_events').set({ seq: a.seq as number }).where('seq', '=', b.seq as number).execute();
      await trx.updateTable('audit_events').set({ seq: b.seq as number }).where('seq', '=', -1).execute();
    });
    const broken = chain(await report(t), 'audit_events', JAMBI)!.broken!;
    assert.deepEqual([broken.kind, broken.rowId, broken.seq], ['link', b.id, a.seq]);
    await fresh();
  });

  it('a forged row is found: with a made-up hash at that row, with a correctly computed hash by the chain head', async () => {
    const log = await rowsOf(t, 'registry_access_log', ids.jambi);
    const forged = {
      id: randomUUID(),
      office_id: ids.jambi,
      at: new Date(Date.UTC(2026, 11, 7, 1, 10)).toISOString(),
      actor_id: null,
      actor_name: 'Ahmad Fauzi (Surveyor)',
      roles: '["surveyor"]',
      action: 'lookup-nik',
      nik: '1571024107900003',
      kk: null,
      snapshot_id: null,
      application_id: null,
      reason: 'kunjungan rumah',
      found: 1,
      detail: '{}',
    };
    // A row written straight into the table without any hash is refused outright.
    await assert.rejects(t.database.db.insertInto('registry_access_log').values(forged as never).execute());
    await t.database.db
      .insertInto('registry_access_log')
      .values({ ...forged, prev_hash: log[2]!.hash as string, hash: 'f'.repeat(64) })
      .execute();
    let b = chain(await report(t), 'registry_access_log', JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId], ['altered', forged.id]);

    await t.database.db
      .updateTable('registry_access_log')
      .set({ hash: rowHash('registry_access_log', forged, log[2]!.hash as string) })
      .where('id', '=', forged.id)
      .execute();
    b = chain(await report(t), 'registry_access_log', JAMBI)!.broken!;
    assert.deepEqual([b.kind, b.rowId], ['head-ahead', forged.id]);
    assert.match(b.messageEn, /a row was added outside the audit path/);
    await fresh();
  });

  it('a deleted chain head is itself a break; --office limits the check to one office; an unknown office is refused', async () => {
    await t.database.db.deleteFrom('audit_chain_heads').where('chain', '=', 'audit_events').where('office_key', '=', ids.semarang).execute();
    assert.equal(chain(await report(t), 'audit_events', SEMARANG)!.broken!.kind, 'no-head');
    const jambiOnly = await report(t, JAMBI);
    assert.deepEqual(
      jambiOnly.map((r) => [r.office, r.table, r.broken]),
      [
        [JAMBI, 'audit_events', null],
        [JAMBI, 'registry_access_log', null],
      ],
    );
    const unknown = await verifyAudit(t.ctx, { office: 'kota-atlantis' });
    assert.ok(!unknown.ok);
    assert.equal(unknown.error.kind, 'not-found');
    await fresh();
  });

  it('sigap audit verify: exit 0 with every head hash to note down; exit 1 naming table, row and fault in both languages', async () => {
    const ok = sigap(['audit', 'verify', '--office', JAMBI], t);
    assert.equal(ok.code, 0, ok.err);
    const log = await rowsOf(t, 'registry_access_log', ids.jambi);
    assert.ok(ok.out.includes(`UTUH/INTACT  kota-jambi registry_access_log: 3 baris/rows, hash kepala/head hash ${log[2]!.hash as string}\n`), ok.out);
    assert.match(ok.out, /Jejak audit utuh: 2 rantai.* \/ audit trail intact: 2 chains/);

    await t.database.db.updateTable('registry_access_log').set({ reason: 'iseng' }).where('id', '=', log[1]!.id as string).execute();
    const bad = sigap(['audit', 'verify'], t);
    assert.equal(bad.code, 1, bad.err);
    assert.ok(
      bad.out.includes(`PUTUS/BROKEN kota-jambi registry_access_log: baris/row ${log[1]!.id as string} (seq ${log[1]!.seq as number}): isi baris tidak cocok dengan hash-nya: baris diubah / the row's content does not match its hash: the row was edited\n`),
      bad.out,
    );
    assert.match(bad.out, /UTUH\/INTACT  kota-semarang registry_access_log: 1 baris\/rows/);
    assert.match(bad.out, /Jejak audit RUSAK: 1 dari \d+ rantai putus, 0 hash yang dicatat hilang \/ audit trail BROKEN: 1 of \d+ chains broken, 0 noted hashes lost/);
    await fresh();
  });

  it('a whole chain rewritten consistently (rows and head) passes on its own, but not against a head hash noted before', async () => {
    const noted = chain(await report(t, JAMBI), 'audit_events', JAMBI)!.headHash!;
    // Someone with the database rewrites a signing's number and recomputes every later hash and the head.
    const rows = await rowsOf(t, 'audit_events', ids.jambi);
    rows[2]!.detail = JSON.stringify({ number: '460/0999/DINSOS/XII/2026' });
    let prev = rows[1]!.hash as string;
    for (const row of rows.slice(2)) {
      const hash = rowHash('audit_events', row, prev);
      await t.database.db.updateTable('audit_events').set({ detail: row.detail as string, prev_hash: prev, hash }).where('id', '=', row.id as string).execute();
      prev = hash;
    }
    await t.database.db.updateTable('audit_chain_heads').set({ head_hash: prev }).where('chain', '=', 'audit_events').where('office_key', '=', ids.jambi).execute();
    assert.deepEqual(breaks(await report(t)), []);

    const v = await verifyAudit(t.ctx, { office: JAMBI, noted: [noted.toUpperCase()] });
    assert.ok(v.ok);
    assert.deepEqual(v.value.lostAnchors, [noted]);
    const cli = sigap(['audit', 'verify', '--office', JAMBI, '--noted', noted], t);
    assert.equal(cli.code, 1, cli.err);
    assert.ok(cli.out.includes(`PUTUS/BROKEN hash yang dicatat ${noted} tidak lagi ada di rantai mana pun: jejak ditulis ulang / noted hash ${noted} is no longer in any chain: the trail was rewritten\n`), cli.out);
    // A hash noted earlier that the chain still passes through (a row before the rewrite) keeps it anchored.
    const earlier = await verifyAudit(t.ctx, { noted: [rows[1]!.hash as string] });
    assert.ok(earlier.ok);
    assert.deepEqual(earlier.value.lostAnchors, []);
    assert.deepEqual(earlier.value.chains.find((c) => c.office === JAMBI && c.table === 'audit_events')!.anchored, [rows[1]!.hash]);
    const typo = await verifyAudit(t.ctx, { noted: ['4aca0a53'] });
    assert.ok(!typo.ok);
    assert.equal(typo.error.problems[0]!.field, 'noted');
  });
});

describe(`audit chain under concurrency (${TEST_DB})`, () => {
  let t: TestCtx;
  before(async () => {
    t = await testCtx();
  });
  after(async () => {
    await t.close();
  });

  it('400 parallel audited writes over both write paths and two offices leave every chain whole, nothing lost', async () => {
    const offices = [t.catalogue.office(JAMBI)!.id, t.catalogue.office(SEMARANG)!.id];
    const at = (i: number) => new Date(Date.UTC(2026, 11, 7, 2, 0, i % 60, i)).toISOString();
    const before = await report(t);
    const writes = Array.from({ length: 400 }, (_, i) => {
      const officeId = offices[i % 2]!;
      switch (i % 4) {
        case 0: // the access log's append path (the writer thread on SQLite)
        case 1:
          return appendAccessEntry(t.database, { officeId, actor: SITI, action: 'lookup-nik', nik: `15710241079${String(i).padStart(5, '0')}`, reason: 'cek DTKS di loket', found: i % 3 === 0, at: at(i) });
        case 2: // inside a transaction that reads first and yields, as use cases do
          return t.database.write(async (trx) => {
            await trx.selectFrom('audit_events').select('seq').where('office_id', '=', officeId).limit(1).execute();
            await new Promise((r) => setImmediate(r));
            await insertAuditEvent(trx, { officeId, actor: 'Rahmat Hidayat (Kepala Seksi)', action: 'letters.number', subject: `letter:${i}`, detail: { number: `460/${i}/DINSOS/XII/2026` }, at: at(i) });
          });
        default: // outside any transaction (it opens its own)
          return insertAuditEvent(t.database.db, { officeId, actor: 'Nurhayati (Pengelola Pengaduan)', action: 'complaint.identity.read', subject: `complaint:ADU-${i}`, detail: { mode: 'named' }, at: at(i) });
      }
    });
    const results = await Promise.allSettled(writes);
    assert.deepEqual(
      results.filter((r) => r.status === 'rejected'),
      [],
    );
    const after = await report(t);
    assert.deepEqual(breaks(after), []);
    for (const office of [JAMBI, SEMARANG]) {
      assert.equal(chain(after, 'registry_access_log', office)!.rows, 100);
      assert.equal(chain(after, 'audit_events', office)!.rows, chain(before, 'audit_events', office)!.rows + 100);
    }
  });
});

describe(`migration 009 chains the rows already written (${TEST_DB})`, () => {
  it('rows from before the migration are chained in their order, per office; later unchained rows are refused', async () => {
    const t = await freshDatabase({ migrate: false });
    try {
      const h = dialectHelpers(t.database.dialect);
      const earlier: Record<string, Migration> = {};
      for (const [name, m] of [['001-standards', m001], ['002-applications', m002], ['003-letters', m003], ['004-registry', m004], ['005-complaints-surveys', m005], ['006-office-calendar', m006]] as const)
        earlier[name] = { up: (db) => m.up(db, h) };
      const r = await new Migrator({ db: t.database.db, provider: { getMigrations: async () => earlier } }).migrateToLatest();
      assert.equal(r.error, undefined);
      const old = (seq: number, office: string | null, action: string) =>
        sql`INSERT INTO audit_events (seq, id, office_id, actor, action, subject, detail, at) VALUES (${seq}, ${randomUUID()}, ${office}, 'sigap', ${action}, 'office:x', '{}', ${'2026-11-0' + seq + 'T01:00:00.000Z'})`.execute(t.database.db);
      await old(1, 'office-a', 'standards.load');
      await old(2, 'office-b', 'standards.load');
      await old(3, null, 'sistem.mulai');
      await old(4, 'office-a', 'calendar.closure.add');
      await old(5, 'office-a', 'letters.sign');

      // Migrations between 006 and the chain (e.g. 007-accounts) run too, and those after it.
      const ran = await migrate(t.database);
      assert.ok(ran.includes('009-audit-chain') && ran.indexOf('009-audit-chain') > ran.indexOf('007-accounts'), ran.join(', '));
      const rows = await t.database.db.selectFrom('audit_events').select(['seq', 'office_id', 'prev_hash', 'hash']).orderBy('seq').execute();
      const a = rows.filter((x) => x.office_id === 'office-a');
      assert.deepEqual([a[0]!.prev_hash, a[1]!.prev_hash, a[2]!.prev_hash], [GENESIS, a[0]!.hash, a[1]!.hash]);
      assert.equal(rows.find((x) => x.office_id === null)!.prev_hash, GENESIS);
      const v = await verifyAudit({ database: t.database });
      assert.ok(v.ok);
      assert.deepEqual(
        v.value.chains.map((c) => [c.table, c.office, c.rows, c.broken]),
        [
          ['audit_events', null, 1, null],
          ['audit_events', 'office-a', 3, null],
          ['audit_events', 'office-b', 1, null],
        ],
      );
      await assert.rejects(old(6, 'office-a', 'tanpa.hash'));
    } finally {
      await t.cleanup();
    }
  });
});
