/**
 * Reading a registry extract, without a database: which column is which, what makes a row
 * acceptable (REFERENCE §5), and how messy CSV text splits into records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMapping, resolveMapping } from '../../../src/domain/registry/columns.js';
import { decodeCells, encodeRow, fastPlan, fastRow, mappedPositions, newMemo, newRecord, checkRow, validateRow, storedSeparator } from '../../../src/domain/registry/row.js';
import { csvLine, sampleRows } from '../../../src/domain/registry/sample.js';
import { parseDate, parseFlag } from '../../../src/domain/registry/values.js';
import { CsvSplitter, detectSeparator, splitLine, type SplitRecord } from '../../../src/io/registry-file.js';
import { HEADER, row } from '../../registry/support.js';

const TODAY = '2026-03-02';
const SITI = row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI AMINAH', tanggal_lahir: '1990-07-01', jenis_kelamin: 'P', hubungan: 'ISTRI' });
const map = () => {
  const m = resolveMapping(HEADER, null);
  assert.ok(m.ok);
  return m.value;
};

describe('column mapping of an extract', () => {
  it('understands the layout seen in public code, whatever the case', () => {
    const m = resolveMapping(HEADER.map((h) => h.toUpperCase()), null);
    assert.ok(m.ok);
    assert.equal(m.value.index.nomor_nik, 10);
    assert.equal(m.value.index.nomor_kk, 9);
    assert.equal(m.value.index.pbi_jk, 20);
    assert.deepEqual(m.value.unused, []);
  });

  it('understands common variants: NIK, NO_KK, NAMA, "Tgl Lahir", JK, and keeps unknown columns as unused', () => {
    const m = resolveMapping(['No', 'NIK', 'NO_KK', 'NAMA', 'Tgl Lahir', 'JK', 'Desil', 'Status PKH', 'Keterangan', 'KIP'], null);
    assert.ok(m.ok);
    assert.deepEqual([m.value.index.nomor_nik, m.value.index.nomor_kk, m.value.index.nama, m.value.index.tanggal_lahir, m.value.index.jenis_kelamin, m.value.index.desil, m.value.index.pkh], [1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(m.value.flags, [{ name: 'kip', index: 9 }], 'KIP is recognised as another programme flag');
    assert.deepEqual(m.value.unused, ['No', 'Keterangan']);
  });

  it('lets a mapping file name the columns, and says which required column is missing and what the file has', () => {
    const mapping = parseMapping({ columns: { nomor_nik: 'NIK_ART', nomor_kk: 'NKK', nama: 'NAMA_ART' }, flags: { pena: 'PENERIMA_PENA' } });
    assert.ok(mapping.ok);
    const m = resolveMapping(['NKK', 'NIK_ART', 'NAMA_ART', 'PENERIMA_PENA'], mapping.value);
    assert.ok(m.ok);
    assert.deepEqual([m.value.index.nomor_kk, m.value.index.nomor_nik, m.value.index.nama], [0, 1, 2]);
    assert.deepEqual(m.value.flags, [{ name: 'pena', index: 3 }]);

    const missing = resolveMapping(['NAMA', 'ALAMAT'], null);
    assert.ok(!missing.ok);
    assert.deepEqual(missing.problems.map((p) => p.code), ['required-column-missing', 'required-column-missing']);
    assert.match(missing.problems[0]!.message, /nomor_nik tidak ditemukan\. Kolom yang ada: NAMA, ALAMAT/);

    const desil = parseMapping({ columns: { desil: 'DESIL_NASIONAL' } });
    assert.ok(desil.ok);
    const wrong = resolveMapping(['NIK', 'NO_KK', 'NAMA'], desil.value);
    assert.ok(!wrong.ok);
    assert.equal(wrong.problems[0]!.code, 'mapping-column-missing');
  });

  it('refuses a malformed mapping file with the path of the problem', () => {
    const r = parseMapping({ columns: { nik_kepala: 'NIK' }, threshold: 5 });
    assert.ok(!r.ok);
    assert.ok(r.problems.some((p) => p.message.includes('columns')));
    assert.ok(r.problems.some((p) => p.message.includes('threshold')));
  });
});

describe('validation of one row', () => {
  it('accepts a well-formed row and normalises it', () => {
    const r = validateRow(SITI, 2, map(), TODAY);
    assert.ok(r.ok);
    assert.equal(r.record[11], '1571024107900003');
    assert.equal(r.record[13], '1990-07-01');
    assert.equal(r.record[18], 2);
    assert.deepEqual(r.record.slice(19, 22), [0, 1, 1]);
  });

  it('rejects a bad NIK with the specific reason: length, non-digits, impossible date, unknown province', () => {
    const reasons = ['157102410790003', '15710241079O0003', '1571023102900003', '9971024107900003'].map((nik) => {
      const r = validateRow(row({ nik, kk: '1571020101150007', nama: 'X' }), 7, map(), TODAY);
      assert.ok(!r.ok);
      assert.equal(r.rejections[0]!.column, 'nomor_nik');
      assert.equal(r.rejections[0]!.rowNo, 7);
      return r.rejections[0]!.reason;
    });
    assert.match(reasons[0]!, /harus 16 digit; yang diisi 15 digit/);
    assert.match(reasons[1]!, /hanya boleh berisi angka 0–9; ditemukan "O"/);
    assert.match(reasons[2]!, /tidak ada di kalender: 31 Februari 1990/);
    assert.match(reasons[3]!, /Kode provinsi "99"/);
  });

  it('accepts NIKs typed with spaces or a leading apostrophe (spreadsheet text), and reports every problem of a row', () => {
    const r = validateRow(row({ nik: "'1571 0241 0790 0003", kk: '1571020101150007', nama: 'SITI AMINAH' }), 3, map(), TODAY);
    assert.ok(r.ok);
    assert.equal(r.record[11], '1571024107900003');
    const bad = validateRow(row({ nik: '1571024107900003', kk: '1571024107900003', nama: '', desil: '11', pkh: 'mungkin' }), 4, map(), TODAY);
    assert.ok(!bad.ok);
    assert.deepEqual(bad.rejections.map((x) => x.column), ['nomor_kk', 'nama', 'desil', 'pkh']);
    assert.match(bad.rejections[0]!.reason, /tidak memakai tambahan 40/);
  });

  it('reads birth dates as extracts write them, and refuses impossible or future ones', () => {
    for (const s of ['1990-07-01', '01-07-1990', '01/07/1990', '1.7.1990', '1 Juli 1990', '01-Jul-1990', '1990-07-01 00:00:00', '33055']) assert.deepEqual(parseDate(s, TODAY), { ok: true, value: '1990-07-01' }, s);
    assert.deepEqual(parseDate('01/07/90', TODAY), { ok: true, value: '1990-07-01' });
    assert.ok(!parseDate('31/02/1990', TODAY).ok);
    assert.match((parseDate('2027-01-01', TODAY) as { reason: string }).reason, /masa depan/);
    assert.ok(!parseDate('kemarin', TODAY).ok);
  });

  it('reads programme flags as 1/0, Ya/Tidak, Y/N, and desil 1–10 only', () => {
    assert.deepEqual(['1', 'Y', 'ya', 'TRUE', '0', 'Tidak', 'N', '-', ''].map(parseFlag), [true, true, true, true, false, false, false, false, null]);
    assert.equal(parseFlag('mungkin'), undefined);
    for (const d of ['0', '11', 'empat', '4.5']) assert.ok(!validateRow(row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI', desil: d }), 2, map(), TODAY).ok, d);
    const ok = validateRow(row({ nik: '1571024107900003', kk: '1571020101150007', nama: 'SITI', desil: '10' }), 2, map(), TODAY);
    assert.ok(ok.ok && ok.record[18] === 10);
  });
});

describe('storing a row', () => {
  it('keeps a row already in normal form as its source line, and normalises any other row', () => {
    const m = map();
    const line = SITI.join(',');
    const rec = newRecord();
    assert.equal(checkRow(SITI, 2, m, TODAY, rec), null);
    const fast = encodeRow(SITI, line, ',', rec, mappedPositions(m), m.flags);
    const cols = fast.split('\t');
    assert.deepEqual(cols.slice(0, 7), ['2', '1571024107900003', '1571020101150007', '2', '0', '1', '1']);
    assert.equal(cols[8], line, 'the cells column is the source line itself');
    assert.deepEqual(decodeCells(cols[8]!, storedSeparator(',')), SITI);

    const messy = SITI.slice();
    messy[12] = '01/07/1990';
    messy[11] = ' Siti Aminah ';
    messy[5] = 'JL. SULTAN THAHA, NO. 12'; // a separator inside a (quoted) field
    assert.equal(checkRow(messy, 3, m, TODAY, rec), null);
    const slow = encodeRow(messy, null, ',', rec, mappedPositions(m), m.flags).split('\t');
    const cells = decodeCells(slow[8]!, ',');
    assert.equal(cells[12], '1990-07-01');
    assert.equal(cells[11], 'Siti Aminah');
    assert.equal(cells[5], 'JL. SULTAN THAHA, NO. 12');
  });
});

describe('the fast path for rows already in normal form', () => {
  it('accepts and encodes exactly what the full path accepts and encodes, and leaves everything else to it', () => {
    const m = map();
    const plan = fastPlan(m, ',')!;
    const positions = mappedPositions(m);
    const variants = (r: string[]): string[][] => {
      const v = (i: number, x: string) => r.map((c, k) => (k === i ? x : c));
      return [r, v(12, '1990-07-31'), v(12, '01/07/1990'), v(11, ` ${r[11]}`), v(14, 'Laki-laki'), v(17, '11'), v(17, '10'), v(18, 'Y'), v(10, '1571024107900000'), v(10, `'${r[10]}`), v(12, '2030-01-01'), v(12, '1870-01-01'), v(9, '1571024107900003'), v(5, 'JL. A\\B'), v(11, '')];
    };
    let fast = 0;
    let full = 0;
    for (const r of sampleRows(300, { office: 'kota-jambi', seed: 3, today: '2026-01-15' }))
      for (const cells of variants(r)) {
        const line = csvLine(cells);
        const memoA = newMemo();
        const viaFast = fastRow(line, 5, plan, TODAY, memoA);
        const rec = newRecord();
        const rej = checkRow(line.split(','), 5, m, TODAY, rec, newMemo());
        const viaFull = rej ? null : encodeRow(line.split(','), line, ',', rec, positions, m.flags);
        if (viaFast !== null) {
          fast++;
          assert.equal(viaFast, viaFull, line);
        } else full++;
      }
    assert.ok(fast === 600 && full === 3900, `${fast} fast, ${full} full`);
  });
});

describe('splitting CSV text into records', () => {
  /** Records with their cells (a line handed over unsplit is split as the importer would). */
  const split = (text: string, sep: string, expected = 0, chunks = 1) => {
    const s = new CsvSplitter(sep);
    s.expected = expected;
    const out: SplitRecord[] = [];
    const size = Math.ceil(text.length / chunks);
    for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size), false, out);
    s.push('', true, out);
    return out.map((r) => ({ rowNo: r.rowNo, cells: r.cells ?? (r.line === null ? null : splitLine(r.line, sep, s.expected)[0]) }));
  };

  it('handles quoted fields with separators, doubled quotes and line breaks, across chunk boundaries', () => {
    const text = 'a,b,c\r\n1,"Jl. Merdeka, No. 5","kata ""ibu"""\r\n2,"RT 05\nRW 02",x\n';
    for (const chunks of [1, 3, 7, 40]) {
      const recs = split(text, ',', 3, chunks);
      assert.deepEqual(
        recs.map((r) => r.cells),
        [['a', 'b', 'c'], ['1', 'Jl. Merdeka, No. 5', 'kata "ibu"'], ['2', 'RT 05\nRW 02', 'x']],
        `${chunks} chunks`,
      );
      assert.deepEqual(recs.map((r) => r.rowNo), [1, 2, 3]);
    }
  });

  it('skips blank lines but counts them, so row numbers match a spreadsheet', () => {
    const recs = split('h1;h2\n\n1;2\n ; \n3;4', ';', 2);
    assert.deepEqual(recs.map((r) => [r.rowNo, r.cells]), [[1, ['h1', 'h2']], [2, null], [3, ['1', '2']], [4, null], [5, ['3', '4']]]);
  });

  it('reads a row written with another separator when it does not split into the header’s columns', () => {
    const recs = split('a;b;c\n1;2;3\n4,5,6\n7|"8|9"|10\n', ';', 3);
    assert.deepEqual(recs.map((r) => r.cells), [['a', 'b', 'c'], ['1', '2', '3'], ['4', '5', '6'], ['7', '8|9', '10']]);
  });

  it('detects the separator from the header line, ignoring quoted text', () => {
    assert.equal(detectSeparator('"NIK;KK",NAMA,ALAMAT'), ',');
    assert.equal(detectSeparator('NIK;NO_KK;NAMA'), ';');
    assert.equal(detectSeparator('NIK|NO_KK|NAMA'), '|');
    assert.equal(detectSeparator('NIK\tNO_KK\tNAMA'), '\t');
  });
});
