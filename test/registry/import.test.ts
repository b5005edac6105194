/**
 * Importing DTKS/DTSEN extracts: messy files are read, bad rows are reported (row, column, reason)
 * and counted, an import beyond the threshold is refused as a whole, the same file twice is a
 * no-op, and every snapshot is kept so one can ask who was listed on a date.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { currentSnapshot, rowTableExists } from '../../src/db/registry-repo.js';
import { csvLine } from '../../src/domain/registry/sample.js';
import { lookupRegistry } from '../../src/usecases/registry/lookup-registry.js';
import { registryFactsFor } from '../../src/usecases/registry/facts.js';
import { testCtx, type TestCtx } from '../support/ctx.js';
import { TEST_DB } from '../support/db.js';
import { extract, HEADER, importAs, row, staffActor, writeCsv } from './support.js';

const SITI = { nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', tanggal_lahir: '1990-07-01', jenis_kelamin: 'P', hubungan: 'ISTRI', desil: '1', pkh: '1' };
const BUDI = { nik: '1571021708850002', kk: '1571020101150007', nama: 'BUDI SANTOSO', tanggal_lahir: '1985-08-17', jenis_kelamin: 'L', hubungan: 'KEPALA KELUARGA', desil: '1', pkh: '1' };
const AHMAD = { nik: '1571020503150001', kk: '1571020101150007', nama: 'AHMAD FAUZI', tanggal_lahir: '2015-03-05', jenis_kelamin: 'L', hubungan: 'ANAK', desil: '1', pkh: '1' };

describe(`registry import (${TEST_DB})`, () => {
  let t: TestCtx;
  let dir: string;
  let clock = new Date('2026-02-02T02:00:00Z');
  const reason = 'Pemeriksaan DTKS di loket atas permintaan warga';
  before(async () => {
    t = await testCtx({ now: () => clock });
    dir = mkdtempSync(join(tmpdir(), 'sigap-reg-'));
  });
  after(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const lookup = async (nik: string, extra: { asOf?: string } = {}) => {
    const r = await lookupRegistry(t.ctx, await staffActor(t.ctx, 'operator', 'kota-jambi'), { nik, reason, ...extra });
    assert.ok(r.ok, JSON.stringify(r));
    return r.value;
  };

  it('reads a messy UTF-8 extract: BOM, CRLF, semicolons with some comma rows, quoted line breaks, blank lines, duplicate NIKs', async () => {
    const file = join(dir, 'jambi-2026-01.csv');
    const sep = ';';
    const lines = [
      '\uFEFF' + csvLine(HEADER.map((h) => h.toUpperCase()), sep),
      csvLine(row(BUDI), sep),
      csvLine(row({ ...SITI, alamat: 'JL. SULTAN THAHA NO. 12\nRT 05 RW 02, BERINGIN' }), sep), // quoted, with a line break and a comma
      '',
      csvLine(row(AHMAD), ','), // a row glued in from a comma-separated export
      '   ',
      csvLine(row({ ...SITI, nama: 'SITI AMINAH (GANDA)' }), sep), // duplicate NIK, conflicting
      csvLine(row(BUDI), sep), // duplicate NIK, identical
      csvLine(row({ nik: '157102410790003', kk: '1571020101150007', nama: 'NIK KURANG SATU DIGIT' }), sep),
      csvLine(row({ nik: '1571115506800011', kk: '1571110101100011', nama: 'RATNA SARI', alamat: 'JL. MAWAR \\ BLOK C\tNO. 2' }), sep), // a backslash and a tab
      ...extract('kota-jambi', 600).map((r) => csvLine(r, sep)),
    ];
    writeFileSync(file, lines.join('\r\n') + '\r\n');
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-01' });
    assert.ok(r.ok, JSON.stringify(r));
    const v = r.value;
    assert.equal(v.status, 'complete');
    assert.equal(v.separator, ';');
    assert.equal(v.encoding, 'utf-8');
    assert.equal(v.rows.read, 607, 'blank lines are not rows');
    assert.equal(v.rows.duplicates, 2);
    assert.equal(v.rows.rejected, 3);
    assert.equal(v.rows.accepted, 604);
    assert.ok(v.rejectedFraction < 0.01);
    assert.equal(v.rows.unchanged, null, 'the first snapshot has nothing to compare with');
    // The report names the spreadsheet row, the column and the reason.
    const report = readFileSync(v.reportPath!, 'utf8');
    assert.match(report, /^\uFEFFbaris,kolom,alasan,reason\n/);
    assert.match(report, /\n9,nomor_nik,NIK harus 16 digit; yang diisi 15 digit\./);
    assert.match(report, /\n7,nomor_nik,NIK ganda: sudah tercantum di baris 3,/);
    assert.match(report, /\n8,nomor_nik,NIK ganda: sudah tercantum di baris 2,/);

    const siti = await lookup(SITI.nik);
    assert.equal(siti.found, true);
    assert.equal(siti.person!.name, 'SITI AMINAH', 'the first of the duplicates is kept');
    assert.equal(siti.person!.address.address, 'JL. SULTAN THAHA NO. 12 RT 05 RW 02, BERINGIN');
    assert.deepEqual(siti.family!.map((m) => m.name).sort(), ['AHMAD FAUZI', 'BUDI SANTOSO', 'SITI AMINAH']);
    assert.equal(siti.snapshot!.period, '2026-01');
    assert.equal((await lookup('1571115506800011')).person!.address.address, 'JL. MAWAR \\ BLOK C NO. 2', 'a backslash is kept, a tab becomes a space');
  });

  it('reads a Windows-1252 extract with a pipe separator (apostrophes typed in a spreadsheet: MA’RUF, NUR’AINI)', async () => {
    const office = 'kota-semarang';
    const file = join(dir, 'semarang.csv');
    const people = [
      row({ nik: '3374031708850002', kk: '3374030101100003', nama: 'MA’RUF HIDAYAT', provinsi: 'JAWA TENGAH', kota: 'KOTA SEMARANG', kecamatan: 'SEMARANG TENGAH', kelurahan: 'SEKAYU', desil: '3' }),
      row({ nik: '3374035204920001', kk: '3374030101100003', nama: 'NUR’AINI', provinsi: 'JAWA TENGAH', kota: 'KOTA SEMARANG', hubungan: 'ISTRI', desil: '3', alamat: 'GG. KAUMAN “MASJID”' }),
    ];
    writeCsv(file, [...people, ...extract(office, 200)], { sep: '|', encoding: 'windows-1252', crlf: true });
    assert.ok(readFileSync(file).includes(0x92), 'the file really is Windows-1252');
    const r = await importAs(t, file, office, { period: '2026-01' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.encoding, 'mixed');
    assert.equal(r.value.separator, '|');
    const found = await lookupRegistry(t.ctx, await staffActor(t.ctx, 'operator', office), { nik: '3374035204920001', reason });
    assert.ok(found.ok);
    assert.equal(found.value.person!.name, 'NUR’AINI');
    assert.equal(found.value.person!.address.address, 'GG. KAUMAN “MASJID”');
    assert.equal(found.value.family!.find((m) => m.relation === 'KEPALA KELUARGA')!.name, 'MA’RUF HIDAYAT');
  });

  it('reads an XLSX extract (NIK as text, birth date as a date cell, desil as a number)', async () => {
    const office = 'kota-banjarmasin';
    const file = join(dir, 'banjarmasin.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DTKS');
    ws.addRow(['IDDTKS', 'NIK', 'NO_KK', 'NAMA', 'TGL_LAHIR', 'JK', 'DESIL', 'PBI']);
    ws.addRow(['6371-1', '6371015506800001', '6371010101120002', 'MASLIANI', new Date(Date.UTC(1980, 5, 15)), 'P', 2, 'Y']);
    ws.addRow([]);
    ws.addRow(['6371-2', '6371011203780003', '6371010101120002', 'JUMRI', new Date(Date.UTC(1978, 2, 12)), 'L', 2, 'T']);
    await wb.xlsx.writeFile(file);
    const r = await importAs(t, file, office, { period: '2026-01' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.kind, 'xlsx');
    assert.equal(r.value.rows.accepted, 2);
    const a = await lookupRegistry(t.ctx, await staffActor(t.ctx, 'operator', office), { nik: '6371015506800001', reason });
    assert.ok(a.ok && a.value.found);
    assert.equal(a.value.person!.birthDate, '1980-06-15');
    assert.equal(a.value.person!.desil, 2);
    assert.deepEqual(a.value.family!.map((m) => m.programmes.pbi), [true, false]);
  });

  it('refuses the whole import beyond the threshold (default 1%): the previous snapshot stays current and nothing of the new one is visible', async () => {
    const before = await currentSnapshot(t.database.db, t.catalogue.office('kota-jambi')!.id);
    const file = join(dir, 'jambi-bad.csv');
    const good = extract('kota-jambi', 190, [], 11);
    const bad = Array.from({ length: 10 }, (_, i) => row({ nik: `15710241079${String(i).padStart(5, '0')}`.slice(0, 15), kk: '1571020101150007', nama: `BARIS RUSAK ${i}` }));
    // A NIK that is only in the refused file: it must never be found.
    const onlyHere = row({ nik: '1571026612010001', kk: '1571021212200001', nama: 'HANYA DI BERKAS DITOLAK' });
    writeCsv(file, [onlyHere, ...good, ...bad]);
    clock = new Date('2026-03-03T03:00:00Z');
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-03' });
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'invalid');
    assert.equal(r.error.problems[0]!.code, 'threshold-exceeded');
    assert.match(r.error.problems[0]!.message, /10 dari 201 baris \(4\.98%\) tidak sah, melebihi ambang 1\.00%/);
    assert.equal(r.summary!.status, 'refused');
    assert.equal(readFileSync(r.summary!.reportPath!, 'utf8').trim().split('\n').length, 11, 'header and ten rejected rows');
    const after = await currentSnapshot(t.database.db, t.catalogue.office('kota-jambi')!.id);
    assert.equal(after!.id, before!.id);
    assert.equal((await lookup('1571026612010001')).found, false);
    assert.equal(await rowTableExists(t.database.db, `registry_rows_${r.summary!.snapshotId.replace(/-/g, '')}`), false);
    const row_ = await t.database.db.selectFrom('registry_snapshots').selectAll().where('id', '=', r.summary!.snapshotId).executeTakeFirstOrThrow();
    assert.equal(row_.status, 'refused');
    assert.equal(row_.current_for_period, 0);

    // With a threshold of 10% set for this import the same file is accepted.
    const again = await importAs(t, file, 'kota-jambi', { period: '2026-03', threshold: 0.1 });
    assert.ok(again.ok, JSON.stringify(again));
    assert.equal(again.value.rows.rejected, 10);
    assert.equal((await lookup('1571026612010001')).found, true);
  });

  it('treats the same file imported again for the same office and period as a no-op', async () => {
    const file = join(dir, 'jambi-bad.csv');
    const count = async () => (await t.database.db.selectFrom('registry_snapshots').select('id').execute()).length;
    const n = await count();
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-03', threshold: 0.1 });
    assert.ok(r.ok);
    assert.equal(r.value.status, 'noop');
    assert.equal(await count(), n, 'no new snapshot');
  });

  it('keeps every snapshot: counts what changed, and answers who was listed on a past date', async () => {
    const officeId = t.catalogue.office('kota-jambi')!.id;
    const first = await currentSnapshot(t.database.db, officeId);
    const file = join(dir, 'jambi-2026-04.csv');
    // Siti's family leaves the registry, Budi's desil... (whole family gone); one newcomer.
    const base = extract('kota-jambi', 190, [], 11);
    const changed = base.slice(0, 189);
    changed[0] = changed[0]!.slice();
    changed[0]![17] = changed[0]![17] === '1' ? '2' : '1'; // one person's desil changed
    const dewi = row({ nik: '1571036512880004', kk: '1571031503180002', nama: 'DEWI LESTARI', desil: '1' });
    writeCsv(file, [...changed, dewi]);
    clock = new Date('2026-04-06T03:00:00Z');
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-04' });
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.previousSnapshotId, first!.id);
    assert.equal(r.value.rows.unchanged, 188);
    assert.equal(r.value.rows.new, 1);
    assert.equal(r.value.rows.removed, 2, 'the row only in the refused-then-accepted file, and the last generated row');
    assert.equal((await lookup('1571036512880004')).found, true);
    const gone = await lookup('1571026612010001');
    assert.equal(gone.snapshot!.id, r.value.snapshotId);
    assert.equal(gone.found, false);
    // As the office knew it on 5 April (before this import) and on 3 February.
    assert.equal((await lookup('1571026612010001', { asOf: '2026-04-05' })).found, true);
    const feb = await lookup(SITI.nik, { asOf: '2026-02-03' });
    assert.equal(feb.found, true);
    assert.equal(feb.snapshot!.period, '2026-01');
    assert.equal(feb.snapshot!.current, false);
    assert.equal((await lookup(SITI.nik, { asOf: '2026-01-01' })).snapshot, null, 'nothing was imported yet');
    // Eligibility facts come from the current snapshot.
    const facts = await registryFactsFor(t.ctx, officeId, '1571036512880004');
    assert.deepEqual({ dtks: facts!['registry.dtks'], desil: facts!['registry.desil'], snapshot: facts!['registry.snapshot'] }, { dtks: true, desil: 1, snapshot: r.value.snapshotId });
    assert.equal((await registryFactsFor(t.ctx, officeId, SITI.nik))!['registry.dtks'], false);
    assert.equal(await registryFactsFor(t.ctx, t.catalogue.office('kota-pekanbaru')!.id, SITI.nik), undefined, 'an office without a snapshot has no facts');
  });

  it('parses in a worker thread when asked, with the same result as in-process', async () => {
    const file = join(dir, 'kukar.csv');
    writeCsv(file, extract('kabupaten-kutai-kartanegara', 3000, [], 13), { sep: ';' });
    const office = 'kabupaten-kutai-kartanegara';
    const inProcess = await importAs(t, file, office, { period: '2026-01', worker: false });
    const inWorker = await importAs(t, file, office, { period: '2026-02', worker: true });
    assert.ok(inProcess.ok && inWorker.ok, JSON.stringify([inProcess, inWorker]));
    assert.deepEqual(inWorker.value.rows, { ...inProcess.value.rows, unchanged: 3000, new: 0, removed: 0 });
    assert.equal(inProcess.value.rows.accepted, 3000);
  });

  it('refuses a file without the required columns, naming what it found', async () => {
    const file = join(dir, 'wrong.csv');
    writeFileSync(file, iconv.encode('NAMA;ALAMAT\nSITI;JL. MERDEKA\n', 'windows1252'));
    const r = await importAs(t, file, 'kota-jambi', { period: '2026-05' });
    assert.ok(!r.ok);
    assert.equal(r.error.problems[0]!.code, 'required-column-missing');
    assert.match(r.error.problems[0]!.message, /Kolom yang ada: NAMA, ALAMAT/);
  });
});
